package ladder.models.survival;

import java.util.Arrays;
import java.util.List;

/**
 * The Cox log partial likelihood, its score and information, computed from the counts of a
 * {@link RiskSets}, as survival's coxfit6.c. In a stratum, at month t with risk set R(t) (everyone
 * with time &gt;= t), D promoted, r_p = exp(x_p'&beta;) the risk score of pattern p and n_p(t) its
 * people at risk, the risk-set sums are S0 = &Sigma;_p n_p r_p, S1 = &Sigma;_p n_p r_p x_p,
 * S2 = &Sigma;_p n_p r_p x_p x_p'; those of the promoted alone, E0, E1, E2, are the same sums with
 * d_p, the cell's promotions, in place of n_p: everyone in a cell shares one risk score.
 * <pre>
 *   Breslow: log L += &Sigma;_p d_p x_p'&beta; - D log S0
 *   Efron:   log L += &Sigma;_p d_p x_p'&beta; - &Sigma;_{k=1..D} log(S0 - (k-1)/D E0)
 * </pre>
 * with score and information from the same factors: for each, with s0, s1, s2 the sums less
 * (k - 1)/D of the promoted's, U -= s1/s0 and I += s2/s0 - s1 s1'/s0&sup2; and U += &Sigma; d_p x_p.
 *
 * <p>With a time weight g(t) per block this also gives the 2p-vector and 2p &times; 2p
 * information of the score test for &beta;(t) = &beta; + &theta; g(t) at &theta; = 0, as survival's zph1.c
 * (the {@code cox.zph} test): U_2 = &Sigma; g(t) (&Sigma; d x - &Sigma;_k s1/s0), I_12 = &Sigma; g I_t,
 * I_22 = &Sigma; g&sup2; I_t.
 */
final class PartialLikelihood {

    /** The log partial likelihood, score and information at one &beta;. */
    record Derivatives(double logLik, double[] score, double[][] information) {
    }

    private PartialLikelihood() {
    }

    static Derivatives at(RiskSets sets, double[] beta, Ties ties) {
        return at(sets, beta, ties, null);
    }

    /** With {@code timeWeight} (one per block) null, the p-dimensional derivatives; otherwise 2p. */
    static Derivatives at(RiskSets sets, double[] beta, Ties ties, double[] timeWeight) {
        int p = beta.length;
        int q = timeWeight == null ? p : 2 * p;
        double[][] x = sets.x;
        double[] eta = sets.eta(beta);
        double[] risk = new double[eta.length];
        for (int i = 0; i < eta.length; i++) {
            risk[i] = Math.exp(eta[i]);
        }
        double logLik = 0;
        double[] u = new double[q];
        double[][] imat = new double[q][q];
        double s0 = 0;
        double[] s1 = new double[p];
        double[][] s2 = new double[p][p];
        double[] e1 = new double[p];
        double[][] e2 = new double[p][p];
        double[] a = new double[p];
        double[][] c = new double[p][p];
        int stratum = -1;
        List<RiskSets.Block> blocks = sets.blocks;
        for (int b = 0; b < blocks.size(); b++) {
            RiskSets.Block block = blocks.get(b);
            if (block.stratum() != stratum) {
                stratum = block.stratum();
                s0 = 0;
                Arrays.fill(s1, 0);
                for (double[] row : s2) {
                    Arrays.fill(row, 0);
                }
            }
            double e0 = 0;
            Arrays.fill(e1, 0);
            for (double[] row : e2) {
                Arrays.fill(row, 0);
            }
            double g = timeWeight == null ? 0 : timeWeight[b];
            for (int i = 0; i < block.pattern().length; i++) {
                int pat = block.pattern()[i];
                double[] xp = x[pat];
                double d = block.events()[i];
                double cens = block.censored()[i];
                // The censored join the risk set now; the promoted's sums are kept apart for Efron.
                s0 += cens * risk[pat];
                e0 += d * risk[pat];
                logLik += d * eta[pat];
                for (int j = 0; j < p; j++) {
                    s1[j] += cens * risk[pat] * xp[j];
                    e1[j] += d * risk[pat] * xp[j];
                    u[j] += d * xp[j];
                    if (timeWeight != null) {
                        u[p + j] += g * d * xp[j];
                    }
                    for (int k = 0; k <= j; k++) {
                        s2[j][k] += cens * risk[pat] * xp[j] * xp[k];
                        e2[j][k] += d * risk[pat] * xp[j] * xp[k];
                    }
                }
            }
            double deaths = block.deaths();
            if (deaths > 0) {
                // Breslow: one factor of weight D with everyone in; Efron: D factors of weight 1.
                boolean efron = ties == Ties.EFRON && deaths > 1;
                long factors = efron ? (long) deaths : 1;
                double weight = efron ? 1 : deaths;
                for (long k = 1; k <= factors; k++) {
                    double f = efron ? (double) k / deaths : 1;
                    double den = s0 + f * e0;
                    logLik -= weight * Math.log(den);
                    for (int j = 0; j < p; j++) {
                        a[j] = s1[j] + f * e1[j];
                    }
                    for (int j = 0; j < p; j++) {
                        double mean = a[j] / den;
                        u[j] -= weight * mean;
                        if (timeWeight != null) {
                            u[p + j] -= g * weight * mean;
                        }
                        for (int k2 = 0; k2 <= j; k2++) {
                            double v = weight * ((s2[j][k2] + f * e2[j][k2]) - mean * a[k2]) / den;
                            imat[j][k2] += v;
                            if (timeWeight != null) {
                                imat[p + j][k2] += g * v;
                                imat[p + j][p + k2] += g * g * v;
                                if (k2 != j) {
                                    imat[p + k2][j] += g * v;
                                }
                            }
                        }
                    }
                }
            }
            s0 += e0;
            for (int j = 0; j < p; j++) {
                s1[j] += e1[j];
                for (int k = 0; k <= j; k++) {
                    s2[j][k] += e2[j][k];
                }
            }
        }
        // Fill the upper triangles: I_11 and I_22 are symmetric, I_12 = I_21'.
        for (int j = 0; j < q; j++) {
            for (int k = j + 1; k < q; k++) {
                imat[j][k] = imat[k][j];
            }
        }
        return new Derivatives(logLik, u, imat);
    }
}
