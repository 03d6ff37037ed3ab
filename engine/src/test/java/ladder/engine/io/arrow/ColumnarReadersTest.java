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
import java.util.Locale;
import java.util.Random;
import java.util.stream.LongStream;
import ladder.engine.LadderException;
import ladder.engine.contract.Schema;
import ladder.engine.io.LoadReport;
import ladder.engine.io.Loader;
import ladder.engine.io.arrow.ArrowTables.Column;
import ladder.engine.io.arrow.ArrowTables.Format;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What both columnar readers do alike, checked on every way of writing a table. */
class ColumnarReadersTest {
    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private RecordingSink read(Format format, List<Column> columns, int batchRows) throws IOException {
        Path file = format.write(dir, "employees", columns, batchRows);
        RecordingSink sink = new RecordingSink();
        format.reader(batchRows).read(file, Schema.EMPLOYEES, sink, warnings::add);
        return sink;
    }

    private LadderException refusal(Format format, List<Column> columns) throws IOException {
        Path file = format.write(dir, "employees", columns, 10);
        RecordingSink sink = new RecordingSink();
        LadderException e = assertThrows(LadderException.class,
                () -> format.reader(10).read(file, Schema.EMPLOYEES, sink, warnings::add));
        assertTrue(e.getMessage().startsWith(file + ": refused: "), e.getMessage());
        assertEquals(List.of(), sink.records, "a refused file loads nothing");
        return e;
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void mapsShuffledColumnsByNameIgnoringCaseAndSpaces(Format format) throws IOException {
        List<Column> columns = new ArrayList<>();
        for (Column column : Employees.typed(Employees.ROWS)) {
            String name = column.name();
            columns.add(column.named(switch (columns.size() % 3) {
                case 0 -> name.toUpperCase(Locale.ROOT);
                case 1 -> " " + name + "  ";
                default -> Character.toUpperCase(name.charAt(0)) + name.substring(1);
            }));
        }
        Collections.shuffle(columns, new Random(20240601));

        RecordingSink sink = read(format, columns, 2);

        assertEquals(Employees.ROWS, sink.values());
        assertEquals(List.of(1L, 2L, 3L), sink.lines());
        assertTrue(sink.records.stream().allMatch(r -> r.file().equals(dir.resolve("employees" + format.extension).toString())));
        assertEquals(List.of(), sink.malformed);
        assertEquals(List.of(), warnings);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void acceptsStringColumnsForWholeNumbersAndDecimalsUntrimmed(Format format) throws IOException {
        List<List<String>> rows = new ArrayList<>(Employees.ROWS);
        List<String> padded = new ArrayList<>(rows.get(0));
        padded.set(Schema.EMPLOYEES.indexOf("grade"), " 3 ");
        padded.set(Schema.EMPLOYEES.indexOf("hourly_pay"), "2.15e1");
        padded.set(Schema.EMPLOYEES.indexOf("sector"), "");
        rows.set(0, padded);

        assertEquals(rows, read(format, Employees.strings(rows), 10).values());
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void rendersEveryIntegerWidthSignedOrNotAndBothFloatWidths(Format format) throws IOException {
        List<Column> columns = Employees.typed(Employees.ROWS);
        columns = Employees.replace(columns, "year", Column.of("year", new ArrowType.Int(16, false), 2023, 65535, null));
        columns = Employees.replace(columns, "grade", Column.of("grade", new ArrowType.Int(8, true), 3, -128, 6));
        columns = Employees.replace(columns, "promoted", Column.of("promoted", new ArrowType.Int(8, false), 1, 255, 0));
        columns = Employees.replace(columns, "training",
                Column.of("training", new ArrowType.Int(32, false), 1, 4_294_967_295L, 0));
        columns = Employees.replace(columns, "months_in_grade",
                Column.of("months_in_grade", new ArrowType.Int(64, false), 12, -1L, Long.MIN_VALUE));
        columns = Employees.replace(columns, "hourly_pay", Column.of("hourly_pay", ArrowTables.FLOAT32, 0.1f, null, 21.25f));
        columns = Employees.replace(columns, "bonus",
                Column.of("bonus", new ArrowType.Int(64, true), Long.MAX_VALUE, 0, Long.MIN_VALUE));

        List<List<String>> values = read(format, columns, 10).values();

        assertEquals(List.of("2023", "65535"), pick(values, "year").subList(0, 2));
        assertEquals(null, pick(values, "year").get(2));
        assertEquals(List.of("3", "-128", "6"), pick(values, "grade"));
        assertEquals(List.of("1", "255", "0"), pick(values, "promoted"));
        assertEquals(List.of("1", "4294967295", "0"), pick(values, "training"));
        assertEquals(List.of("12", "18446744073709551615", "9223372036854775808"), pick(values, "months_in_grade"));
        assertEquals(List.of("0.1", "21.25"), List.of(pick(values, "hourly_pay").get(0), pick(values, "hourly_pay").get(2)));
        assertEquals(List.of("9223372036854775807", "0", "-9223372036854775808"), pick(values, "bonus"));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void readsLargeStringColumns(Format format) throws IOException {
        List<Column> columns = Employees.replace(Employees.typed(Employees.ROWS), "sector",
                Column.of("sector", new ArrowType.LargeUtf8(), Employees.column(Employees.ROWS, "sector")));

        assertEquals(Employees.ROWS, read(format, columns, 10).values());
    }

    /** Not Parquet: arrow-dataset's writer cannot write string views. */
    @ParameterizedTest
    @EnumSource(value = Format.class, mode = EnumSource.Mode.EXCLUDE, names = "PARQUET")
    void refusesStringViewColumnsWhichArrowJavaCannotLoad(Format format) throws IOException {
        List<Column> columns = Employees.replace(Employees.typed(Employees.ROWS), "sector",
                Column.of("sector", new ArrowType.Utf8View(), Employees.column(Employees.ROWS, "sector")));

        String message = refusal(format, columns).getMessage();

        assertTrue(message.contains("column 'sector' is utf8_view but sector needs a string column (utf8 or large_utf8)"),
                message);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void passesNanAndInfinityOnForTheValidatorToReject(Format format) throws IOException {
        List<Column> columns = Employees.replace(Employees.typed(Employees.ROWS), "hourly_pay",
                Column.of("hourly_pay", ArrowTables.FLOAT64, Double.NaN, Double.POSITIVE_INFINITY, -0.0));

        assertEquals(List.of("NaN", "Infinity", "-0.0"), pick(read(format, columns, 10).values(), "hourly_pay"));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void decodesDictionaryEncodedStringsWithNulls(Format format) throws IOException {
        List<Column> columns = Employees.typed(Employees.ROWS);
        for (String name : List.of("employer_id", "sector", "region", "parental_occupation", "gender")) {
            String[] values = Arrays.copyOf(Employees.column(Employees.ROWS, name), 3, String[].class);
            columns = Employees.replace(columns, name, Column.dictionary(name, values));
        }

        assertEquals(Employees.ROWS, read(format, columns, 2).values());
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void reportsAStringThatIsNotUtf8AsAMalformedRowAndReadsOn(Format format) throws IOException {
        byte[] latin1 = "Caf\u00e9 au lait".getBytes(StandardCharsets.ISO_8859_1);
        List<Column> columns = Employees.replace(Employees.typed(Employees.ROWS), "sector",
                Column.of("sector", ArrowTables.UTF8, "Financial services", latin1, "Retail \uFFFD"));

        RecordingSink sink = read(format, columns, 10);

        assertEquals(List.of(1L, 3L), sink.lines());
        assertEquals("Retail \uFFFD", pick(sink.values(), "sector").get(1));
        assertEquals(List.of(new RecordingSink.Malformed(dir.resolve("employees" + format.extension).toString(), 2,
                "sector", "Caf\uFFFD au lait", "must be valid UTF-8 text")), sink.malformed);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void numbersRowsFromOneAcrossManyBatches(Format format) throws IOException {
        List<List<String>> rows = Employees.numbered(1000);

        RecordingSink sink = read(format, Employees.typed(rows), 64);

        assertEquals(LongStream.rangeClosed(1, 1000).boxed().toList(), sink.lines());
        assertEquals(rows, sink.values());
    }

    /** Not Parquet: arrow-dataset's writer makes no file for a table without rows. */
    @ParameterizedTest
    @EnumSource(value = Format.class, mode = EnumSource.Mode.EXCLUDE, names = "PARQUET")
    void readsATableWithNoRows(Format format) throws IOException {
        assertEquals(List.of(), read(format, Employees.typed(List.of()), 10).records);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void refusesAFileMissingContractColumnsNamingThem(Format format) throws IOException {
        LadderException e = refusal(format, Employees.without(Employees.typed(Employees.ROWS), "training", "bonus"));

        assertTrue(e.getMessage().contains("missing columns bonus, training"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void refusesADuplicatedColumnName(Format format) throws IOException {
        List<Column> columns = new ArrayList<>(Employees.typed(Employees.ROWS));
        columns.add(Column.of("Grade ", ArrowTables.INT32, 1, 2, 3));

        LadderException e = refusal(format, columns);

        assertTrue(e.getMessage().contains("column 'Grade ' appears more than once (also as 'grade')"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void refusesColumnsOfTheWrongTypeNamingTypeAndExpectation(Format format) throws IOException {
        List<Column> columns = Employees.typed(Employees.ROWS);
        columns = Employees.replace(columns, "grade", Column.of("grade", ArrowTables.FLOAT64, 3.0, 1.0, 6.0));
        columns = Employees.replace(columns, "sector", Column.of("sector", ArrowTables.INT32, 1, 2, 3));
        columns = Employees.replace(columns, "bonus", Column.of("bonus", new ArrowType.Bool(), true, false, null));

        String message = refusal(format, columns).getMessage();

        assertTrue(message.contains("column 'grade' is float64 but grade needs an integer or string column ("), message);
        assertTrue(message.contains("column 'sector' is int32 but sector needs a string column ("), message);
        assertTrue(message.contains("column 'bonus' is bool but bonus needs a floating-point, integer or string column ("),
                message);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void warnsOfUnknownColumnsAndReadsPastThem(Format format) throws IOException {
        List<Column> columns = new ArrayList<>(Employees.typed(Employees.ROWS));
        columns.add(0, Column.of("Notes", ArrowTables.UTF8, "a", null, "c"));
        columns.add(Column.of("flag", new ArrowType.Bool(), true, false, true));

        RecordingSink sink = read(format, columns, 10);

        assertEquals(Employees.ROWS, sink.values());
        String file = dir.resolve("employees" + format.extension).toString();
        assertEquals(List.of(file + ": 2 columns are not in the employees table and are ignored: 'Notes', 'flag'"),
                warnings);
    }

    /** Issue 9: a file of 2,000 unknown columns gives one warning with the count and the first few names. */
    @ParameterizedTest
    @EnumSource(Format.class)
    void warnsOfThousandsOfUnknownColumnsInOneLine(Format format) throws IOException {
        List<Column> columns = new ArrayList<>(Employees.typed(Employees.ROWS));
        for (int i = 0; i < 2_000; i++) {
            columns.add(Column.of("extra\n" + i, ArrowTables.INT32, i, i, i));
        }

        RecordingSink sink = read(format, columns, 10);

        assertEquals(Employees.ROWS, sink.values());
        String file = dir.resolve("employees" + format.extension).toString();
        assertEquals(List.of(file + ": 2000 columns are not in the employees table and are ignored: 'extra\\n0', "
                + "'extra\\n1', 'extra\\n2', 'extra\\n3', 'extra\\n4' and 1995 more"), warnings);
    }

    /** Issue 9: the same for a CSV file's header, through a whole load. */
    @Test
    void warnsOfThousandsOfUnknownCsvColumnsInOneLine() throws IOException {
        List<String> header = new ArrayList<>(Schema.EMPLOYEES.fields().stream().map(f -> f.name()).toList());
        List<String> row = new ArrayList<>(Employees.ROWS.get(0));
        for (int i = 0; i < 2_000; i++) {
            header.add("extra" + i);
            row.add("");
        }
        header.set(21, "");
        header.set(22, "\"two\nlines\"");
        Path file = Files.writeString(dir.resolve("wide.csv"), String.join(",", header) + "\n" + String.join(",", row) + "\n");

        LoadReport report = Loader.load(Schema.EMPLOYEES, List.of(file)).report();

        assertEquals(1, report.accepted());
        assertEquals(List.of(file + ": 2000 columns are not in the employees contract and are ignored: unknown column"
                + " 'extra0' (column 21), unnamed column (column 22), unknown column 'two\\nlines' (column 23),"
                + " unknown column 'extra3' (column 24), unknown column 'extra4' (column 25) and 1995 more"), report.warnings());
    }

    /**
     * Changes bytes of a valid file at random, and cuts every third short: whatever Arrow makes of
     * them, the reader either reads rows or refuses the file with a message naming it, and throws
     * nothing else (no exhausted memory from a corrupt length, no crash in native code).
     */
    @ParameterizedTest
    @EnumSource(Format.class)
    void eitherReadsOrRefusesFilesWithBytesChanged(Format format) throws IOException {
        Random random = new Random(42);
        byte[] original = Files.readAllBytes(format.write(dir, "original", Employees.typed(Employees.numbered(40)), 16));
        int refused = 0;
        for (int trial = 0; trial < 200; trial++) {
            byte[] bytes = original.clone();
            for (int changes = 1 + random.nextInt(4); changes > 0; changes--) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            if (trial % 3 == 0) {
                bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
            }
            Path file = ArrowTables.writeBytes(dir, "changed" + format.extension, bytes);
            try {
                format.reader(16).read(file, Schema.EMPLOYEES, new RecordingSink(), warnings::add);
            } catch (LadderException e) {
                assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
                refused++;
            }
        }
        assertTrue(refused > 0, "no changed file was refused");
    }

    private static List<String> pick(List<List<String>> rows, String column) {
        int c = Schema.EMPLOYEES.indexOf(column);
        return rows.stream().map(r -> r.get(c)).toList();
    }
}
