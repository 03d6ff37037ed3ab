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
 * The sums over the D factors are taken in closed form ({@link TieFactors}): a month costs its
 * covariate patterns, not its promotions.
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
        double[] v = new double[p];
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
            // The promoted join the risk set: s0, s1, s2 are now S0, S1, S2 of everyone at risk at t.
            s0 += e0;
            for (int j = 0; j < p; j++) {
                s1[j] += e1[j];
                for (int k = 0; k <= j; k++) {
                    s2[j][k] += e2[j][k];
                }
            }
            double deaths = block.deaths();
            if (deaths == 0) {
                continue;
            }
            TieFactors f = TieFactors.of(ties, deaths, s0, e0);
            logLik -= f.logSum();
            double[] c = f.offset(e1, e0);
            double split = f.split() ? 1 / e0 : 0;
            for (int j = 0; j < p; j++) {
                v[j] = s1[j] - s0 * c[j];
            }
            for (int j = 0; j < p; j++) {
                double means = deaths * c[j] + v[j] * f.h1();
                u[j] -= means;
                if (timeWeight != null) {
                    u[p + j] -= g * means;
                }
                for (int k2 = 0; k2 <= j; k2++) {
                    // sum_j w (s2_j/den_j - m_j m_j'), s2_j = c2 den_j + v2 with c2 = E2/E0, v2 = S2 - a c2
                    double c2 = split * e2[j][k2];
                    double info = deaths * (c2 - c[j] * c[k2])
                            + f.h1() * (s2[j][k2] - s0 * c2 - c[j] * v[k2] - v[j] * c[k2]) - f.h2() * v[j] * v[k2];
                    imat[j][k2] += info;
                    if (timeWeight != null) {
                        imat[p + j][k2] += g * info;
                        imat[p + j][p + k2] += g * g * info;
                        if (k2 != j) {
                            imat[p + k2][j] += g * info;
                        }
                    }
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
