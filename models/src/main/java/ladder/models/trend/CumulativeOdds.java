package ladder.models.trend;

import ladder.models.proportion.ConfidenceInterval;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Odds ratios of 2x2 tables [[a, b], [c, d]] (rows: the group and the reference group; columns:
 * reached the cut, did not): the crude odds ratio ad / bc with Woolf's interval, and the
 * Mantel-Haenszel odds ratio over strata with the Robins-Breslow-Greenland interval. Used by
 * {@link ClassCeiling} for the odds of reaching a grade or above.
 *
 * <p>Minimal on purpose: {@code ladder.models.contingency.MantelHaenszel} (written in parallel) is
 * the project's full implementation, and should replace this class's {@link #mantelHaenszel} when
 * the branches are merged.
 */
public final class CumulativeOdds {

    /**
     * An odds ratio and its interval.
     *
     * @param estimate the odds ratio: 0 or +Infinity when one product of the table is zero, NaN
     *     when both are (the table says nothing about the ratio)
     * @param interval its interval; undefined (NaN bounds) when the estimate is 0, infinite or NaN
     */
    public record Estimate(double estimate, ConfidenceInterval interval) {

        /** Whether the estimate and interval are finite numbers. */
        public boolean isDefined() {
            return interval.isDefined();
        }
    }

    private CumulativeOdds() {
    }

    /**
     * The odds ratio ad / bc with Woolf's interval exp(log OR &plusmn; z &radic;(1/a + 1/b + 1/c + 1/d))
     * (Woolf, B. (1955), "On estimating the relation between blood group and disease", Annals of
     * Human Genetics 19, 251-253). No 0.5 is added to the cells: a table with a zero cell has an
     * estimate of 0 or +Infinity and no interval.
     */
    public static Estimate woolf(long a, long b, long c, long d, double level) {
        double ad = (double) a * d, bc = (double) b * c;
        if (ad == 0 || bc == 0) {
            return degenerate(ad, bc, level);
        }
        double or = ad / bc;
        double se = Math.sqrt(1.0 / a + 1.0 / b + 1.0 / c + 1.0 / d);
        double z = z(level);
        return new Estimate(or, new ConfidenceInterval(Math.exp(Math.log(or) - z * se), Math.exp(Math.log(or) + z * se), level));
    }

    /**
     * The Mantel-Haenszel odds ratio &Sigma; a<sub>k</sub>d<sub>k</sub>/n<sub>k</sub> / &Sigma; b<sub>k</sub>c<sub>k</sub>/n<sub>k</sub>
     * (Mantel, N. and Haenszel, W. (1959), JNCI 22, 719-748) with the interval
     * OR exp(&plusmn; z &radic;V) of Robins, Breslow and Greenland (1986), Biometrics 42, 311-323:
     * with R = &Sigma; ad/n, S = &Sigma; bc/n, P = (a + d)/n, Q = (b + c)/n,
     * V = &Sigma; PR/(2R<sup>2</sup>) + &Sigma; (PS + QR)/(2RS) + &Sigma; QS/(2S<sup>2</sup>) (terms per stratum).
     * Reproduces R's {@code mantelhaen.test(x, correct = FALSE)} for a 2x2xK array. Strata
     * without rows are skipped.
     *
     * @param strata one {a, b, c, d} per stratum
     */
    public static Estimate mantelHaenszel(long[][] strata, double level) {
        double r = 0, s = 0, pr = 0, psqr = 0, qs = 0;
        for (long[] t : strata) {
            double n = (double) t[0] + t[1] + t[2] + t[3];
            if (n == 0) {
                continue;
            }
            double ad = (double) t[0] * t[3], bc = (double) t[1] * t[2];
            double p = t[0] + t[3], q = t[1] + t[2];
            r += ad / n;
            s += bc / n;
            double n2 = n * n;
            pr += p * ad / n2;
            psqr += (p * bc + q * ad) / n2;
            qs += q * bc / n2;
        }
        if (r == 0 || s == 0) {
            return degenerate(r, s, level);
        }
        double or = r / s;
        double sd = Math.sqrt(pr / (2 * r * r) + psqr / (2 * r * s) + qs / (2 * s * s));
        double z = z(level);
        return new Estimate(or, new ConfidenceInterval(or * Math.exp(-z * sd), or * Math.exp(z * sd), level));
    }

    private static Estimate degenerate(double numerator, double denominator, double level) {
        double estimate = numerator == 0 && denominator == 0 ? Double.NaN : numerator == 0 ? 0 : Double.POSITIVE_INFINITY;
        return new Estimate(estimate, ConfidenceInterval.undefined(level));
    }

    private static double z(double level) {
        return NormalDistribution.of(0, 1).inverseCumulativeProbability((1 + level) / 2);
    }
}
