package ladder.engine.io.arrow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import ladder.engine.contract.Field;
import ladder.engine.contract.Schema;
import ladder.engine.io.LoadOutcome;
import ladder.engine.io.arrow.ArrowTables.Column;
import ladder.engine.io.arrow.ArrowTables.Format;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Loading a columnar file from its typed values ends exactly where offering its rows as text to
 * the validator does, on random tables whose columns take every Arrow type the contract allows
 * (integers of every width, signed or not; float32 and float64; strings, large strings and
 * dictionaries; numbers written as strings) and values of every kind: valid, out of range, NaN,
 * infinite, negative zero, null, answers in any case, labels, bytes that are not UTF-8, U+FFFD,
 * surrounding whitespace, repeated keys.
 */
class TypedLoadTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Format.class)
    void typedLoadEqualsTheTextPath(Format format) throws IOException {
        for (long seed = 1; seed <= 6; seed++) {
            SplittableRandom random = new SplittableRandom(seed * 31 + format.ordinal());
            int rows = 50 + random.nextInt(250);
            int batchRows = 1 + random.nextInt(90);
            Path file = format.write(dir, "random-" + seed, columns(random, rows), batchRows);
            LoadOutcome text = LoadOutcome.of(file, dir, format.reader(batchRows), false);
            LoadOutcome typed = LoadOutcome.of(file, dir, format.reader(batchRows), true);
            typed.assertSameAs(text, format + ", seed " + seed);
        }
    }

    /** Parquet loads decode row groups on several threads: every thread count gives the same. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7})
    void parquetOnEveryThreadCountEqualsTheTextPath(int threads) throws IOException {
        for (long seed = 1; seed <= 4; seed++) {
            SplittableRandom random = new SplittableRandom(seed * 17 + threads);
            int batchRows = 1 + random.nextInt(90);
            Path file = Format.PARQUET.write(dir, "groups-" + seed, columns(random, 50 + random.nextInt(250)), batchRows);
            LoadOutcome text = LoadOutcome.of(file, dir, new ParquetReader(batchRows, 1), false);
            LoadOutcome typed = LoadOutcome.of(file, dir, new ParquetReader(batchRows, threads), true);
            typed.assertSameAs(text, threads + " threads, seed " + seed);
        }
    }

    /** One column per contract field, each of a type drawn from those the contract allows. */
    static List<Column> columns(SplittableRandom random, int rows) {
        List<Column> columns = new ArrayList<>();
        for (Field field : Schema.EMPLOYEES.fields()) {
            columns.add(column(random, field, rows));
        }
        return columns;
    }

    private static Column column(SplittableRandom random, Field field, int rows) {
        return switch (field.kind()) {
            case TEXT, CODE -> strings(random, field, rows);
            case INT -> switch (random.nextInt(4)) {
                case 0 -> numbers(field.name(), new ArrowType.Int(8, random.nextBoolean()), random, rows, field);
                case 1 -> numbers(field.name(), new ArrowType.Int(64, random.nextBoolean()), random, rows, field);
                case 2 -> numbers(field.name(), ArrowTables.INT32, random, rows, field);
                default -> numberStrings(field.name(), random, rows, field);
            };
            case DECIMAL -> switch (random.nextInt(5)) {
                case 0 -> numbers(field.name(), ArrowTables.FLOAT64, random, rows, field);
                case 1 -> numbers(field.name(), ArrowTables.FLOAT32, random, rows, field);
                case 2 -> numbers(field.name(), new ArrowType.Int(64, false), random, rows, field);
                case 3 -> numbers(field.name(), ArrowTables.INT32, random, rows, field);
                default -> numberStrings(field.name(), random, rows, field);
            };
        };
    }

    /** Whether a cell takes one of the awkward values (broken, null, edge of a range) rather than an ordinary one. */
    private static boolean awkward(SplittableRandom random) {
        return random.nextInt(40) == 0;
    }

    private static Column strings(SplittableRandom random, Field field, int rows) {
        List<String> ordinary = new ArrayList<>();
        List<Object> awkward = new ArrayList<>(List.of("", " \t", "\u3000x", "a\u0000b", "\uFFFD", "x\u2003"));
        if (field.kind() == Field.Kind.CODE) {
            for (String code : field.codebook().codes()) {
                ordinary.add(code);
                awkward.add(" " + code.toUpperCase());
            }
            awkward.addAll(List.of("Routine, semi-routine manual and service occupations", "I prefer not to say",
                    "north east", "not a code", "dont_\u212Anow"));
        } else if (field == Field.PERSON_ID) {
            for (int i = 0; i < 200; i++) {
                ordinary.add("p" + i);
            }
        } else {
            ordinary.addAll(List.of("E1", "E2", "Financial services", "Café", "Retail"));
            awkward.add(" Retail ");
        }
        boolean dictionary = random.nextInt(3) == 0;
        ArrowType type = !dictionary && random.nextInt(3) == 0 ? new ArrowType.LargeUtf8() : ArrowTables.UTF8;
        if (!dictionary) {
            awkward.add("Caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        }
        awkward.add(null);
        Object[] values = new Object[rows];
        for (int r = 0; r < rows; r++) {
            values[r] = awkward(random) ? awkward.get(random.nextInt(awkward.size()))
                    : ordinary.get(random.nextInt(ordinary.size()));
        }
        return new Column(field.name(), type, dictionary, java.util.Arrays.asList(values));
    }

    private static Column numbers(String name, ArrowType type, SplittableRandom random, int rows, Field field) {
        Object[] values = new Object[rows];
        boolean floating = type instanceof ArrowType.FloatingPoint;
        for (int r = 0; r < rows; r++) {
            if (floating) {
                Object[] awkward = {null, Double.NaN, Double.POSITIVE_INFINITY, -0.0, -1.5, 0.0, 1e300, 0.1};
                values[r] = awkward(random) ? awkward[random.nextInt(awkward.length)]
                        : random.nextInt(1, 500_000) / 100.0;
            } else {
                Object[] awkward = {null, -1L, 0L, 127L, (long) field.min() - 1, (long) field.max() + 1, 2024L};
                values[r] = awkward(random) ? awkward[random.nextInt(awkward.length)]
                        : field.kind() == Field.Kind.INT
                                ? (long) field.min() + random.nextInt(Math.min(field.max() - field.min() + 1, 120))
                                : (long) random.nextInt(1, 100);
            }
        }
        return Column.of(name, type, values);
    }

    private static Column numberStrings(String name, SplittableRandom random, int rows, Field field) {
        String[] ordinary = field.kind() == Field.Kind.INT
                ? new String[] {Integer.toString(field.min()), Integer.toString(field.max()), " " + field.min() + " ",
                        "+" + field.max()}
                : new String[] {"21.50", "1e2", " 0.01", "3.14159265358979323846", ".5", "7"};
        String[] awkward = {"x", "", "1.0", "-0", "-1", "NaN", "12,5", "0x10", null};
        Object[] values = new Object[rows];
        for (int r = 0; r < rows; r++) {
            values[r] = awkward(random) ? awkward[random.nextInt(awkward.length)]
                    : ordinary[random.nextInt(ordinary.length)];
        }
        return Column.of(name, ArrowTables.UTF8, values);
    }
}
