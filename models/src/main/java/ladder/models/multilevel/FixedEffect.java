package ladder.models.multilevel;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * A fixed effect of a random-intercept logit on the log-odds scale, as a row of lme4's
 * {@code summary(fit)$coefficients}: estimate, standard error, Wald z and two-sided p, and the
 * Wald interval estimate &plusmn; z<sub>(1+level)/2</sub> se ({@code confint(fit, method = "Wald")}).
 *
 * @param name "(Intercept)" or "factor=level" (R: "factorlevel")
 * @param oddsRatio e<sup>estimate</sup>, the odds ratio against the reference level (for the
 *     intercept, the odds at the reference levels)
 */
public record FixedEffect(String name, double estimate, double se, double z, double p, double lower, double upper,
        double oddsRatio) {

    static FixedEffect of(String name, double estimate, double se, double level) {
        double q = NormalDistribution.of(0, 1).inverseCumulativeProbability((1 + level) / 2);
        double z = estimate / se;
        double p = 2 * NormalDistribution.of(0, 1).survivalProbability(Math.abs(z));
        return new FixedEffect(name, estimate, se, z, p, estimate - q * se, estimate + q * se, Math.exp(estimate));
    }
}
