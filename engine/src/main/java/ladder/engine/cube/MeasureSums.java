package ladder.engine.cube;

/**
 * The count, sum and sum of squares per key of one measure not folded into the key, in one of two
 * variants: {@link ExactSums} for integer values, {@link DoubleSums} for doubles. This class walks
 * a block's selected rows, which both share: a word of 64 rows all selected is added as a run;
 * a word at least half selected, row by row with weights 0 and 1 and no branch; a sparser word,
 * one selected row at a time. So a chunk without missing values pays nothing per row for them.
 *
 * <p>The variants' {@link #addRun} and {@link #addWeighted} read alike but for their types (int
 * values into long sums, doubles into doubles) and are kept apart on purpose: one loop for both
 * would box, or make a call per row, in the kernel's innermost loop.
 */
abstract sealed class MeasureSums permits ExactSums, DoubleSums {
    final KeyLayout layout;
    /** The measure's position in the cube's measures. */
    final int measure;

    MeasureSums(KeyLayout layout, int measure) {
        this.layout = layout;
        this.measure = measure;
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
            long bits = Selection.word(mask, nulls, (from >>> 6) + w)
                    & Selection.span(Math.max(lo - first, 0), Math.min(hi - first, 64));
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

    /** Adds the counts and sums to {@code cube}, cell by cell, and clears them. */
    final void spillInto(DenseCube cube) {
        int m = cube.measures().size();
        int folded = layout.folded();
        for (int cell = 0; cell < layout.cells(); cell++) {
            spillCell(3 * cell * folded, 3 * (cell + 1) * folded, cell * m + measure, cube.valueCountArray(),
                    exact() ? cube.sumArray() : cube.looseSumArray(),
                    exact() ? cube.sumOfSquaresArray() : cube.looseSquareArray());
        }
        clear();
    }

    /**
     * Adds the counts, sums and sums of squares held at {@code from, from + 3, ...} (up to
     * {@code to}: one cell's keys) to element {@code at} of the cube's arrays.
     */
    abstract void spillCell(int from, int to, int at, long[] valueCounts, double[] sums, double[] squares);

    abstract void clear();

    /** Whether the sums are of integer units, held exactly (else of doubles). */
    abstract boolean exact();
}
