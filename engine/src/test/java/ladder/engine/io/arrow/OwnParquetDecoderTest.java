package ladder.engine.io.arrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import ladder.engine.LadderException;
import ladder.engine.contract.Schema;
import ladder.engine.io.LoadOutcome;
import ladder.engine.io.RejectsWriter;
import ladder.engine.io.RowValidator;
import ladder.engine.io.SourceReader;
import ladder.engine.io.arrow.ArrowTables.Column;
import ladder.engine.io.arrow.ArrowTables.Format;
import ladder.engine.io.parquet.ColumnChunkReader;
import ladder.engine.io.parquet.ColumnValues;
import ladder.engine.io.parquet.LeafColumn;
import ladder.engine.io.parquet.ParquetFile;
import ladder.engine.io.parquet.UnsupportedParquet;
import ladder.engine.table.TableBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ladder's own Parquet decoder against Arrow's (the C++ library behind arrow-dataset, an
 * independent reading of the same bytes): on random tables written by Arrow and re-written by
 * DuckDB in each of its layouts (data pages v1 and v2; dictionary, plain, delta and
 * byte-stream-split encodings; Snappy, gzip, Zstandard, LZ4, Brotli and none; many row groups), a load
 * through the own decoder on 1 to 3 threads ends exactly where offering Arrow's reading of every
 * row as text does ({@link ArrowParquetReference}, tests only), and so does a read for a sink.
 * Files the decoder does not read are refused naming what they use, and corrupt files are refused
 * with one located line.
 */
class OwnParquetDecoderTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void arrowWrittenFilesLoadAsArrowReadsThem(int threads) throws IOException {
        for (long seed = 1; seed <= 5; seed++) {
            SplittableRandom random = new SplittableRandom(seed * 101 + threads);
            int batchRows = 1 + random.nextInt(90);
            Path file = Format.PARQUET.write(dir, "arrow-" + seed, TypedLoadTest.columns(random, 50 + random.nextInt(250)),
                    batchRows);
            assertOwnDecoderReads(file);
            LoadOutcome text = LoadOutcome.of(file, dir, new ArrowParquetReference(batchRows), false);
            LoadOutcome own = LoadOutcome.of(file, dir, new ParquetReader(1 + random.nextInt(100), threads), true);
            own.assertSameAs(text, threads + " threads, seed " + seed);
            // A read for a sink, from the own decoder's values offered as text, ends where Arrow's does.
            LoadOutcome read = LoadOutcome.of(file, dir, new ParquetReader(1 + random.nextInt(100), threads), false);
            read.assertSameAs(text, "read, " + threads + " threads, seed " + seed);
        }
    }

    /** DuckDB's ways of writing Parquet, each an option list of its {@code COPY ... TO}. */
    enum DuckDbLayout {
        V1_SNAPPY("FORMAT parquet, ROW_GROUP_SIZE 2048"),
        V2_ZSTD("FORMAT parquet, PARQUET_VERSION v2, COMPRESSION zstd, ROW_GROUP_SIZE 2048"),
        V2_GZIP("FORMAT parquet, PARQUET_VERSION v2, COMPRESSION gzip"),
        V1_UNCOMPRESSED("FORMAT parquet, COMPRESSION uncompressed, ROW_GROUP_SIZE 4096"),
        V2_LZ4_RAW("FORMAT parquet, PARQUET_VERSION v2, COMPRESSION lz4_raw, ROW_GROUP_SIZE 2048"),
        /** Not readable by Arrow Java's native library, which is built without Brotli. */
        V1_BROTLI("FORMAT parquet, COMPRESSION brotli, ROW_GROUP_SIZE 2048");

        final String options;

        DuckDbLayout(String options) {
            this.options = options;
        }
    }

    @ParameterizedTest
    @EnumSource(DuckDbLayout.class)
    void duckDbWrittenFilesLoadAsArrowReadsThem(DuckDbLayout layout) throws Exception {
        for (long seed = 1; seed <= 3; seed++) {
            SplittableRandom random = new SplittableRandom(seed * 7 + layout.ordinal());
            Path source = Format.PARQUET.write(dir, "source-" + seed, duckDbSafe(TypedLoadTest.columns(random, 9_000)), 9_000);
            // The reference is Arrow's reading of DuckDB's default layout of the same rows, under the same name.
            Path file = dir.resolve("duckdb-" + layout + "-" + seed + ".parquet");
            duckDbCopy(source, file, "FORMAT parquet");
            LoadOutcome text = LoadOutcome.of(file, dir, new ArrowParquetReference(65_536), false);
            Files.delete(file);
            duckDbCopy(source, file, layout.options);
            assertOwnDecoderReads(file);
            for (int threads = 1; threads <= 2; threads++) {
                LoadOutcome own = LoadOutcome.of(file, dir, new ParquetReader(1 + random.nextInt(5_000), threads), true);
                own.assertSameAs(text, layout + ", " + threads + " threads, seed " + seed);
            }
        }
    }

    /**
     * Arrow's writer stops adding to a column chunk's dictionary past 1 MiB and writes the rest of
     * the chunk's pages plain: here person ids of 60 characters, 40,000 of them, so the chunk
     * holds pages of both kinds and batches straddle them.
     */
    @Test
    void aChunkWhoseDictionaryOverflowsIntoPlainPages() throws Exception {
        SplittableRandom random = new SplittableRandom(8);
        int rows = 40_000;
        List<Column> columns = new ArrayList<>();
        for (Column column : TypedLoadTest.columns(random, rows)) {
            if (column.name().equals("person_id")) {
                List<Object> ids = new ArrayList<>();
                for (int r = 0; r < rows; r++) {
                    ids.add(random.nextInt(50) == 0 ? null : String.format("person-%054d", random.nextInt(rows)));
                }
                column = new Column("person_id", ArrowTables.UTF8, false, ids);
            }
            columns.add(column);
        }
        Path file = Format.PARQUET.write(dir, "overflow", columns, rows);
        assertArrayEquals(new long[] {1, 1}, pageKinds(file, "person_id"), "rows from the dictionary, rows plain");
        assertOwnDecoderReads(file);
        LoadOutcome text = LoadOutcome.of(file, dir, new ArrowParquetReference(65_536), false);
        for (int batchRows : new int[] {997, 65_536}) {
            LoadOutcome.of(file, dir, new ParquetReader(batchRows, 2), true).assertSameAs(text, batchRows + " rows a batch");
        }
    }

    /** Whether some of a column's rows come from a dictionary and whether some are plain, 1 for yes, by the decoder's reading. */
    private static long[] pageKinds(Path file, String name) throws Exception {
        long[] kinds = new long[2];
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ParquetFile parquet = ParquetFile.open(channel);
            LeafColumn column = parquet.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
            ColumnValues values = new ColumnValues(column.type());
            for (int g = 0; g < parquet.rowGroups(); g++) {
                ColumnChunkReader reader = parquet.reader(g, column);
                for (long left = parquet.rows(g); left > 0; left -= values.rows()) {
                    reader.read((int) Math.min(1000, left), values);
                    kinds[0] |= values.dictionaryRows() > 0 ? 1 : 0;
                    kinds[1] |= values.plainRows() > 0 ? 1 : 0;
                }
            }
        }
        return kinds;
    }

    /** A contract column of a type the decoder does not read (here a Boolean) refuses the file as Arrow's reading of it did. */
    @Test
    void aTypeTheDecoderDoesNotReadIsRefusedAsArrowRefusesIt() throws Exception {
        Path source = Format.PARQUET.write(dir, "source", duckDbSafe(TypedLoadTest.columns(new SplittableRandom(3), 100)), 100);
        Path file = dir.resolve("boolean.parquet");
        duckDbCopy("SELECT * REPLACE (true AS promoted) FROM read_parquet('" + source + "')", file, "FORMAT parquet");
        LadderException own = assertThrows(LadderException.class, () -> load(file, new ParquetReader(64, 2)));
        LadderException arrow = assertThrows(LadderException.class, () -> load(file, new ArrowParquetReference(64)));
        assertEquals(arrow.getMessage(), own.getMessage());
        assertTrue(own.getMessage().contains("column 'promoted' is bool but promoted needs"), own.getMessage());
    }

    /**
     * Bytes changed at random inside the pages (the footer left whole, so the own decoder is the one
     * reading) either load or refuse the file with one line naming it: never another exception.
     */
    @Test
    void corruptPagesAreRefusedWithOneLine() throws Exception {
        Path source = Format.PARQUET.write(dir, "source", duckDbSafe(TypedLoadTest.columns(new SplittableRandom(5), 3_000)), 3_000);
        Path good = dir.resolve("good.parquet");
        duckDbCopy(source, good, "FORMAT parquet, PARQUET_VERSION v2, ROW_GROUP_SIZE 2048");
        byte[] bytes = Files.readAllBytes(good);
        int footer = footerStart(bytes);
        SplittableRandom random = new SplittableRandom(11);
        int refused = 0;
        for (int trial = 0; trial < 150; trial++) {
            byte[] broken = bytes.clone();
            for (int k = 0, n = 1 + random.nextInt(4); k < n; k++) {
                broken[4 + random.nextInt(footer - 4)] ^= (byte) (1 + random.nextInt(255));
            }
            Path file = dir.resolve("broken-" + trial + ".parquet");
            Files.write(file, broken);
            try {
                load(file, new ParquetReader(1 + random.nextInt(3_000), 1 + random.nextInt(2)));
            } catch (LadderException e) {
                assertTrue(e.getMessage().startsWith(file + ": not a readable Parquet file ("), e.getMessage());
                assertEquals(1, e.getMessage().lines().count(), e.getMessage());
                refused++;
            }
            Files.delete(file);
        }
        assertTrue(refused > 50, "only " + refused + " of 150 corrupt files were refused");
    }

    /** Where the footer starts: the 4-byte length before the closing magic number says. */
    private static int footerStart(byte[] bytes) {
        int at = bytes.length - 8;
        int length = (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8 | (bytes[at + 2] & 0xff) << 16 | (bytes[at + 3] & 0xff) << 24;
        return at - length;
    }

    private void load(Path file, SourceReader reader) throws IOException {
        TableBuilder builder = new TableBuilder(Schema.EMPLOYEES, 7);
        try (RejectsWriter rejects = RejectsWriter.toFile(Files.createTempFile(dir, "rejects", ".csv"))) {
            reader.load(file, Schema.EMPLOYEES, new RowValidator(Schema.EMPLOYEES, builder, rejects), warning -> { });
        }
    }

    /** Binds the file for the own decoder: fails with {@link UnsupportedParquet} if it would refuse what the file uses. */
    private void bind(Path file) throws IOException, UnsupportedParquet {
        SourceFile source = new SourceFile(file.toString(), "Parquet");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                RejectsWriter rejects = RejectsWriter.toFile(Files.createTempFile(dir, "rejects", ".csv"))) {
            RowValidator validator = new RowValidator(Schema.EMPLOYEES, new TableBuilder(Schema.EMPLOYEES, 7), rejects);
            ParquetRowGroupLoad.bind(source, ParquetFile.open(channel), Schema.EMPLOYEES, validator, warning -> { }, 64);
        }
    }

    private void assertOwnDecoderReads(Path file) {
        assertDoesNotThrow(() -> bind(file), file.toString());
    }

    /** Without the values DuckDB will not take into a VARCHAR: bytes that are not UTF-8. */
    private static List<Column> duckDbSafe(List<Column> columns) {
        List<Column> safe = new ArrayList<>();
        for (Column column : columns) {
            List<Object> values = new ArrayList<>(column.values());
            values.replaceAll(value -> value instanceof byte[] ? "Cafe" : value);
            safe.add(new Column(column.name(), column.type(), column.dictionary(), values));
        }
        return safe;
    }

    private static void duckDbCopy(Path source, Path target, String options) throws SQLException {
        duckDbCopy("SELECT * FROM read_parquet('" + source + "')", target, options);
    }

    private static void duckDbCopy(String query, Path target, String options) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("COPY (" + query + ") TO '" + target + "' (" + options + ")");
        }
    }
}
