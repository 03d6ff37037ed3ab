package ladder.models.proportion;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The Wilson score interval for a binomial proportion, without continuity correction
 * (Wilson, E. B. (1927), "Probable inference, the law of succession, and statistical inference",
 * JASA 22, 209-212; recommended by Brown, Cai and DasGupta (2001), Statistical Science 16, 101-133).
 *
 * <p>With p&#770; = x / n, z = &Phi;<sup>-1</sup>((1 + level) / 2) and c = z<sup>2</sup> / (2n):
 * <pre>
 *   bounds = ( p&#770; + c &#8723; z &radic;( p&#770;(1 - p&#770;)/n + c/(2n) ) ) / (1 + 2c)
 * </pre>
 * which is the usual (p&#770; + z&sup2;/2n &#8723; z&radic;(p&#770;(1-p&#770;)/n + z&sup2;/4n&sup2;)) / (1 + z&sup2;/n).
 *
 * <p>This reproduces R's {@code prop.test(x, n, conf.level = level, correct = FALSE)$conf.int}
 * (R 4.2.2, stats package), including its edge cases: when x = 0 the lower bound is exactly 0 and
 * when x = n the upper bound is exactly 1 (R sets them so rather than evaluate the formula, whose
 * rounding could leave a value a few ulps either side), and bounds are clamped to [0, 1].
 * The arithmetic follows R's order of operations so that results agree to a few ulps.
 *
 * <p>For n = 0 the proportion is undefined and the interval is {@link ConfidenceInterval#undefined
 * undefined} (both bounds NaN); R's {@code prop.test} refuses n = 0 with an error instead.
 */
public final class WilsonInterval {

    /** The confidence level used when none is given. */
    public static final double DEFAULT_LEVEL = 0.95;

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private WilsonInterval() {
    }

    /** The 95% Wilson interval for x successes out of n; see {@link #of(long, long, double)}. */
    public static ConfidenceInterval of(long x, long n) {
        return of(x, n, DEFAULT_LEVEL);
    }

    /**
     * The Wilson score interval for x successes out of n trials.
     *
     * @param x successes, 0 &lt;= x &lt;= n
     * @param n trials, n &gt;= 0; n = 0 gives an undefined (NaN) interval
     * @param level the two-sided confidence level, in (0, 1)
     * @throws IllegalArgumentException if the counts or the level are out of range
     */
    public static ConfidenceInterval of(long x, long n, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
        }
        if (n < 0 || x < 0 || x > n) {
            throw new IllegalArgumentException("need 0 <= x <= n, got x = " + x + ", n = " + n);
        }
        if (n == 0) {
            return ConfidenceInterval.undefined(level);
        }
        double z = STANDARD_NORMAL.inverseCumulativeProbability((1 + level) / 2);
        double trials = n;
        double p = x / trials;
        double z22n = z * z / (2 * trials);
        double halfWidth = z * Math.sqrt(p * (1 - p) / trials + z22n / (2 * trials));
        double denominator = 1 + 2 * z22n;
        double lower = x == 0 ? 0 : Math.max((p + z22n - halfWidth) / denominator, 0);
        double upper = x == n ? 1 : Math.min((p + z22n + halfWidth) / denominator, 1);
        return new ConfidenceInterval(lower, upper, level);
    }
}
