package ladder.models.disclosure;

import java.util.ArrayList;
import java.util.List;

/**
 * The range a reader can narrow each withheld cell to: the minimum and maximum of the cell over all
 * non-negative real values of the withheld cells that satisfy the published relations, by linear
 * programming ({@link Simplex}, in exact integer arithmetic). This is the audit of R's sdcTable ({@code attack}) and of
 * tau-Argus: a cell whose range has width 0 is disclosed even when elimination alone does not fix
 * it (for example two withheld cells that sum to a published 0).
 *
 * <p>Only the relations that hold a withheld cell constrain the withheld cells (the published ones
 * are known numbers), and the ranges of all the withheld cells are taken over one polyhedron, each
 * starting from the vertex the previous one ended at.
 *
 * <p>The bounds are those of the linear relaxation; with integer counts the integer range can be
 * narrower in tables of three or more dimensions, which is not checked.
 */
final class IntervalBounds {

    private IntervalBounds() {
    }

    /**
     * {min, max} of each withheld variable (null for the published ones); max is +Infinity when the
     * relations do not bound it.
     */
    static double[][] of(LinearRelations system, boolean[] withheld) {
        List<Integer> all = new ArrayList<>();
        for (int v = 0; v < system.size(); v++) {
            if (withheld[v]) {
                all.add(v);
            }
        }
        return of(system, withheld, all);
    }

    /** {min, max} of each of the withheld variables {@code targets} (null for every other variable). */
    static double[][] of(LinearRelations system, boolean[] withheld, List<Integer> targets) {
        int[] column = columns(system, withheld);
        Simplex lp = polyhedron(system, column);
        double[][] bounds = new double[system.size()][];
        for (int v : targets) {
            bounds[v] = new double[] {lp.min(column[v]), lp.max(column[v])};
        }
        return bounds;
    }

    /** The ranges of the withheld variables, each solved when asked for, over one polyhedron. */
    static final class Ranges {
        private final int[] column;
        private final Simplex lp;

        Ranges(LinearRelations system, boolean[] withheld) {
            column = columns(system, withheld);
            lp = polyhedron(system, column);
        }

        /** max - min of withheld variable {@code v}; +Infinity when unbounded. */
        double width(int v) {
            return lp.max(column[v]) - lp.min(column[v]);
        }
    }

    /** The column of each withheld variable in the linear programme, -1 for a published one. */
    private static int[] columns(LinearRelations system, boolean[] withheld) {
        int[] column = new int[system.size()];
        int columns = 0;
        for (int v = 0; v < system.size(); v++) {
            column[v] = withheld[v] ? columns++ : -1;
        }
        return column;
    }

    /** The polyhedron of the withheld variables: the relations that hold one, published counts moved to the right. */
    private static Simplex polyhedron(LinearRelations system, int[] column) {
        int columns = (int) java.util.Arrays.stream(column).filter(c -> c >= 0).count();
        List<long[]> a = new ArrayList<>();
        List<Long> b = new ArrayList<>();
        for (int[] relation : system.relations) {
            long[] coefficients = new long[columns];
            long known = 0;
            boolean any = false;
            for (int k = 0; k < relation.length; k++) {
                int v = relation[k];
                int sign = LinearRelations.coefficient(k);
                if (column[v] >= 0) {
                    coefficients[column[v]] += sign;
                    any = true;
                } else {
                    known -= sign * system.values[v];
                }
            }
            if (any) {
                a.add(coefficients);
                b.add(known);
            }
        }
        return new Simplex(a.toArray(new long[0][]), b.stream().mapToLong(Long::longValue).toArray(), columns);
    }
}
