package ladder.models.contingency;

/**
 * The risk ratio of a 2x2 {@link TwoByTwo} table, p<sub>1</sub> / p<sub>0</sub> with
 * p<sub>1</sub> = a / (a + b) and p<sub>0</sub> = c / (c + d), with the Katz log interval
 * exp(log RR &plusmn; z se), se = &radic;(1/a - 1/(a + b) + 1/c - 1/(c + d)) (Katz, Baptista,
 * Azen and Pike 1978), and the Wald p-value of log RR / se; as {@code epiR::epi.2by2}
 * {@code RR.strata.wald}.
 *
 * <p>With a = 0 the ratio is 0, with c = 0 (and a &gt; 0) it is infinite, in both cases without
 * an interval; with no one at either level, or no events at all, it is undefined (null) with the
 * reason. When everyone had the event both risks are 1, the ratio is 1 and the interval degenerate.
 */
public final class RiskRatio {

    static final String METHOD = "Katz log interval";

    private RiskRatio() {
    }

    /** The risk ratio of {@code table} at confidence {@code level}. */
    public static Estimate of(TwoByTwo table, double level) {
        Wald.z(level);
        double n1 = table.exposed();
        double n0 = table.reference();
        if (n1 == 0 || n0 == 0 || table.events() == 0) {
            String why = n1 == 0 ? "no one at the exposure level" : n0 == 0 ? "no one at the reference level"
                    : "no events at either level (0/0)";
            return Estimate.undefined(Measure.RISK_RATIO, METHOD, level, "no risk ratio: " + why);
        }
        double a = table.a();
        double c = table.c();
        double ratio = (a / n1) / (c / n0);
        if (a == 0 || c == 0) {
            return new Estimate(Measure.RISK_RATIO, METHOD, ratio, null, null, null, level,
                    (a == 0 ? "a = 0: the risk ratio is 0" : "c = 0: the risk ratio is infinite")
                            + " and has no Katz interval (infinite standard error)");
        }
        double se = Math.sqrt(1 / a - 1 / n1 + 1 / c - 1 / n0);
        if (se == 0) {
            return new Estimate(Measure.RISK_RATIO, METHOD, ratio, null, null, null, level,
                    "everyone had the event: both risks are 1 and the interval has zero width");
        }
        return Wald.ratio(Measure.RISK_RATIO, METHOD, ratio, se, level);
    }
}
