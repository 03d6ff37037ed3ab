package ladder.engine.cube;

import java.util.List;

/**
 * An R x C table of counts with its row and column labels, as a contingency test reads it.
 * Counts are doubles, exact for whole numbers up to 2^53: products of margins overflow longs.
 */
public record CountTable(List<String> rowLevels, List<String> columnLevels, double[][] counts) {

    public CountTable {
        rowLevels = List.copyOf(rowLevels);
        columnLevels = List.copyOf(columnLevels);
        if (counts.length != rowLevels.size()) {
            throw new IllegalArgumentException(counts.length + " rows for " + rowLevels.size() + " row levels");
        }
        for (double[] row : counts) {
            if (row.length != columnLevels.size()) {
                throw new IllegalArgumentException(row.length + " columns for " + columnLevels.size() + " column levels");
            }
        }
    }

    /** The count at the named row and column levels. */
    public double count(String row, String column) {
        int r = rowLevels.indexOf(row);
        int c = columnLevels.indexOf(column);
        if (r < 0 || c < 0) {
            throw new IllegalArgumentException("no cell (" + row + ", " + column + ") in a table over " + rowLevels
                    + " x " + columnLevels);
        }
        return counts[r][c];
    }

    /** The sum of every count. */
    public double total() {
        double total = 0;
        for (double[] row : counts) {
            for (double v : row) {
                total += v;
            }
        }
        return total;
    }
}
