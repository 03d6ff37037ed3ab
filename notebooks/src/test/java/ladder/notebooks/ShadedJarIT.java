package ladder.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import ladder.engine.contract.Field;
import ladder.engine.contract.Schema;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code ladder} command ({@code bin/ladder} over {@code reports/target/ladder.jar}), as
 * a user runs it: the shaded jar must carry everything its readers need at run time, which the
 * unit tests' class path cannot show.
 */
class ShadedJarIT {

    @Test
    void theCommandReadsCsvAndArrowFiles(@TempDir Path dir) throws IOException {
        Shell.Run csv = Shell.here().run(2, "bin/ladder", "composition", "--data", "datasets/sample", "--by", "year");
        assertEquals(0, csv.exitCode(), csv.output());
        assertTrue(csv.output().contains("Read 30,000 rows from 18 file(s): 30,000 accepted, 0 rejected"), csv.output());

        Path arrow = dir.resolve("employees.arrow");
        writeArrow(arrow, List.of(
                "E1,2024,P1,Legal services,UKI,4,routine,state,no,no,woman,white,no,25-34,internal,20.5,0,1,12,1",
                "E1,2024,P2,Legal services,UKI,2,manager,independent,no,yes,man,asian,no,35-44,other,31.25,,0,40,0",
                "E1,2024,P3,Legal services,UKI,9,manager,independent,no,yes,man,asian,no,35-44,other,31.25,,0,40,0"));
        Shell.Run run = Shell.here().run(2, "bin/ladder", "validate", "--data", arrow.toString(), "--format", "json",
                "--rejects", dir.resolve("rejects.csv").toString());
        assertEquals(0, run.exitCode(), run.output());
        JsonNode inputs = new ObjectMapper().readTree(run.output().substring(run.output().indexOf('{'))).get("inputs");
        assertEquals(3, inputs.get("read").asLong(), run.output());
        assertEquals(2, inputs.get("accepted").asLong(), run.output());
        assertEquals(1, inputs.get("rejected").asLong(), run.output());
    }

    /**
     * The sample pool as a Parquet file written by DuckDB (Zstandard, data pages v2, delta
     * encodings): Ladder's own Parquet decoder and its decompressors must be in the jar, the
     * composition must be the CSV files' to the last digit, and no library's logging may reach
     * the user.
     */
    @Test
    void theCommandReadsParquetFilesAsItReadsTheirCsv(@TempDir Path dir) throws Exception {
        Path parquet = dir.resolve("sample.parquet");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT * FROM read_csv('" + Shell.here().repo().resolve("datasets/sample/*.csv")
                    + "', header = true)) TO '" + parquet
                    + "' (FORMAT parquet, PARQUET_VERSION v2, COMPRESSION zstd)");
        }
        Shell.Run csv = Shell.here().run(2, "bin/ladder", "composition", "--data", "datasets/sample", "--by", "year,grade",
                "--format", "csv");
        Shell.Run run = Shell.here().run(2, "bin/ladder", "composition", "--data", parquet.toString(), "--by", "year,grade",
                "--format", "csv");
        assertEquals(0, csv.exitCode(), csv.output());
        assertEquals(0, run.exitCode(), run.output());
        assertEquals(table(csv.output()), table(run.output()));
        assertFalse(run.output().contains("SLF4J"), "logging noise from the libraries reached the user: " + run.output());
    }

    /**
     * Too little memory is one line saying how to give more, and exit status 2, never a Java trace
     * (a composition by ten dimensions of the sample under a 16 MB heap, which runs out while the
     * load's threads parse or while the cube is built, both of which must end the same way).
     */
    @Test
    void runningOutOfMemoryIsOneLineSayingHowToGiveMore() {
        for (int i = 0; i < 4; i++) {
            assertOneMemoryLine(Shell.here().with("LADDER_JAVA_OPTS", "-Xmx16m").run(2, "bin/ladder", "composition", "--data",
                "datasets/sample", "--by", "employer_id,year,sector,region,grade,gender,ethnicity,disability,age_band,"
                        + "entry_route"));
        }
    }

    /**
     * A pool too large for the heap is refused before it is read, in one line saying how many rows,
     * how much heap they need and how to give it (400,000 generated rows, about 21 MiB to load, under
     * a 16 MB heap; streamed they would need about 12 MiB).
     */
    @Test
    void aPoolTooLargeForTheHeapIsRefusedBeforeItIsRead(@TempDir Path dir) {
        Path pool = dir.resolve("pool.csv");
        Shell.Run generated = Shell.here().run(2, "bin/ladder", "generate", "--rows", "400000", "--seed", "1", "--out",
                pool.toString());
        assertEquals(0, generated.exitCode(), generated.output());
        Shell.Run run = Shell.here().with("LADDER_JAVA_OPTS", "-Xmx16m").run(2, "bin/ladder", "composition", "--load",
                "--data", pool.toString(), "--by", "year");
        assertEquals(2, run.exitCode(), run.output());
        assertTrue(run.output().contains(pool + ": about ") && run.output().contains("rows, which need about ")
                && run.output().contains("of Java heap to load") && run.output().contains("LADDER_JAVA_OPTS=-Xmx1g"),
                run.output());
        assertFalse(run.output().contains("\tat ") || run.output().contains("out of memory"), run.output());
    }

    private static void assertOneMemoryLine(Shell.Run run) {
        assertEquals(2, run.exitCode(), run.output());
        assertTrue(run.output().contains("ladder: out of memory") && run.output().contains("LADDER_JAVA_OPTS"),
                run.output());
        assertFalse(run.output().contains("\tat ") || run.output().contains("OutOfMemoryError"), run.output());
    }

    /** The CSV table of a run's output, without what the command says about the files it read. */
    private static String table(String output) {
        return output.substring(output.indexOf("year,"));
    }

    /** An Arrow IPC file of the employees columns, all as strings (the contract accepts string columns). */
    private static void writeArrow(Path file, List<String> rows) throws IOException {
        List<Field> fields = Schema.EMPLOYEES.fields();
        try (RootAllocator allocator = new RootAllocator()) {
            List<org.apache.arrow.vector.FieldVector> vectors = new ArrayList<>();
            for (Field f : fields) {
                VarCharVector v = new VarCharVector(f.name(), allocator);
                v.allocateNew(rows.size());
                vectors.add(v);
            }
            for (int r = 0; r < rows.size(); r++) {
                String[] values = rows.get(r).split(",", -1);
                for (int c = 0; c < fields.size(); c++) {
                    VarCharVector v = (VarCharVector) vectors.get(c);
                    if (values[c].isEmpty()) {
                        v.setNull(r);
                    } else {
                        v.setSafe(r, values[c].getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
            try (VectorSchemaRoot root = new VectorSchemaRoot(vectors);
                 FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 ArrowFileWriter writer = new ArrowFileWriter(root, null, channel)) {
                root.setRowCount(rows.size());
                writer.start();
                writer.writeBatch();
                writer.end();
            }
        }
    }
}
