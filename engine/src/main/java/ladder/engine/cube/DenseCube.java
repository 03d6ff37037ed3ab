package ladder.engine.cube;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import ladder.engine.LadderException;
import ladder.engine.table.Column;

/**
 * Counts and sums over the cells of a few categorical dimensions: per cell, the number of rows,
 * and per measure the number of non-missing values, their sum and their sum of squares.
 *
 * <p>Cells are numbered row-major: the last dimension varies fastest. Cubes over the same
 * dimensions and measures {@link #merge merge} by addition, so a cube of a pool is the merge of
 * the cubes of its parts, whatever the split. A cube is mutable only while a kernel fills it;
 * analyses treat it as a value.
 */
public final class DenseCube {
    private final List<CodeAxis> dimensions;
    private final List<Column> measures;
    private final int[] strides;
    private final long[] counts;
    private final long[] valueCounts;
    /** Sums held exactly: in the measure's units (hundredths of a decimal, or whole numbers), integers in doubles. */
    private final double[] sums;
    private final double[] sumsOfSquares;
    /** Sums of values held as doubles, which no unit makes exact. */
    private final double[] looseSums;
    private final double[] looseSquares;

    public DenseCube(List<CodeAxis> dimensions, List<Column> measures) {
        this.dimensions = List.copyOf(dimensions);
        this.measures = List.copyOf(measures);
        for (Column m : this.measures) {
            if (m.field() == null || !(m.isDecimal() || m.isWholeNumber())) {
                throw new LadderException(m.name() + " is not numeric and cannot be summed");
            }
        }
        strides = new int[this.dimensions.size()];
        long cells = 1;
        for (int d = this.dimensions.size() - 1; d >= 0; d--) {
            strides[d] = (int) cells;
            cells *= this.dimensions.get(d).size();
            if (cells > Integer.MAX_VALUE / Math.max(1, 2 * this.measures.size())) {
                throw new LadderException("a cube over " + names(this.dimensions) + " has " + cells
                        + " or more cells, too many to hold; use fewer or smaller dimensions");
            }
        }
        counts = new long[(int) cells];
        int values = (int) cells * this.measures.size();
        valueCounts = new long[values];
        sums = new double[values];
        sumsOfSquares = new double[values];
        looseSums = new double[values];
        looseSquares = new double[values];
    }

    /** How many units make one of measure {@code m}'s values: 100 for a decimal (held in hundredths), 1 for a whole number. */
    public int scale(int m) {
        return measures.get(m).isDecimal() ? 100 : 1;
    }

    private static String names(List<CodeAxis> dims) {
        return dims.stream().map(CodeAxis::name).collect(Collectors.joining(" x "));
    }

    public List<CodeAxis> dimensions() {
        return dimensions;
    }

    public List<Column> measures() {
        return measures;
    }

    public int cells() {
        return counts.length;
    }

    /** The index of the cell at the given level positions, one per dimension. */
    public int cell(int... levels) {
        if (levels.length != dimensions.size()) {
            throw new IllegalArgumentException("expected " + dimensions.size() + " levels, got " + levels.length);
        }
        int cell = 0;
        for (int d = 0; d < levels.length; d++) {
            Objects.checkIndex(levels[d], dimensions.get(d).size());
            cell += levels[d] * strides[d];
        }
        return cell;
    }

    /** The level position of {@code cell} on dimension {@code d}. */
    public int level(int cell, int d) {
        return (cell / strides[d]) % dimensions.get(d).size();
    }

    /** The position of the dimension named {@code name}, or a {@link LadderException}. */
    public int dimension(String name) {
        for (int d = 0; d < dimensions.size(); d++) {
            if (dimensions.get(d).name().equalsIgnoreCase(name.strip())) {
                return d;
            }
        }
        throw new LadderException("the cube has no dimension '" + name + "'; it has " + names(dimensions));
    }

    /** The position of the measure named {@code name}, or a {@link LadderException}. */
    public int measure(String name) {
        for (int m = 0; m < measures.size(); m++) {
            if (measures.get(m).name().equalsIgnoreCase(name.strip())) {
                return m;
            }
        }
        throw new LadderException("the cube has no measure '" + name + "'");
    }

    public long count(int cell) {
        return counts[cell];
    }

    /** Rows in every cell. */
    public long total() {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        return total;
    }

    /** Non-missing values of measure {@code m} in {@code cell}. */
    public long valueCount(int cell, int m) {
        return valueCounts[cell * measures.size() + m];
    }

    public double sum(int cell, int m) {
        int at = cell * measures.size() + m;
        return sums[at] / scale(m) + looseSums[at];
    }

    public double sumOfSquares(int cell, int m) {
        int at = cell * measures.size() + m;
        double scale = scale(m);
        return sumsOfSquares[at] / (scale * scale) + looseSquares[at];
    }

    /** The part of the sum held exactly, in units of {@code 1 / scale(m)}: an integer. */
    public double unitSum(int cell, int m) {
        return sums[cell * measures.size() + m];
    }

    /** The part of the sum of squares held exactly, in squared units. */
    public double unitSumOfSquares(int cell, int m) {
        return sumsOfSquares[cell * measures.size() + m];
    }

    /** The part of the sum from values held as doubles. */
    public double looseSum(int cell, int m) {
        return looseSums[cell * measures.size() + m];
    }

    public double looseSumOfSquares(int cell, int m) {
        return looseSquares[cell * measures.size() + m];
    }

    // Kernel access: package-private, so only the kernels fill a cube.
    long[] countArray() {
        return counts;
    }

    long[] valueCountArray() {
        return valueCounts;
    }

    double[] sumArray() {
        return sums;
    }

    double[] sumOfSquaresArray() {
        return sumsOfSquares;
    }

    double[] looseSumArray() {
        return looseSums;
    }

    double[] looseSquareArray() {
        return looseSquares;
    }

    /** Whether {@code other} has the same dimensions (columns and levels) and measures. */
    public boolean compatible(DenseCube other) {
        return dimensions.equals(other.dimensions) && measures.equals(other.measures);
    }

    /** Adds {@code other}'s cells to this cube's, in place; the cubes must be {@link #compatible}. */
    public DenseCube mergeFrom(DenseCube other) {
        if (!compatible(other)) {
            throw new IllegalArgumentException("cannot merge a cube over " + names(other.dimensions)
                    + " into one over " + names(dimensions));
        }
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        for (int i = 0; i < sums.length; i++) {
            valueCounts[i] += other.valueCounts[i];
            sums[i] += other.sums[i];
            sumsOfSquares[i] += other.sumsOfSquares[i];
            looseSums[i] += other.looseSums[i];
            looseSquares[i] += other.looseSquares[i];
        }
        return this;
    }

    /** A new cube holding the sum of this cube and {@code other}. */
    public DenseCube merge(DenseCube other) {
        return copy().mergeFrom(other);
    }

    private DenseCube copy() {
        return new DenseCube(dimensions, measures).mergeFrom(this);
    }
}
