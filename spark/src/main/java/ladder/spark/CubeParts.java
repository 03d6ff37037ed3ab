package ladder.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import ladder.engine.cube.Cube;
import ladder.engine.cube.Dimension;

/**
 * A {@link Cube} as plain arrays, so that a partition's cube travels from an executor to the
 * driver (Spark serialises task results; a cube is a value of the engine that knows nothing of
 * Java serialisation). Every number is carried exactly: counts, value counts, and the unit and
 * loose sums and sums of squares as the cube holds them, so {@code of(c).cube().equals(c)}.
 */
final class CubeParts implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String[] dimensionNames;
    private final String[][] levels;
    private final String[] measureNames;
    private final int[] scales;
    private final String filter;
    private final int size;
    private final int[] coords;
    private final long[] counts;
    /** Per cell and measure at {@code cell * m + j}: the value count and the four sums. */
    private final long[] valueCounts;
    private final double[] unitSums;
    private final double[] unitSquares;
    private final double[] looseSums;
    private final double[] looseSquares;

    private CubeParts(Cube cube) {
        int d = cube.dimensions().size();
        int m = cube.measures().size();
        dimensionNames = cube.dimensions().stream().map(Dimension::name).toArray(String[]::new);
        levels = cube.dimensions().stream().map(dim -> dim.levels().toArray(String[]::new)).toArray(String[][]::new);
        measureNames = cube.measures().stream().map(Cube.Measure::name).toArray(String[]::new);
        scales = cube.measures().stream().mapToInt(Cube.Measure::scale).toArray();
        filter = cube.filter();
        size = cube.size();
        coords = new int[size * d];
        counts = new long[size];
        valueCounts = new long[size * m];
        unitSums = new double[size * m];
        unitSquares = new double[size * m];
        looseSums = new double[size * m];
        looseSquares = new double[size * m];
        for (int c = 0; c < size; c++) {
            counts[c] = cube.count(c);
            for (int k = 0; k < d; k++) {
                coords[c * d + k] = cube.level(c, k);
            }
            for (int j = 0; j < m; j++) {
                valueCounts[c * m + j] = cube.valueCount(c, j);
                unitSums[c * m + j] = cube.unitSum(c, j);
                unitSquares[c * m + j] = cube.unitSumOfSquares(c, j);
                looseSums[c * m + j] = cube.looseSum(c, j);
                looseSquares[c * m + j] = cube.looseSumOfSquares(c, j);
            }
        }
    }

    static CubeParts of(Cube cube) {
        return new CubeParts(cube);
    }

    /** The cube these parts were taken from (without its provenance, which the driver sets). */
    Cube cube() {
        int d = dimensionNames.length;
        int m = measureNames.length;
        List<Dimension> dimensions = new ArrayList<>(d);
        for (int k = 0; k < d; k++) {
            dimensions.add(new Dimension(dimensionNames[k], List.of(levels[k])));
        }
        List<Cube.Measure> measures = new ArrayList<>(m);
        for (int j = 0; j < m; j++) {
            measures.add(new Cube.Measure(measureNames[j], scales[j]));
        }
        Cube.Cells cells = new Cube.Cells(d, m, size);
        int[] at = new int[d];
        for (int c = 0; c < size; c++) {
            System.arraycopy(coords, c * d, at, 0, d);
            int cell = cells.add(at, counts[c]);
            for (int j = 0; j < m; j++) {
                int i = c * m + j;
                cells.measure(cell, j, valueCounts[i], unitSums[i], unitSquares[i], looseSums[i], looseSquares[i]);
            }
        }
        return cells.build(dimensions, measures, filter, Cube.Provenance.NONE);
    }

    /** The parts of the merge of two partitions' cubes ({@link Cube#merge}: by label, exact). */
    static CubeParts merge(CubeParts a, CubeParts b) {
        return of(a.cube().merge(b.cube()));
    }
}
