package ladder.models.regression;

import java.util.List;
import ladder.engine.LadderException;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Interaction of two binary exposures (a "double disadvantage", e.g. working-class background and
 * being a woman) on the multiplicative and the additive scale, from a logistic model with both
 * main effects and their product: with coefficients b<sub>1</sub> (A), b<sub>2</sub> (B),
 * b<sub>3</sub> (A&times;B), OR<sub>10</sub> = e<sup>b1</sup>, OR<sub>01</sub> = e<sup>b2</sup>,
 * OR<sub>11</sub> = e<sup>b1+b2+b3</sup>:
 * <pre>
 *   multiplicative interaction  e<sup>b3</sup>
 *   RERI = OR<sub>11</sub> - OR<sub>10</sub> - OR<sub>01</sub> + 1          (relative excess risk due to interaction)
 *   AP   = RERI / OR<sub>11</sub>                         (attributable proportion)
 *   S    = (OR<sub>11</sub> - 1) / ((OR<sub>10</sub> - 1) + (OR<sub>01</sub> - 1))   (synergy index)
 * </pre>
 * Intervals by the delta method (Hosmer, D. W. and Lemeshow, S. (1992), "Confidence interval
 * estimation of interaction", Epidemiology 3, 452-456): Wald on the natural scale for RERI and AP,
 * on the log scale for S (exp of log S &plusmn; z se), exactly as {@code epiR::epi.interaction(model,
 * coef = c(i, j, k), param = "product")} (epiR 2.0.57). The multiplicative interaction's interval is
 * the Wald one of the coefficient (epiR gives the profile-likelihood {@code confint} instead).
 * The covariance is the fit's type: with {@link CovarianceType#MODEL} the numbers are epiR's
 * (which uses {@code vcov(model)}); a cluster-robust type puts the sandwich in the same formulas.
 * When S &le; 0 its log, and so its interval, is undefined: they are null.
 *
 * @param a the first contrast's column, e.g. {@code seb=working_class}
 * @param b the second's, e.g. {@code gender=woman}
 * @param product the product column
 * @param oddsRatioA OR<sub>10</sub> = e<sup>b1</sup>
 * @param oddsRatioB OR<sub>01</sub> = e<sup>b2</sup>
 */
public record AdditiveInteraction(String a, String b, String product, CovarianceType covariance, double level,
        double oddsRatioA, double oddsRatioB, Estimate multiplicative, Estimate reri, Estimate ap, Estimate synergy) {

    /**
     * An estimate with its interval.
     *
     * @param se the delta-method standard error (of log S for the synergy index; of b3 for the multiplicative)
     * @param lower null when undefined
     * @param upper null when undefined
     */
    public record Estimate(double estimate, Double se, Double lower, Double upper) {
    }

    /**
     * epiR's caveat, or null: when a contrast's own odds ratio is below 1 the exposure is protective,
     * and RERI and AP are defined for risk factors (Knol, M. J. et al. (2011), "Estimating measures of
     * interaction on an additive scale for preventive exposures", Eur. J. Epidemiology 26, 433-438:
     * recode so that the reference is the stratum of lowest risk, or model the complementary outcome,
     * e.g. not promoted); S is valid either way.
     */
    public String caveat() {
        return oddsRatioA >= 1 && oddsRatioB >= 1 ? null
                : "additive interaction of " + a + " and " + b + ": an odds ratio of the two is below 1 (a protective"
                        + " contrast), so RERI and AP are not valid as they stand (epiR's warning; Knol et al. 2011):"
                        + " recode so that the reference is the lowest-risk group, or model the complementary outcome;"
                        + " S is valid";
    }

    static AdditiveInteraction of(List<String> names, double[] beta, double[][] v, CovarianceType type, String a,
            String b, double level) {
        int i = names.indexOf(a);
        int j = names.indexOf(b);
        int k = names.indexOf(a + ":" + b);
        String product = a + ":" + b;
        if (k < 0) {
            k = names.indexOf(b + ":" + a);
            product = b + ":" + a;
        }
        if (i < 0 || j < 0 || k < 0) {
            throw new LadderException("additive interaction of " + a + " and " + b
                    + " needs the estimated columns " + a + ", " + b + " and their product " + a + ":" + b);
        }
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability((1 + level) / 2);
        double e1 = Math.exp(beta[i]);
        double e2 = Math.exp(beta[j]);
        double e123 = Math.exp(beta[i] + beta[j] + beta[k]);
        int[] at = {i, j, k};

        double seProduct = Math.sqrt(v[k][k]);
        Estimate multiplicative = new Estimate(Math.exp(beta[k]), seProduct, Math.exp(beta[k] - z * seProduct),
                Math.exp(beta[k] + z * seProduct));

        double reri = e123 - e1 - e2 + 1;
        double seReri = se(v, at, e123 - e1, e123 - e2, e123);
        double ap = reri / e123;
        double seAp = se(v, at, (e123 - e1) / e123 - ap, (e123 - e2) / e123 - ap, 1 - ap);
        double s = (e123 - 1) / (e1 + e2 - 2);
        Estimate synergy;
        if (s > 0) {
            double seLogS = se(v, at, e123 / (e123 - 1) - e1 / (e1 + e2 - 2), e123 / (e123 - 1) - e2 / (e1 + e2 - 2),
                    e123 / (e123 - 1));
            synergy = new Estimate(s, seLogS, Math.exp(Math.log(s) - z * seLogS), Math.exp(Math.log(s) + z * seLogS));
        } else {
            synergy = new Estimate(s, null, null, null);
        }
        return new AdditiveInteraction(a, b, product, type, level, e1, e2, multiplicative,
                new Estimate(reri, seReri, reri - z * seReri, reri + z * seReri),
                new Estimate(ap, seAp, ap - z * seAp, ap + z * seAp), synergy);
    }

    /** &radic;(h'Vh) for the gradient h over the three coefficients. */
    private static double se(double[][] v, int[] at, double... h) {
        double s = 0;
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                s += h[r] * v[at[r]][at[c]] * h[c];
            }
        }
        return Math.sqrt(s);
    }
}
