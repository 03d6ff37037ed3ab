package ladder.models.pay;

import java.util.Arrays;

/**
 * The sufficient statistics of an OLS fit of log hourly pay on a {@link TreatmentCoding}, with employer-clustered
 * standard errors, gathered in one pass over row blocks and combinable across blocks and threads.
 *
 * <p>Per cluster g it keeps X<sub>g</sub>'X<sub>g</sub> (exact counts, since the design is 0/1; packed upper
 * triangle), X<sub>g</sub>'y<sub>g</sub>, y<sub>g</sub>'y<sub>g</sub> and n<sub>g</sub>. That is enough for the
 * fit and for the cluster-robust meat in ONE pass: the score of cluster g at the estimate b is
 * s<sub>g</sub> = X<sub>g</sub>'y<sub>g</sub> - X<sub>g</sub>'X<sub>g</sub> b, so no second pass over the rows
 * with the residuals is needed. Memory is G(p(p+1)/2 + p + 2) numbers (G clusters, p columns), independent of n.
 * Row blocks of a cluster may come in any order and any split: the statistics are sums.
 */
public final class OlsAccumulator {

    private final TreatmentCoding coding;
    private final int p;
    private final int packed;
    private final Cluster[] clusters;
    private long excluded;

    private static final class Cluster {
        final long[] xx;
        final double[] xy;
        double yy;
        long n;

        Cluster(int p, int packed) {
            xx = new long[packed];
            xy = new double[p];
        }
    }

    /** An empty accumulator for rows whose cluster codes are 0 .. clusters - 1. */
    public OlsAccumulator(TreatmentCoding coding, int clusters) {
        this.coding = coding;
        this.p = coding.columns();
        this.packed = p * (p + 1) / 2;
        this.clusters = new Cluster[clusters];
    }

    public TreatmentCoding coding() {
        return coding;
    }

    /**
     * Adds rows {@code from} to {@code to} (exclusive): y = log(pay in pence). Rows with a missing code (negative),
     * a missing cluster (negative) or pay not above 0 are left out and counted in {@link #excluded()}.
     *
     * @param codes per factor of the coding, the rows' level codes
     * @param payPence hourly pay in pence
     * @param cluster the rows' cluster (employer) codes
     */
    public void add(int[][] codes, long[] payPence, int[] cluster, int from, int to) {
        int[] ones = new int[coding.factors().size() + 1];
        for (int row = from; row < to; row++) {
            int k = coding.ones(codes, row, ones);
            int g = cluster[row];
            if (k < 0 || g < 0 || payPence[row] <= 0) {
                excluded++;
                continue;
            }
            Cluster c = clusters[g];
            if (c == null) {
                c = clusters[g] = new Cluster(p, packed);
            }
            double y = Math.log(payPence[row]);
            // ones are ascending, so (ones[i], ones[j]) with i <= j is an upper-triangle entry
            for (int i = 0; i < k; i++) {
                int a = ones[i];
                c.xy[a] += y;
                int base = index(a, a);
                for (int j = i; j < k; j++) {
                    c.xx[base + ones[j] - a]++;
                }
            }
            c.yy += y * y;
            c.n++;
        }
    }

    /** Adds the statistics of {@code other} (same coding and clusters) to this one. */
    public OlsAccumulator combine(OlsAccumulator other) {
        if (other.coding != coding || other.clusters.length != clusters.length) {
            throw new IllegalArgumentException("accumulators of different designs");
        }
        for (int g = 0; g < clusters.length; g++) {
            Cluster o = other.clusters[g];
            if (o == null) {
                continue;
            }
            if (clusters[g] == null) {
                clusters[g] = new Cluster(p, packed);
            }
            Cluster c = clusters[g];
            for (int i = 0; i < packed; i++) {
                c.xx[i] += o.xx[i];
            }
            for (int i = 0; i < p; i++) {
                c.xy[i] += o.xy[i];
            }
            c.yy += o.yy;
            c.n += o.n;
        }
        excluded += other.excluded;
        return this;
    }

    /** Rows used. */
    public long rows() {
        return Arrays.stream(clusters).filter(c -> c != null).mapToLong(c -> c.n).sum();
    }

    /** Rows left out for a missing code or cluster, or pay not above 0. */
    public long excluded() {
        return excluded;
    }

    /** Clusters with rows. */
    public int clusterCount() {
        return (int) Arrays.stream(clusters).filter(c -> c != null).count();
    }

    // packed upper triangle, row-major: entry (i, j), i <= j
    private int index(int i, int j) {
        return i * p - i * (i - 1) / 2 + (j - i);
    }

    /** X<sub>g</sub>'X<sub>g</sub> of cluster g as a dense matrix (zero for a cluster without rows). */
    double[][] crossProduct(int g) {
        double[][] m = new double[p][p];
        Cluster c = clusters[g];
        if (c != null) {
            for (int i = 0; i < p; i++) {
                for (int j = i; j < p; j++) {
                    m[i][j] = m[j][i] = c.xx[index(i, j)];
                }
            }
        }
        return m;
    }

    double[] crossY(int g) {
        return clusters[g] == null ? new double[p] : clusters[g].xy.clone();
    }

    double sumOfSquaresY(int g) {
        return clusters[g] == null ? 0 : clusters[g].yy;
    }

    int clusterSlots() {
        return clusters.length;
    }
}
