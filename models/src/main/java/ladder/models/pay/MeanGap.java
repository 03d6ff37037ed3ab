package ladder.models.pay;

import ladder.models.proportion.ConfidenceInterval;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * A pay gap as a percentage of the reference group's figure, as the UK gender pay gap service defines
 * it: gap = 100 (ref - group) / ref, positive when the reference group is paid more; and the interval of
 * a mean gap from the two groups' histograms, which are independent samples.
 *
 * <p>With a = mean of the group, b = mean of the reference, v<sub>a</sub> = s<sub>a</sub>&sup2;/n<sub>a</sub>,
 * v<sub>b</sub> = s<sub>b</sub>&sup2;/n<sub>b</sub> (sample variances, divisor n - 1), R = a/b and the gap 100(1 - R):
 * <ul>
 * <li>delta method: se(R) = R &radic;(v<sub>a</sub>/a&sup2; + v<sub>b</sub>/b&sup2;), R &plusmn; z se(R);</li>
 * <li>Fieller (1954): the R with (a - R b)&sup2; &le; z&sup2;(v<sub>a</sub> + R&sup2; v<sub>b</sub>), that is
 * R = (ab &plusmn; z&radic;(a&sup2;v<sub>b</sub> + b&sup2;v<sub>a</sub> - z&sup2;v<sub>a</sub>v<sub>b</sub>)) /
 * (b&sup2; - z&sup2;v<sub>b</sub>), bounded only when b&sup2; &gt; z&sup2;v<sub>b</sub> (the reference mean is
 * distinguishable from 0); otherwise the interval is the whole line, given as (-&infin;, +&infin;).</li>
 * </ul>
 * The ratio's bounds map to the gap's reversed: gap lower = 100(1 - R<sub>upper</sub>).
 */
public final class MeanGap {

    private MeanGap() {
    }

    /** 100 (reference - group) / reference; null when the reference figure is 0 (no gap is defined). */
    public static Double percent(double reference, double group) {
        return reference == 0 ? null : 100 * (reference - group) / reference;
    }

    /**
     * The interval of the mean gap of {@code group} against {@code reference}; undefined (NaN bounds) when
     * either group has fewer than 2 people or the reference mean is 0.
     */
    public static ConfidenceInterval interval(PayHistogram reference, PayHistogram group, MeanGapMethod method,
            double level) {
        if (reference.n() < 2 || group.n() < 2 || reference.mean() == 0) {
            return ConfidenceInterval.undefined(level);
        }
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability((1 + level) / 2);
        double a = group.mean();
        double b = reference.mean();
        double va = group.variance() / group.n();
        double vb = reference.variance() / reference.n();
        double r = a / b;
        return switch (method) {
            case DELTA -> {
                double se = r * Math.sqrt(va / (a * a) + vb / (b * b));
                yield new ConfidenceInterval(100 * (1 - (r + z * se)), 100 * (1 - (r - z * se)), level);
            }
            case FIELLER -> {
                double qa = b * b - z * z * vb;
                if (qa <= 0) {
                    yield new ConfidenceInterval(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, level);
                }
                double qb = -2 * a * b;
                double qc = a * a - z * z * va;
                double root = Math.sqrt(qb * qb - 4 * qa * qc);
                double low = (-qb - root) / (2 * qa);
                double high = (-qb + root) / (2 * qa);
                yield new ConfidenceInterval(100 * (1 - high), 100 * (1 - low), level);
            }
        };
    }
}
