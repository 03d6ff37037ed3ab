package ladder.models.proportion;

import java.util.Optional;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The difference p&#770;<sub>1</sub> - p&#770;<sub>2</sub> of two independent proportions
 * x<sub>1</sub>/n<sub>1</sub> and x<sub>2</sub>/n<sub>2</sub>, with two intervals and the test of
 * equality, as R's {@code prop.test(c(x1, x2), c(n1, n2), correct = FALSE)}.
 *
 * <ul>
 *   <li>Wald interval (R's {@code $conf.int}): &delta; &plusmn; z &radic;(p&#770;<sub>1</sub>(1-p&#770;<sub>1</sub>)/n<sub>1</sub>
 *       + p&#770;<sub>2</sub>(1-p&#770;<sub>2</sub>)/n<sub>2</sub>), clipped to [-1, 1] as R does.</li>
 *   <li>Newcombe's hybrid score interval (Newcombe, R. G. (1998), "Interval estimation for the
 *       difference between independent proportions", Statistics in Medicine 17, 873-890, method
 *       10), from the Wilson intervals [l<sub>i</sub>, u<sub>i</sub>]: [&delta; - &radic;((p&#770;<sub>1</sub>-l<sub>1</sub>)<sup>2</sup> + (u<sub>2</sub>-p&#770;<sub>2</sub>)<sup>2</sup>),
 *       &delta; + &radic;((u<sub>1</sub>-p&#770;<sub>1</sub>)<sup>2</sup> + (p&#770;<sub>2</sub>-l<sub>2</sub>)<sup>2</sup>)]; better coverage
 *       than Wald for small counts or shares near 0 or 1.</li>
 *   <li>Pearson's X<sup>2</sup> of the 2x2 table without continuity correction, df 1 (R's
 *       {@code $statistic}); the square of the pooled two-proportion z statistic.</li>
 * </ul>
 *
 * @param difference p&#770;<sub>1</sub> - p&#770;<sub>2</sub>
 * @param wald the Wald interval, R's {@code prop.test(..., correct = FALSE)$conf.int}
 * @param newcombe Newcombe's hybrid score interval
 * @param test Pearson's test of p<sub>1</sub> = p<sub>2</sub>; empty when both proportions are 0 or
 *     both 1, so that the table has an empty column (R gives NaN)
 */
public record ProportionDifference(
        double difference, ConfidenceInterval wald, ConfidenceInterval newcombe, Optional<ChiSquareTest> test) {

    /**
     * The difference of x1/n1 and x2/n2.
     *
     * @throws IllegalArgumentException unless 0 &lt;= x<sub>i</sub> &lt;= n<sub>i</sub> and n<sub>i</sub> &gt; 0
     */
    public static ProportionDifference of(long x1, long n1, long x2, long n2, double level) {
        if (n1 <= 0 || n2 <= 0 || x1 < 0 || x2 < 0 || x1 > n1 || x2 > n2) {
            throw new IllegalArgumentException("need 0 <= x <= n and n > 0 for both proportions; got "
                    + x1 + "/" + n1 + " and " + x2 + "/" + n2);
        }
        double p1 = (double) x1 / n1, p2 = (double) x2 / n2;
        double delta = p1 - p2;
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability((1 + level) / 2);
        double width = z * Math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2);
        ConfidenceInterval wald = new ConfidenceInterval(Math.max(-1, delta - width), Math.min(1, delta + width), level);
        ConfidenceInterval w1 = WilsonInterval.of(x1, n1, level), w2 = WilsonInterval.of(x2, n2, level);
        ConfidenceInterval newcombe = new ConfidenceInterval(
                delta - Math.hypot(p1 - w1.lower(), w2.upper() - p2),
                delta + Math.hypot(w1.upper() - p1, p2 - w2.lower()), level);
        return new ProportionDifference(delta, wald, newcombe, pearson(x1, n1 - x1, x2, n2 - x2));
    }

    /** Pearson's X<sup>2</sup> of the table [[a, b], [c, d]], summed cell by cell as R's chisq.test. */
    private static Optional<ChiSquareTest> pearson(long a, long b, long c, long d) {
        double n = (double) a + b + c + d;
        double[] rows = {a + b, c + d};
        double[] cols = {a + c, b + d};
        if (cols[0] == 0 || cols[1] == 0) {
            return Optional.empty();
        }
        double[][] observed = {{a, b}, {c, d}};
        double statistic = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double expected = rows[i] * cols[j] / n;
                double deviation = observed[i][j] - expected;
                statistic += deviation * deviation / expected;
            }
        }
        return Optional.of(new ChiSquareTest(statistic, 1, ChiSquaredDistribution.of(1).survivalProbability(statistic)));
    }
}
