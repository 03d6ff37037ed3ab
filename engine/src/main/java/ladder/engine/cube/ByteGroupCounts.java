package ladder.engine.cube;

import ladder.engine.table.Chunk;

/**
 * The fused variant of {@link ByteGroupKeys} for blocks that need nothing but counts (every
 * measure folded into the key, no filter, one stripe): each row's counter is incremented straight
 * from its two group bytes and the code of its wide axis if any, and its key is never written and
 * read back.
 */
final class ByteGroupCounts {
    private final ByteGroupKeys keys;

    /** Counts by the groups of {@code keys}, which must be at most two. */
    ByteGroupCounts(ByteGroupKeys keys) {
        if (keys.groups() > 2) {
            throw new IllegalArgumentException(keys.groups() + " groups; fused counting takes at most 2");
        }
        this.keys = keys;
    }

    /** Adds one to {@code counters[key]} for each of rows {@code from .. from + rows - 1} of {@code chunk}. */
    void count(Chunk chunk, int from, int rows, int[] counters) {
        byte[][] g = keys.combine(chunk, from, rows);
        byte[] g0 = g[0];
        byte[] g1 = g[1];
        int s0 = keys.strides()[0];
        int s1 = keys.strides()[1];
        short[] w = keys.wide(chunk);
        if (w == null) {
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
}
