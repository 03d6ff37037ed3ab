package ladder.models.proportion;

import java.util.Arrays;

/**
 * The result of Pearson's chi-squared goodness-of-fit test of k observed counts against
 * hypothesised proportions; see {@link ChiSquareGoodnessOfFit}. Matches the components of the
 * same names in R's {@code chisq.test(x, p = p)} result.
 *
 * <p>The arrays are copied in and out, so a result cannot be changed once made.
 *
 * @param statistic Pearson's X<sup>2</sup> = &Sigma; (x<sub>i</sub> - E<sub>i</sub>)<sup>2</sup> / E<sub>i</sub>
 *     (R: {@code $statistic})
 * @param df degrees of freedom, k - 1 (R: {@code $parameter})
 * @param pValue P(&chi;<sup>2</sup><sub>df</sub> &gt;= X<sup>2</sup>) (R: {@code $p.value})
 * @param expected the expected counts E<sub>i</sub> = n p<sub>i</sub> (R: {@code $expected})
 * @param residuals the Pearson residuals (x<sub>i</sub> - E<sub>i</sub>) / &radic;E<sub>i</sub> (R: {@code $residuals})
 * @param smallExpected whether some expected count is below 5, when the chi-squared approximation
 *     may be poor (R warns "Chi-squared approximation may be incorrect")
 */
public record GoodnessOfFit(
        double statistic, int df, double pValue, double[] expected, double[] residuals, boolean smallExpected) {

    public GoodnessOfFit {
        expected = expected.clone();
        residuals = residuals.clone();
        if (expected.length != residuals.length || df != expected.length - 1) {
            throw new IllegalArgumentException("need df = k - 1 and k expected counts and k residuals; got df = "
                    + df + ", " + expected.length + " expected, " + residuals.length + " residuals");
        }
    }

    /** The expected counts, a copy. */
    @Override
    public double[] expected() {
        return expected.clone();
    }

    /** The Pearson residuals, a copy. */
    @Override
    public double[] residuals() {
        return residuals.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GoodnessOfFit that
                && Double.compare(statistic, that.statistic) == 0
                && df == that.df
                && Double.compare(pValue, that.pValue) == 0
                && Arrays.equals(expected, that.expected)
                && Arrays.equals(residuals, that.residuals)
                && smallExpected == that.smallExpected;
    }

    @Override
    public int hashCode() {
        int hash = Double.hashCode(statistic);
        hash = 31 * hash + df;
        hash = 31 * hash + Double.hashCode(pValue);
        hash = 31 * hash + Arrays.hashCode(expected);
        hash = 31 * hash + Arrays.hashCode(residuals);
        return 31 * hash + Boolean.hashCode(smallExpected);
    }

    @Override
    public String toString() {
        return "GoodnessOfFit[statistic=" + statistic + ", df=" + df + ", pValue=" + pValue
                + ", expected=" + Arrays.toString(expected) + ", residuals=" + Arrays.toString(residuals)
                + ", smallExpected=" + smallExpected + "]";
    }
}
