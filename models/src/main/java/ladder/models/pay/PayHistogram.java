package ladder.models.pay;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Arrays;
import java.util.Collection;

/**
 * The exact distribution of a pay measure held in whole pence: its distinct values in ascending order
 * with how many people hold each. Histograms of the same group at different employers merge by adding
 * counts, so pooled statistics are exact whatever the order of merging: n, the sum and the sum of
 * squares are exact integers ({@link BigInteger}, since n &times; pence&sup2; overflows a long), and
 * quantiles are read from the cumulative counts without expanding the values.
 *
 * <p>The mean and variance are the exact rationals rounded once to a double:
 * mean = S<sub>1</sub>/n and variance = (n S<sub>2</sub> - S<sub>1</sub>&sup2;) / (n(n - 1)) (R's {@code var}).
 */
public final class PayHistogram {

    /** The largest value whose square fits a long. */
    private static final long SQUARE_FITS = 3_037_000_499L;

    private static final PayHistogram EMPTY = new PayHistogram(new long[0], new long[0]);

    private final long[] values;
    private final long[] counts;
    // cumulative[i] = people holding values[0..i]
    private final long[] cumulative;
    private final BigInteger sum;
    private final BigInteger sumOfSquares;

    private PayHistogram(long[] values, long[] counts) {
        this.values = values;
        this.counts = counts;
        this.cumulative = new long[values.length];
        ExactTotal s1 = new ExactTotal();
        ExactTotal s2 = new ExactTotal();
        BigInteger beyond = BigInteger.ZERO;
        long running = 0;
        for (int i = 0; i < values.length; i++) {
            running = Math.addExact(running, counts[i]);
            cumulative[i] = running;
            long v = values[i];
            s1.add(v, counts[i]);
            if (v <= SQUARE_FITS) {
                s2.add(v * v, counts[i]);
            } else {
                // A square past a long (pay over 30 million pounds): kept apart, in BigInteger.
                BigInteger big = BigInteger.valueOf(v);
                beyond = beyond.add(big.multiply(big).multiply(BigInteger.valueOf(counts[i])));
            }
        }
        this.sum = s1.value();
        this.sumOfSquares = s2.value().add(beyond);
    }

    /**
     * The pence of each level of a cube's pay dimension, parsed once: "12.34" is exactly 1234, and
     * "(missing)" is -1.
     */
    public static long[] pence(java.util.List<String> levels) {
        long[] pence = new long[levels.size()];
        for (int l = 0; l < pence.length; l++) {
            pence[l] = levels.get(l).equals(ladder.engine.table.Column.EMPTY_LABEL) ? -1
                    : new java.math.BigDecimal(levels.get(l)).movePointRight(2).longValueExact();
        }
        return pence;
    }

    /** The histogram of nobody. */
    public static PayHistogram empty() {
        return EMPTY;
    }

