package ladder.models.benchmark;

/**
 * An employer's percentile among the coalition's employers, by mid-rank: 100 (b + e/2) / N, where of
 * the N employers with the figure b have a lower value and e (the employer included) an equal one.
 * So the middle of an odd number sits at 50, the lowest of N at 50/N and the highest at 100 - 50/N,
 * and ties share their average; R: {@code 100 * (rank(v, ties.method = "average")[i] - 0.5) / length(v)}.
 * (R's {@code ecdf(v)(x)}, the share at or below, would put the highest employer at 100 and the
 * lowest at 100/N, which makes a pool of five read better at the top than at the bottom.)
 */
public final class MidRankPercentile {

    /** A percentile is given only when at least this many employers have the figure. */
    public static final int MINIMUM_EMPLOYERS = 5;

    private MidRankPercentile() {
    }

    /** The mid-rank percentile of {@code value} among {@code values} (which hold it). */
    public static double of(double value, double[] values) {
        int below = 0, equal = 0;
        for (double v : values) {
            if (v < value) {
                below++;
            } else if (v == value) {
                equal++;
            }
        }
        if (equal == 0) {
            throw new IllegalArgumentException("the value " + value + " is not among the employers' values");
        }
        return 100 * (below + equal / 2.0) / values.length;
    }
}
