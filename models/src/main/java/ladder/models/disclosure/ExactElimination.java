package ladder.models.disclosure;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Which withheld cells a reader can work out exactly from the published ones, by exact Gaussian
 * elimination in the integers (no rounding).
 *
 * <p>Each relation margin - &Sigma; parts = 0 splits into the withheld variables u and the published
 * ones: A<sub>u</sub> u = -A<sub>p</sub> p, whose right-hand side the reader knows. Every linear
 * combination of relations is known too, so a withheld cell u<sub>j</sub> is determined exactly when
 * the unit vector e<sub>j</sub> lies in the row space of A<sub>u</sub>. In the reduced row echelon
 * form of A<sub>u</sub> that is when column j is a pivot column whose row has no other non-zero
 * entry. Rows are kept as integers by fraction-free elimination (each row divided by the gcd of its
 * entries), which is exact rational elimination without fractions. Non-negativity is not used here;
 * {@link IntervalBounds} adds it.
 */
final class ExactElimination {

    private ExactElimination() {
    }

    /** {@code determined[v]} for each withheld variable v (false for published ones). */
    static boolean[] determined(LinearRelations system, boolean[] withheld) {
        int[] column = new int[system.size()];
        List<Integer> variables = new ArrayList<>();
        for (int v = 0; v < system.size(); v++) {
            column[v] = withheld[v] ? variables.size() : -1;
            if (withheld[v]) {
                variables.add(v);
            }
        }
        int columns = variables.size();
        List<BigInteger[]> rows = new ArrayList<>();
        for (int[] relation : system.relations) {
            BigInteger[] row = new BigInteger[columns];
            java.util.Arrays.fill(row, BigInteger.ZERO);
            boolean any = false;
            for (int k = 0; k < relation.length; k++) {
                int c = column[relation[k]];
                if (c >= 0) {
                    row[c] = row[c].add(BigInteger.valueOf(LinearRelations.coefficient(k)));
                    any = true;
                }
            }
            if (any) {
                rows.add(row);
            }
        }
        int rank = 0;
        int[] pivotOfRow = new int[rows.size()];
        for (int c = 0; c < columns && rank < rows.size(); c++) {
            int pivot = -1;
            for (int r = rank; r < rows.size(); r++) {
                if (rows.get(r)[c].signum() != 0) {
                    pivot = r;
                    break;
                }
            }
            if (pivot < 0) {
                continue;
            }
            BigInteger[] p = rows.get(pivot);
            rows.set(pivot, rows.get(rank));
            rows.set(rank, p);
            for (int r = 0; r < rows.size(); r++) {
                BigInteger[] row = rows.get(r);
                if (r == rank || row[c].signum() == 0) {
                    continue;
                }
                BigInteger factor = row[c];
                BigInteger gcd = BigInteger.ZERO;
                for (int j = 0; j < columns; j++) {
                    row[j] = row[j].multiply(p[c]).subtract(p[j].multiply(factor));
                    gcd = gcd.gcd(row[j]);
                }
                if (gcd.signum() != 0 && !gcd.equals(BigInteger.ONE)) {
                    for (int j = 0; j < columns; j++) {
                        row[j] = row[j].divide(gcd);
                    }
                }
            }
            pivotOfRow[rank++] = c;
        }
        boolean[] determined = new boolean[system.size()];
        for (int r = 0; r < rank; r++) {
            int nonZero = 0;
            for (BigInteger entry : rows.get(r)) {
                nonZero += entry.signum() != 0 ? 1 : 0;
            }
            if (nonZero == 1) {
                determined[variables.get(pivotOfRow[r])] = true;
            }
        }
        return determined;
    }
}
