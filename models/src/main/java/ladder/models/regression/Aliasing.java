package ladder.models.regression;

/**
 * Which design columns are aliased (linear combinations of earlier ones), found as R's
 * {@code glm.fit} finds them with its pivoted QR ({@code dqrdc2}): columns are taken in order
 * and one is aliased when the part of it not explained by the kept earlier columns is tiny beside
 * the column itself. Here that is read from an in-order Cholesky factorisation of X'WX: the
 * squared residual norm of column j is the pivot r<sub>jj</sub><sup>2</sup> = A<sub>jj</sub> -
 * &Sigma;<sub>k kept</sub> L<sub>jk</sub><sup>2</sup>, and the column is aliased when
 * r<sub>jj</sub><sup>2</sup> &le; {@value #TOLERANCE} A<sub>jj</sub> (a residual norm under 10<sup>-6</sup>
 * of the column's; R's QR uses 10<sup>-11</sup> on the norm, which normal equations cannot resolve,
 * so a column collinear with others to within 10<sup>-6</sup> but not 10<sup>-11</sup> is kept by R and dropped here).
 * Aliased columns get no estimate, as R's NA.
 */
final class Aliasing {

    static final double TOLERANCE = 1e-12;

    private Aliasing() {
    }

    /** For each column, whether it is aliased with earlier ones (or has no weight at all). */
    static boolean[] aliased(double[][] a) {
        int p = a.length;
        boolean[] aliased = new boolean[p];
        double[][] l = new double[p][p];
        for (int j = 0; j < p; j++) {
            double pivot = a[j][j];
            for (int k = 0; k < j; k++) {
                if (!aliased[k]) {
                    pivot -= l[j][k] * l[j][k];
                }
            }
            if (!(a[j][j] > 0) || pivot <= TOLERANCE * a[j][j]) {
                aliased[j] = true;
                continue;
            }
            double root = Math.sqrt(pivot);
            l[j][j] = root;
            for (int i = j + 1; i < p; i++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    if (!aliased[k]) {
                        s -= l[i][k] * l[j][k];
                    }
                }
                l[i][j] = s / root;
            }
        }
        return aliased;
    }
}
