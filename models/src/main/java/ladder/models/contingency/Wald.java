package ladder.models.contingency;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Wald intervals and tests: estimate &plusmn; z se with z = &Phi;<sup>-1</sup>(1 - (1 - level)/2),
 * on the log scale for ratios, and the two-sided p-value 2 &Phi;(-|estimate - null| / se).
 */
final class Wald {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private Wald() {
    }

    /** The normal quantile for a two-sided interval, computed as R's epiR and mantelhaen.test do. */
    static double z(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
        }
        return STANDARD_NORMAL.inverseCumulativeProbability(1 - (1 - level) / 2);
    }

    /** Two-sided p-value of a standard normal statistic. */
    static double pValue(double statistic) {
        return 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(statistic));
    }

    /** A ratio with its interval exp(log estimate &plusmn; z se); estimate positive and finite, se finite. */
    static Estimate ratio(Measure measure, String method, double estimate, double logSe, double level) {
        double log = Math.log(estimate);
        double halfWidth = z(level) * logSe;
        return new Estimate(measure, method, estimate, Math.exp(log - halfWidth), Math.exp(log + halfWidth),
                pValue(log / logSe), level, null);
    }

    /** A difference with its interval estimate &plusmn; z se. */
    static Estimate difference(Measure measure, String method, double estimate, double se, double level) {
        double halfWidth = z(level) * se;
        return new Estimate(measure, method, estimate, estimate - halfWidth, estimate + halfWidth,
                pValue(estimate / se), level, null);
    }
}
