package ladder.models.contingency;

import java.util.Objects;

/**
 * An estimate of a {@link Measure} with its confidence interval and the p-value of the test of
 * no association that goes with the method.
 *
 * <p>No value is ever NaN. Ratios may be 0 or {@code +Infinity} (a zero cell), and so may their
 * bounds, as R's {@code fisher.test} gives them. A value the data cannot define is {@code null},
 * and then {@code reason} says why (it may also qualify a defined value, e.g. "zero cell: exact
 * lower bound is 0").
 *
 * @param measure what is estimated
 * @param method the method's name with its interval, e.g. "Woolf (logit)"
 * @param estimate the point estimate, or null
 * @param lower the lower confidence bound, or null
 * @param upper the upper confidence bound, or null
 * @param pValue two-sided p-value of the method's test of no association, or null
 * @param level the confidence level, e.g. 0.95
 * @param reason why a value is null or degenerate, or null when there is nothing to say
 */
public record Estimate(Measure measure, String method, Double estimate, Double lower, Double upper, Double pValue,
        double level, String reason) {

    public Estimate {
        Objects.requireNonNull(measure);
        Objects.requireNonNull(method);
        for (Double v : new Double[] {estimate, lower, upper, pValue}) {
            if (v != null && v.isNaN()) {
                throw new IllegalArgumentException("NaN in an estimate of " + measure.label() + " (" + method
                        + "); a value the data cannot define must be null with a reason");
            }
        }
        if ((estimate == null || lower == null || upper == null) && reason == null) {
            throw new IllegalArgumentException("an estimate of " + measure.label() + " (" + method
                    + ") with a missing value needs a reason");
        }
        if (lower != null && upper != null && lower > upper) {
            throw new IllegalArgumentException("lower bound " + lower + " above upper bound " + upper);
        }
    }

    /** An estimate the data cannot give, with the reason. */
    static Estimate undefined(Measure measure, String method, double level, String reason) {
        return new Estimate(measure, method, null, null, null, null, level, Objects.requireNonNull(reason));
    }

    /** Whether the estimate and both bounds are defined. */
    public boolean isDefined() {
        return estimate != null && lower != null && upper != null;
    }
}
