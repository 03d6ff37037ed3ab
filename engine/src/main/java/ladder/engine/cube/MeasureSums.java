package ladder.engine.cube;

/**
 * The sum and sum of squares per key of one measure not folded into the key, in one of two
 * variants: {@link ExactSums} for integer values, {@link DoubleSums} for doubles; and the number
 * of its values missing. The measure's count of values is the cell's rows, which the
 * {@link CountHistogram} adds to the cube ({@link FoldedMeasures#addCounts}), less the missing
 * ones, which this class subtracts: a row costs two additions, not three.
 *
 * <p>This class walks a block's selected rows, which both variants share: a word of 64 rows all
 * selected and present is added as a run; a word at least half so, row by row with weights 0 and
 * 1 and no branch; a sparser word, one row at a time. So a chunk without missing values pays
 * nothing per row for them.
 */
abstract sealed class MeasureSums permits ExactSums, DoubleSums {
    final KeyLayout layout;
    /** The measure's position in the cube's measures. */
    final int measure;
    /** Per key, the selected rows whose value is missing. */
    private final long[] missing;

    MeasureSums(KeyLayout layout, int measure) {
        this.layout = layout;
        this.measure = measure;
        this.missing = new long[layout.keys()];
    }

    /**
     * Adds rows {@code lo .. hi - 1} of a block of {@code rows} rows whose first row is chunk row
     * {@code from} (a multiple of 64), where they pass {@code mask} and are not in {@code nulls}
     * (either {@code null}: none); {@code keys[i]} is the key of block row {@code i}.
     */
    final void addSelected(int[] keys, int from, int rows, int lo, int hi, long[] mask, long[] nulls) {
        if (mask == null && nulls == null) {
            addRun(keys, lo, hi);
            return;
        }
        for (int w = lo >>> 6; w << 6 < hi; w++) {
            int first = w << 6;
            long span = Selection.span(Math.max(lo - first, 0), Math.min(hi - first, 64));
            long bits = Selection.word(mask, nulls, (from >>> 6) + w) & span;
            if (nulls != null) {
                for (long gone = Selection.word(mask, null, (from >>> 6) + w) & nulls[(from >>> 6) + w] & span;
                        gone != 0; gone &= gone - 1) {
                    missing[keys[first + Long.numberOfTrailingZeros(gone)]]++;
                }
            }
            if (bits == -1L) {
                addRun(keys, first, first + 64);
            } else if (Selection.mostly(bits, rows - first)) {
                addWeighted(keys, first, bits);
            } else {
                for (; bits != 0; bits &= bits - 1) {
                    int i = first + Long.numberOfTrailingZeros(bits);
                    addRun(keys, i, i + 1);
                }
            }
        }
    }

    /** Adds every one of block rows {@code lo .. hi - 1}. */
    abstract void addRun(int[] keys, int lo, int hi);

    /** Adds block rows {@code first .. first + 63} with weight 1 where {@code bits} has a bit, else 0. */
    abstract void addWeighted(int[] keys, int first, long bits);

    /** Adds the sums to {@code cube}, and takes the missing values from its counts, cell by cell; clears them. */
    final void spillInto(Cube cube) {
        int m = cube.measures().size();
        int folded = layout.folded();
        long[] valueCounts = cube.valueCountArray();
        for (int cell = 0; cell < layout.cells(); cell++) {
            int at = cell * m + measure;
            for (int key = cell * folded; key < (cell + 1) * folded; key++) {
                valueCounts[at] -= missing[key];
            }
            spillCell(cell * folded, (cell + 1) * folded, at, cube.sumArray(), cube.sumOfSquaresArray());
        }
        java.util.Arrays.fill(missing, 0);
        clear();
    }

    /** Adds the sums and sums of squares of keys {@code from .. to - 1} (one cell's) to element {@code at} of the cube's. */
    abstract void spillCell(int from, int to, int at, double[] sums, double[] squares);

    abstract void clear();
}
