package ladder.models.funnel;

import java.util.ArrayList;
import java.util.List;
import ladder.engine.contract.Seb;
import ladder.models.contingency.Estimate;
import ladder.models.contingency.Measure;
import ladder.models.contingency.RiskRatio;
import ladder.models.contingency.TwoByTwo;

/**
 * One group's adverse impact ratio at one step of selection: its selection rate
 * {@code p1 = x1 / n1} over the rate {@code p2 = x2 / n2} of the group with the highest rate, with
 * the Katz log interval of a ratio of two independent binomial proportions,
 * {@code exp(log(p1 / p2) +/- z sqrt(1/x1 - 1/n1 + 1/x2 - 1/n2))} (Katz, Baptista, Azen and Pike
 * 1978, "Obtaining confidence intervals for the risk ratio in cohort studies", Biometrics
 * 34:469-474; {@link RiskRatio}). Under the four-fifths rule (US Uniform Guidelines on Employee
 * Selection Procedures, 29 CFR 1607.4(D)) a ratio below 0.8 is evidence of adverse impact.
 *
 * @param group the group
 * @param rate its selection rate; null when no one of the group was at the step
 * @param highest the group with the highest rate (the comparison); null when no group was at the step
 * @param ratio the ratio and its interval; for the highest group itself, 1 without an interval
 */
public record AdverseImpact(Seb group, Double rate, Seb highest, Estimate ratio) {
    /** The four-fifths threshold. */
    public static final double FOUR_FIFTHS = 0.8;
    static final String METHOD = "rate ratio, Katz log interval";

    /**
     * The ratios of the three classifiable groups, given {@code selected[g]} of {@code at[g]}
     * selected (groups in {@link Seb#CLASSIFIABLE} order).
     */
    static List<AdverseImpact> of(long[] selected, long[] at, double level) {
        int top = -1;
        for (int g = 0; g < at.length; g++) {
            if (at[g] > 0 && (top < 0 || (double) selected[g] / at[g] > (double) selected[top] / at[top])) {
                top = g;
            }
        }
        List<AdverseImpact> out = new ArrayList<>();
        for (int g = 0; g < at.length; g++) {
            Seb group = Seb.CLASSIFIABLE.get(g);
            Double rate = at[g] == 0 ? null : (double) selected[g] / at[g];
            Estimate ratio;
            if (top < 0 || at[g] == 0) {
                ratio = new Estimate(Measure.RISK_RATIO, METHOD, null, null, null, null, level,
                        "no one of the group at the step before");
            } else if (g == top) {
                ratio = new Estimate(Measure.RISK_RATIO, METHOD, 1.0, null, null, null, level,
                        "the highest rate: the comparison for the other groups");
            } else {
                Estimate katz = RiskRatio.of(new TwoByTwo(selected[g], at[g] - selected[g], selected[top],
                        at[top] - selected[top]), level);
                ratio = new Estimate(Measure.RISK_RATIO, METHOD, katz.estimate(), katz.lower(), katz.upper(),
                        katz.pValue(), level, katz.reason());
            }
            out.add(new AdverseImpact(group, rate, top < 0 ? null : Seb.CLASSIFIABLE.get(top), ratio));
        }
        return out;
    }

    /**
     * Against the four-fifths rule: "highest rate"; "below 0.8" when the interval lies wholly below
     * 0.8; "below 0.8 (interval reaches 0.8)"; "at or above 0.8"; null when there is no ratio.
     */
    public String fourFifths() {
        if (ratio.estimate() == null) {
            return null;
        }
        if (group == highest) {
            return "highest rate";
        }
        if (ratio.estimate() >= FOUR_FIFTHS) {
            return "at or above 0.8";
        }
        return ratio.upper() != null && ratio.upper() < FOUR_FIFTHS ? "below 0.8" : "below 0.8 (interval reaches 0.8)";
    }
}
