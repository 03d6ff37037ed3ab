package ladder.engine.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import ladder.engine.contract.Field;
import ladder.engine.contract.Schema;
import ladder.engine.table.Chunk;
import ladder.engine.table.Column;
import ladder.engine.table.Decimals;
import ladder.engine.table.Table;
import ladder.engine.table.TableBuilder;
import org.junit.jupiter.api.Test;

/**
 * {@link Filter.DecimalCompare} against the comparison made row by row on the value as a double
 * ({@code !missing && value OP constant}), for every operator, with constants at, just above and
 * just below the values held, and at the ends of what int hundredths hold; on chunks held as
 * {@link Decimals.Hundredths} and as {@link Decimals.Doubles}, with missing values.
 */
class DecimalCompareTest {
    /** Values exact in hundredths, the int range's ends among them. */
    static final double[] HUNDREDTHS = {(Integer.MIN_VALUE + 1) / 100.0, -20, -0.01, 0, 0.01, 0.29, 0.3, 19.99, 20, 20.01,
        1234.56, Integer.MAX_VALUE / 100.0};
    /** Values that are not, which make a chunk hold doubles. */
    static final double[] LOOSE = {-1e300, -0.005, 4.9e-324, 20.000000001, 19.999999999, 1e300};

    @Test
    void everyComparisonSelectsTheRowsWhoseValueComparesTrueAndNeverAMissingOne() {
        Table table = table(new SplittableRandom(7), 40);
        Column pay = table.column("hourly_pay");
        Column bonus = table.column("bonus");
        assertTrue(kinds(table, pay).contains("Hundredths"));
        assertEquals(List.of("Doubles", "Hundredths"), kinds(table, bonus).stream().distinct().sorted().toList());
        List<Double> constants = new ArrayList<>();
        for (double[] values : List.of(HUNDREDTHS, LOOSE)) {
            for (double v : values) {
                constants.add(v);
                constants.add(Math.nextUp(v));
                constants.add(Math.nextDown(v));
            }
        }
        constants.addAll(List.of(20.005, 1e10, -1e10, 21474836.475, -21474836.485));
        for (Column column : List.of(pay, bonus)) {
            for (Filter.Comparison op : Filter.Comparison.values()) {
                for (double constant : constants) {
                    String text = column.name() + " " + op.symbol + " " + constant;
                    Filter filter = FilterParser.parse(text, table);
                    for (Chunk chunk : table.chunks()) {
                        long[] mask = filter.select(chunk);
                        Decimals values = chunk.decimals(column);
                        for (int r = 0; r < mask.length * 64; r++) {
                            boolean expected = r < chunk.rows() && !values.isNull(r) && op.test(values.get(r), constant);
                            assertEquals(expected, (mask[r >>> 6] >>> r & 1) != 0,
                                    () -> text + " on " + values.getClass().getSimpleName());
                        }
                    }
                }
            }
        }
    }

    @Test
    void unitsFromIsTheLeastIntOfHundredthsAtOrAboveTheValue() {
        SplittableRandom random = new SplittableRandom(3);
        List<Double> values = new ArrayList<>(List.of(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0.0, -0.0,
                Integer.MIN_VALUE / 100.0, Integer.MAX_VALUE / 100.0, Math.nextUp(Integer.MAX_VALUE / 100.0)));
        for (int i = 0; i < 10_000; i++) {
            int units = random.nextInt();
            values.add(units / 100.0);
            values.add(Math.nextUp(units / 100.0));
            values.add(Math.nextDown(units / 100.0));
            values.add(random.nextDouble(-3e7, 3e7));
        }
        for (double v : values) {
            long u = Filter.DecimalCompare.unitsFrom(v);
            assertTrue(u > Integer.MAX_VALUE || u / 100.0 >= v, () -> "at or above " + v);
            assertTrue(u == Integer.MIN_VALUE || (u - 1) / 100.0 < v, () -> "least for " + v);
        }
    }

    private static List<String> kinds(Table table, Column column) {
        return table.chunks().stream().map(c -> c.decimals(column).getClass().getSimpleName()).toList();
    }

    /**
     * {@code chunks} chunks of 70 rows: pay drawn from {@link #HUNDREDTHS}, bonus too but in every
     * other chunk one row from {@link #LOOSE}; an eighth of the values missing.
     */
    private static Table table(SplittableRandom random, int chunks) {
        TableBuilder b = new TableBuilder(Schema.EMPLOYEES, 70);
        List<Field> fields = Schema.EMPLOYEES.fields();
        for (int r = 0; r < 70 * chunks; r++) {
            for (int c = 0; c < fields.size(); c++) {
                Field f = fields.get(c);
                switch (f.kind()) {
                    case TEXT -> b.setCode(c, b.intern(c, "x"));
                    case CODE -> b.setCode(c, 1);
                    case INT -> b.setInt(c, f == Field.YEAR ? 2020 : f.min());
                    case DECIMAL -> {
                        boolean loose = f == Field.BONUS && (r / 70) % 2 == 1 && r % 70 == 5;
                        if (random.nextInt(8) == 0 && !loose) {
                            b.setMissing(c);
                        } else {
                            b.setDecimal(c, loose ? LOOSE[random.nextInt(LOOSE.length)]
                                    : HUNDREDTHS[random.nextInt(HUNDREDTHS.length)]);
                        }
                    }
                }
            }
            b.commitRow();
        }
        return b.build();
    }
}
