package ladder.models.survival;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ladder.engine.LadderException;
import ladder.engine.cube.CubeSource;
import ladder.models.disclosure.SmallCellSuppression;
import ladder.models.result.Chart;
import ladder.models.result.Result;
import ladder.models.result.ResultTable;
import ladder.models.result.ResultTable.Kind;

/**
 * Time to promotion by background, from one cube ({@link SurvivalCells}): each group's
 * Kaplan-Meier curve with its median and S at chosen months ({@link KaplanMeier}), the numbers at
 * risk at those months, the log-rank test ({@link LogRank}, within strata if given) and a Cox model
 * on the group columns ({@link CoxModel}: a baseline hazard per stratum if given, cluster-robust
 * standard errors if a cluster is given), with cox.zph's test of proportional hazards.
 *
 * <p>With {@link #publishable()}, disclosure control applies: numbers at risk and of promotions
 * under 10 are withheld, and so are the survival estimates resting on them (at the chosen months,
 * where the risk set or the promotions since the previous month shown are under 10; in the chart,
 * where the risk set is under 10); the month-by-month curve table is not shown (its steps with
 * its risk sets give each month's promotions back).
 *
 * @param question what was asked, with the columns' names as the cube spells them
 * @param levels per group column the levels compared, the reference first
 * @param leftOut people left out, by "column level"
 * @param kaplanMeier the curves
 * @param logRank the log-rank test, or null (see {@code logRankReason})
 * @param logRankReason why there is no test, or null
 * @param cox the Cox model, or null (see {@code coxReason})
 * @param coxReason why there is no Cox model, or null
 * @param filter the rows' filter ("" for all)
 * @param suppressBelow 0, or the disclosure threshold
 */
