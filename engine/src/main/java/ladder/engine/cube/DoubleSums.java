package ladder.engine.cube;

import java.util.Arrays;
import ladder.engine.table.Decimals;

/** The sum and sum of squares per key of a decimal measure held as {@link Decimals.Doubles}, in doubles. */
final class DoubleSums extends MeasureSums {
    private final double[] sums;
    /** The values being added, from {@code values[start]} for block row 0. */
    private double[] values;
    private int start;

    DoubleSums(KeyLayout layout, int measure) {
        super(layout, measure);
        this.sums = new double[2 * layout.keys()];
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
            int at = 2 * keys[i];
            s[at] += x;
            s[at + 1] += x * x;
        }
    }

    @Override
    void addWeighted(int[] keys, int first, long bits) {
        double[] s = sums;
        double[] v = values;
        int at0 = start + first;
        for (int i = 0; i < 64; i++) {
            double x = (bits >>> i & 1) != 0 ? v[at0 + i] : 0.0;
            int at = 2 * keys[first + i];
            s[at] += x;
            s[at + 1] += x * x;
        }
    }

    @Override
    void spillCell(int from, int to, int at, double[] cubeSums, double[] squares) {
        for (int key = from; key < to; key++) {
            cubeSums[at] += sums[2 * key];
            squares[at] += sums[2 * key + 1];
        }
    }

    @Override
    void clear() {
        Arrays.fill(sums, 0);
    }
}
