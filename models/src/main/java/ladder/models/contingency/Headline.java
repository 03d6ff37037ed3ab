package ladder.models.contingency;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Plain-English sentences for an odds ratio, e.g. "X had 0.63 times the odds of Y of Z (95% CI 0.58 to 0.69; ...)". */
final class Headline {

    private Headline() {
    }

    /**
     * The sentence for {@code estimate}; {@code within} is e.g. " in the same employer" or "",
     * {@code method} a short name ("Mantel-Haenszel") and {@code detail} e.g. ", 12 employers" or "".
     */
    static String oddsRatio(Estimate estimate, Labels labels, String within, String method, String detail) {
        if (estimate.estimate() == null) {
            return labels.exposure() + " and " + labels.reference() + " could not be compared on the odds of "
                    + labels.outcome() + " (" + method + "): " + estimate.reason() + ".";
        }
        double or = estimate.estimate();
        String comparison;
        if (or == Double.POSITIVE_INFINITY) {
            comparison = " had unboundedly higher odds of " + labels.outcome() + " than " + labels.reference();
        } else if (or == 0) {
            comparison = " had zero odds of " + labels.outcome() + ", against positive odds for " + labels.reference();
        } else {
            comparison = " had " + number(or) + " times the odds of " + labels.outcome() + " of " + labels.reference();
        }
        String pct = percent(estimate.level());
        String interval = estimate.lower() == null || estimate.upper() == null
                ? "no confidence interval"
                : pct + " CI " + number(estimate.lower()) + " to " + number(estimate.upper());
        return labels.exposure() + comparison + within + " (" + interval + "; " + method + detail + ")."
                + (estimate.reason() == null ? "" : " Note: " + estimate.reason() + ".");
    }

    /** "95%" for 0.95, "99.5%" for 0.995. */
    static String percent(double level) {
        return new BigDecimal(Double.toString(level * 100)).round(MathContext.DECIMAL64).stripTrailingZeros()
                .toPlainString() + "%";
    }

    /** Two decimals from 0.1 up, two significant figures below, whole numbers from 100; "infinity". */
    static String number(double v) {
        if (v == Double.POSITIVE_INFINITY) {
            return "infinity";
        }
        if (v == 0) {
            return "0";
        }
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (Math.abs(v) >= 0.1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return new BigDecimal(v).round(new MathContext(2)).toPlainString();
    }
}
