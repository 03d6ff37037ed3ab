package ladder.engine.cube;

import ladder.engine.table.Column;

/**
 * Whole-number measures with few levels ({@code promoted}, {@code training}: 0 or 1) counted as
 * extra axes of the key instead of summed: a row adds one to the counter of (its cell, its
 * measure values), and a counter holding {@code n} rows whose measure has value {@code v} gives
 * the cell {@code n} rows, and the measure {@code n} values, {@code n v} to its sum and
 * {@code n v^2} to its sum of squares. One increment per row instead of a count, a sum and a sum
 * of squares per measure, and exact.
 */
final class FoldedMeasures {
    /** The largest |value| folded: {@code n v^2} stays within a long for any int count {@code n}. */
    static final int MAX_VALUE = 1 << 15;

    private FoldedMeasures() {
    }

    /**
     * Adds to {@code cube} the rows counted per key (the sum of {@code counts[key * stripes + s]}
     * over the stripes {@code s}): to each cell its rows, and to each folded measure its values,
     * their sum and sum of squares.
     */
    static void addCounts(DenseCube cube, KeyLayout layout, int[] counts, int stripes) {
        int folded = layout.folded();
        int[] fold = layout.foldedMeasures();
        long[][] values = values(cube, layout);
        long[] rowCounts = cube.countArray();
        long[] valueCounts = cube.valueCountArray();
        double[] sums = cube.sumArray();
        double[] squares = cube.sumOfSquaresArray();
        int m = cube.measures().size();
        long[] keyCounts = new long[folded];
        for (int cell = 0; cell < layout.cells(); cell++) {
            long rows = 0;
            for (int f = 0; f < folded; f++) {
                long n = 0;
                for (int at = (cell * folded + f) * stripes, end = at + stripes; at < end; at++) {
                    n += counts[at];
                }
                keyCounts[f] = n;
                rows += n;
            }
            if (rows == 0) {
                continue;
            }
            rowCounts[cell] += rows;
            for (int j = 0; j < fold.length; j++) {
                long[] v = values[j];
                long sum = 0;
                long square = 0;
                for (int f = 0; f < folded; f++) {
                    sum += keyCounts[f] * v[f];
                    square += keyCounts[f] * v[f] * v[f];
                }
                int at = cell * m + fold[j];
                valueCounts[at] += rows;
                sums[at] += sum;
                squares[at] += square;
            }
        }
    }

    /** {@code values[j][f]}: the value of the j-th folded measure in the f-th key of a cell. */
    private static long[][] values(DenseCube cube, KeyLayout layout) {
        int[] fold = layout.foldedMeasures();
        int first = cube.dimensions().size();
        long[][] values = new long[fold.length][layout.folded()];
        for (int f = 0; f < layout.folded(); f++) {
            int rest = f;
            for (int j = fold.length - 1; j >= 0; j--) {
                KeyLayout.Axis axis = layout.axes().get(first + j);
                Column measure = axis.column();
                values[j][f] = axis.base() + rest % axis.size() + measure.field().min();
                rest /= axis.size();
            }
        }
        return values;
    }
}
