package ladder.models.survival;

import java.util.Arrays;
import java.util.List;

/**
 * Per-cluster sums of the Cox score residuals, computed from counts, as survival's coxscore2.c
 * summed by {@code residuals(fit, type = "score", collapse = cluster)}. Their outer products give
 * the cluster-robust variance V B V with B = &Sigma;_g U_g U_g' (Lin and Wei 1989), which is
 * R's D'D for the dfbeta residuals D = U V summed per cluster.
 *
 * <p>The score residual of person i is L_i = &int; (x_i - x&#772;(t)) dM_i(t), with
 * dM_i = dN_i - Y_i r_i d&Lambda;&#770;(t). Everyone in one cell (stratum, cluster, covariate pattern,
 * month, promoted or not) has the same residual, so a cluster's sum is &Sigma; over its cells of
 * d &middot; L(promoted) + c &middot; L(censored). At a month t with D promoted, the Efron factors
 * k = 0..D-1 have s0_k = S0 - (k/D) E0 and x&#772;_k = (S1 - (k/D) E1)/s0_k (Breslow: one factor of
 * weight D with x&#772; = S1/S0). With
 * <pre>
 *   H1(t) = &Sigma;_k 1/s0_k,  H2(t) = &Sigma;_k x&#772;_k/s0_k,  H1'(t) = &Sigma;_k (1 - k/D)/s0_k,
 *   H2'(t) = &Sigma;_k (1 - k/D) x&#772;_k/s0_k,  M(t) = &Sigma;_k x&#772;_k / D
 * </pre>
 * and C1, C2 the sums of H1, H2 over earlier months of the stratum, the residual of someone of
 * pattern x (risk score r) censored at t is -r (x C1(t) - C2(t)) with C summed up to and including
 * t, and of someone promoted at t it is x - M(t) - r (x H1'(t) - H2'(t)) - r (x C1(t-) - C2(t-)):
 * the promoted carry only their share (1 - k/D) of the Efron factors in which they are at risk.
 * These sums over the D factors are taken in closed form ({@link TieFactors}): a month costs its
 * covariate patterns and clusters, not its promotions.
 */
final class ClusterScores {

    private ClusterScores() {
    }

    /** U_g, one row per cluster, at {@code beta}. */
    static double[][] at(RiskSets sets, double[] beta, Ties ties) {
        int p = beta.length;
        double[] eta = sets.eta(beta);
        double[][] x = sets.x;
        List<RiskSets.Block> blocks = sets.blocks;
        int nb = blocks.size();
        // Backward (descending time) sweep: the risk-set sums S0, S1 and the promoted's E0, E1 per block.
        double[] s0 = new double[nb];
        double[][] s1 = new double[nb][p];
        double[] e0 = new double[nb];
        double[][] e1 = new double[nb][p];
        double runS0 = 0;
        double[] runS1 = new double[p];
        int stratum = -1;
        for (int b = 0; b < nb; b++) {
            RiskSets.Block block = blocks.get(b);
            if (block.stratum() != stratum) {
                stratum = block.stratum();
                runS0 = 0;
                Arrays.fill(runS1, 0);
            }
            for (int i = 0; i < block.pattern().length; i++) {
                int pat = block.pattern()[i];
                double r = Math.exp(eta[pat]);
                double n = block.events()[i] + block.censored()[i];
                runS0 += n * r;
                e0[b] += block.events()[i] * r;
                for (int j = 0; j < p; j++) {
                    runS1[j] += n * r * x[pat][j];
                    e1[b][j] += block.events()[i] * r * x[pat][j];
                }
            }
            s0[b] = runS0;
            s1[b] = runS1.clone();
        }
        // Forward sweep per stratum, ascending time: blocks of a stratum are stored descending.
        double[][] u = new double[Math.max(sets.clusterNames.size(), 1)][p];
        int end = nb;
        while (end > 0) {
            int start = end - 1;
            while (start > 0 && blocks.get(start - 1).stratum() == blocks.get(end - 1).stratum()) {
                start--;
            }
            double c1 = 0;
            double[] c2 = new double[p];
            for (int b = end - 1; b >= start; b--) {
                RiskSets.Block block = blocks.get(b);
                double deaths = block.deaths();
                double h1 = 0;
                double h1p = 0;
                double[] h2 = new double[p];
                double[] h2p = new double[p];
                double[] m = new double[p];
                if (deaths > 0) {
                    // xbar_k = c + v/s0_k (see TieFactors): each sum over the factors is in closed form.
                    TieFactors f = TieFactors.of(ties, deaths, s0[b], e0[b]);
                    double[] c = f.offset(e1[b], e0[b]);
                    h1 = f.h1();
                    h1p = f.h1Share();
                    for (int j = 0; j < p; j++) {
                        double v = s1[b][j] - s0[b] * c[j];
                        h2[j] = c[j] * f.h1() + v * f.h2();
                        h2p[j] = c[j] * f.h1Share() + v * f.h2Share();
                        m[j] = c[j] + v * f.h1() / deaths;
                    }
                }
                for (int i = 0; i < block.pattern().length; i++) {
                    int pat = block.pattern()[i];
                    double r = Math.exp(eta[pat]);
                    double d = block.events()[i];
                    double cens = block.censored()[i];
                    double[] ug = u[block.cluster()[i]];
                    for (int j = 0; j < p; j++) {
                        double xj = x[pat][j];
                        double before = r * (xj * c1 - c2[j]);
                        double promoted = xj - m[j] - r * (xj * h1p - h2p[j]) - before;
                        double censored = -before - r * (xj * h1 - h2[j]);
                        ug[j] += d * promoted + cens * censored;
                    }
                }
                c1 += h1;
                for (int j = 0; j < p; j++) {
                    c2[j] += h2[j];
                }
            }
            end = start;
        }
        return u;
    }
}
