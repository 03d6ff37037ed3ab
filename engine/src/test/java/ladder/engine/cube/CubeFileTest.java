package ladder.engine.cube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ladder.engine.LadderException;
import ladder.engine.filter.Filter;
import ladder.engine.filter.FilterParser;
import ladder.engine.table.Table;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryEncoder;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cube files: written and read back to the last bit; refused in one line when they are not cube files. */
class CubeFileTest {
    @TempDir
    Path dir;

    private static Cube sample() {
        Table table = RandomTables.employees(21, 5000, 512, 0.2, 30);
        Cube cube = CubeKernel.build(table, FilterParser.parse("grade >= 2", table),
                List.of("employer_id", "year", "seb", "grade"), List.of("hourly_pay", "bonus", "promoted"), 2);
        return cube.withProvenance(new Cube.Provenance(List.of(new Cube.Source("a b.csv", "ab12"),
                new Cube.Source("c.csv", "cd34")), 5003, 5000, 3));
    }

    @Test
    void aCubeReadBackIsTheSameCube() throws Exception {
        Cube cube = sample();
        Path file = dir.resolve("cube.arrow");
        CubeFile.write(cube, file);
        Cube back = CubeFile.read(file);
        assertEquals(cube, back);
        assertEquals(cube.provenance(), back.provenance());
        try (var files = java.nio.file.Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void anEmptyCubeReadsBack() {
        Table empty = RandomTables.employees(1, 0, 64, 0.1, 5);
        Cube cube = CubeKernel.build(empty, Filter.ALL, List.of("seb", "employer_id"), List.of("bonus"), 1);
        Path file = dir.resolve("empty.arrow");
        CubeFile.write(cube, file);
        assertEquals(cube, CubeFile.read(file));
    }

    /** What R's arrow::read_ipc_file or pyarrow.ipc sees: the documented columns and metadata, with Arrow alone. */
    @Test
    void arrowAloneFindsTheDocumentedColumnsAndMetadata() throws Exception {
        Cube cube = sample();
        Path file = dir.resolve("cube.arrow");
        CubeFile.write(cube, file);
        try (RootAllocator allocator = new RootAllocator();
                FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                ArrowFileReader reader = new ArrowFileReader(channel, allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            Map<String, String> meta = root.getSchema().getCustomMetadata();
            assertEquals("ladder-cube", meta.get("ladder.format"));
            assertEquals("1", meta.get("ladder.contract_version"));
            assertEquals("employer_id,year,seb,grade", meta.get("ladder.dimensions"));
            assertEquals("hourly_pay:100,bonus:100,promoted:1", meta.get("ladder.measures"));
            assertEquals("grade >= 2", meta.get("ladder.filter"));
            assertEquals("5003", meta.get("ladder.rows_read"));
            assertEquals("a+b.csv\tab12\nc.csv\tcd34\n", meta.get("ladder.sources"));
            List<String> names = root.getSchema().getFields().stream().map(f -> f.getName()).toList();
            List<String> expected = new ArrayList<>(List.of("employer_id", "year", "seb", "grade", "count"));
            for (String m : List.of("hourly_pay", "bonus", "promoted")) {
                for (String part : List.of("_n", "_sum", "_sum_of_squares", "_units_sum", "_units_sum_of_squares",
                        "_loose_sum", "_loose_sum_of_squares")) {
                    expected.add(m + part);
                }
            }
            assertEquals(expected, names);
            assertTrue(reader.loadNextBatch());
            assertEquals(cube.size(), root.getRowCount());
            FieldVector seb = root.getVector("seb");
            Dictionary dictionary = reader.getDictionaryVectors().get(seb.getField().getDictionary().getId());
            try (VarCharVector decoded = (VarCharVector) DictionaryEncoder.decode(seb, dictionary)) {
                BigIntVector count = (BigIntVector) root.getVector("count");
                Float8Vector pay = (Float8Vector) root.getVector("hourly_pay_sum");
                for (int c = 0; c < cube.size(); c++) {
                    assertEquals(cube.label(c, 2), new String(decoded.get(c), StandardCharsets.UTF_8));
                    assertEquals(cube.count(c), count.get(c));
                    assertEquals(cube.sum(c, 0), pay.get(c));
                }
            }
        }
    }

    @Test
    void truncatedCorruptedAndForeignFilesAreRefusedInOneLine() throws Exception {
        Path good = dir.resolve("good.arrow");
        CubeFile.write(sample(), good);
        byte[] bytes = Files.readAllBytes(good);

        Path truncated = dir.resolve("truncated.arrow");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Path corrupted = dir.resolve("corrupted.arrow");
        byte[] flipped = bytes.clone();
        for (int i = bytes.length / 3; i < bytes.length / 3 + 64; i++) {
            flipped[i] ^= (byte) 0x5A;
        }
        Files.write(corrupted, flipped);
        Path text = dir.resolve("text.arrow");
        Files.writeString(text, "employer_id,year\nE1,2020\n");
        Path foreign = dir.resolve("foreign.arrow");
        writePlainArrow(foreign);
        Path otherContract = dir.resolve("contract2.arrow");
        CubeFile.write(sample(), otherContract, Map.of("ladder.contract_version", "9"));

        for (Path bad : List.of(truncated, corrupted, text, foreign, otherContract, dir.resolve("absent.arrow"))) {
            LadderException e = assertThrows(LadderException.class, () -> CubeFile.read(bad), bad.toString());
            assertTrue(e.getMessage().startsWith(bad.toString()), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
        assertTrue(assertThrows(LadderException.class, () -> CubeFile.read(foreign)).getMessage()
                .contains("not a Ladder cube file"));
        assertTrue(assertThrows(LadderException.class, () -> CubeFile.read(otherContract)).getMessage()
                .contains("contract version 9"));
    }

    private static void writePlainArrow(Path file) throws Exception {
        try (RootAllocator allocator = new RootAllocator();
                BigIntVector v = new BigIntVector("count", allocator)) {
            v.allocateNew(2);
            v.set(0, 1);
            v.set(1, 2);
            v.setValueCount(2);
            try (VectorSchemaRoot root = VectorSchemaRoot.of(v);
                    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    ArrowFileWriter writer = new ArrowFileWriter(root, null, channel)) {
                writer.start();
                writer.writeBatch();
                writer.end();
            }
        }
    }
}
