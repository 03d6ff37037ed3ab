package ladder.engine.cube;

import java.util.Arrays;
import ladder.engine.table.Codes;
import ladder.engine.table.Decimals;

/**
 * The count, sum and sum of squares per key of a measure whose values are integers, kept as
 * longs, so exact: a whole number (its code plus the field's minimum) or a decimal held as
 * {@link Decimals.Hundredths} (units of 0.01; the cube keeps the sums in those units, so
 * they stay exact). Before a block of rows whose squares could take a sum of
 * squares past {@code Long.MAX_VALUE}, the longs are spilled into the cube's doubles.
 */
final class ExactSums extends MeasureSums {
    private final long[] sums;
    private final int[] values = new int[CellKeys.BLOCK];
    /** How much more any key's sum of squares may grow before a spill: what it has not been promised. */
    private long headroom = Long.MAX_VALUE;
    /** The values being added, from {@code src[start]} for block row 0. */
    private int[] src;
    private int start;

    /** Sums of {@code measure} (a position in the cube's measures), in the units its values are held in. */
    ExactSums(KeyLayout layout, int measure) {
        super(layout, measure);
        this.sums = new long[3 * layout.keys()];
    }

    /** Adds whole numbers: {@code code + offset} for each selected row of the block. */
    void add(Codes codes, int offset, int[] keys, int from, int rows, long[] mask, DenseCube cube) {
        if (codes instanceof Codes.Bytes b) {
            byte[] v = b.values();
            for (int i = 0; i < rows; i++) {
                values[i] = (v[from + i] & 0xFF) + offset;
            }
        } else if (codes instanceof Codes.Shorts s) {
            short[] v = s.values();
            for (int i = 0; i < rows; i++) {
                values[i] = (v[from + i] & 0xFFFF) + offset;
            }
        } else {
            int[] v = ((Codes.Ints) codes).values();
            for (int i = 0; i < rows; i++) {
                values[i] = v[from + i] + offset;
            }
        }
        add(values, 0, keys, from, rows, mask, null, cube);
    }

    /** Adds the units of the selected, non-missing rows of the block. */
    void add(Decimals.Hundredths hundredths, int[] keys, int from, int rows, long[] mask, DenseCube cube) {
        add(hundredths.units(), from, keys, from, rows, mask, hundredths.nulls(), cube);
    }

    private void add(int[] src, int start, int[] keys, int from, int rows, long[] mask, long[] nulls, DenseCube cube) {
        this.src = src;
        this.start = start;
        long largest = 0;
        for (int i = 0; i < rows; i++) {
            largest = Math.max(largest, Math.abs((long) src[start + i]));
        }
        long square = largest * largest;
        // Rows per step such that the step's squares fit in a long: the whole block, bar absurd values.
        int step = square == 0 ? rows : (int) Math.min(rows, Long.MAX_VALUE / square);
        for (int lo = 0; lo < rows; lo += step) {
            int hi = Math.min(rows, lo + step);
            long promised = (hi - lo) * square;
            if (promised > headroom) {
                spillInto(cube);
            }
            headroom -= promised;
            addSelected(keys, from, rows, lo, hi, mask, nulls);
        }
    }

    @Override
    void addRun(int[] keys, int lo, int hi) {
        long[] s = sums;
        int[] v = src;
        int at0 = start;
        for (int i = lo; i < hi; i++) {
            long x = v[at0 + i];
            int at = 3 * keys[i];
            s[at]++;
            s[at + 1] += x;
            s[at + 2] += x * x;
        }
    }

    @Override
    void addWeighted(int[] keys, int first, long bits) {
        long[] s = sums;
        int[] v = src;
        int at0 = start + first;
        for (int i = 0; i < 64; i++) {
            long in = bits >>> i & 1;
            long x = v[at0 + i] & -in;
            int at = 3 * keys[first + i];
            s[at] += in;
            s[at + 1] += x;
            s[at + 2] += x * x;
        }
    }

    @Override
    void spillCell(int from, int to, int at, long[] valueCounts, double[] cubeSums, double[] squares) {
        long n = 0;
        long sum = 0;
        long square = 0;
        for (int k = from; k < to; k += 3) {
            n += sums[k];
            sum += sums[k + 1];
            square += sums[k + 2];
        }
        valueCounts[at] += n;
        cubeSums[at] += sum;
        squares[at] += square;
    }

    @Override
    boolean exact() {
        return true;
    }

    @Override
    void clear() {
        Arrays.fill(sums, 0);
        headroom = Long.MAX_VALUE;
    }
}
