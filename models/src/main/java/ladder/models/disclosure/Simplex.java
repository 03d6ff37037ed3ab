package ladder.models.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The least and greatest value of each coordinate over a polyhedron {x &ge; 0 : A x = b} with
 * integer A and b, by the simplex method on one tableau in exact integer arithmetic (Chv&aacute;tal,
 * Linear Programming, 1983, ch. 2-3), so that a bound is a proof, not a rounded guess.
 *
 * <p>Each tableau row is kept as the primitive integer multiple of its rational row (the basic
 * variable's entry, positive, is the multiplier; a pivot combines two rows by cross-multiplying and
 * divides out the gcd), so entries stay as small as the exact rationals allow and every comparison
 * is exact; a long overflow throws {@link ArithmeticException} rather than round.
 *
 * <p>Phase 1 (one artificial variable a row, minimising their sum) finds a vertex once. A
 * coordinate at 0 there has minimum 0. Each
 * coordinate's minimum and maximum is then phase 2 from whatever vertex the previous one ended at:
 * every vertex is feasible for every objective, so a bound costs the few pivots from a nearby
 * vertex rather than a new solve. The entering column is the most negative reduced cost (Dantzig);
 * after a run of {@value #PATIENCE} degenerate pivots Bland's rule (least index enters, least index
 * leaves among ties) takes over until the objective moves, so the method cannot cycle.
 */
final class Simplex {
    private static final int PATIENCE = 50;

    private final int n;
    /** Row i: its entries over the columns, the right-hand side last; entry basis[i] is its positive multiplier. */
    private long[][] rows;
    private int[] basis;
    private final int[] rowOf;
    /** The reduced costs of the objective being minimised, times a positive multiplier; the last entry: minus its value. */
    private long[] cost;

    /**
     * The polyhedron of {@code a} (rows of coefficients over {@code columns} variables) and
     * {@code b}; throws when it is empty, which for published counts (the true counts satisfy
     * them) is a programming error.
     */
    Simplex(long[][] a, long[] b, int columns) {
        n = columns;
        rowOf = new int[n];
        Arrays.fill(rowOf, -1);
        int m = a.length;
        rows = new long[m][];
        basis = new int[m];
        cost = new long[n + 1];
        for (int i = 0; i < m; i++) {
            long sign = b[i] < 0 ? -1 : 1;
            long[] row = new long[n + 1];
            for (int j = 0; j < n; j++) {
                row[j] = sign * a[i][j];
                cost[j] = Math.subtractExact(cost[j], row[j]);
            }
            row[n] = sign * b[i];
            cost[n] = Math.subtractExact(cost[n], row[n]);
            rows[i] = row;
            basis[i] = n + i;
        }
        // Phase 1: the artificial variables' columns are not kept, as one that leaves the basis never
        // needs to enter again (Chvatal, ch. 8).
        minimise();
        if (cost[n] != 0) {
            throw new IllegalStateException("the relations have no non-negative solution");
        }
        dropArtificials();
    }

