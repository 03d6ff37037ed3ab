package ladder.models.intersect;

/**
 * Fisher's exact test of a 2x2 table [[a, b], [c, d]], two-sided, as R's
 * {@code fisher.test(matrix(c(a, c, b, d), 2))$p.value} (Fisher, R. A. (1935), JRSS 98, 39-82).
 *
 * <p>With the margins fixed, a follows the hypergeometric distribution. The two-sided p-value is
 * R's: the total probability of the tables no more probable than the observed one, where "no
 * more" allows a relative tolerance of 1e-7 (R's {@code relErr = 1 + 10^-7}) so that tables of
 * equal probability are not lost to rounding. As in R, probabilities are taken relative to the
 * most probable table; they are built by the ratio recurrence
 * P(k+1)/P(k) = (r<sub>1</sub>-k)(c<sub>1</sub>-k) / ((k+1)(r<sub>2</sub>-c<sub>1</sub>+k+1)) walking out from the mode, and
 * a walk stops once the terms underflow, so the work grows with the spread of the distribution,
 * not with n (counts may be in the hundreds of millions).
 */
public final class FisherExact {

    /** R's relative tolerance on "no more probable than the observed table". */
    static final double RELATIVE_ERROR = 1 + 1e-7;

    private FisherExact() {
    }

    /** The two-sided p-value of [[a, b], [c, d]]. */
    public static double twoSided(long a, long b, long c, long d) {
        if (a < 0 || b < 0 || c < 0 || d < 0) {
            throw new IllegalArgumentException("negative count in the 2x2 table " + a + ", " + b + ", " + c + ", " + d);
        }
        long r1 = a + b, r2 = c + d, c1 = a + c;
        long lo = Math.max(0, c1 - r2), hi = Math.min(r1, c1);
        if (lo == hi) {
            return 1;
        }
        // The mode of the hypergeometric distribution.
        long mode = (long) Math.floor((c1 + 1.0) * (r1 + 1.0) / (r1 + r2 + 2.0));
        mode = Math.max(lo, Math.min(hi, mode));
        double observed = relative(mode, a, r1, r2, c1);
        double limit = observed * RELATIVE_ERROR;
        double total = 1, tail = 1 <= limit ? 1 : 0;
        // Upward from the mode.
        double term = 1;
        for (long k = mode; k < hi && term > 0; k++) {
            term *= ratio(k, r1, r2, c1);
            total += term;
            if (term <= limit) {
                tail += term;
            }
        }
        term = 1;
        for (long k = mode; k > lo && term > 0; k--) {
            term /= ratio(k - 1, r1, r2, c1);
            total += term;
            if (term <= limit) {
                tail += term;
            }
        }
        return Math.min(1, tail / total);
    }

    /** P(k + 1) / P(k) of the hypergeometric distribution with row totals r1, r2 and first column total c1. */
    private static double ratio(long k, long r1, long r2, long c1) {
        return ((double) (r1 - k) * (c1 - k)) / ((double) (k + 1) * (r2 - c1 + k + 1));
    }

    /** P(a) / P(mode), by the same recurrence as the walks so that the observed table compares equal to itself. */
    private static double relative(long mode, long a, long r1, long r2, long c1) {
        double term = 1;
        for (long k = mode; k < a && term > 0; k++) {
            term *= ratio(k, r1, r2, c1);
        }
        for (long k = mode; k > a && term > 0; k--) {
            term /= ratio(k - 1, r1, r2, c1);
        }
        return term;
    }
}
