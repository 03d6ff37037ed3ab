package ladder.engine.cube;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import ladder.engine.table.Chunk;
import ladder.engine.table.Codes;

/**
 * Keys for chunks whose key columns are all held as bytes (but for one wide axis, held as shorts),
 * combining columns eight rows at a time.
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
 *
 * <p>One axis of more than 256 levels (employer, months in grade), held as shorts, may stand
 * among the groups as a group of its own: its codes are read as they are stored and add
 * {@code code * stride} in the same pass, its base folded into one constant, so that seb x promoted
 * x employer or seb x months x promoted are keyed (and counted, {@link ByteGroupCounts}) in one
 * pass rather than one per axis.
 */
final class ByteGroupKeys implements CellKeys {
    /** The most groups of bytes the per-row pass handles; more groups are left to {@link ColumnKeys}. */
    static final int MAX_GROUPS = 4;
    /** The most levels of an axis held as bytes; an axis of more is a group of its own, held as shorts. */
    static final int BYTE_LEVELS = 256;
    /** The most levels of an axis held as shorts. */
    static final int SHORT_LEVELS = 1 << 16;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LANES = 0x0101010101010101L;

    /** The groups of bytes: the groups but the wide axis's. */
    private final int[][] groups;
    /** The axis held as shorts, or -1 if none. */
    private final int wide;
    /** The wide axis's stride, and {@code -base * stride} (0 if none). */
    private final int wideStride;
    private final int wideOffset;
    private final int[] columns;
    private final int[] bases;
    private final int[] sizes;
    private final int[] strides;
    private final byte[][] scratch;

    /**
     * Keys of {@code layout}, whose axes make {@code groups} ({@link #groups(KeyLayout, int)}): at
     * most {@link #MAX_GROUPS} of bytes and one {@link #wide} axis.
     */
    ByteGroupKeys(KeyLayout layout, int[][] groups) {
        List<KeyLayout.Axis> axes = layout.axes();
        if (!fits(layout, groups)) {
            throw new IllegalArgumentException("groups " + java.util.Arrays.deepToString(groups)
                    + ": more than " + MAX_GROUPS + " of bytes, or more than one wide axis, or one too wide");
        }
        List<int[]> narrow = new ArrayList<>();
        int wide = -1;
        for (int[] group : groups) {
            if (wide(layout, group)) {
                wide = group[0];
            } else {
                narrow.add(group);
            }
        }
        this.groups = narrow.toArray(new int[0][]);
        this.wide = wide;
        this.wideStride = wide < 0 ? 0 : axes.get(wide).stride();
        this.wideOffset = wide < 0 ? 0 : -axes.get(wide).base() * wideStride;
        columns = new int[axes.size()];
        bases = new int[axes.size()];
        sizes = new int[axes.size()];
        for (int a = 0; a < axes.size(); a++) {
            columns[a] = axes.get(a).column().index();
            bases[a] = axes.get(a).base();
            sizes[a] = axes.get(a).size();
        }
        // Two or four groups, padded with groups of code 0 and stride 0, so one of two loops serves.
        int padded = this.groups.length <= 2 ? 2 : MAX_GROUPS;
        strides = new int[padded];
        for (int g = 0; g < this.groups.length; g++) {
            strides[g] = axes.get(this.groups[g][this.groups[g].length - 1]).stride();
        }
        scratch = new byte[padded][BLOCK];
    }

    /**
     * The axes of {@code layout} split into runs whose level counts multiply to at most
     * {@code limit}, a run of one axis excepted (a byte-coded axis has at most 256 levels; one of
     * more, held as shorts, is therefore always alone in its run). Splitting greedily from the first axis gives the
     * fewest runs.
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

    /** Whether {@code group} of {@code layout} is one axis of more than {@link #BYTE_LEVELS} levels. */
    private static boolean wide(KeyLayout layout, int[] group) {
        return group.length == 1 && layout.axes().get(group[0]).size() > BYTE_LEVELS;
    }

    /**
     * Whether this variant takes {@code groups} of {@code layout}: at most {@link #MAX_GROUPS}
     * groups of bytes and at most one wide axis, of at most {@link #SHORT_LEVELS} levels.
     */
    static boolean fits(KeyLayout layout, int[][] groups) {
        int wide = 0;
        for (int[] group : groups) {
            if (wide(layout, group)) {
                wide++;
                if (layout.axes().get(group[0]).size() > SHORT_LEVELS) {
                    return false;
                }
            }
        }
        return wide <= 1 && groups.length - wide <= MAX_GROUPS;
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }

    /** Whether every key column of {@code chunk} is held as bytes, the {@link #wide} one's as shorts. */
    boolean readable(Chunk chunk) {
        for (int a = 0; a < columns.length; a++) {
            Codes codes = chunk.codes()[columns[a]];
            if (!(a == wide ? codes instanceof Codes.Shorts : codes instanceof Codes.Bytes)) {
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
        short[] w = wide(chunk);
        int sw = wideStride();
        int o = wideOffset;
        if (g.length == 2 && w == null) {
            for (int i = 0; i < rows; i++) {
                keys[i] = (g0[i] & 0xFF) * s0 + (g1[i] & 0xFF) * s1;
            }
        } else if (g.length == 2) {
            for (int i = 0; i < rows; i++) {
                keys[i] = (g0[i] & 0xFF) * s0 + (g1[i] & 0xFF) * s1 + (w[from + i] & 0xFFFF) * sw + o;
            }
        } else {
            byte[] g2 = g[2];
            byte[] g3 = g[3];
            int s2 = strides[2];
            int s3 = strides[3];
            if (w == null) {
                for (int i = 0; i < rows; i++) {
                    keys[i] = (g0[i] & 0xFF) * s0 + (g1[i] & 0xFF) * s1 + (g2[i] & 0xFF) * s2 + (g3[i] & 0xFF) * s3;
                }
            } else {
                for (int i = 0; i < rows; i++) {
                    keys[i] = (g0[i] & 0xFF) * s0 + (g1[i] & 0xFF) * s1 + (g2[i] & 0xFF) * s2 + (g3[i] & 0xFF) * s3
                            + (w[from + i] & 0xFFFF) * sw + o;
                }
            }
        }
    }

    /** The number of groups of bytes, before padding. */
    int groups() {
        return groups.length;
    }

    /**
     * The codes of {@code chunk}'s wide axis, as stored (chunk row {@code r}'s at {@code [r]}), or
     * {@code null} if there is none; row {@code r} adds {@code code * }{@link #wideStride()}
     * {@code + }{@link #wideOffset()} to its key.
     */
    short[] wide(Chunk chunk) {
        return wide < 0 ? null : ((Codes.Shorts) chunk.codes()[columns[wide]]).values();
    }

    /** The stride of the wide axis (0 if none). */
    int wideStride() {
        return wideStride;
    }

    /** {@code -base * stride} of the wide axis (0 if none). */
    int wideOffset() {
        return wideOffset;
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
