package ladder.models.contingency;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Pearson's chi-squared test of no association in a 2x2 table (Pearson 1900), with or without
 * Yates' continuity correction (Yates 1934), as R's {@code chisq.test(x, correct = )} (and
 * {@code prop.test}): E = row total &times; column total / n,
 * X<sup>2</sup> = &Sigma; (|O - E| - Y)<sup>2</sup> / E with Y = min(0.5, |O - E|) when corrected
 * and 0 otherwise, on 1 degree of freedom. Undefined (null with the reason) when a margin is empty
 * (an expected count is 0; R gives NaN).
 */
public final class PearsonChiSquare {

    private PearsonChiSquare() {
    }

    /** The test of {@code table}, with Yates' correction when {@code yates}. */
    public static HypothesisTest test(TwoByTwo table, boolean yates) {
        String method = yates ? "Pearson chi-squared with Yates' continuity correction (R chisq.test)"
                : "Pearson chi-squared (R chisq.test, correct = FALSE)";
        String empty = table.emptyMargin();
        if (empty != null) {
            return HypothesisTest.undefined("association", method, "no test: " + empty + " (an expected count is 0)");
        }
        double n = table.total();
        double[] observed = table.cells();
        double[] rows = {table.exposed(), table.exposed(), table.reference(), table.reference()};
        double[] columns = {table.events(), table.nonEvents(), table.events(), table.nonEvents()};
        double[] expected = new double[4];
        double correction = yates ? 0.5 : 0;
        for (int i = 0; i < 4; i++) {
            expected[i] = rows[i] * columns[i] / n;
            // R takes the smallest |O - E| over the cells (equal but for rounding).
            correction = Math.min(correction, Math.abs(observed[i] - expected[i]));
        }
        double statistic = 0;
        for (int i = 0; i < 4; i++) {
            double deviation = Math.abs(observed[i] - expected[i]) - correction;
            statistic += deviation * deviation / expected[i];
        }
        String caveat = null;
        for (double e : expected) {
            if (e < 5) {
                caveat = "an expected count is under 5: the chi-squared approximation may be poor (R warns)";
            }
        }
        return new HypothesisTest("association", method, statistic, 1L,
                ChiSquaredDistribution.of(1).survivalProbability(statistic), caveat);
    }
}
