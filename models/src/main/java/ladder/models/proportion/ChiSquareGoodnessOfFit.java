package ladder.models.proportion;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Pearson's chi-squared goodness-of-fit test of observed counts against hypothesised proportions
 * (Pearson, K. (1900), Philosophical Magazine 50, 157-175).
 *
 * <p>For counts x<sub>1..k</sub> with n = &Sigma; x<sub>i</sub> and proportions p<sub>1..k</sub>:
 * E<sub>i</sub> = n p<sub>i</sub>, X<sup>2</sup> = &Sigma; (x<sub>i</sub> - E<sub>i</sub>)<sup>2</sup> / E<sub>i</sub>,
 * df = k - 1, and the p-value is the upper tail P(&chi;<sup>2</sup><sub>df</sub> &gt;= X<sup>2</sup>).
 * Reproduces R's {@code chisq.test(x, p = p)} (R 4.2.2: {@code $statistic}, {@code $parameter},
 * {@code $p.value}, {@code $expected}, {@code $residuals}, and its small-expected-count warning).
 *
 * <p>Where R differs: R accepts a zero proportion and then reports an infinite or NaN statistic;
 * here every proportion must be positive. R's tolerance on the sum of the proportions is
 * &radic;(machine epsilon) &asymp; 1.5e-8; here it is {@value #SUM_TOLERANCE}.
 */
public final class ChiSquareGoodnessOfFit {

    /** How far the proportions may sum from 1. */
    public static final double SUM_TOLERANCE = 1e-9;

    /** An expected count below this flags the approximation as doubtful (Cochran's rule, as R). */
    public static final double SMALL_EXPECTED = 5;

    private ChiSquareGoodnessOfFit() {
    }

    /**
     * Tests the counts against the proportions.
     *
     * @param observed k &gt;= 2 non-negative counts, not all zero
     * @param proportions k positive proportions summing to 1 within {@value #SUM_TOLERANCE}
     * @throws IllegalArgumentException if the inputs break those conditions
     */
    public static GoodnessOfFit test(long[] observed, double[] proportions) {
        int k = observed.length;
        if (k < 2 || proportions.length != k) {
            throw new IllegalArgumentException("need k >= 2 counts and as many proportions; got "
                    + k + " counts and " + proportions.length + " proportions");
        }
        long n = 0;
        double sum = 0;
        for (int i = 0; i < k; i++) {
            if (observed[i] < 0) {
                throw new IllegalArgumentException("count " + (i + 1) + " is negative: " + observed[i]);
            }
            if (!(proportions[i] > 0 && proportions[i] <= 1)) {
                throw new IllegalArgumentException("proportion " + (i + 1) + " must be in (0, 1]: " + proportions[i]);
            }
            n = Math.addExact(n, observed[i]);
            sum += proportions[i];
        }
        if (n == 0) {
            throw new IllegalArgumentException("all counts are zero: there is nothing to test");
        }
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            throw new IllegalArgumentException("proportions must sum to 1 within " + SUM_TOLERANCE + "; they sum to " + sum);
        }
        double[] expected = new double[k];
        double[] residuals = new double[k];
        double statistic = 0;
        boolean smallExpected = false;
        for (int i = 0; i < k; i++) {
            expected[i] = n * proportions[i];
            double deviation = observed[i] - expected[i];
            statistic += deviation * deviation / expected[i];
            residuals[i] = deviation / Math.sqrt(expected[i]);
            smallExpected |= expected[i] < SMALL_EXPECTED;
        }
        double pValue = ChiSquaredDistribution.of(k - 1).survivalProbability(statistic);
        return new GoodnessOfFit(statistic, k - 1, pValue, expected, residuals, smallExpected);
    }
}
