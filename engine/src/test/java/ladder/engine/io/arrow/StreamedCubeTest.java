package ladder.engine.io.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import ladder.engine.LadderException;
import ladder.engine.contract.Field;
import ladder.engine.contract.Schema;
import ladder.engine.cube.Cube;
import ladder.engine.cube.CubeKernel;
import ladder.engine.cube.CubeStream;
import ladder.engine.filter.Filter;
import ladder.engine.filter.FilterParser;
import ladder.engine.io.LoadReport;
import ladder.engine.io.Loader;
import ladder.engine.io.Progress;
import ladder.engine.io.RejectsWriter;
import ladder.engine.io.RowValidator;
import ladder.engine.table.Table;
import ladder.engine.table.TableBuilder;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Streaming ({@link Loader#stream} into a {@link CubeStream}) against loading then building
 * ({@link Loader#load}, {@link CubeKernel#build}), on the same malformed files as CSV, Arrow IPC and
 * Parquet: rows breaking every kind of value rule, repeated keys (within a file and across files),
 * text levels in shuffled order and, in CSV, records that cannot be split. The rejected-rows files
 * must be byte for byte the same and the reports equal; the cubes, over coded, whole-number, text
 * and pay-in-pence dimensions, with and without a filter, on 1 to 4 threads, equal (counts exact, the
 * pay sums to 1e-12 relative: values held as doubles are added in another order). Chunks of 7 rows
 * handed on 3 at a time, so that a file is many groups and their cubes many merges.
 */
class StreamedCubeTest {
    private static final List<List<String>> DIMENSIONS = List.of(List.of("year", "seb"),
            List.of("employer_id", "sector", "seb"), List.of("employer_id", "year", "grade", "gender", "promoted"),
            List.of("seb", "hourly_pay"), List.of());
    private static final List<String> FILTERS = List.of("", "grade >= 4 and gender in (woman, man)",
            "hourly_pay > 20 or months_in_grade <= 12");

    @TempDir
    Path dir;

    enum Kind { CSV, ARROW, PARQUET }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void streamingGivesTheLoadedTablesCubesAndRejects(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        List<List<List<String>>> files = List.of(rows(random, 40 + random.nextInt(150)),
                rows(random, 1 + random.nextInt(60)));
        for (Kind kind : Kind.values()) {
            List<Path> paths = new ArrayList<>();
            for (int f = 0; f < files.size(); f++) {
                paths.add(write(kind, "part-" + f, files.get(f), random));
            }
            assertSameOutcome(paths, kind + ", seed " + seed);
        }
    }

    private void assertSameOutcome(List<Path> paths, String what) throws IOException {
        Path loadedRejects = dir.resolve("loaded-rejects.csv");
        Path streamedRejects = dir.resolve("streamed-rejects.csv");
        Loader.Loaded loaded = Loader.load(Schema.EMPLOYEES, paths, loadedRejects);
        for (String where : FILTERS) {
            Filter filter = FilterParser.parse(where, new TableBuilder(Schema.EMPLOYEES).build());
            for (List<String> dims : DIMENSIONS) {
                List<String> measures = dims.contains("hourly_pay") ? List.of() : List.of("hourly_pay", "grade");
                for (int threads = 1; threads <= 4; threads++) {
                    String at = what + ", " + dims + " where '" + where + "', " + threads + " threads";
                    Cube expected = null;
                    LadderException refused = null;
                    try {
                        expected = CubeKernel.build(loaded.table(), FilterParser.parse(where, loaded.table()), dims,
                                measures, threads);
                    } catch (LadderException e) {
                        refused = e;
                    }
                    CubeStream stream = new CubeStream(Schema.EMPLOYEES, filter, dims, measures, threads);
                    // Groups of every column (the person interned, keys coded) or of only the cube's columns (as
                    // commands stream: persons keyed by their bytes), each on every thread count in turn.
                    boolean every = (threads + DIMENSIONS.indexOf(dims)) % 2 == 1;
                    LoadReport report = Loader.stream(Schema.EMPLOYEES, paths, streamedRejects, Progress.NONE, 7, 3,
                            every ? null : stream.columns(), stream);
                    assertEquals(Files.readString(loadedRejects), Files.readString(streamedRejects), at);
                    assertEquals(withoutRejectsFile(loaded.report()), withoutRejectsFile(report), at);
                    if (refused != null) {
                        assertEquals(refused.getMessage(), assertThrows(LadderException.class, stream::cube).getMessage(),
                                at);
                    } else {
                        assertSameCube(expected, stream.cube(), at);
                    }
                }
            }
        }
    }

    /**
     * Parquet read in batches smaller than a row group, so that a batch's dictionary holds values
     * (broken ones among them) that none of its rows use, into a streaming builder storing only
     * the cube's columns: the rejects and cube of loading the whole table. Each batch's dictionary
     * is then checked whole, and its rows copied or, for a column not stored, passed over, only
     * when every value of it is taken; a broken value no row of the batch uses must break no row.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 3, 8, 40})
    void parquetBatchesWithinARowGroupStreamAsTheTableLoads(int batchRows) throws IOException {
        SplittableRandom random = new SplittableRandom(batchRows);
        Path file = write(Kind.PARQUET, "batches", rows(random, 300), random);
        Path loadedRejects = dir.resolve("loaded-rejects.csv");
        Path streamedRejects = dir.resolve("streamed-rejects.csv");
        Loader.Loaded loaded = Loader.load(Schema.EMPLOYEES, List.of(file), loadedRejects);
        assertTrue(loaded.report().rejected() > 0, "some rows are rejected");
        for (List<String> dims : List.of(List.of("year", "seb"), List.of("employer_id", "region", "grade"))) {
            for (int threads = 1; threads <= 2; threads++) {
                String at = dims + ", batches of " + batchRows + ", " + threads + " threads";
                CubeStream stream = new CubeStream(Schema.EMPLOYEES, Filter.ALL, dims, List.of("hourly_pay"), threads);
                TableBuilder builder = TableBuilder.streaming(Schema.EMPLOYEES, 7, 3, stream.columns(), stream);
                try (RejectsWriter rejects = RejectsWriter.toFile(streamedRejects)) {
                    RowValidator validator = new RowValidator(Schema.EMPLOYEES, builder, rejects);
                    new ParquetReader(batchRows, threads).load(file, Schema.EMPLOYEES, validator, warning -> { });
                    rejects.commit();
                    assertEquals(loaded.report().accepted(), validator.accepted(), at);
                    assertEquals(loaded.report().rejected(), validator.rejected(), at);
                }
                builder.finish();
                assertEquals(Files.readString(loadedRejects), Files.readString(streamedRejects), at);
                assertSameCube(CubeKernel.build(loaded.table(), Filter.ALL, dims, List.of("hourly_pay"), threads),
                        stream.cube(), at);
            }
        }
    }

    private static LoadReport withoutRejectsFile(LoadReport r) {
        return new LoadReport(r.files(), r.read(), r.accepted(), r.rejected(), r.rejectedByRule(), r.firstRejections(),
                r.warnings(), null);
    }

    /** Equal dimensions, levels, cells and counts; sums equal to 1e-12 relative. */
    static void assertSameCube(Cube expected, Cube actual, String at) {
        assertEquals(expected.dimensions(), actual.dimensions(), at);
        assertEquals(expected.measures(), actual.measures(), at);
        assertEquals(expected.filter(), actual.filter(), at);
        assertEquals(expected.size(), actual.size(), at);
        for (int cell = 0; cell < expected.size(); cell++) {
            for (int d = 0; d < expected.dimensions().size(); d++) {
                assertEquals(expected.level(cell, d), actual.level(cell, d), at);
            }
            assertEquals(expected.count(cell), actual.count(cell), at);
            for (int m = 0; m < expected.measures().size(); m++) {
                assertEquals(expected.valueCount(cell, m), actual.valueCount(cell, m), at);
                assertEquals(expected.sum(cell, m), actual.sum(cell, m), 1e-12 * Math.abs(expected.sum(cell, m)), at);
                assertEquals(expected.sumOfSquares(cell, m), actual.sumOfSquares(cell, m),
                        1e-12 * Math.abs(expected.sumOfSquares(cell, m)), at);
            }
        }
    }

    /** Rows from the three prototypes, about one in five broken, one in ten repeating an earlier key. */
    private static List<List<String>> rows(SplittableRandom random, int count) {
        List<String> employers = new ArrayList<>(List.of("E9", "E10", "E1", "Zeta", "alpha", "E2", "E33"));
        Collections.shuffle(employers, new java.util.Random(random.nextLong()));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<String> row = new ArrayList<>(Employees.ROWS.get(random.nextInt(Employees.ROWS.size())));
            set(row, "employer_id", employers.get(random.nextInt(random.nextInt(employers.size()) + 1)));
            set(row, "year", Integer.toString(2020 + random.nextInt(5)));
            set(row, "person_id", "p" + random.nextInt(3 * count));
            set(row, "sector", List.of("Legal", "Retail", "Zoo", "Arts", "Banking").get(random.nextInt(5)));
            set(row, "grade", Integer.toString(1 + random.nextInt(6)));
            set(row, "hourly_pay", random.nextInt(8) == 0 ? "12.345" : String.format("%d.%02d", 8 + random.nextInt(40),
                    random.nextInt(100)));
            if (random.nextInt(10) == 0 && !rows.isEmpty()) {
                List<String> earlier = rows.get(random.nextInt(rows.size()));
                for (String key : List.of("employer_id", "year", "person_id")) {
                    set(row, key, earlier.get(Schema.EMPLOYEES.indexOf(key)));
                }
            }
            if (random.nextInt(5) == 0) {
                String[][] breaks = {{"grade", "9"}, {"year", "1989"}, {"region", "London"}, {"hourly_pay", "-1"},
                    {"gender", ""}, {"months_in_grade", "x"}, {"promoted", "2"}, {"parental_occupation", "Routine"},
                    // Nulls (an Arrow or Parquet null, an empty CSV field) where the contract takes none, in
                    // columns few cubes read: a Parquet chunk whose dictionary is all valid still breaks the row.
                    {"gender", null}, {"entry_route", null},
                    // Ids with a NUL within the first eight bytes or after them, and one of clean UTF-8 past ASCII
                    // (taken): a stream that does not keep person_id checks ids on a path of its own.
                    {"person_id", "person\u0000-" + i}, {"person_id", "person-" + i + "\u0000"},
                    {"person_id", "p\u00e9rson-" + i}};
                String[] b = breaks[random.nextInt(breaks.length)];
                set(row, b[0], b[1]);
            }
            rows.add(row);
        }
        return rows;
    }

    private static void set(List<String> row, String column, String value) {
        row.set(Schema.EMPLOYEES.indexOf(column), value);
    }

    private Path write(Kind kind, String name, List<List<String>> rows, SplittableRandom random) throws IOException {
        switch (kind) {
            case CSV -> {
                Path file = dir.resolve(name + ".csv");
                StringBuilder text = new StringBuilder(String.join(",",
                        Schema.EMPLOYEES.fields().stream().map(Field::name).toList())).append('\n');
                for (List<String> row : rows) {
                    text.append(String.join(",", row.stream().map(v -> v == null ? "" : v).toList())).append('\n');
                    int broken = random.nextInt(30);
                    if (broken == 0) {
                        text.append("E1,2024,p1,\"Legal\n");
                    } else if (broken == 1) {
                        text.append("E1,2024,p1,too,few\n");
                    }
                }
                Files.writeString(file, text, StandardCharsets.UTF_8);
                return file;
            }
            case ARROW -> {
                Path file = dir.resolve(name + ".arrow");
                ArrowTables.writeIpc(file, Employees.strings(rows), 13, false, CompressionUtil.CodecType.NO_COMPRESSION);
                return file;
            }
            default -> {
                Path file = dir.resolve(name + ".parquet");
                Files.deleteIfExists(file);
                ArrowTables.writeParquet(file, Employees.strings(rows), 13);
                return file;
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void anEmptyFileStreamsTheCubeOfAnEmptyTable(int threads) throws IOException {
        Path file = dir.resolve("empty.csv");
        Files.writeString(file, String.join(",", Schema.EMPLOYEES.fields().stream().map(Field::name).toList()) + "\n");
        Table table = Loader.load(Schema.EMPLOYEES, List.of(file)).table();
        for (List<String> dims : DIMENSIONS) {
            CubeStream stream = new CubeStream(Schema.EMPLOYEES, Filter.ALL, dims, List.of(), threads);
            Loader.stream(Schema.EMPLOYEES, List.of(file), null, Progress.NONE, 7, 3, stream.columns(), stream);
            assertEquals(CubeKernel.build(table, Filter.ALL, dims, List.of(), threads), stream.cube(), dims.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"shoe_size", "person_id,shoe_size"})
    void aDimensionTheTableHasNotIsRefusedBeforeAnyRowIsRead(String dims) {
        LadderException e = assertThrows(LadderException.class, () -> new CubeStream(Schema.EMPLOYEES, Filter.ALL,
                Arrays.asList(dims.split(",")), List.of(), 1));
        assertTrue(e.getMessage().contains("no column 'shoe_size'"), e.getMessage());
    }
}