    /** Pivots each artificial variable still basic (at 0) out of the basis, or drops its row as redundant. */
    private void dropArtificials() {
        List<long[]> kept = new ArrayList<>();
        List<Integer> keptBasis = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            long[] row = rows[i];
            if (basis[i] >= n) {
                int enter = 0;
                while (enter < n && row[enter] == 0) {
                    enter++;
                }
                if (enter == n) {
                    continue;
                }
                if (row[enter] < 0) {
                    // Its right-hand side is 0 (phase 1 ended at 0), so the row may change sign.
                    for (int k = 0; k <= n; k++) {
                        row[k] = -row[k];
                    }
                }
                pivot(i, enter);
            }
        }
        for (int i = 0; i < rows.length; i++) {
            if (basis[i] < n) {
                kept.add(rows[i]);
                keptBasis.add(basis[i]);
            }
        }
        rows = kept.toArray(new long[0][]);
        basis = keptBasis.stream().mapToInt(Integer::intValue).toArray();
        Arrays.fill(rowOf, -1);
        for (int i = 0; i < basis.length; i++) {
            rowOf[basis[i]] = i;
        }
    }

    /** The least value of coordinate {@code j}. */
    double min(int j) {
        if (value(j) == 0) {
            return 0;
        }
        objective(j, 1);
        minimise();
        return value(j);
    }

    /** The greatest value of coordinate {@code j}; +Infinity when unbounded. */
    double max(int j) {
        objective(j, -1);
        return minimise() ? value(j) : Double.POSITIVE_INFINITY;
    }

    private double value(int j) {
        int r = rowOf[j];
        return r < 0 ? 0 : (double) rows[r][n] / rows[r][j];
    }

    /** Sets the reduced costs of minimising {@code sign} x<sub>j</sub> at the current basis. */
    private void objective(int j, long sign) {
        int r = rowOf[j];
        Arrays.fill(cost, 0);
        if (r < 0) {
            cost[j] = sign;
            return;
        }
        // With x_j basic in row r (multiplier s): reduced cost of k is sign (delta_jk - T_rk), times s.
        for (int k = 0; k <= n; k++) {
            cost[k] = -sign * rows[r][k];
        }
        cost[j] = 0;
    }

    /**
     * Pivots until no reduced cost is negative (true), or a column with a negative reduced cost
     * has no positive entry (false: unbounded below).
     */
    private boolean minimise() {
        int rhs = n;
        int degenerate = 0;
        while (true) {
            int enter = -1;
            for (int j = 0; j < n; j++) {
                if (cost[j] < 0 && (enter < 0 || cost[j] < cost[enter])) {
                    enter = j;
                    if (degenerate >= PATIENCE) {
                        break;
                    }
                }
            }
            if (enter < 0) {
                return true;
            }
            int leave = -1;
            for (int i = 0; i < rows.length; i++) {
                long a = rows[i][enter];
                if (a > 0) {
                    if (leave < 0) {
                        leave = i;
                        continue;
                    }
                    // rhs_i / a_i against rhs_leave / a_leave, by cross-multiplying.
                    int order = Long.compare(Math.multiplyExact(rows[i][rhs], rows[leave][enter]),
                            Math.multiplyExact(rows[leave][rhs], a));
                    if (order < 0 || order == 0 && basis[i] < basis[leave]) {
                        leave = i;
                    }
                }
            }
            if (leave < 0) {
                return false;
            }
            degenerate = rows[leave][rhs] == 0 ? degenerate + 1 : 0;
            pivot(leave, enter);
        }
    }

    /** Makes column c basic in row r (whose entry there is positive): every other row loses its entry in c. */
    private void pivot(int r, int c) {
        long[] p = rows[r];
        divideByGcd(p);
        long pc = p[c];
        int width = p.length;
        int[] nonZero = new int[width];
        int count = 0;
        for (int k = 0; k < width; k++) {
            if (p[k] != 0) {
                nonZero[count++] = k;
            }
        }
        for (int i = 0; i <= rows.length; i++) {
            long[] row = i < rows.length ? rows[i] : cost;
            long f = row[c];
            if (i == r || f == 0) {
                continue;
            }
            if (pc != 1) {
                for (int k = 0; k < width; k++) {
                    row[k] = Math.multiplyExact(row[k], pc);
                }
            }
            for (int q = 0; q < count; q++) {
                int k = nonZero[q];
                row[k] = Math.subtractExact(row[k], Math.multiplyExact(f, p[k]));
            }
            divideByGcd(row);
        }
        if (basis[r] < n) {
            rowOf[basis[r]] = -1;
        }
        basis[r] = c;
        if (c < n) {
            rowOf[c] = r;
        }
    }

    private static void divideByGcd(long[] row) {
        long g = 0;
        for (long v : row) {
            if (v != 0) {
                g = gcd(g, Math.abs(v));
                if (g == 1) {
                    return;
                }
            }
        }
        if (g > 1) {
            for (int k = 0; k < row.length; k++) {
                row[k] /= g;
            }
        }
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
