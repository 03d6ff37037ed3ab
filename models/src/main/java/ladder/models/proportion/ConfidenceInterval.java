package ladder.models.proportion;

/**
 * A two-sided confidence interval {@code [lower, upper]} at confidence level {@code level}.
 *
 * <p>An interval that the data cannot define (for example a proportion out of n = 0) has both
 * bounds NaN; see {@link #undefined(double)} and {@link #isDefined()}.
 *
 * @param lower the lower bound, or NaN when undefined
 * @param upper the upper bound, or NaN when undefined
 * @param level the confidence level, in (0, 1), e.g. 0.95
 */
public record ConfidenceInterval(double lower, double upper, double level) {

    public ConfidenceInterval {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
        }
        if (Double.isNaN(lower) != Double.isNaN(upper) || lower > upper) {
            throw new IllegalArgumentException(
                    "interval bounds must satisfy lower <= upper, or both be NaN; got [" + lower + ", " + upper + "]");
        }
    }

    /** The interval with both bounds NaN: what the data cannot estimate (e.g. a share out of zero). */
    public static ConfidenceInterval undefined(double level) {
        return new ConfidenceInterval(Double.NaN, Double.NaN, level);
    }

    /** Whether the bounds are numbers (false for {@link #undefined(double)}). */
    public boolean isDefined() {
        return !Double.isNaN(lower);
    }
}
