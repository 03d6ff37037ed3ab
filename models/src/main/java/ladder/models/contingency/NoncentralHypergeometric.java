package ladder.models.contingency;

import java.util.Arrays;

/**
 * The distribution of cell a of a 2x2 table given its margins, under odds ratio &theta;: Fisher's
 * noncentral hypergeometric distribution, P(X = x) &prop; C(m, x) C(n, k - x) &theta;<sup>x</sup>
 * on lo = max(0, k - n) &lt;= x &lt;= hi = min(k, m), with m = a + c events, n = b + d non-events
 * and k = a + b exposed. It is what R's {@code fisher.test} calls {@code dnhyper}, on which the
 * conditional MLE, the exact (Cornfield 1956) interval and Fisher's test rest.
 *
 * <p>The weights are built from the mode outwards by the ratio of neighbouring terms,
 * w(x + 1) / w(x) = &theta; (m - x)(k - x) / ((x + 1)(n - k + x + 1)), until they underflow to
 * 1e-300 of the mode's: this costs a few dozen standard deviations of steps rather than the whole support (a
 * million cells for a pool of millions), keeps every term to a few ulps relative to the mode, and
 * needs no log-gamma (whose rounding at counts in the millions would be 1e-8 relative). Terms that
 * underflow are also zero in R, which normalises exp(log d - max log d).
 */
final class NoncentralHypergeometric {

    /**
     * Weights below this, relative to the mode's, are left out: they cannot move any sum the
     * methods take (probabilities down to 1e-300 are kept, Fisher's p-value among them), and the
     * subnormal range below it is slow to compute in.
     */
    private static final double NEGLIGIBLE = 1e-300;

    /** The cutoff for the conditional MLE and the interval bounds: tails they solve for are at least 1e-12. */
    static final double FOR_ROOTS = 1e-40;

    final double lo;
    final double hi;
    private final double m;
    private final double n;
    private final double k;

    /** The distribution for the margins of {@code table}, whose cells must be whole numbers. */
    NoncentralHypergeometric(TwoByTwo table) {
        if (!table.isWhole()) {
            throw new IllegalArgumentException("the conditional (exact) methods need whole counts: " + table);
        }
        m = table.events();
        n = table.nonEvents();
        k = table.exposed();
        lo = Math.max(0, k - n);
        hi = Math.min(k, m);
    }

    /** The probabilities at odds ratio {@code theta}, 0 &lt; theta &lt; infinity, down to 1e-300 of the mode's. */
    Weights at(double theta) {
        return at(theta, NEGLIGIBLE);
    }

    /**
     * The probabilities down to {@code cutoff} of the mode's: what a root finder needs for a mean
     * or a tail of at least 1e-12 ({@link #FOR_ROOTS}) leaves out nothing it can see, and costs a
     * third of the steps.
     */
    Weights at(double theta, double cutoff) {
        if (!(theta > 0 && theta < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("odds ratio must be positive and finite: " + theta);
        }
        double mode = mode(theta);
        // Terms above the mode, then below it, until they underflow or the support ends.
        double[] up = new double[16];
        int nUp = 0;
        double w = 1;
        for (double x = mode; x < hi; x++) {
            w *= ratio(x, theta);
            if (w < cutoff) {
                break;
            }
            up = grow(up, nUp);
            up[nUp++] = w;
        }
        double[] down = new double[16];
        int nDown = 0;
        w = 1;
        for (double x = mode; x > lo; x--) {
            w /= ratio(x - 1, theta);
            if (w < cutoff) {
                break;
            }
            down = grow(down, nDown);
            down[nDown++] = w;
        }
        double[] weights = new double[nDown + 1 + nUp];
        for (int i = 0; i < nDown; i++) {
            weights[nDown - 1 - i] = down[i];
        }
        weights[nDown] = 1;
        System.arraycopy(up, 0, weights, nDown + 1, nUp);
        double sum = 0;
        for (double v : weights) {
            sum += v;
        }
        for (int i = 0; i < weights.length; i++) {
            weights[i] /= sum;
        }
        return new Weights(mode - nDown, weights);
    }

    /** w(x + 1) / w(x). */
    private double ratio(double x, double theta) {
        return theta * ((m - x) * (k - x)) / ((x + 1) * (n - k + x + 1));
    }

    /** The smallest x whose successor has a smaller weight (the ratio decreases in x). */
    private double mode(double theta) {
        double low = lo;
        double high = hi;
        while (low < high) {
            double mid = Math.floor((low + high) / 2);
            if (ratio(mid, theta) < 1) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    private static double[] grow(double[] values, int size) {
        return size < values.length ? values : Arrays.copyOf(values, values.length * 2);
    }

    /** Normalised probabilities on first, first + 1, ...; zero outside. */
    static final class Weights {
        private final double first;
        private final double[] p;

        private Weights(double first, double[] p) {
            this.first = first;
            this.p = p;
        }

        double probability(double x) {
            double i = x - first;
            return i >= 0 && i < p.length ? p[(int) i] : 0;
        }

        /** P(X &lt;= x), summed directly as R's pnhyper does. */
        double atMost(double x) {
            double sum = 0;
            for (int i = 0; i < p.length && first + i <= x; i++) {
                sum += p[i];
            }
            return sum;
        }

        /** P(X &gt;= x). */
        double atLeast(double x) {
            double sum = 0;
            for (int i = p.length - 1; i >= 0 && first + i >= x; i--) {
                sum += p[i];
            }
            return sum;
        }

        double mean() {
            double sum = 0;
            for (int i = 0; i < p.length; i++) {
                sum += (first + i) * p[i];
            }
            return sum;
        }

        /**
         * The sum of the probabilities no larger than that of x times (1 + 1e-7): R's two-sided
         * rule in {@code fisher.test}, whose relative tolerance keeps tables of equal probability
         * (equal up to rounding) together.
         */
        double noMoreLikelyThan(double x) {
            double bound = probability(x) * (1 + 1e-7);
            double sum = 0;
            for (double v : p) {
                if (v <= bound) {
                    sum += v;
                }
            }
            return sum;
        }
    }
}
