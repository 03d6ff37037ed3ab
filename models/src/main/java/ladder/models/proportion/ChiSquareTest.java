package ladder.models.proportion;

/**
 * A chi-squared test's statistic, degrees of freedom and upper-tail p-value.
 *
 * @param statistic the test statistic, &gt;= 0
 * @param df degrees of freedom
 * @param pValue P(&chi;<sup>2</sup><sub>df</sub> &gt;= statistic)
 */
public record ChiSquareTest(double statistic, int df, double pValue) {

    public ChiSquareTest {
        if (!(statistic >= 0) || df < 1 || !(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException("need statistic >= 0, df >= 1 and p in [0, 1]; got " + statistic
                    + ", " + df + ", " + pValue);
        }
    }
}
