package ladder.models.trend;

import java.util.Optional;
import ladder.models.proportion.ChiSquareTest;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * The Cochran-Armitage chi-squared test for a linear trend in proportions (Cochran, W. G. (1954),
 * Biometrics 10, 417-451; Armitage, P. (1955), Biometrics 11, 375-386), in the form of R's
 * {@code prop.trend.test(x, n, score)}.
 *
 * <p>With p&#772; = &Sigma;x<sub>i</sub> / &Sigma;n<sub>i</sub> and the n-weighted mean score
 * s&#772; = &Sigma;n<sub>i</sub>s<sub>i</sub> / &Sigma;n<sub>i</sub>:
 * <pre>
 *   X<sup>2</sup> = [&Sigma; x<sub>i</sub>(s<sub>i</sub> - s&#772;)]<sup>2</sup> / ( p&#772;(1 - p&#772;) &Sigma; n<sub>i</sub>(s<sub>i</sub> - s&#772;)<sup>2</sup> ),  df = 1
 * </pre>
 * which is the regression sum of squares of the weighted least-squares fit R computes. As in R,
 * there is no N/(N-1) factor (some texts multiply by it).
 */
public final class CochranArmitage {

    private CochranArmitage() {
    }

    /**
     * The test, or empty when it is undefined: when every period's share is 0 or every one is 1
     * (p&#772;(1 - p&#772;) = 0; R gives NaN), or when all periods with trials share one score.
     *
     * @param scores the score of each period
     * @param events x<sub>i</sub>, 0 &lt;= x<sub>i</sub> &lt;= n<sub>i</sub>
     * @param totals n<sub>i</sub> &gt;= 0; periods with n<sub>i</sub> = 0 carry no weight
     */
    public static Optional<ChiSquareTest> test(double[] scores, double[] events, double[] totals) {
        double x = 0, n = 0, ns = 0;
        for (int i = 0; i < scores.length; i++) {
            x += events[i];
            n += totals[i];
            ns += totals[i] * scores[i];
        }
        if (n == 0) {
            return Optional.empty();
        }
        double p = x / n;
        double mean = ns / n;
        double numerator = 0, spread = 0;
        for (int i = 0; i < scores.length; i++) {
            double d = scores[i] - mean;
            numerator += events[i] * d;
            spread += totals[i] * d * d;
        }
        double denominator = p * (1 - p) * spread;
        if (!(denominator > 0)) {
            return Optional.empty();
        }
        double statistic = numerator * numerator / denominator;
        return Optional.of(new ChiSquareTest(statistic, 1, ChiSquaredDistribution.of(1).survivalProbability(statistic)));
    }
}
