package ladder.models.trend;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import ladder.engine.LadderException;
import ladder.models.proportion.ChiSquareTest;
import ladder.models.proportion.ConfidenceInterval;
import ladder.models.proportion.ProportionDifference;
import ladder.models.proportion.WilsonInterval;
import ladder.models.result.Chart;
import ladder.models.result.Result;
import ladder.models.result.ResultTable.Kind;
import ladder.models.result.ResultTable;

/**
 * The trend of a share over ordered periods (years, waves): per period the share with its Wilson
 * interval and its gap to a national benchmark; the change from each period to the next; the
 * Cochran-Armitage test for a linear trend; and a logistic trend with its odds ratio per unit of
 * score and likelihood-ratio test. Made by {@link #of}.
 *
 * @param outcome what is counted, e.g. "working class"
 * @param periods one per input period, in input (score) order
 * @param changes one per pair of consecutive periods that both have trials
 * @param cochranArmitage {@link CochranArmitage}; empty when undefined
 * @param logistic {@link LogisticTrend}; empty when the estimate does not exist
 * @param benchmark the national share the gaps are against, if any
 * @param level the confidence level of every interval
 */
public record Trend(
        String outcome, List<Period> periods, List<Change> changes, Optional<ChiSquareTest> cochranArmitage,
        Optional<LogisticTrend> logistic, OptionalDouble benchmark, double level) implements Result {

    /**
     * One period.
     *
     * @param label the period's label, e.g. "2023"
     * @param score its numeric score (e.g. the year), increasing with the periods
     * @param events x, the count of the outcome
     * @param total n, the trials
     * @param share x / n; NaN (rendered as not available) when n = 0
     * @param interval the Wilson interval of the share ({@link WilsonInterval})
     * @param gap share - benchmark; NaN without a benchmark or when n = 0
     * @param gapInterval the Wilson interval shifted by the benchmark, which is taken as fixed
     */
    public record Period(String label, double score, long events, long total, double share,
            ConfidenceInterval interval, double gap, ConfidenceInterval gapInterval) {
    }

    /** The change from period {@code from} to period {@code to} (later minus earlier), as {@link ProportionDifference}. */
    public record Change(String from, String to, ProportionDifference difference) {
    }

    public Trend {
        periods = List.copyOf(periods);
        changes = List.copyOf(changes);
    }

    /**
     * The trend of {@code events / totals} over the periods.
     *
     * @param labels the periods' labels, in order
     * @param scores their scores, strictly increasing (e.g. years)
     * @param events whole counts x<sub>i</sub> (doubles so that large pooled counts pass unchanged)
     * @param totals whole counts n<sub>i</sub> &gt;= x<sub>i</sub>
     * @param benchmark the national share to compare with, in (0, 1), or NaN for none
     * @throws LadderException if the periods are out of order or the counts are not whole and consistent
     */
    public static Trend of(String outcome, List<String> labels, double[] scores, double[] events, double[] totals,
            double benchmark, double level) {
        int k = labels.size();
        if (scores.length != k || events.length != k || totals.length != k) {
            throw new IllegalArgumentException("need one score, count and total per period; got " + k + " labels, "
                    + scores.length + " scores, " + events.length + " counts, " + totals.length + " totals");
        }
        if (k < 2) {
            throw new LadderException("a trend needs at least two periods, got " + k);
        }
        if (!Double.isNaN(benchmark) && !(benchmark > 0 && benchmark < 1)) {
            throw new LadderException("the benchmark share must be in (0, 1), got " + benchmark);
        }
        List<Period> periods = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            if (!Double.isFinite(scores[i]) || (i > 0 && !(scores[i] > scores[i - 1]))) {
                throw new LadderException("period scores must be finite and increase with the periods; period "
                        + labels.get(i) + " has score " + scores[i] + (i > 0 ? " after " + scores[i - 1] : ""));
            }
            long x = whole(events[i], "count", labels.get(i));
            long n = whole(totals[i], "total", labels.get(i));
            if (x > n) {
                throw new LadderException("period " + labels.get(i) + " has a count of " + x + " out of " + n);
            }
            double share = n == 0 ? Double.NaN : (double) x / n;
            ConfidenceInterval interval = WilsonInterval.of(x, n, level);
            boolean gap = !Double.isNaN(benchmark) && n > 0;
            periods.add(new Period(labels.get(i), scores[i], x, n, share, interval, gap ? share - benchmark : Double.NaN,
                    gap ? new ConfidenceInterval(interval.lower() - benchmark, interval.upper() - benchmark, level)
                            : ConfidenceInterval.undefined(level)));
        }
        List<Change> changes = new ArrayList<>();
        for (int i = 1; i < k; i++) {
            Period earlier = periods.get(i - 1), later = periods.get(i);
            if (earlier.total() > 0 && later.total() > 0) {
                changes.add(new Change(earlier.label(), later.label(), ProportionDifference.of(
                        later.events(), later.total(), earlier.events(), earlier.total(), level)));
            }
        }
        return new Trend(outcome, periods, changes, CochranArmitage.test(scores, events, totals),
                LogisticTrend.fit(scores, events, totals, level),
                Double.isNaN(benchmark) ? OptionalDouble.empty() : OptionalDouble.of(benchmark), level);
    }

    private static long whole(double value, String what, String period) {
        if (!(value >= 0) || value != Math.rint(value) || value > 0x1p53) {
            throw new LadderException("period " + period + " has a " + what + " of " + value
                    + ": counts must be whole numbers >= 0 (weighted counts are not supported)");
        }
        return (long) value;
    }

    @Override
    public String title() {
        return "Trend in the share " + outcome + " by period";
    }

    @Override
    public Map<String, Object> inputs() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("outcome", outcome);
        inputs.put("periods", (long) periods.size());
        inputs.put("first_period", periods.get(0).label());
        inputs.put("last_period", periods.get(periods.size() - 1).label());
        inputs.put("events", periods.stream().mapToLong(Period::events).sum());
        inputs.put("trials", periods.stream().mapToLong(Period::total).sum());
        inputs.put("benchmark", benchmark.isPresent() ? (Object) benchmark.getAsDouble() : "none");
        inputs.put("confidence_level", level);
        return inputs;
    }

    @Override
    public List<ResultTable> tables() {
        String pct = Math.round(level * 100) + "%";
        ResultTable.Builder shares = ResultTable.builder("periods", "Share " + outcome + " by period")
                .column("period", Kind.LABEL, "period")
                .column("score", Kind.NUMBER, "the period's score in the trend tests")
                .column("count", Kind.COUNT, "x, the count " + outcome)
                .column("total", Kind.COUNT, "n")
                .column("share", Kind.PROPORTION, "x / n")
                .column("lower", Kind.PROPORTION, pct + " Wilson interval, lower (R prop.test, correct=FALSE)")
                .column("upper", Kind.PROPORTION, pct + " Wilson interval, upper")
                .column("gap", Kind.NUMBER, "share - national benchmark")
                .column("gap_lower", Kind.NUMBER, "Wilson lower bound - benchmark")
                .column("gap_upper", Kind.NUMBER, "Wilson upper bound - benchmark");
        for (Period p : periods) {
            boolean defined = p.total() > 0;
            boolean gap = defined && benchmark.isPresent();
            shares.row(p.label(), p.score(), p.events(), p.total(), defined ? p.share() : null,
                    defined ? p.interval().lower() : null, defined ? p.interval().upper() : null,
                    gap ? p.gap() : null, gap ? p.gapInterval().lower() : null, gap ? p.gapInterval().upper() : null);
        }
        ResultTable.Builder change = ResultTable.builder("changes", "Change from each period to the next")
                .column("from", Kind.LABEL, "earlier period")
                .column("to", Kind.LABEL, "later period")
                .column("difference", Kind.NUMBER, "share(to) - share(from)")
                .column("wald_lower", Kind.NUMBER, pct + " Wald interval, lower (R prop.test(c(x2, x1), c(n2, n1), correct=FALSE))")
                .column("wald_upper", Kind.NUMBER, pct + " Wald interval, upper")
                .column("newcombe_lower", Kind.NUMBER, pct + " Newcombe hybrid score interval, lower")
                .column("newcombe_upper", Kind.NUMBER, pct + " Newcombe hybrid score interval, upper")
                .column("chi_square", Kind.NUMBER, "Pearson X^2 of the 2x2 table, no continuity correction")
                .column("p_value", Kind.P_VALUE, "upper tail on 1 df");
        for (Change c : changes) {
            ProportionDifference d = c.difference();
            change.row(c.from(), c.to(), d.difference(), d.wald().lower(), d.wald().upper(), d.newcombe().lower(),
                    d.newcombe().upper(), d.test().map(ChiSquareTest::statistic).orElse(null),
                    d.test().map(ChiSquareTest::pValue).orElse(null));
        }
        ResultTable.Builder tests = ResultTable.builder("trend_tests", "Tests for a trend over the periods")
                .column("test", Kind.LABEL, "method")
                .column("estimate", Kind.NUMBER, "odds ratio per unit of score (logistic trend)")
                .column("lower", Kind.NUMBER, pct + " Wald interval of the odds ratio, lower")
                .column("upper", Kind.NUMBER, pct + " Wald interval of the odds ratio, upper")
                .column("statistic", Kind.NUMBER, "chi-square statistic")
                .column("df", Kind.COUNT, "degrees of freedom")
                .column("p_value", Kind.P_VALUE, "upper-tail p-value");
        tests.row("Cochran-Armitage (R prop.trend.test)", null, null, null,
                cochranArmitage.map(ChiSquareTest::statistic).orElse(null), cochranArmitage.isPresent() ? 1L : null,
                cochranArmitage.map(ChiSquareTest::pValue).orElse(null));
        tests.row("logistic trend, likelihood ratio (R glm binomial, anova)",
                logistic.map(LogisticTrend::oddsRatio).orElse(null),
                logistic.map(f -> f.oddsRatioInterval().lower()).orElse(null),
                logistic.map(f -> f.oddsRatioInterval().upper()).orElse(null),
                logistic.map(f -> f.likelihoodRatio().statistic()).orElse(null), logistic.isPresent() ? 1L : null,
                logistic.map(f -> f.likelihoodRatio().pValue()).orElse(null));
        return List.of(shares.build(), change.build(), tests.build());
    }

    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        notes.add("Shares have Wilson score intervals (Wilson 1927), as R's prop.test(x, n, correct = FALSE).");
        notes.add("Changes are later minus earlier share, with the Wald interval of R's prop.test(c(x2, x1), c(n2, n1),"
                + " correct = FALSE) and Newcombe's hybrid score interval (Newcombe 1998, method 10), which has better"
                + " coverage for small counts.");
        notes.add("Cochran-Armitage test for trend (Cochran 1954, Armitage 1955) as R's prop.trend.test: no N/(N-1) factor.");
        notes.add("Logistic trend: glm(cbind(x, n - x) ~ score, binomial) by iteratively reweighted least squares; the"
                + " odds ratio is per unit of score (per year when scores are years), with a Wald interval; the test is"
                + " the likelihood ratio against the intercept-only model.");
        if (benchmark.isPresent()) {
            notes.add("Gaps to the benchmark treat the benchmark as a fixed constant, so the interval is the share's"
                    + " Wilson interval shifted.");
        }
        if (periods.stream().anyMatch(p -> p.total() == 0)) {
            notes.add("Periods with no trials have no share and carry no weight in the tests; changes next to them are omitted.");
        }
        if (cochranArmitage.isEmpty()) {
            notes.add("The Cochran-Armitage test is not defined: every share is 0 or every share is 1.");
        }
        if (logistic.isEmpty()) {
            notes.add("The logistic trend has no maximum-likelihood estimate: the events and non-events are separated"
                    + " by period (or there are none of one), so the slope runs to infinity.");
        }
        changes.stream().filter(c -> c.difference().test().isEmpty()).forEach(c -> notes.add("No test of the change from "
                + c.from() + " to " + c.to() + ": both shares are 0 or both are 1."));
        return notes;
    }

    /** The share per period with its Wilson interval, as a chart series; null where a period has no trials. */
    public Chart.Series series(String name) {
        List<Double> values = new ArrayList<>(), lower = new ArrayList<>(), upper = new ArrayList<>();
        for (Period p : periods) {
            boolean defined = p.total() > 0;
            values.add(defined ? p.share() : null);
            lower.add(defined ? p.interval().lower() : null);
            upper.add(defined ? p.interval().upper() : null);
        }
        return new Chart.Series(name, values, lower, upper);
    }

    /** The share per period with its Wilson band, and the benchmark as a reference line. */
    @Override
    public List<Chart> charts() {
        return List.of(new Chart.Lines(title(), "Line: share with " + Math.round(level * 100) + "% Wilson band."
                + (benchmark.isPresent() ? " Dashed: the benchmark." : ""), "period", "share", true,
                periods.stream().map(Period::label).toList(), List.of(series(outcome)), benchmark.isPresent()
                        ? List.of(new Chart.Reference("benchmark", benchmark.getAsDouble(), 0)) : List.of()));
    }
}
