package ladder.engine.table;

/**
 * One chunk's values of a decimal column, with a null mask ({@code null} when no value is
 * missing; bit {@code row} set when {@code row} is missing).
 *
 * <p>A chunk whose every value is a whole number of hundredths (pay in pounds and pence) is held
 * as {@code int} hundredths: half the memory of doubles and no loss, because IEEE division is
 * correctly rounded, so {@code units / 100.0} is exactly the double the decimal text parsed to.
 */
public sealed interface Decimals permits Decimals.Doubles, Decimals.Hundredths {

    int size();

    /** The value at {@code row}; meaningless (0) where {@link #isNull} holds. */
    double get(int row);

    long[] nulls();

    default boolean isNull(int row) {
        long[] nulls = nulls();
        return nulls != null && (nulls[row >>> 6] & (1L << row)) != 0;
    }

    long bytes();

    record Doubles(double[] values, long[] nulls) implements Decimals {
        public int size() { return values.length; }
        public double get(int row) { return values[row]; }
        public long bytes() { return 8L * values.length + (nulls == null ? 0 : 8L * nulls.length); }
    }

    record Hundredths(int[] units, long[] nulls) implements Decimals {
        public int size() { return units.length; }
        public double get(int row) { return units[row] / 100.0; }
        public long bytes() { return 4L * units.length + (nulls == null ? 0 : 8L * nulls.length); }
    }

    /** Whether {@code value} is held exactly as int hundredths. */
    static boolean fitsHundredths(double value) {
        double scaled = Math.rint(value * 100.0);
        return Math.abs(scaled) <= Integer.MAX_VALUE && scaled / 100.0 == value;
    }

    /** The first {@code n} values of {@code buffer} (nulls per {@code nulls}), in the smallest exact form. */
    static Decimals compact(double[] buffer, long[] nulls, int n) {
        long[] mask = null;
        if (nulls != null) {
            int words = (n + 63) >>> 6;
            for (int w = 0; w < words && mask == null; w++) {
                if (nulls[w] != 0) {
                    mask = java.util.Arrays.copyOf(nulls, words);
                }
            }
        }
        boolean hundredths = true;
        for (int i = 0; i < n && hundredths; i++) {
            hundredths = fitsHundredths(buffer[i]);
        }
        if (hundredths) {
            int[] units = new int[n];
            for (int i = 0; i < n; i++) {
                units[i] = (int) Math.rint(buffer[i] * 100.0);
            }
            return new Hundredths(units, mask);
        }
        return new Doubles(java.util.Arrays.copyOf(buffer, n), mask);
    }
}
