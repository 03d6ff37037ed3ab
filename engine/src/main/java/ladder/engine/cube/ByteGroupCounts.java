package ladder.engine.cube;

import ladder.engine.table.Chunk;

/**
 * The fused variant of {@link ByteGroupKeys} for blocks that need nothing but counts (every
 * measure folded into the key, one stripe): each row's counter is incremented straight from its
 * two group bytes and the code of its wide axis if any, and its key is never written and read
 * back.
 *
 * <p>Under a filter, the block's group bytes are combined for every row (eight rows an operation)
 * and only the selected rows are then read, at their positions: their group bytes and wide code
 * together, in one pass, instead of one pass per axis into a buffer of keys. A mask word of which
 * at least half the rows are selected is counted branch-free instead, every row adding its
 * selection bit to its counter ({@link Selection#mostly}).
 */
final class ByteGroupCounts {
    private final ByteGroupKeys keys;
    /** The wide codes of a chunk without a wide axis: zeros, whose stride is 0. */
    private final short[] noWide = new short[CellKeys.BLOCK];

    /** Counts by the groups of {@code keys}, which must be at most two. */
    ByteGroupCounts(ByteGroupKeys keys) {
        if (keys.groups() > 2) {
            throw new IllegalArgumentException(keys.groups() + " groups; fused counting takes at most 2");
        }
        this.keys = keys;
    }

    /**
     * Adds one to {@code counters[key]} for each of rows {@code from .. from + rows - 1} of
     * {@code chunk} that passes {@code mask} ({@code null}: every row; else bit {@code from + i}
     * stands for block row {@code i}, {@code from} a multiple of 64).
     */
    void count(Chunk chunk, int from, int rows, long[] mask, int[] counters) {
        byte[][] g = keys.combine(chunk, from, rows);
        byte[] g0 = g[0];
        byte[] g1 = g[1];
        int s0 = keys.strides()[0];
        int s1 = keys.strides()[1];
        short[] w = keys.wide(chunk);
        if (mask != null) {
            countSelected(g0, g1, s0, s1, w == null ? noWide : w, w == null ? 0 : from, rows, mask, from, counters);
        } else if (w == null) {
            for (int i = 0; i < rows; i++) {
                counters[(g0[i] & 0xFF) * s0 + (g1[i] & 0xFF) * s1]++;
            }
        } else {
            int sw = keys.wideStride();
            int o = keys.wideOffset();
            for (int i = 0; i < rows; i++) {
                counters[(g0[i] & 0xFF) * s0 + (g1[i] & 0xFF) * s1 + (w[from + i] & 0xFFFF) * sw + o]++;
            }
        }
    }

    /** As {@link #count}, for the selected rows of a block whose wide codes are {@code w[wideFrom + i]}. */
    private void countSelected(byte[] g0, byte[] g1, int s0, int s1, short[] w, int wideFrom, int rows, long[] mask,
            int from, int[] counters) {
        int sw = keys.wideStride();
        int o = keys.wideOffset();
        for (int first = 0; first < rows; first += 64) {
            long bits = mask[(from + first) >>> 6] & Selection.span(0, Math.min(64, rows - first));
            if (Selection.mostly(bits, rows - first)) {
                for (int i = first; i < first + 64; i++) {
                    counters[(g0[i] & 0xFF) * s0 + (g1[i] & 0xFF) * s1 + (w[wideFrom + i] & 0xFFFF) * sw + o]
                            += (int) (bits >>> i) & 1;
                }
            } else {
                for (; bits != 0; bits &= bits - 1) {
                    int i = first + Long.numberOfTrailingZeros(bits);
                    counters[(g0[i] & 0xFF) * s0 + (g1[i] & 0xFF) * s1 + (w[wideFrom + i] & 0xFFFF) * sw + o]++;
                }
            }
        }
    }
}
