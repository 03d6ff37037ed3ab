package ladder.models.benchmark;

import java.util.OptionalDouble;
import ladder.models.trend.LogisticTrend;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The score (year) at which a fitted logistic trend logit(&pi;) = a + &beta; (s - c) reaches a target
 * share p: s* = c + (L - a) / &beta; with L = logit(p), the ratio of two estimates, with two
 * intervals.
 *
 * <ul>
 *   <li><b>Fieller</b> (Fieller, E. C. (1954), "Some problems in interval estimation", JRSS B 16,
 *       175-185; as for a median effective dose in Finney (1971), Probit Analysis, 3rd ed., section
 *       4.5): the scores s whose pointwise Wald band of the linear predictor holds L, that is
 *       (a + &beta; u - L)<sup>2</sup> &lt;= z<sup>2</sup> (var a + 2u cov(a, &beta;) + u<sup>2</sup> var &beta;)
 *       with u = s - c: the quadratic A u<sup>2</sup> + 2B u + C &lt;= 0 with A = &beta;<sup>2</sup> - z<sup>2</sup> var &beta;,
 *       B = (a - L) &beta; - z<sup>2</sup> cov, C = (a - L)<sup>2</sup> - z<sup>2</sup> var a. The band is an
 *       interval between the two roots when A &gt; 0, that is when the slope's Wald test rejects a
 *       flat trend at the level (|&beta;| / se &gt; z); otherwise the set is unbounded and no
 *       interval is given.</li>
 *   <li><b>Delta method</b>: se(s*) = &radic;(var a + 2u* cov + u*<sup>2</sup> var &beta;) / |&beta;|,
 *       as R's {@code MASS::dose.p(fit, p = target)}, and s* &plusmn; z se.</li>
 * </ul>
 *
 * @param year s*, the score at which the fitted line reaches the target
 * @param fiellerLower the Fieller interval's lower end; empty when unbounded
 * @param fiellerUpper its upper end; empty when unbounded
 * @param deltaSe the delta-method standard error
 * @param deltaLower s* - z se
 * @param deltaUpper s* + z se
 */
public record CrossingYear(double year, OptionalDouble fiellerLower, OptionalDouble fiellerUpper, double deltaSe,
        double deltaLower, double deltaUpper) {

    /** Where {@code fit} reaches {@code target} (in (0, 1)); {@code fit}'s slope must not be 0. */
    public static CrossingYear of(LogisticTrend fit, double target, double level) {
        if (!(target > 0 && target < 1) || fit.slope() == 0) {
            throw new IllegalArgumentException("need a target in (0, 1) and a non-zero slope; got " + target + ", "
                    + fit.slope());
        }
        LogisticTrend.Centred c = fit.centred();
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability((1 + level) / 2);
        double z2 = z * z;
        double b = fit.slope();
        double d = c.intercept() - Math.log(target / (1 - target));
        double u = -d / b;
        double a2 = b * b - z2 * c.slopeVariance();
        double b2 = d * b - z2 * c.covariance();
        double c2 = d * d - z2 * c.interceptVariance();
        OptionalDouble lower = OptionalDouble.empty(), upper = OptionalDouble.empty();
        if (a2 > 0) {
            double root = Math.sqrt(Math.max(0, b2 * b2 - a2 * c2));
            lower = OptionalDouble.of(c.centre() + (-b2 - root) / a2);
            upper = OptionalDouble.of(c.centre() + (-b2 + root) / a2);
        }
        double se = Math.sqrt(Math.max(0, c.interceptVariance() + 2 * u * c.covariance()
                + u * u * c.slopeVariance())) / Math.abs(b);
        double year = c.centre() + u;
        return new CrossingYear(year, lower, upper, se, year - z * se, year + z * se);
    }
}
