package ladder.models.disclosure;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import ladder.engine.LadderException;

/**
 * One table of counts to publish: its interior cells, labelled by dimension, in row-major order
 * (last dimension fastest). The published table is these cells and every margin of them (each
 * dimension's {@link SuppressionPlan#TOTAL}, alone and in combination, down to the grand total).
 *
 * @param name the table's name in the publication, e.g. "by_grade"
 * @param dimensions the dimension names, e.g. ["grade", "seb"]
 * @param levels each dimension's level labels, in order
 * @param counts the interior counts, row-major, &gt;= 0
 */
public record CountTable(String name, List<String> dimensions, List<List<String>> levels, long[] counts) {

    public CountTable {
        dimensions = List.copyOf(dimensions);
        levels = levels.stream().map(List::copyOf).toList();
        counts = counts.clone();
        if (dimensions.isEmpty() || levels.size() != dimensions.size()) {
            throw new IllegalArgumentException("table " + name + ": need at least one dimension and one list of levels"
                    + " per dimension; got " + dimensions.size() + " dimensions and " + levels.size() + " lists");
        }
        if (new HashSet<>(dimensions).size() != dimensions.size()) {
            throw new LadderException("table " + name + " names a dimension twice: " + dimensions);
        }
        long cells = 1;
        for (int d = 0; d < dimensions.size(); d++) {
            List<String> l = levels.get(d);
            Set<String> unique = new HashSet<>(l);
            if (l.isEmpty() || unique.size() != l.size() || unique.contains(SuppressionPlan.TOTAL)) {
                throw new LadderException("table " + name + ", dimension " + dimensions.get(d) + ": levels must be"
                        + " distinct, at least one, and none called " + SuppressionPlan.TOTAL + "; got " + l);
            }
            cells *= l.size();
        }
        if (counts.length != cells) {
            throw new IllegalArgumentException("table " + name + " has " + counts.length + " counts for " + cells + " cells");
        }
        for (long c : counts) {
            if (c < 0) {
                throw new LadderException("table " + name + " has a negative count: " + c);
            }
        }
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    /** The number of published cells: interior and margins, &Pi; (levels + 1). */
    int publishedCells() {
        int n = 1;
        for (List<String> l : levels) {
            n *= l.size() + 1;
        }
        return n;
    }

    /** The position of each dimension of published cell {@code cell}; a position equal to the level count is the total. */
    int[] position(int cell) {
        int[] p = new int[dimensions.size()];
        for (int d = dimensions.size() - 1; d >= 0; d--) {
            int size = levels.get(d).size() + 1;
            p[d] = cell % size;
            cell /= size;
        }
        return p;
    }

    /** The published cell at {@code position}. */
    int cell(int[] position) {
        int c = 0;
        for (int d = 0; d < dimensions.size(); d++) {
            c = c * (levels.get(d).size() + 1) + position[d];
        }
        return c;
    }

    /** The labels of published cell {@code cell}, {@link SuppressionPlan#TOTAL} for a margin. */
    List<String> labels(int cell) {
        int[] p = position(cell);
        String[] labels = new String[p.length];
        for (int d = 0; d < p.length; d++) {
            labels[d] = p[d] == levels.get(d).size() ? SuppressionPlan.TOTAL : levels.get(d).get(p[d]);
        }
        return List.of(labels);
    }
}
