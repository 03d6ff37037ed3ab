package ladder.models.pay;

/**
 * The nine sample quantile definitions of Hyndman and Fan (1996), "Sample quantiles in statistical
 * packages", The American Statistician 50, 361-365, computed exactly as R's
 * {@code quantile(x, probs, type = k)} (R 4.2, stats package {@code quantile.default}).
 *
 * <p>With order statistics x<sub>(1)</sub> &le; ... &le; x<sub>(n)</sub> (indices below 1 read
 * x<sub>(1)</sub>, above n read x<sub>(n)</sub>) and fuzz = 4 &epsilon;:
 * <ul>
 * <li>types 1 to 3 (discontinuous): m = np (type 3: np - 1/2), j = &lfloor;m&rfloor; (R applies no fuzz here), and
 * h = [m &gt; j] (type 1), ([m &gt; j] + 1)/2 (type 2), [m &ne; j or j odd] (type 3);</li>
 * <li>types 4 to 9 (continuous): m = a + p(n + 1 - a - b) with (a, b) = (0, 1), (1/2, 1/2), (0, 0),
 * (1, 1), (1/3, 1/3), (3/8, 3/8); j = &lfloor;m + fuzz&rfloor;, h = m - j (0 when |h| &lt; fuzz);</li>
 * <li>Q(p) = (1 - h) x<sub>(j)</sub> + h x<sub>(j+1)</sub>, taken as x<sub>(j)</sub> when h = 0 or the two
 * are equal and as x<sub>(j+1)</sub> when h = 1, so that ties give the tied value exactly.</li>
 * </ul>
 * Type 7 (R's default) uses R's own branch: index = 1 + (n - 1)p, lo = &lfloor;index&rfloor;,
 * hi = &lceil;index&rceil;, Q = (1 - h) x<sub>(lo)</sub> + h x<sub>(hi)</sub> with h = index - lo.
 * The median is type 7 (equivalently any of types 2, 5 to 9) at p = 1/2: R's {@code median}.
 */
public enum QuantileType {
    TYPE_1, TYPE_2, TYPE_3, TYPE_4, TYPE_5, TYPE_6, TYPE_7, TYPE_8, TYPE_9;

    private static final double FUZZ = 4 * Math.ulp(1.0);

    /** The i-th order statistic (1-based, 1 &lt;= i &lt;= n) of the sample a quantile is taken of. */
    @FunctionalInterface
    public interface OrderStatistics {
        double at(long i);
    }

    /** The quantile type numbered k as in R's {@code type = k}. */
    public static QuantileType of(int k) {
        if (k < 1 || k > 9) {
            throw new IllegalArgumentException("quantile type must be 1 to 9, got " + k);
        }
        return values()[k - 1];
    }

    /** The number R's {@code type =} takes, 1 to 9. */
    public int number() {
        return ordinal() + 1;
    }

    /**
     * This type's quantile at probability p of a sample of size n whose order statistics {@code x} gives.
     *
     * @throws IllegalArgumentException if n &lt; 1 or p is outside [0, 1]
     */
    public double quantile(long n, double p, OrderStatistics x) {
        if (n < 1) {
            throw new IllegalArgumentException("quantile of an empty sample");
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1], got " + p);
        }
        if (this == TYPE_7) {
            double index = 1 + (n - 1) * p;
            long lo = (long) Math.floor(index);
            long hi = (long) Math.ceil(index);
            double qs = x.at(lo);
            double h = index - lo;
            if (h > 0) {
                double upper = x.at(hi);
                if (upper != qs) {
                    qs = (1 - h) * qs + h * upper;
                }
            }
            return qs;
        }
        double m;
        long j;
        double h;
        int type = number();
        if (type <= 3) {
            m = type == 3 ? n * p - 0.5 : n * p;
            j = (long) Math.floor(m);
            h = switch (type) {
                case 1 -> m > j ? 1 : 0;
                case 2 -> m > j ? 1 : 0.5;
                default -> m != j || Math.floorMod(j, 2) == 1 ? 1 : 0;
            };
        } else {
            double a;
            double b;
            switch (type) {
                case 4 -> { a = 0; b = 1; }
                case 5 -> { a = 0.5; b = 0.5; }
                case 6 -> { a = 0; b = 0; }
                case 8 -> { a = 1.0 / 3; b = 1.0 / 3; }
                default -> { a = 3.0 / 8; b = 3.0 / 8; }
            }
            m = a + p * (n + 1 - a - b);
            j = (long) Math.floor(m + FUZZ);
            h = m - j;
            if (Math.abs(h) < FUZZ) {
                h = 0;
            }
        }
        double lower = x.at(clamp(j, n));
        if (h == 0) {
            return lower;
        }
        double upper = x.at(clamp(j + 1, n));
        if (h == 1) {
            return upper;
        }
        return h > 0 && h < 1 && lower != upper ? (1 - h) * lower + h * upper : lower;
    }

    /** The quantile of a sorted array, as R's quantile(x, p, type) of its values. */
    public double quantile(double[] sorted, double p) {
        return quantile(sorted.length, p, i -> sorted[(int) (i - 1)]);
    }

    private static long clamp(long j, long n) {
        return Math.max(1, Math.min(n, j));
    }
}
