package ladder.models.survival;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import ladder.engine.LadderException;
import ladder.models.result.Result;
import ladder.models.result.ResultTable;
import ladder.models.result.ResultTable.Kind;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Time to promotion by group: each group's Kaplan-Meier curve (Kaplan and Meier 1958) with
 * Greenwood standard errors (Greenwood 1926) and pointwise intervals, its median and first
 * quartile with intervals, and S(t) at chosen months, as R's survival 3.5-3:
 * {@code survfit(Surv(time, status) ~ group, conf.type = )}, {@code quantile(fit, probs = c(0.25, 0.5))}
 * and {@code summary(fit, times = )}. Strata and clusters of the cells are ignored here.
 *
 * @param confidenceType how the intervals of S(t) are formed
 * @param level the confidence level
 * @param times the chosen months for S(t)
 * @param curves one per group, in order of first appearance in the cells
 * @param suppressBelow 0, or the disclosure threshold of {@link #publishable()}
 */
public record KaplanMeier(ConfidenceType confidenceType, double level, List<Integer> times,
        List<KaplanMeierCurve> curves, int suppressBelow) implements Result {

    /** The months at which S(t) is reported when none are chosen. */
    public static final List<Integer> DEFAULT_TIMES = List.of(6, 12, 24, 36, 48, 60, 120);

    /** The quantiles reported: the first quartile and the median of the time to promotion. */
    static final double[] PROBABILITIES = {0.25, 0.5};

    public KaplanMeier {
        times = List.copyOf(times);
        curves = List.copyOf(curves);
    }

    /** The curves with R's defaults: log intervals at 95%, S at {@link #DEFAULT_TIMES}. */
    public static KaplanMeier of(List<SurvivalCell> cells) {
        return of(cells, ConfidenceType.LOG, 0.95, DEFAULT_TIMES);
    }

    /** The curves of the groups of {@code cells} (a group is a cell's levels; see {@link SurvivalCell#group()}). */
    public static KaplanMeier of(List<SurvivalCell> cells, ConfidenceType type, double level, List<Integer> times) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
        }
        List<Integer> sorted = times.stream().sorted().distinct().toList();
        Map<String, SortedMap<Integer, double[]>> byGroup = new LinkedHashMap<>();
        for (SurvivalCell cell : cells) {
            if (cell.people() == 0) {
                continue;
            }
            double[] counts = byGroup.computeIfAbsent(cell.group(), g -> new TreeMap<>())
                    .computeIfAbsent(cell.time(), t -> new double[2]);
            counts[0] += cell.events();
            counts[1] += cell.censored();
        }
        if (byGroup.isEmpty()) {
            throw new LadderException("no people to estimate time to promotion from: every cell is empty");
        }
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(1 - (1 - level) / 2);
        List<KaplanMeierCurve> curves = new ArrayList<>();
        byGroup.forEach((group, counts) -> curves.add(KaplanMeierCurve.of(group, counts, type, z)));
        return new KaplanMeier(type, level, sorted, curves, 0);
    }

    /**
     * The same curves with disclosure control for publication: the month-by-month curve is not
     * shown (with its risk sets, each step would reveal that month's promotions: d = n (1 - S(t) /
     * S(t-))); at the chosen months, a number at risk or of promotions under {@code threshold} is
     * withheld, and so is S there (it rests on them).
     */
    public KaplanMeier publishable(int threshold) {
        return new KaplanMeier(confidenceType, level, times, curves, threshold);
    }

    /** The curve of {@code group}. */
    public KaplanMeierCurve curve(String group) {
        return curves.stream().filter(c -> c.group().equals(group)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no group " + group));
    }

    @Override
    public String title() {
        return "Time to promotion by group (Kaplan-Meier)";
    }

    @Override
    public Map<String, Object> inputs() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("groups", (long) curves.size());
        inputs.put("people", Math.round(curves.stream().mapToDouble(c -> c.points().get(0).nRisk()).sum()));
        inputs.put("promotions", Math.round(curves.stream()
                .flatMap(c -> c.points().stream()).mapToDouble(KaplanMeierCurve.Point::nEvent).sum()));
        inputs.put("confidence_level", level);
        inputs.put("interval", confidenceType.rName());
        inputs.put("time_unit", "months in grade");
        return inputs;
    }

    @Override
    public List<ResultTable> tables() {
        String pct = percent();
        ResultTable.Builder curve = ResultTable.builder("survival_curve", "Kaplan-Meier curve of each group")
                .column("group", Kind.LABEL, "group")
                .column("time", Kind.COUNT, "months in grade")
                .column("n_risk", Kind.COUNT, "still in grade and unpromoted just before this month")
                .column("n_event", Kind.COUNT, "promoted at this month")
                .column("n_censor", Kind.COUNT, "last seen unpromoted at this month")
                .column("survival", Kind.PROPORTION, "S(t): proportion not yet promoted")
                .column("se", Kind.NUMBER, "Greenwood standard error of S(t)")
                .column("lower", Kind.PROPORTION, pct + " " + confidenceType.rName() + " interval, lower")
                .column("upper", Kind.PROPORTION, pct + " " + confidenceType.rName() + " interval, upper");
        ResultTable.Builder quantiles = ResultTable.builder("quantiles", "Months by which a quarter and half were promoted")
                .column("group", Kind.LABEL, "group")
                .column("quantile", Kind.LABEL, "median or first quartile of the time to promotion")
                .column("months", Kind.NUMBER, "first month at which S(t) <= 1 - p; null if not reached")
                .column("lower", Kind.NUMBER, pct + " interval, lower (where the lower limit of S crosses 1 - p)")
                .column("upper", Kind.NUMBER, pct + " interval, upper (where the upper limit of S crosses 1 - p)")
                .column("reason", Kind.LABEL, "why a value is null");
        ResultTable.Builder at = ResultTable.builder("survival_at", "Proportion not yet promoted at chosen months")
                .column("group", Kind.LABEL, "group")
                .column("time", Kind.COUNT, "months in grade")
                .column("n_risk", Kind.COUNT, "at risk at this month")
                .column("n_event", Kind.COUNT, "promoted since the previous chosen month")
                .column("survival", Kind.PROPORTION, "S(t)")
                .column("se", Kind.NUMBER, "Greenwood standard error of S(t)")
                .column("lower", Kind.PROPORTION, pct + " interval, lower")
                .column("upper", Kind.PROPORTION, pct + " interval, upper")
                .column("reason", Kind.LABEL, "why a value is null");
        for (KaplanMeierCurve c : curves) {
            for (KaplanMeierCurve.Point p : c.points()) {
                curve.row(c.group(), (long) p.time(), Math.round(p.nRisk()), Math.round(p.nEvent()),
                        Math.round(p.nCensor()), p.survival(), p.se(), p.lower(), p.upper());
            }
            for (SurvivalQuantile q : c.quantiles(PROBABILITIES)) {
                quantiles.row(c.group(), q.probability() == 0.5 ? "median" : "first quartile", q.time(), q.lower(),
                        q.upper(), q.reason());
            }
            int previous = -1;
            for (int t : times) {
                KaplanMeierCurve.SurvivalAt s = c.at(t, previous);
                if (s == null) {
                    at.row(c.group(), (long) t, null, null, null, null, null, null,
                            "after the group's last follow-up (" + c.lastTime() + " months)");
                    continue;
                }
                previous = t;
                boolean fewAtRisk = s.nRisk() < suppressBelow;
                boolean fewEvents = s.nEvent() < suppressBelow;
                if (fewAtRisk || fewEvents) {
                    at.row(c.group(), (long) t, fewAtRisk ? null : Math.round(s.nRisk()),
                            fewEvents ? null : Math.round(s.nEvent()), null, null, null, null,
                            "withheld: fewer than " + suppressBelow + (fewAtRisk ? " at risk" : " promotions since the"
                                    + " previous month shown"));
                    continue;
                }
                at.row(c.group(), (long) t, Math.round(s.nRisk()), Math.round(s.nEvent()), s.survival(), s.se(),
                        s.lower(), s.upper(), s.se() == null ? "everyone at risk was promoted: S = 0, variance undefined" : null);
            }
        }
        return suppressBelow > 0 ? List.of(quantiles.build(), at.build())
                : List.of(curve.build(), quantiles.build(), at.build());
    }

    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        for (KaplanMeierCurve c : curves) {
            notes.add(sentence(c, "the " + c.group() + " group"));
        }
        notes.addAll(methodNotes());
        return notes;
    }

    /** The method, as notes: the estimator and its variance, and how the median is read. */
    public List<String> methodNotes() {
        List<String> notes = new ArrayList<>();
        notes.add("Kaplan-Meier estimate (Kaplan and Meier 1958) with Greenwood's variance (Greenwood 1926), as R's "
                + "survfit(Surv(time, status) ~ group, conf.type = \"" + confidenceType.rName() + "\") in survival 3.5-3."
                + " Someone last seen unpromoted at month t is counted at risk at t.");
        notes.add("The median is the first month at which S(t) <= 0.5 (the midpoint of a flat stretch exactly at 0.5);"
                + " its interval is where the confidence limits of S(t) cross 0.5, as R's quantile(fit)."
                + " A curve that stays above 0.5 has no median: \"not reached\", not a number.");
        return notes;
    }

    /**
     * "Half of {@code who} were promoted within 38 months (95% CI 35 to 41).", or that fewer than
     * half were within follow-up (median not reached); {@code who} names the group, e.g.
     * "working-class staff".
     */
    public String sentence(KaplanMeierCurve c, String who) {
        SurvivalQuantile median = c.quantiles(new double[] {0.5}).get(0);
        if (median.time() == null) {
            return String.format(Locale.ROOT, "Fewer than half of %s were promoted within the %d months"
                    + " followed (median not reached%s).", who, c.lastTime(), median.lower() == null ? ""
                    : "; " + percent() + " CI from " + months(median.lower()) + " months");
        }
        return String.format(Locale.ROOT, "Half of %s were promoted within %s months (%s CI %s).", who,
                months(median.time()), percent(), median.lower() == null && median.upper() == null ? "not reached"
                        : median.upper() == null ? "from " + months(median.lower()) + " months; upper limit not reached"
                        : median.lower() == null ? "up to " + months(median.upper()) + " months; lower limit not reached"
                        : months(median.lower()) + " to " + months(median.upper()));
    }

    private static String months(Double m) {
        if (m == null) {
            return "not reached";
        }
        return m == Math.rint(m) ? Long.toString(Math.round(m)) : String.format(Locale.ROOT, "%.1f", m);
    }

    private String percent() {
        double p = level * 100;
        return (p == Math.rint(p) ? Long.toString(Math.round(p)) : Double.toString(p)) + "%";
    }
}
