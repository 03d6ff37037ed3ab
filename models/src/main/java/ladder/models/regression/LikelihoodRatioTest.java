package ladder.models.regression;

import ladder.engine.LadderException;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * The likelihood-ratio test of a model against a larger one that nests it:
 * 2(log L<sub>full</sub> - log L<sub>reduced</sub>) on k<sub>full</sub> - k<sub>reduced</sub> degrees of freedom,
 * as R's {@code anova(reduced, full, test = "Chisq")} for {@code glm}.
 *
 * @param reduced the smaller model's formula
 * @param full the larger model's formula
 * @param chiSquare the deviance difference
 * @param df the difference in estimated coefficients
 * @param p the upper-tail p-value
 */
public record LikelihoodRatioTest(String reduced, String full, double chiSquare, long df, double p) {

    /**
     * Tests {@code reduced} against {@code full}; both must be fitted to the same people and every
     * coefficient of {@code reduced} must be one of {@code full} (nesting by columns).
     */
    public static LikelihoodRatioTest of(LogisticModel reduced, LogisticModel full) {
        FitStatistics r = reduced.statistics();
        FitStatistics f = full.statistics();
        if (r.people() != f.people() || r.events() != f.events()) {
            throw new LadderException("likelihood-ratio test of models fitted to different people ("
                    + r.people() + " and " + f.people() + ")");
        }
        for (Coefficient c : reduced.coefficients()) {
            if (c.status() != Coefficient.Status.ALIASED
                    && full.coefficients().stream().noneMatch(d -> d.name().equals(c.name()))) {
                throw new LadderException("'" + reduced.formula() + "' is not nested in '" + full.formula()
                        + "': it has " + c.name());
            }
        }
        long df = f.parameters() - r.parameters();
        if (df <= 0) {
            throw new LadderException("'" + full.formula() + "' has no more coefficients than '" + reduced.formula() + "'");
        }
        double chi = Math.max(0, r.deviance() - f.deviance());
        return new LikelihoodRatioTest(reduced.formula(), full.formula(), chi, df,
                ChiSquaredDistribution.of(df).survivalProbability(chi));
    }
}
