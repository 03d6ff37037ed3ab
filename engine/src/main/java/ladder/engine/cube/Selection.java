package ladder.engine.cube;

/**
 * Which rows of a block the kernels add, as 64-row mask words: bit {@code i} of word {@code w}
 * stands for row {@code 64 w + i} of the chunk, as in a {@link ladder.engine.filter.Filter}'s mask
 * and a decimal column's null mask.
 */
final class Selection {
    private Selection() {
    }

    /** The rows of word {@code w} that pass {@code mask} and are not in {@code nulls}; either may be {@code null}. */
    static long word(long[] mask, long[] nulls, int w) {
        return (mask == null ? -1L : mask[w]) & (nulls == null ? -1L : ~nulls[w]);
    }

    /** The bits of rows {@code from .. to - 1} of a word ({@code 0 <= from < to <= 64}). */
    static long span(int from, int to) {
        return (to == 64 ? -1L : (1L << to) - 1) & (-1L << from);
    }

    /**
     * Whether a word whose selected rows are {@code bits}, and of which {@code rows} rows exist, is
     * best added row by row with weights 0 and 1, branch-free, rather than one selected row at a
     * time: when it has all 64 rows and at least half are selected.
     */
    static boolean mostly(long bits, int rows) {
        return rows >= 64 && Long.bitCount(bits) >= 32;
    }

    /** How many of the {@code rows} rows from {@code from} (a multiple of 64) pass {@code mask}. */
    static int count(long[] mask, int from, int rows) {
        int n = 0;
        for (int i = 0; i < rows; i += 64) {
            n += Long.bitCount(mask[(from + i) >>> 6] & span(0, Math.min(64, rows - i)));
        }
        return n;
    }
}