public record TimeToPromotion(Question question, List<List<String>> levels, Map<String, Long> leftOut,
        KaplanMeier kaplanMeier, LogRank logRank, String logRankReason, CoxModel cox, String coxReason, String filter,
        int suppressBelow) implements Result {

    /**
     * What is asked.
     *
     * @param time the whole-months column, e.g. months_in_grade
     * @param event the 0/1 event column, e.g. promoted
     * @param by the group columns, e.g. seb
     * @param levels per group column the levels to compare, in order (the first the reference); absent: every answer
     * @param strata columns whose combinations are the strata of the log-rank test and the Cox baseline
     * @param cluster columns whose combinations are the clusters of the robust standard errors
     * @param ties how the Cox model treats tied months
     * @param times the months at which S and the numbers at risk are shown
     * @param level the confidence level
     */
    public record Question(String time, String event, List<String> by, Map<String, List<String>> levels,
            List<String> strata, List<String> cluster, Ties ties, List<Integer> times, double level) {
        public Question {
            by = List.copyOf(by);
            Map<String, List<String>> copy = new LinkedHashMap<>();
            levels.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            levels = java.util.Collections.unmodifiableMap(copy);
            strata = List.copyOf(strata);
            cluster = List.copyOf(cluster);
            times = times.stream().sorted().distinct().toList();
            if (!(level > 0 && level < 1)) {
                throw new LadderException("the confidence level must be between 0 and 1, e.g. 0.95; got " + level);
            }
            for (int t : times) {
                if (t < 0 || t > SurvivalCell.MAX_MONTHS) {
                    throw new LadderException("--times must be months from 0 to " + SurvivalCell.MAX_MONTHS + ", got " + t);
                }
            }
        }

        /** Promotion (months_in_grade, promoted) by SEB, Efron ties, S at {@link KaplanMeier#DEFAULT_TIMES}, 95%. */
        public static Question defaults() {
            return new Question("months_in_grade", "promoted", List.of("seb"), Map.of(), List.of(), List.of(),
                    Ties.EFRON, KaplanMeier.DEFAULT_TIMES, 0.95);
        }
    }

    public TimeToPromotion {
        levels = levels.stream().map(List::copyOf).toList();
        leftOut = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(leftOut));
    }

    /** The analysis of {@code question} on the cubes of {@code source}. */
    public static TimeToPromotion of(CubeSource source, Question question) {
        SurvivalCells data = SurvivalCells.of(source, question.time(), question.event(), question.by(),
                question.levels(), question.strata(), question.cluster());
        List<SurvivalCell> cells = data.cells();
        KaplanMeier km = KaplanMeier.of(cells, ConfidenceType.LOG, question.level(), question.times());
        LogRank logRank = null;
        String logRankReason = null;
        try {
            logRank = LogRank.of(cells, 0, !question.strata().isEmpty());
        } catch (LadderException e) {
            logRankReason = e.getMessage();
        }
        CoxModel cox = null;
        String coxReason = null;
        try {
            cox = CoxModel.fit(data.by(), data.levels(), cells, new CoxModel.Options(question.ties(),
                    !question.strata().isEmpty(), !question.cluster().isEmpty(), question.level()));
        } catch (LadderException e) {
            coxReason = e.getMessage();
        }
        Question asked = new Question(question.time().strip().toLowerCase(Locale.ROOT), question.event().strip(),
                data.by(), question.levels(), question.strata(), question.cluster(), question.ties(), question.times(),
                question.level());
        return new TimeToPromotion(asked, data.levels(), data.leftOut(), km, logRank, logRankReason, cox, coxReason,
                source.filter(), 0);
    }

    /** The same result with disclosure control for publication (counts under 10). */
    public TimeToPromotion publishable() {
        int t = SmallCellSuppression.DEFAULT_THRESHOLD;
        return new TimeToPromotion(question, levels, leftOut, kaplanMeier.publishable(t),
                logRank == null ? null : logRank.publishable(t), logRankReason, cox, coxReason, filter, t);
    }

    @Override
    public String title() {
        return "Time to promotion by " + String.join(" and ", question.by())
                + (question.strata().isEmpty() ? "" : ", within " + String.join(" x ", question.strata()));
    }

    @Override
    public Map<String, Object> inputs() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("time", question.time() + " (whole months)");
        inputs.put("event", question.event() + " (1: promoted; 0: censored at the time)");
        for (int g = 0; g < question.by().size(); g++) {
            inputs.put("groups_" + question.by().get(g), String.join(", ", levels.get(g)) + " (reference "
                    + levels.get(g).get(0) + ")");
        }
        inputs.put("strata", question.strata().isEmpty() ? "none" : String.join(", ", question.strata()));
        inputs.put("cluster", question.cluster().isEmpty() ? "none" : String.join(", ", question.cluster()));
        inputs.put("ties", question.ties().rName());
        inputs.put("filter", filter.isBlank() ? "none" : filter);
        inputs.put("rows_used", Math.round(kaplanMeier.curves().stream().mapToDouble(c -> c.points().get(0).nRisk())
                .sum()));
        inputs.put("rows_left_out", leftOut.values().stream().mapToLong(Long::longValue).sum());
        inputs.put("confidence_level", question.level());
        inputs.put("disclosure_control", suppressBelow == 0 ? "none (not for publication)"
                : "numbers at risk and of promotions under " + suppressBelow + " withheld, with the estimates on them");
        return inputs;
    }

    /** Month 0 and the chosen months: where the numbers at risk are shown. */
    private List<Integer> riskMonths() {
        List<Integer> months = new ArrayList<>(List.of(0));
        question.times().stream().filter(t -> t > 0).forEach(months::add);
        return months;
    }

    /** People at risk in {@code c} at month {@code t}: 0 after the group's last follow-up; null when withheld. */
    private Long atRisk(KaplanMeierCurve c, int t) {
        KaplanMeierCurve.SurvivalAt s = c.at(t, -1);
        long n = s == null ? 0 : Math.round(s.nRisk());
        return n < suppressBelow ? null : n;
    }

    @Override
    public List<ResultTable> tables() {
        List<ResultTable> tables = new ArrayList<>(kaplanMeier.tables());
        ResultTable.Builder risk = ResultTable.builder("at_risk", "Numbers at risk (still in grade, unpromoted)")
                .column("group", Kind.LABEL, "group");
        for (int t : riskMonths()) {
            risk.column("month_" + t, Kind.COUNT, "at risk at month " + t
                    + (suppressBelow > 0 ? " (null: under " + suppressBelow + ", withheld)" : ""));
        }
        for (KaplanMeierCurve c : kaplanMeier.curves()) {
            List<Object> row = new ArrayList<>(List.of(c.group()));
            riskMonths().forEach(t -> row.add(atRisk(c, t)));
            risk.row(row);
        }
        tables.add(risk.build());
        if (logRank != null) {
            tables.addAll(logRank.tables());
        }
        if (cox != null) {
            tables.addAll(cox.tables());
        }
        return tables;
    }

    @Override
    public List<String> findings() {
        List<String> notes = new ArrayList<>();
        for (KaplanMeierCurve c : kaplanMeier.curves()) {
            notes.add(kaplanMeier.sentence(c, who(c.group())));
        }
        if (logRank != null) {
            notes.addAll(logRank.findings());
        }
        if (cox != null) {
            notes.addAll(cox.findings());
        }
        return notes;
    }

    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>(findings());
        if (logRank != null) {
            logRank.notes().stream().filter(n -> !notes.contains(n)).forEach(notes::add);
        } else {
            notes.add("No log-rank test: " + logRankReason + ".");
        }
        if (cox != null) {
            cox.notes().stream().filter(n -> !notes.contains(n)).forEach(notes::add);
        } else {
            notes.add("No Cox model: " + coxReason + ".");
        }
        notes.addAll(kaplanMeier.methodNotes());
        notes.add("Read from the cube over " + String.join(", ", question.by())
                + (question.strata().isEmpty() ? "" : ", " + String.join(", ", question.strata()))
                + (question.cluster().isEmpty() ? "" : ", cluster " + String.join(", ", question.cluster())) + ", "
                + question.time() + " and " + question.event() + ": time is " + question.time() + "; someone with "
                + question.event() + " = 0 is censored then (still unpromoted when last seen).");
        if (!leftOut.isEmpty()) {
            List<String> parts = new ArrayList<>();
            leftOut.forEach((level, n) -> parts.add(String.format(Locale.ROOT, "%s %,d", level, n)));
            notes.add(LEFT_OUT + ": people at levels not compared (" + String.join("; ", parts)
                    + "); name a level with --levels to include it.");
        }
        if (suppressBelow > 0) {
            notes.add("Disclosure control: numbers at risk and of promotions under " + suppressBelow + " are withheld,"
                    + " and so are the survival estimates resting on them (at a chosen month where the risk set or the"
                    + " promotions since the previous month shown are under " + suppressBelow + "; in the chart where"
                    + " the risk set is under " + suppressBelow + "); the month-by-month curve table is not shown, as"
                    + " its steps with its risk sets would give each month's promotions back.");
        }
        return notes;
    }

    /** "working-class staff" for an SEB group, else "the GROUP group". */
    private String who(String group) {
        if (question.by().equals(List.of("seb"))) {
            return group.replace('_', '-') + " staff";
        }
        return "the " + group + " group";
    }

    /**
     * The Kaplan-Meier curves as lines over every month from 0 to the last follow-up (x labels are
     * the months, so the axis is to scale): S at each month with its interval as a band, one series
     * per group; a step at month t is drawn as a slope from t - 1 to t. Null after a group's last
     * follow-up and, for publication, where its risk set is under the threshold.
     */
    @Override
    public List<Chart> charts() {
        int last = kaplanMeier.curves().stream().mapToInt(KaplanMeierCurve::lastTime).max().orElse(0);
        List<String> x = new ArrayList<>();
        for (int m = 0; m <= last; m++) {
            x.add(Integer.toString(m));
        }
        List<Chart.Series> series = new ArrayList<>();
        for (KaplanMeierCurve c : kaplanMeier.curves()) {
            List<Double> values = new ArrayList<>();
            List<Double> lower = new ArrayList<>();
            List<Double> upper = new ArrayList<>();
            for (int m = 0; m <= last; m++) {
                KaplanMeierCurve.SurvivalAt s = c.at(m, -1);
                boolean shown = s != null && s.nRisk() >= suppressBelow;
                values.add(shown ? s.survival() : null);
                lower.add(shown ? s.lower() : null);
                upper.add(shown ? s.upper() : null);
            }
            series.add(new Chart.Series(c.group(), values, lower, upper));
        }
        String pct = Math.round(question.level() * 100) + "%";
        String subtitle = "Proportion not yet promoted (Kaplan-Meier), with " + pct + " log intervals"
                + (suppressBelow > 0 ? "; withheld where fewer than " + suppressBelow + " are at risk" : "") + ". "
                + (filter.isBlank() ? "" : "Rows where " + filter + ". ") + riskLine();
        return List.of(new Chart.Lines(title(), subtitle, question.time().replace('_', ' '), "not yet promoted", true,
                x, series, List.of()));
    }

    /** The numbers at risk for the subtitle when short (up to 200 characters), else where to find them. */
    private String riskLine() {
        List<String> parts = new ArrayList<>();
        for (KaplanMeierCurve c : kaplanMeier.curves()) {
            List<String> n = riskMonths().stream().map(t -> atRisk(c, t)).map(v -> v == null ? "<" + suppressBelow
                    : String.format(Locale.ROOT, "%,d", v)).toList();
            parts.add(c.group() + " " + String.join(" / ", n));
        }
        String line = "At risk at months " + String.join(" / ", riskMonths().stream().map(String::valueOf).toList())
                + ": " + String.join("; ", parts) + ".";
        return line.length() <= 200 ? line : "Numbers at risk: see the at_risk table.";
    }
}
