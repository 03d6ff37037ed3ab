package ladder.engine.cube;

import java.util.List;
import ladder.engine.table.Column;

/**
 * How the kernels number a row: its key is {@code sum_a (code_a - base_a) * stride_a} over the
 * axes, which are the cube's dimensions and then the measures folded into the key (see
 * {@link FoldedMeasures}), the last axis varying fastest. With {@code F} the product of the folded
 * measures' level counts, key {@code k} lies in cell {@code k / F}, and the keys of one cell are
 * consecutive.
 */
final class KeyLayout {

    /** One axis of the key: a coded column and the codes {@code base .. base + size - 1} it spans. */
    record Axis(Column column, int base, int size, int stride) {
    }

    private final List<Axis> axes;
    private final int cells;
    private final int folded;
    private final int[] foldedMeasures;

    /**
     * The layout of {@code cube}'s dimensions followed by the measures at positions {@code fold} of
     * {@code cube.measures()}, each spanning the codes its column holds.
     */
    KeyLayout(DenseCube cube, int[] fold) {
        int[] bases = new int[cube.dimensions().size() + fold.length];
        int[] sizes = new int[bases.length];
        for (int d = 0; d < cube.dimensions().size(); d++) {
            bases[d] = cube.dimensions().get(d).base();
            sizes[d] = cube.dimensions().get(d).size();
        }
        int folded = 1;
        for (int f = 0; f < fold.length; f++) {
            Column measure = cube.measures().get(fold[f]);
            bases[cube.dimensions().size() + f] = measure.minCode();
            sizes[cube.dimensions().size() + f] = measure.maxCode() - measure.minCode() + 1;
            folded *= sizes[cube.dimensions().size() + f];
        }
        long stride = 1;
        Axis[] built = new Axis[bases.length];
        for (int a = bases.length - 1; a >= 0; a--) {
            Column column = a < cube.dimensions().size() ? cube.dimensions().get(a).column()
                    : cube.measures().get(fold[a - cube.dimensions().size()]);
            built[a] = new Axis(column, bases[a], sizes[a], (int) stride);
            stride *= sizes[a];
            if (stride > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("a key space of " + stride + " keys does not fit an int");
            }
        }
        this.axes = List.of(built);
        this.cells = cube.cells();
        this.folded = folded;
        this.foldedMeasures = fold.clone();
    }

    List<Axis> axes() {
        return axes;
    }

    /** The number of keys: cells times {@link #folded()}. */
    int keys() {
        return cells * folded;
    }

    int cells() {
        return cells;
    }

    /** The number of keys per cell: the product of the folded measures' level counts (1 if none). */
    int folded() {
        return folded;
    }

    /** The positions, in the cube's measures, of the measures folded into the key, in axis order. */
    int[] foldedMeasures() {
        return foldedMeasures.clone();
    }

    /** Whether measure {@code m} is folded into the key. */
    boolean isFolded(int m) {
        for (int f : foldedMeasures) {
            if (f == m) {
                return true;
            }
        }
        return false;
    }
}
