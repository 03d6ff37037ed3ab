package ladder.models.contingency;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ladder.models.result.Result;
import ladder.models.result.ResultTable;
import ladder.models.result.ResultTable.Kind;

/**
 * Everything about one 2x2 table of an exposure level against a reference level and a binary
 * outcome: cells and risks; the odds ratio by every {@link OddsRatioInterval} method; the risk
 * ratio (Katz) and risk difference (Wald, and Wald with continuity correction as prop.test); and
 * Pearson's test with and without Yates' correction and Fisher's exact test.
 *
 * <p>Tables: "cells" (level, event, no_event, total, risk), "estimates" (measure, method,
 * estimate, lower, upper, p_value, note) and "tests" (test, method, statistic, df, p_value, note).
 *
 * @param table the counts
 * @param labels the names of the groups and the outcome
 * @param level the confidence level
 * @param estimates odds ratios (Woolf, Haldane-Anscombe, exact, mid-p), risk ratio, risk differences
 * @param tests Pearson, Pearson with Yates' correction, Fisher
 */
public record TwoByTwoAnalysis(TwoByTwo table, Labels labels, double level, List<Estimate> estimates,
        List<HypothesisTest> tests) implements Result {

    public TwoByTwoAnalysis {
        estimates = List.copyOf(estimates);
        tests = List.copyOf(tests);
    }

    /**
     * The largest smallest cell for which the conditional (exact and mid-p) methods and Fisher's
     * test are computed. Their cost grows with the standard deviation of cell a given the margins
     * (a pool of 100 million rows would take tens of seconds, as R's fisher.test takes minutes);
     * with every cell above it, the large-sample methods beside them are what a statistician uses.
     */
    public static final double EXACT_LIMIT = 50_000;

    /** The full analysis of {@code table} at confidence {@code level}. */
    public static TwoByTwoAnalysis of(TwoByTwo table, Labels labels, double level) {
        boolean exact = Math.min(Math.min(table.a(), table.b()), Math.min(table.c(), table.d())) <= EXACT_LIMIT;
        String tooLarge = String.format(java.util.Locale.ROOT, "not computed: every cell is over %,.0f, where the"
                + " conditional methods are costly and the large-sample methods suffice", EXACT_LIMIT);
        List<Estimate> estimates = new ArrayList<>();
        for (OddsRatioInterval method : OddsRatioInterval.values()) {
            boolean conditional = method == OddsRatioInterval.EXACT || method == OddsRatioInterval.MID_P;
            estimates.add(conditional && !exact
                    ? new Estimate(Measure.ODDS_RATIO, method.label(), null, null, null, null, level, tooLarge)
                    : OddsRatio.of(table, method, level));
        }
        estimates.add(RiskRatio.of(table, level));
        for (RiskDifferenceInterval method : RiskDifferenceInterval.values()) {
            estimates.add(RiskDifference.of(table, method, level));
        }
        List<HypothesisTest> tests = List.of(PearsonChiSquare.test(table, false), PearsonChiSquare.test(table, true),
                exact ? FisherExactTest.test(table) : new HypothesisTest("association", FisherExactTest.METHOD, null, null,
                        null, tooLarge));
        return new TwoByTwoAnalysis(table, labels, level, estimates, tests);
    }

    /** The odds ratio by {@code method}. */
    public Estimate oddsRatio(OddsRatioInterval method) {
        return find(Measure.ODDS_RATIO, method.label());
    }

    /** The risk ratio with the Katz interval. */
    public Estimate riskRatio() {
        return find(Measure.RISK_RATIO, RiskRatio.METHOD);
    }

    /** The risk difference by {@code method}. */
    public Estimate riskDifference(RiskDifferenceInterval method) {
        return find(Measure.RISK_DIFFERENCE, method.label());
    }

    /**
     * The headline sentence, on the conditional MLE with its exact interval (defined with zero
     * cells), or on the Woolf interval for a table too large for the conditional methods.
     */
    public String headline() {
        Estimate conditional = oddsRatio(OddsRatioInterval.EXACT);
        return conditional.estimate() != null || conditional.reason() == null || !conditional.reason().startsWith("not computed")
                ? Headline.oddsRatio(conditional, labels, "", "conditional MLE, exact interval", "")
                : Headline.oddsRatio(oddsRatio(OddsRatioInterval.WOOLF), labels, "", "Woolf interval", "");
    }

    private Estimate find(Measure measure, String method) {
        return estimates.stream().filter(e -> e.measure() == measure && e.method().equals(method)).findFirst()
                .orElseThrow();
    }

    @Override
    public String title() {
        return "Odds of " + labels.outcome() + ": " + labels.exposure() + " against " + labels.reference();
    }

    @Override
    public Map<String, Object> inputs() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("exposure", labels.exposure());
        inputs.put("reference", labels.reference());
        inputs.put("outcome", labels.outcome());
        inputs.put("people", table.total());
        inputs.put("confidence_level", level);
        return inputs;
    }

    @Override
    public List<ResultTable> tables() {
        return List.of(cells(table, labels), estimatesTable("estimates", "Odds ratio, risk ratio and risk difference",
                estimates), testsTable(tests));
    }

    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>(methodNotes());
        for (Estimate e : estimates) {
            if (e.reason() != null) {
                notes.add(e.measure().label() + ", " + e.method() + ": " + e.reason());
            }
        }
        for (HypothesisTest t : tests) {
            if (t.reason() != null) {
                notes.add(t.method() + ": " + t.reason());
            }
        }
        return notes;
    }

    static List<String> methodNotes() {
        return List.of(
                "Odds ratios: sample OR ad/bc with the Woolf (logit) interval (Woolf 1955; epiR OR.strata.wald); "
                        + "Haldane-Anscombe OR with 0.5 added to every cell and its Woolf interval (Haldane 1956); "
                        + "conditional maximum-likelihood OR with the exact interval (Cornfield 1956; R fisher.test) "
                        + "and with the mid-p interval (Lancaster 1961; epitools oddsratio.midp), solved to about "
                        + "1e-14 where R's uniroot stops near 1e-4.",
                "Risk ratio with the Katz log interval (Katz et al. 1978; epiR RR.strata.wald); risk difference with "
                        + "the Wald interval (epiR ARisk.strata.wald) and with prop.test's continuity correction.",
                "Tests: Pearson chi-squared with and without Yates' correction (R chisq.test); Fisher's exact test, "
                        + "two-sided by R's rule (tables no more probable than the observed, relative tolerance 1e-7).");
    }

    static ResultTable cells(TwoByTwo t, Labels labels) {
        return ResultTable.builder("cells", "Counts and risks")
                .column("level", Kind.LABEL, "exposure or reference level")
                .column("event", Kind.NUMBER, "people with the event (" + labels.outcome() + ")")
                .column("no_event", Kind.NUMBER, "people without it")
                .column("total", Kind.NUMBER, "people at the level")
                .column("risk", Kind.PROPORTION, "event / total")
                .row(labels.exposure(), t.a(), t.b(), t.exposed(), risk(t.a(), t.exposed()))
                .row(labels.reference(), t.c(), t.d(), t.reference(), risk(t.c(), t.reference()))
                .build();
    }

    private static Double risk(double events, double total) {
        return total == 0 ? null : events / total;
    }

    static ResultTable estimatesTable(String name, String title, List<Estimate> estimates) {
        ResultTable.Builder b = ResultTable.builder(name, title)
                .column("measure", Kind.LABEL, "odds ratio, risk ratio or risk difference (exposure vs reference)")
                .column("method", Kind.LABEL, "estimator and interval")
                .column("estimate", Kind.NUMBER, "point estimate")
                .column("lower", Kind.NUMBER, "lower confidence bound")
                .column("upper", Kind.NUMBER, "upper confidence bound")
                .column("p_value", Kind.P_VALUE, "two-sided p-value of no association by the method's test")
                .column("note", Kind.LABEL, "why a value is missing or degenerate");
        for (Estimate e : estimates) {
            b.row(e.measure().label(), e.method(), e.estimate(), e.lower(), e.upper(), e.pValue(), e.reason());
        }
        return b.build();
    }

    static ResultTable testsTable(List<HypothesisTest> tests) {
        ResultTable.Builder b = ResultTable.builder("tests", "Tests")
                .column("test", Kind.LABEL, "the null hypothesis's subject")
                .column("method", Kind.LABEL, "the test")
                .column("statistic", Kind.NUMBER, "test statistic (none for an exact test)")
                .column("df", Kind.COUNT, "degrees of freedom")
                .column("p_value", Kind.P_VALUE, "p-value")
                .column("note", Kind.LABEL, "caveat or why a value is missing");
        for (HypothesisTest t : tests) {
            b.row(t.test(), t.method(), t.statistic(), t.df(), t.pValue(), t.reason());
        }
        return b.build();
    }
}
