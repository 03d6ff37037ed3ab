package ladder.engine.cube;

import java.util.Arrays;
import ladder.engine.table.Decimals;

/**
 * The count, sum and sum of squares per key of a decimal measure held as
 * {@link Decimals.Doubles}, in doubles (a count is exact in a double up to 2^53).
 */
final class DoubleSums extends MeasureSums {
    private final double[] sums;
    /** The values being added, from {@code values[start]} for block row 0. */
    private double[] values;
    private int start;

    DoubleSums(KeyLayout layout, int measure) {
        super(layout, measure);
        this.sums = new double[3 * layout.keys()];
    }

    /** Adds the selected, non-missing values of the block's rows. */
    void add(Decimals.Doubles doubles, int[] keys, int from, int rows, long[] mask) {
        values = doubles.values();
        start = from;
        addSelected(keys, from, rows, 0, rows, mask, doubles.nulls());
    }

    @Override
    void addRun(int[] keys, int lo, int hi) {
        double[] s = sums;
        double[] v = values;
        int at0 = start;
        for (int i = lo; i < hi; i++) {
            double x = v[at0 + i];
            int at = 3 * keys[i];
            s[at]++;
            s[at + 1] += x;
            s[at + 2] += x * x;
        }
    }

    @Override
    void addWeighted(int[] keys, int first, long bits) {
        double[] s = sums;
        double[] v = values;
        int at0 = start + first;
        for (int i = 0; i < 64; i++) {
            long in = bits >>> i & 1;
            double x = in != 0 ? v[at0 + i] : 0.0;
            int at = 3 * keys[first + i];
            s[at] += in;
            s[at + 1] += x;
            s[at + 2] += x * x;
        }
    }

    @Override
    void spillCell(int from, int to, int at, long[] valueCounts, double[] cubeSums, double[] squares) {
        for (int k = from; k < to; k += 3) {
            valueCounts[at] += (long) sums[k];
            cubeSums[at] += sums[k + 1];
            squares[at] += sums[k + 2];
        }
    }

    @Override
    boolean exact() {
        return false;
    }

    @Override
    void clear() {
        Arrays.fill(sums, 0);
    }
}
