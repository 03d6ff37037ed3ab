package ladder.models.regression;

import java.util.List;
import ladder.engine.LadderException;

/**
 * The covariance matrices of a fit's estimated (non-aliased) coefficients, in column order:
 * the model-based B = (X'WX)<sup>-1</sup> and the sandwiches c B M B of {@link CovarianceType}
 * from the meat M = &Sigma;<sub>g</sub> u<sub>g</sub>u<sub>g</sub>'.
 */
public final class Covariances {

    private final List<String> names;
    private final double[][] bread;
    private final double[][] sandwich;
    private final long clusters;
    private final double people;

    Covariances(List<String> names, double[][] bread, double[][] meat, long clusters, double people) {
        this.names = List.copyOf(names);
        this.bread = bread;
        this.clusters = clusters;
        this.people = people;
        this.sandwich = meat == null ? null : multiply(multiply(bread, meat), bread);
    }

    /** The estimated coefficients' names, the order of the matrices' rows and columns. */
    public List<String> names() {
        return names;
    }

    /** Whether cluster-robust types are available (the data had clusters). */
    public boolean clustered() {
        return sandwich != null;
    }

    /** The number of clusters, 0 without. */
    public long clusters() {
        return clusters;
    }

    /** The covariance matrix of {@code type} (a fresh copy). */
    public double[][] matrix(CovarianceType type) {
        double[][] source = type == CovarianceType.MODEL ? bread : sandwich;
        if (source == null) {
            throw new LadderException("cluster-robust errors (" + type + ") need a cluster for each row");
        }
        double c = type.adjustment(clusters, people, names.size());
        double[][] m = new double[source.length][];
        for (int i = 0; i < source.length; i++) {
            m[i] = source[i].clone();
            for (int j = 0; j < m[i].length; j++) {
                m[i][j] *= c;
            }
        }
        return m;
    }

    /** g'Vg for a gradient over the estimated coefficients. */
    public double quadratic(CovarianceType type, double[] g) {
        double[][] v = matrix(type);
        double s = 0;
        for (int i = 0; i < g.length; i++) {
            for (int j = 0; j < g.length; j++) {
                s += g[i] * v[i][j] * g[j];
            }
        }
        return s;
    }

    static int[] keptIndex(boolean[] kept) {
        int q = 0;
        for (boolean k : kept) {
            q += k ? 1 : 0;
        }
        int[] index = new int[q];
        for (int j = 0, c = 0; j < kept.length; j++) {
            if (kept[j]) {
                index[c++] = j;
            }
        }
        return index;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int m = b[0].length;
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < b.length; k++) {
                double aik = a[i][k];
                for (int j = 0; j < m; j++) {
                    c[i][j] += aik * b[k][j];
                }
            }
        }
        return c;
    }
}
