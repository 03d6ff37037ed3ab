package ladder.engine.cube;

import java.util.Arrays;
import java.util.List;
import ladder.engine.table.Chunk;
import ladder.engine.table.Codes;

/**
 * Keys computed one column at a time, for codes of any width: the block's keys start at
 * {@code -sum_a base_a * stride_a} (the bases cost one constant, not a subtraction per code) and
 * each axis adds {@code code * stride} to every row's key. The general variant: it reads each
 * chunk's codes as they are stored, as bytes, shorts or ints, and takes any number of axes.
 */
final class ColumnKeys implements CellKeys {
    private final Part[] axes;
    private final int offset;

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
            int stride = axis.stride();
            Codes codes = chunk.codes()[axis.column()];
            if (codes instanceof Codes.Bytes b) {
                byte[] v = b.values();
                for (int i = 0; i < rows; i++) {
                    keys[i] += (v[from + i] & 0xFF) * stride;
                }
            } else if (codes instanceof Codes.Shorts s) {
                short[] v = s.values();
                for (int i = 0; i < rows; i++) {
                    keys[i] += (v[from + i] & 0xFFFF) * stride;
                }
            } else {
                int[] v = ((Codes.Ints) codes).values();
                for (int i = 0; i < rows; i++) {
                    keys[i] += v[from + i] * stride;
                }
            }
        }
    }
}
