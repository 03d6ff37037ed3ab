package ladder.reports.report;

import java.util.Locale;

/** Numbers as the report's sentences print them. */
final class Words {
    private Words() {
    }

    /** A proportion as a percentage to one place at most, e.g. 0.7 as "70%", 0.075 as "7.5%". */
    static String percent(double p) {
        String s = String.format(Locale.UK, "%.1f", 100 * p);
        return (s.endsWith(".0") ? s.substring(0, s.length() - 2) : s) + "%";
    }
}
