package ladder.engine.cube;

import java.util.Arrays;
import java.util.List;
import ladder.engine.table.Chunk;
import ladder.engine.table.Codes;

/**
 * Keys computed one column at a time, for codes of any width: the block's keys start at
 * {@code -sum_a base_a * stride_a} (the bases cost one constant, not a subtraction per code) and
 * each axis adds {@code code * stride} to every row's key. The general variant: it reads each
 * chunk's codes as they are stored, as bytes, shorts or ints, and takes any number of axes. For a
 * block of which a filter selects few rows, {@link #gather} reads the codes of those rows
 * only.
 */
final class ColumnKeys implements CellKeys {
    private final Part[] axes;
    private final int offset;
    /** The block rows whose keys {@link #gather} computes. */
    private final int[] selected = new int[BLOCK];

    private record Part(int column, int stride) {
    }

    ColumnKeys(KeyLayout layout) {
        List<KeyLayout.Axis> list = layout.axes();
        axes = new Part[list.size()];
        int offset = 0;
        for (int a = 0; a < axes.length; a++) {
            KeyLayout.Axis axis = list.get(a);
            axes[a] = new Part(axis.column().index(), axis.stride());
            offset -= axis.base() * axis.stride();
        }
        this.offset = offset;
    }

    @Override
    public void compute(Chunk chunk, int from, int rows, int[] keys) {
        Arrays.fill(keys, 0, rows, offset);
        for (Part axis : axes) {
            add(chunk.codes()[axis.column()], axis.stride(), from, null, rows, keys);
        }
    }

    /**
     * As {@link #compute}, for the rows of the block that {@code mask} selects only (bit {@code i}
     * of {@code mask} standing for chunk row {@code i}; {@code from} a multiple of 64), reading
     * their codes alone: sets {@code keys[j]} to the key of the {@code j}-th selected row, which is
     * block row {@link #selected()}{@code [j]}, and answers how many rows are selected. Cheaper
     * than {@link #compute} when few rows are.
     */
    int gather(Chunk chunk, int from, int rows, long[] mask, int[] keys) {
        int n = 0;
        for (int w = 0; w << 6 < rows; w++) {
            long bits = mask[(from >>> 6) + w] & Selection.span(0, Math.min(64, rows - (w << 6)));
            for (; bits != 0; bits &= bits - 1) {
                selected[n++] = (w << 6) + Long.numberOfTrailingZeros(bits);
            }
        }
        Arrays.fill(keys, 0, n, offset);
        for (Part axis : axes) {
            add(chunk.codes()[axis.column()], axis.stride(), from, selected, n, keys);
        }
        return n;
    }

    /** The block rows of the last {@link #gather}'s keys, in order. Scratch space, overwritten by the next call. */
    int[] selected() {
        return selected;
    }

    /**
     * Adds {@code code * stride} to {@code keys[j]} for {@code j < n}, the code of chunk row
     * {@code from + j}, or of {@code from + at[j]} if {@code at} is not {@code null}. The test of
     * {@code at} is the same on every pass, so the compiler hoists it out of the loops, and the
     * pass over consecutive rows stays one the processor runs on several rows at once.
     */
    private static void add(Codes codes, int stride, int from, int[] at, int n, int[] keys) {
        if (codes instanceof Codes.Bytes b) {
            byte[] v = b.values();
            for (int j = 0; j < n; j++) {
                keys[j] += (v[from + (at == null ? j : at[j])] & 0xFF) * stride;
            }
        } else if (codes instanceof Codes.Shorts s) {
            short[] v = s.values();
            for (int j = 0; j < n; j++) {
                keys[j] += (v[from + (at == null ? j : at[j])] & 0xFFFF) * stride;
            }
        } else {
            int[] v = ((Codes.Ints) codes).values();
            for (int j = 0; j < n; j++) {
                keys[j] += v[from + (at == null ? j : at[j])] * stride;
            }
        }
    }
}
