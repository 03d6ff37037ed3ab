package ladder.engine.cube;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import ladder.engine.table.Chunk;
import ladder.engine.table.Codes;

/**
 * Keys for chunks whose key columns are all held as bytes, combining columns eight rows at a time.
 *
 * <p>Consecutive axes whose level counts multiply to at most {@code limit} (256 at most) form a
 * group, whose combined code {@code g = ((c_1 * n_2 + c_2) * n_3 + c_3) ...} (codes less their
 * base) fits in a byte. Eight rows of a column are read as one {@code long} and Horner's step
 * {@code g = g * n + (code - base)} runs on its eight byte lanes at once: no lane borrows from or
 * carries into its neighbour, because no code is below its base and every partial {@code g} is
 * below the group's product. The key is then
 * {@code sum_g g * stride_g}, with {@code stride_g} the stride of the group's last axis, in one
 * pass per row over the group bytes (two or four, padded with zeros) instead of one pass per axis. The
 * six dimensions and the folded 0/1 measure of a typical cube (4, 3, 6, 3, 6, 5, 2 levels) make
 * two groups.
 */
final class ByteGroupKeys implements CellKeys {
    /** The most groups the per-row pass handles; more groups are left to {@link ColumnKeys}. */
    static final int MAX_GROUPS = 4;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LANES = 0x0101010101010101L;

    private final int[][] groups;
    private final int[] columns;
    private final int[] bases;
    private final int[] sizes;
    private final int[] strides;
    private final byte[][] scratch;

    /** Keys of {@code layout}, whose axes make {@code groups} ({@link #groups(KeyLayout, int)}). */
    ByteGroupKeys(KeyLayout layout, int[][] groups) {
        List<KeyLayout.Axis> axes = layout.axes();
        this.groups = groups;
        if (groups.length > MAX_GROUPS) {
            throw new IllegalArgumentException(groups.length + " groups, more than " + MAX_GROUPS);
        }
        columns = new int[axes.size()];
        bases = new int[axes.size()];
        sizes = new int[axes.size()];
        for (int a = 0; a < axes.size(); a++) {
            columns[a] = axes.get(a).column().index();
            bases[a] = axes.get(a).base();
            sizes[a] = axes.get(a).size();
        }
        // Two or four groups, padded with groups of code 0 and stride 0, so one of two loops serves.
        int padded = groups.length <= 2 ? 2 : MAX_GROUPS;
        strides = new int[padded];
        for (int g = 0; g < groups.length; g++) {
            strides[g] = axes.get(groups[g][groups[g].length - 1]).stride();
        }
        scratch = new byte[padded][BLOCK];
    }

    /**
     * The axes of {@code layout} split into runs whose level counts multiply to at most
     * {@code limit}, a run of one axis excepted (a byte-coded axis has at most 256 levels).
     * Splitting greedily from the first axis gives the fewest runs.
     */
    static int[][] groups(KeyLayout layout, int limit) {
        List<int[]> out = new ArrayList<>();
        List<KeyLayout.Axis> axes = layout.axes();
        int start = 0;
        long product = 1;
        for (int a = 0; a < axes.size(); a++) {
            long next = product * axes.get(a).size();
            if (a > start && next > limit) {
                out.add(range(start, a));
                start = a;
                next = axes.get(a).size();
            }
            product = next;
        }
        if (start < axes.size()) {
            out.add(range(start, axes.size()));
        }
        return out.toArray(new int[0][]);
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }

    /** Whether every key column of {@code chunk} is held as bytes. */
    boolean readable(Chunk chunk) {
        for (int column : columns) {
            if (!(chunk.codes()[column] instanceof Codes.Bytes)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void compute(Chunk chunk, int from, int rows, int[] keys) {
        byte[][] g = combine(chunk, from, rows);
        byte[] g0 = g[0];
        byte[] g1 = g[1];
        int s0 = strides[0];
        int s1 = strides[1];
        if (g.length == 2) {
            for (int i = 0; i < rows; i++) {
                keys[i] = (g0[i] & 0xFF) * s0 + (g1[i] & 0xFF) * s1;
            }
        } else {
            byte[] g2 = g[2];
            byte[] g3 = g[3];
            int s2 = strides[2];
            int s3 = strides[3];
            for (int i = 0; i < rows; i++) {
                keys[i] = (g0[i] & 0xFF) * s0 + (g1[i] & 0xFF) * s1 + (g2[i] & 0xFF) * s2 + (g3[i] & 0xFF) * s3;
            }
        }
    }

    /** The number of groups, before padding. */
    int groups() {
        return groups.length;
    }

    /** The stride of each group (of code 0 and stride 0 beyond {@link #groups()}). */
    int[] strides() {
        return strides;
    }

    /**
     * The combined codes of rows {@code from .. from + rows - 1}: element {@code [g][i]} is group
     * {@code g}'s for row {@code from + i}. Scratch space, overwritten by the next call.
     */
    byte[][] combine(Chunk chunk, int from, int rows) {
        for (int g = 0; g < groups.length; g++) {
            combine(chunk, groups[g], scratch[g], from, rows);
        }
        return scratch;
    }

    /** {@code out[i]} = the combined code of {@code axes} for row {@code from + i}. */
    private void combine(Chunk chunk, int[] axes, byte[] out, int from, int rows) {
        int whole = rows & ~7;
        for (int k = 0; k < axes.length; k++) {
            int a = axes[k];
            byte[] codes = ((Codes.Bytes) chunk.codes()[columns[a]]).values();
            long base = bases[a] * LANES;
            long size = sizes[a];
            if (k == 0) {
                for (int i = 0; i < whole; i += 8) {
                    LONGS.set(out, i, (long) LONGS.get(codes, from + i) - base);
                }
            } else {
                for (int i = 0; i < whole; i += 8) {
                    LONGS.set(out, i, (long) LONGS.get(out, i) * size + ((long) LONGS.get(codes, from + i) - base));
                }
            }
        }
        for (int i = whole; i < rows; i++) {
            int g = 0;
            for (int a : axes) {
                g = g * sizes[a] + (((Codes.Bytes) chunk.codes()[columns[a]]).values()[from + i] & 0xFF) - bases[a];
            }
            out[i] = (byte) g;
        }
    }
}
