package ladder.models.contingency;

import java.util.Objects;

/**
 * The outcome of a test: its statistic (null for an exact test, which has none), degrees of
 * freedom (null when not a chi-squared test) and p-value. No value is NaN: a test the data cannot
 * carry out has a null statistic and p-value and a reason.
 *
 * @param test what is tested, e.g. "association" or "homogeneity of odds ratios"
 * @param method the method, e.g. "Pearson chi-squared with Yates' continuity correction"
 * @param statistic the test statistic, or null
 * @param df degrees of freedom, or null
 * @param pValue the p-value, or null
 * @param reason why a value is null, or a caveat; null when there is nothing to say
 */
public record HypothesisTest(String test, String method, Double statistic, Long df, Double pValue, String reason) {

    public HypothesisTest {
        Objects.requireNonNull(test);
        Objects.requireNonNull(method);
        if ((statistic != null && statistic.isNaN()) || (pValue != null && pValue.isNaN())) {
            throw new IllegalArgumentException("NaN in " + method + "; an undefined value must be null with a reason");
        }
        if (pValue == null && reason == null) {
            throw new IllegalArgumentException(method + " without a p-value needs a reason");
        }
    }

    /** A test the data cannot carry out, with the reason. */
    static HypothesisTest undefined(String test, String method, String reason) {
        return new HypothesisTest(test, method, null, null, null, Objects.requireNonNull(reason));
    }
}