    /**
     * A histogram from its distinct values (pence, strictly ascending, non-negative) and their counts
     * (each at least 1). The arrays are copied.
     *
     * @throws IllegalArgumentException if the values are not strictly ascending and non-negative, or a count is under 1
     */
    public static PayHistogram of(long[] values, long[] counts) {
        if (values.length != counts.length) {
            throw new IllegalArgumentException(values.length + " values but " + counts.length + " counts");
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || (i > 0 && values[i] <= values[i - 1])) {
                throw new IllegalArgumentException("pay values must be non-negative and strictly ascending: "
                        + (i > 0 ? values[i - 1] + " then " : "") + values[i]);
            }
            if (counts[i] < 1) {
                throw new IllegalArgumentException("count " + counts[i] + " for value " + values[i]);
            }
        }
        return values.length == 0 ? EMPTY : new PayHistogram(values.clone(), counts.clone());
    }

    /** The histogram of individual values in pence (any order, non-negative). */
    public static PayHistogram ofValues(long... pence) {
        long[] sorted = pence.clone();
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                distinct++;
            }
        }
        long[] values = new long[distinct];
        long[] counts = new long[distinct];
        int d = -1;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                values[++d] = sorted[i];
            }
            counts[d]++;
        }
        return of(values, counts);
    }

    /** The histogram of the people of both: counts of equal values added. */
    public PayHistogram merge(PayHistogram other) {
        if (other.n() == 0) {
            return this;
        }
        if (n() == 0) {
            return other;
        }
        long[] v = new long[values.length + other.values.length];
        long[] c = new long[v.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < values.length || j < other.values.length) {
            if (j == other.values.length || (i < values.length && values[i] < other.values[j])) {
                v[k] = values[i];
                c[k++] = counts[i++];
            } else if (i == values.length || other.values[j] < values[i]) {
                v[k] = other.values[j];
                c[k++] = other.counts[j++];
            } else {
                v[k] = values[i];
                c[k++] = Math.addExact(counts[i++], other.counts[j++]);
            }
        }
        return new PayHistogram(Arrays.copyOf(v, k), Arrays.copyOf(c, k));
    }

    /** The merge of all of {@code histograms} (empty for none). */
    public static PayHistogram mergeAll(Collection<PayHistogram> histograms) {
        // Merged in pairs, then pairs of pairs: each value is copied about log2(k) times for k
        // histograms, not up to k times as merging one at a time into a growing total would
        // (at 1,000 employers that was most of the pay section's time).
        java.util.List<PayHistogram> level = new java.util.ArrayList<>(histograms);
        if (level.isEmpty()) {
            return EMPTY;
        }
        while (level.size() > 1) {
            java.util.List<PayHistogram> next = new java.util.ArrayList<>((level.size() + 1) / 2);
            for (int i = 0; i < level.size(); i += 2) {
                next.add(i + 1 < level.size() ? level.get(i).merge(level.get(i + 1)) : level.get(i));
            }
            level = next;
        }
        return level.get(0);
    }

    /** The people whose value is above {@code threshold} (e.g. 0: those paid a bonus). */
    public PayHistogram above(long threshold) {
        int from = 0;
        while (from < values.length && values[from] <= threshold) {
            from++;
        }
        return from == 0 ? this : from == values.length ? EMPTY
                : new PayHistogram(Arrays.copyOfRange(values, from, values.length),
                        Arrays.copyOfRange(counts, from, counts.length));
    }

    /** The distinct values in pence, ascending (a copy). */
    public long[] values() {
        return values.clone();
    }

    /** The people holding each distinct value (a copy). */
    public long[] counts() {
        return counts.clone();
    }

    /** How many distinct values. */
    public int distinct() {
        return values.length;
    }

    /** The i-th distinct value, ascending from 0. */
    public long value(int i) {
        return values[i];
    }

    /** The people holding the i-th distinct value. */
    public long count(int i) {
        return counts[i];
    }

    /** People counted. */
    public long n() {
        return values.length == 0 ? 0 : cumulative[values.length - 1];
    }

    /** The exact total in pence. */
    public BigInteger sum() {
        return sum;
    }

    /** The exact sum of squared values in pence&sup2;. */
    public BigInteger sumOfSquares() {
        return sumOfSquares;
    }

    /** The mean in pence, S<sub>1</sub>/n rounded once; NaN for nobody (callers check n first). */
    public double mean() {
        long n = n();
        return n == 0 ? Double.NaN
                : new BigDecimal(sum).divide(BigDecimal.valueOf(n), MathContext.DECIMAL128).doubleValue();
    }

    /** The sample variance (divisor n - 1) in pence&sup2;, exact then rounded once; NaN for n &lt; 2. */
    public double variance() {
        long n = n();
        if (n < 2) {
            return Double.NaN;
        }
        BigInteger nn = BigInteger.valueOf(n);
        BigInteger numerator = nn.multiply(sumOfSquares).subtract(sum.multiply(sum));
        BigInteger denominator = nn.multiply(BigInteger.valueOf(n - 1));
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), MathContext.DECIMAL128).doubleValue();
    }

    /** The position of the distinct value that the i-th order statistic (1-based) takes. */
    public int indexOfOrderStatistic(long i) {
        if (i < 1 || i > n()) {
            throw new IllegalArgumentException("order statistic " + i + " of " + n());
        }
        int found = Arrays.binarySearch(cumulative, i);
        // cumulative is strictly ascending; a miss gives the first cumulative count above i
        return found >= 0 ? found : -found - 1;
    }

    /** The i-th smallest value (1-based) in pence. */
    public long orderStatistic(long i) {
        return values[indexOfOrderStatistic(i)];
    }

    /**
     * The quantile at p of the expanded values, as R's {@code quantile(rep(values, counts), p, type = k)}.
     *
     * @throws IllegalArgumentException for an empty histogram or p outside [0, 1]
     */
    public double quantile(double p, QuantileType type) {
        return type.quantile(n(), p, this::orderStatistic);
    }

    /** The median, as R's {@code median}: type 7 at 1/2. */
    public double median() {
        return quantile(0.5, QuantileType.TYPE_7);
    }

    /** The sum of the k largest values held by people (fewer if n &lt; k), exactly. */
    public BigInteger largest(int k) {
        BigInteger total = BigInteger.ZERO;
        long left = k;
        for (int i = values.length - 1; i >= 0 && left > 0; i--) {
            long take = Math.min(left, counts[i]);
            total = total.add(BigInteger.valueOf(values[i]).multiply(BigInteger.valueOf(take)));
            left -= take;
        }
        return total;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PayHistogram h && Arrays.equals(values, h.values) && Arrays.equals(counts, h.counts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "PayHistogram[n=" + n() + ", distinct=" + values.length + "]";
    }
}
