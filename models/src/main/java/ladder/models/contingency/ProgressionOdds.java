package ladder.models.contingency;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ladder.engine.LadderException;
import ladder.engine.cube.Cube;
import ladder.engine.cube.CubeSource;
import ladder.engine.cube.Dimension;
import ladder.engine.cube.Outcome;
import ladder.models.disclosure.SmallCellSuppression;
import ladder.models.result.Answers;
import ladder.models.result.Chart;
import ladder.models.result.Result;
import ladder.models.result.ResultTable;
import ladder.models.result.ResultTable.Kind;

/**
 * The odds of a binary outcome (promotion, reaching grade 4 or above) for each exposure level of
 * one column (an SEB group, a school type, free school meals) against a reference level: crude
 * ({@link TwoByTwoAnalysis}) and, with strata (employers, or any categorical columns), pooled
 * within strata by Mantel-Haenszel ({@link StratifiedAnalysis}); optionally for each level of
 * {@code by} columns (e.g. each year). Read from one cube over {@code by + strata + exposure +
 * outcome}, so it runs alike on rows and on merged cube files.
 *
 * <p>Rows whose exposure is neither an exposure level nor the reference (for {@code seb}:
 * {@code excluded} and {@code missing}; non-answers such as {@code prefer_not_to_say} unless named)
 * are left out and counted by level.
 *
 * <p>With {@code publish}, disclosure control applies: a stratum any of whose four cells is under
 * the threshold has its counts and odds ratio withheld; a crude table's cells are withheld by
 * {@link SmallCellSuppression} with their margins, and the crude estimates of a table with a
 * withheld cell are withheld too (the cells could be worked back from them and the margins). The
 * pooled (Mantel-Haenszel) estimates rest on many strata and are published.
 */
public record ProgressionOdds(Question question, List<String> byLevelsNames, List<Group> groups,
        Map<String, Long> excluded, int suppressBelow) implements Result {

    /**
     * What is asked.
     *
     * @param outcome the outcome as written ({@link Outcome#parse})
     * @param exposure the exposure column
     * @param exposureLevels the exposure levels compared with the reference; empty: every other level that is an answer
     * @param reference the reference level; {@code null}: {@code professional} for SEB, else the first level
     * @param strata columns whose level combinations are the strata (may be empty)
     * @param by columns to repeat the analysis for each level of (may be empty)
     * @param level the confidence level
     */
    public record Question(String outcome, String exposure, List<String> exposureLevels, String reference,
            List<String> strata, List<String> by, double level) {
        public Question {
            exposureLevels = List.copyOf(exposureLevels);
            strata = List.copyOf(strata);
            by = List.copyOf(by);
            Wald.z(level);
        }
    }

    /** One exposure level against the reference within one combination of the {@code by} levels. */
    public record Comparison(String exposureLevel, TwoByTwoAnalysis crude, StratifiedAnalysis stratified) {
    }

    /** The comparisons at one combination of the {@code by} levels (empty list: the whole pool). */
    public record Group(List<String> byLevels, List<Comparison> comparisons) {
        public Group {
            byLevels = List.copyOf(byLevels);
            comparisons = List.copyOf(comparisons);
        }
    }

    public ProgressionOdds {
        byLevelsNames = List.copyOf(byLevelsNames);
        groups = List.copyOf(groups);
        // In the order given (the levels'), not Map.copyOf's, which changes from one run to the next.
        excluded = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(excluded));
    }

    /** The same result with disclosure control for publication (counts under 10). */
    public ProgressionOdds publishable() {
        return new ProgressionOdds(question, byLevelsNames, groups, excluded, SmallCellSuppression.DEFAULT_THRESHOLD);
    }

    /** The analysis of {@code question} on the cubes of {@code source}. */
    public static ProgressionOdds of(CubeSource source, Question question) {
        Outcome outcome = Outcome.parse(question.outcome());
        String exposure = question.exposure().strip().toLowerCase(Locale.ROOT);
        CubeSource.requireCategorical(question.strata(), "a stratum");
        CubeSource.requireCategorical(question.by(), "a --by column");
        CubeSource.requireCategorical(List.of(exposure), "the exposure");
        CubeSource.requireCategorical(List.of(outcome.column()), "the outcome (use a condition on a coded column)");
        List<String> columns = new ArrayList<>(question.by());
        columns.addAll(question.strata());
        columns.add(exposure);
        if (!outcome.column().equals(exposure)) {
            columns.add(outcome.column());
        }
        if (columns.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).distinct().count() != columns.size()) {
            throw new LadderException("a column is named twice among the outcome, exposure, strata and by: "
                    + String.join(", ", columns));
        }
        if (outcome.column().equals(exposure)) {
            throw new LadderException("the outcome and the exposure are the same column, " + exposure);
        }
        Cube cube = outcome.applyTo(source.cube(columns, List.of()));
        Dimension exposed = cube.dimensions().get(cube.dimension(exposure));
        String reference = reference(exposed, question.reference());
        List<String> levels = exposureLevels(exposed, question.exposureLevels(), reference);
        Map<String, Long> excluded = new LinkedHashMap<>();
        for (String level : exposed.levels()) {
            if (!level.equals(reference) && !levels.contains(level)) {
                long n = cube.count(Map.of(exposure, level));
                if (n > 0) {
                    excluded.put(level, n);
                }
            }
        }
        if (cube.total() == 0) {
            throw new LadderException("the selection has no rows");
        }
        List<String> keep = new ArrayList<>(levels);
        keep.add(reference);
        Cube used = cube.where(exposure, keep::contains);
        if (used.count(Map.of(exposure, reference)) == 0) {
            throw new LadderException("no rows at the reference level " + exposure + " = " + reference);
        }
        List<Group> groups = new ArrayList<>();
        for (Map.Entry<List<String>, Cube> part : byLevels(used, question.by()).entrySet()) {
            List<Comparison> comparisons = new ArrayList<>();
            for (String level : levels) {
                comparisons.add(compare(part.getValue(), question, exposure, level, reference, outcome));
            }
            groups.add(new Group(part.getKey(), comparisons));
        }
        List<String> byNames = question.by().stream().map(b -> cube.dimensions().get(cube.dimension(b)).name()).toList();
        return new ProgressionOdds(new Question(outcome.text(), exposure, levels, reference, question.strata(),
                byNames, question.level()), byNames, groups, excluded, 0);
    }

    private static String reference(Dimension exposed, String asked) {
        if (asked != null && !asked.isBlank()) {
            return exposed.levels().get(exposed.require(asked));
        }
        if (exposed.name().equals("seb")) {
            return "professional";
        }
        return exposed.levels().stream().filter(l -> Answers.isAnswer(l)).findFirst()
                .orElseThrow(() -> new LadderException(exposed.name() + " has no level to use as the reference"));
    }

    private static List<String> exposureLevels(Dimension exposed, List<String> asked, String reference) {
        List<String> levels = new ArrayList<>();
        for (String a : asked) {
            levels.add(exposed.levels().get(exposed.require(a)));
        }
        if (levels.contains(reference)) {
            throw new LadderException("the exposure level and the reference are the same: " + exposed.name() + " = "
                    + reference);
        }
        if (asked.isEmpty()) {
            for (String l : exposed.levels()) {
                if (!l.equals(reference) && Answers.isAnswer(l)) {
                    levels.add(l);
                }
            }
        }
        if (levels.isEmpty()) {
            throw new LadderException(exposed.name() + " has no level to compare with " + reference);
        }
        return levels;
    }

    /** The cube of each combination of the {@code by} levels that has rows, without the {@code by} dimensions. */
    private static Map<List<String>, Cube> byLevels(Cube cube, List<String> by) {
        Map<List<String>, Cube> parts = new LinkedHashMap<>();
        if (by.isEmpty()) {
            parts.put(List.of(), cube);
            return parts;
        }
        Cube margin = cube.marginalise(by);
        for (int c = 0; c < margin.size(); c++) {
            Cube part = cube;
            List<String> levels = new ArrayList<>();
            for (int d = 0; d < by.size(); d++) {
                levels.add(margin.label(c, d));
                part = part.slice(by.get(d), margin.label(c, d));
            }
            parts.put(levels, part);
        }
        return parts;
    }

    private static Comparison compare(Cube cube, Question q, String exposure, String level, String reference,
            Outcome outcome) {
        Labels labels = Phrases.labels(exposure, level, reference, outcome, q.strata());
        var st = cube.stratified(exposure, Outcome.AXIS, q.strata());
        int e = st.rowLevels().indexOf(level);
        int r = st.rowLevels().indexOf(reference);
        double[][] cells = new double[st.strata().size()][];
        double[] crude = new double[4];
        for (int k = 0; k < cells.length; k++) {
            double[][] t = st.tables().get(k);
            cells[k] = new double[] {t[e][1], t[e][0], t[r][1], t[r][0]};
            for (int i = 0; i < 4; i++) {
                crude[i] += cells[k][i];
            }
        }
        TwoByTwoAnalysis crudeAnalysis = TwoByTwoAnalysis.of(TwoByTwo.of(crude), labels, q.level());
        StratifiedAnalysis stratified = q.strata().isEmpty() || cells.length == 0 ? null
                : StratifiedAnalysis.of(cells, st.strata().stream().map(s -> String.join(" / ", s)).toList(), labels,
                        q.level());
        return new Comparison(level, crudeAnalysis, stratified);
    }

    // ---- Rendering ----

    @Override
    public String title() {
        return "Odds of " + Phrases.outcome(Outcome.parse(question.outcome())) + " by " + question.exposure()
                + " (against " + question.reference() + ")"
                + (question.strata().isEmpty() ? "" : ", within " + String.join(" x ", question.strata()))
                + (byLevelsNames.isEmpty() ? "" : ", by " + String.join(", ", byLevelsNames));
    }

    @Override
    public Map<String, Object> inputs() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("outcome", question.outcome());
        inputs.put("exposure", question.exposure() + " = " + String.join(", ", question.exposureLevels()));
        inputs.put("reference", question.exposure() + " = " + question.reference());
        inputs.put("strata", question.strata().isEmpty() ? "none" : String.join(", ", question.strata()));
        inputs.put("by", byLevelsNames.isEmpty() ? "none" : String.join(", ", byLevelsNames));
        inputs.put("rows_used", rowsUsed());
        inputs.put("rows_excluded", excluded.values().stream().mapToLong(Long::longValue).sum());
        inputs.put("confidence_level", question.level());
        inputs.put("disclosure_control", suppressBelow == 0 ? "none (not for publication)"
                : "counts under " + suppressBelow + " withheld, with what would reveal them");
        return inputs;
    }

    /** People at the exposure levels and the reference, over every {@code by} group. */
    private long rowsUsed() {
        double n = 0;
        for (Group g : groups) {
            List<Comparison> cs = g.comparisons();
            n += cs.get(0).crude().table().reference();
            for (Comparison c : cs) {
                n += c.crude().table().exposed();
            }
        }
        return Math.round(n);
    }

    @Override
    public List<ResultTable> tables() {
        ResultTable.Builder estimates = builder("estimates", "Odds ratios, risk ratios and risk differences");
        estimates.column("analysis", Kind.LABEL, "crude (pooled rows) or within strata (Mantel-Haenszel)")
                .column("measure", Kind.LABEL, "odds ratio, risk ratio or risk difference (exposure vs reference)")
                .column("method", Kind.LABEL, "estimator and interval")
                .column("estimate", Kind.NUMBER, "point estimate")
                .column("lower", Kind.NUMBER, "lower confidence bound")
                .column("upper", Kind.NUMBER, "upper confidence bound")
                .column("p_value", Kind.P_VALUE, "two-sided p-value of no association by the method's test")
                .column("note", Kind.LABEL, "why a value is missing or withheld");
        ResultTable.Builder tests = builder("tests", "Tests of association and of homogeneity");
        tests.column("analysis", Kind.LABEL, "crude or within strata")
                .column("test", Kind.LABEL, "the null hypothesis's subject")
                .column("method", Kind.LABEL, "the test")
                .column("statistic", Kind.NUMBER, "test statistic (none for an exact test)")
                .column("df", Kind.COUNT, "degrees of freedom")
                .column("p_value", Kind.P_VALUE, "p-value")
                .column("note", Kind.LABEL, "caveat or why a value is missing");
        ResultTable.Builder cells = builder("cells", "Counts and risks (crude)");
        cells.column("event", Kind.COUNT, "people with the event")
                .column("no_event", Kind.COUNT, "people without it")
                .column("reference_event", Kind.COUNT, "reference level, event")
                .column("reference_no_event", Kind.COUNT, "reference level, no event")
                .column("risk", Kind.PROPORTION, "event / people at the exposure level")
                .column("reference_risk", Kind.PROPORTION, "event / people at the reference level");
        ResultTable.Builder strata = builder("strata", "Each stratum's table and odds ratio (Woolf interval)");
        strata.column("stratum", Kind.LABEL, String.join(" / ", question.strata()))
                .column("n", Kind.COUNT, "people in the stratum at the two levels")
                .column("a", Kind.COUNT, "exposed, event")
                .column("b", Kind.COUNT, "exposed, no event")
                .column("c", Kind.COUNT, "reference, event")
                .column("d", Kind.COUNT, "reference, no event")
                .column("odds_ratio", Kind.NUMBER, "the stratum's odds ratio")
                .column("lower", Kind.NUMBER, "lower confidence bound (Woolf)")
                .column("upper", Kind.NUMBER, "upper confidence bound (Woolf)")
                .column("use", Kind.LABEL, "pooled, or why not")
                .column("note", Kind.LABEL, "why a value is missing or withheld");
        for (Group g : groups) {
            for (Comparison c : g.comparisons()) {
                List<Object> key = key(g, c);
                boolean[] hidden = withheldCells(c.crude().table());
                boolean crudeHidden = any(hidden);
                for (Estimate e : c.crude().estimates()) {
                    estimates.row(row(key, "crude", e, crudeHidden));
                }
                for (HypothesisTest t : c.crude().tests()) {
                    tests.row(row(key, "crude", t, crudeHidden));
                }
                TwoByTwo t = c.crude().table();
                List<Object> cellRow = new ArrayList<>(key);
                cellRow.add(hidden[0] ? null : Math.round(t.a()));
                cellRow.add(hidden[1] ? null : Math.round(t.b()));
                cellRow.add(hidden[2] ? null : Math.round(t.c()));
                cellRow.add(hidden[3] ? null : Math.round(t.d()));
                cellRow.add(crudeHidden || t.exposed() == 0 ? null : t.a() / t.exposed());
                cellRow.add(crudeHidden || t.reference() == 0 ? null : t.c() / t.reference());
                cells.row(cellRow);
                if (c.stratified() != null) {
                    for (Estimate e : c.stratified().estimates()) {
                        estimates.row(row(key, "within strata", e, false));
                    }
                    for (HypothesisTest h : c.stratified().tests()) {
                        tests.row(row(key, "within strata", h, false));
                    }
                    for (Stratum s : c.stratified().strata()) {
                        strata.row(stratumRow(key, s));
                    }
                }
            }
        }
        List<ResultTable> out = new ArrayList<>(List.of(estimates.build(), tests.build(), cells.build()));
        if (!question.strata().isEmpty()) {
            out.add(strata.build());
        }
        return out;
    }

    private ResultTable.Builder builder(String name, String title) {
        ResultTable.Builder b = ResultTable.builder(name, title);
        for (String by : byLevelsNames) {
            b.column(by, Kind.LABEL, "level of " + by);
        }
        return b.column("exposure", Kind.LABEL, question.exposure() + " level compared with " + question.reference());
    }

    private static List<Object> key(Group g, Comparison c) {
        List<Object> key = new ArrayList<>(g.byLevels());
        key.add(c.exposureLevel());
        return key;
    }

    private List<Object> row(List<Object> key, String analysis, Estimate e, boolean hidden) {
        return row(key, analysis, java.util.Arrays.asList(e.measure().label(), e.method(), e.estimate(), e.lower(),
                e.upper(), e.pValue()), hidden, e.reason());
    }

    private List<Object> row(List<Object> key, String analysis, HypothesisTest t, boolean hidden) {
        return row(key, analysis, java.util.Arrays.asList(t.test(), t.method(), t.statistic(), t.df(), t.pValue()),
                hidden, t.reason());
    }

    /** A row of the estimates or tests table: the key, the analysis, the values (every number withheld where {@code hidden}), the note. */
    private List<Object> row(List<Object> key, String analysis, List<Object> values, boolean hidden, String reason) {
        List<Object> row = new ArrayList<>(key);
        row.add(analysis);
        for (Object v : values) {
            row.add(hidden && v instanceof Double ? null : v);
        }
        row.add(hidden ? "withheld: the table has a count under " + suppressBelow : reason);
        return row;
    }

    private List<Object> stratumRow(List<Object> key, Stratum s) {
        TwoByTwo t = s.table();
        boolean hidden = suppressBelow > 0 && small(t);
        List<Object> row = new ArrayList<>(key);
        row.add(s.label());
        row.add(hidden ? null : Math.round(t.total()));
        for (double v : new double[] {t.a(), t.b(), t.c(), t.d()}) {
            row.add(hidden ? null : Math.round(v));
        }
        row.add(hidden ? null : s.oddsRatio().estimate());
        row.add(hidden ? null : s.oddsRatio().lower());
        row.add(hidden ? null : s.oddsRatio().upper());
        row.add(switch (s.use()) {
            case POOLED -> "pooled";
            case OUTCOME_CONSTANT -> "pooled, not in Breslow-Day";
            case EXCLUDED -> "excluded";
        });
        row.add(hidden ? "withheld: a count under " + suppressBelow : s.reason() != null ? s.reason() : s.oddsRatio().reason());
        return row;
    }

    private boolean small(TwoByTwo t) {
        return t.a() < suppressBelow || t.b() < suppressBelow || t.c() < suppressBelow || t.d() < suppressBelow;
    }

    /** Which of a, b, c, d are withheld, with the margins a reader sees (a + b, c + d, a + c, b + d, total). */
    private boolean[] withheldCells(TwoByTwo t) {
        if (suppressBelow == 0) {
            return new boolean[4];
        }
        long[] counts = {Math.round(t.a()), Math.round(t.b()), Math.round(t.c()), Math.round(t.d())};
        boolean[] hidden = SmallCellSuppression.withheld(counts, List.of(new int[] {0, 1}, new int[] {2, 3},
                new int[] {0, 2}, new int[] {1, 3}), suppressBelow);
        return java.util.Arrays.copyOf(hidden, 4);
    }

    private static boolean any(boolean[] b) {
        for (boolean x : b) {
            if (x) {
                return true;
            }
        }
        return false;
    }

    /**
     * The working-class comparison's Mantel-Haenszel odds ratio in words, {@code prefix} before it, where it is
     * defined (of the first group: an analysis with no {@code by}).
     */
    public List<String> workingClassHeadline(String prefix) {
        List<String> notes = new ArrayList<>();
        for (Comparison c : groups.get(0).comparisons()) {
            StratifiedAnalysis s = c.stratified();
            if (c.exposureLevel().equals(ladder.engine.contract.Seb.WORKING_CLASS.level()) && s != null
                    && s.oddsRatio().isDefined()) {
                notes.add(prefix + s.headline());
            }
        }
        return notes;
    }

    @Override
    public List<String> findings() {
        List<String> notes = new ArrayList<>();
        for (Group g : groups) {
            for (Comparison c : g.comparisons()) {
                String prefix = g.byLevels().isEmpty() ? "" : String.join(", ", g.byLevels()) + ": ";
                boolean hidden = any(withheldCells(c.crude().table()));
                if (c.stratified() != null) {
                    notes.add(prefix + c.stratified().headline());
                } else if (!hidden) {
                    notes.add(prefix + c.crude().headline());
                }
            }
        }
        return notes;
    }

    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>(findings());
        if (!excluded.isEmpty()) {
            List<String> parts = new ArrayList<>();
            excluded.forEach((level, n) -> parts.add(String.format(Locale.ROOT, "%s %,d", level, n)));
            notes.add(LEFT_OUT + ": rows whose " + question.exposure() + " is neither compared nor the reference ("
                    + String.join("; ", parts) + ").");
        }
        notes.addAll(TwoByTwoAnalysis.methodNotes());
        if (!question.strata().isEmpty()) {
            groups.stream().flatMap(g -> g.comparisons().stream()).filter(c -> c.stratified() != null).findFirst()
                    .ifPresent(c -> notes.addAll(c.stratified().notes().stream()
                            .filter(n -> n.startsWith("Mantel-Haenszel") || n.startsWith("Cochran")).toList()));
            notes.add("Strata that carry no information (fewer than 2 people, or no one at one of the two levels) are"
                    + " left out of the pooled estimates and counted in the strata table.");
        }
        if (suppressBelow > 0) {
            notes.add("Disclosure control: a stratum with a count under " + suppressBelow + " has its table and odds"
                    + " ratio withheld; crude counts under " + suppressBelow + " are withheld with enough others that"
                    + " they cannot be worked back from the margins, and so are the crude estimates of that table.");
        }
        return notes;
    }

    /**
     * A forest plot per exposure level of the first {@code by} group: each stratum's odds ratio
     * (the 40 largest strata when there are more), the crude and the Mantel-Haenszel odds ratio as
     * diamonds; without strata, one plot of the crude odds ratio of every level.
     */
    @Override
    public List<Chart> charts() {
        List<Chart> charts = new ArrayList<>();
        String subtitle = "Odds ratio with " + Headline.percent(question.level()) + " interval; dashed line: no"
                + " difference. Hollow: a count under 10.";
        for (Group g : groups) {
            String at = g.byLevels().isEmpty() ? "" : " (" + String.join(", ", g.byLevels()) + ")";
            if (question.strata().isEmpty()) {
                List<Chart.Forest.Row> rows = new ArrayList<>();
                for (Comparison c : g.comparisons()) {
                    rows.add(forestRow(c.exposureLevel(), c.crude().oddsRatio(OddsRatioInterval.WOOLF),
                            c.crude().table(), false));
                }
                charts.add(new Chart.Forest(title() + at, subtitle + " Woolf intervals.", "odds ratio vs "
                        + question.reference(), true, 1.0, rows));
                continue;
            }
            for (Comparison c : g.comparisons()) {
                List<Stratum> strata = new ArrayList<>(c.stratified().strata());
                strata.sort(Comparator.comparingDouble((Stratum s) -> -s.table().total()));
                int shown = Math.min(40, strata.size());
                List<Chart.Forest.Row> rows = new ArrayList<>();
                for (Stratum s : strata.subList(0, shown)) {
                    rows.add(forestRow(s.label(), s.oddsRatio(), s.table(), false));
                }
                rows.add(forestRow("crude", c.crude().oddsRatio(OddsRatioInterval.WOOLF), c.crude().table(), true));
                rows.add(forestRow("Mantel-Haenszel", c.stratified().oddsRatio(), c.crude().table(), true));
                charts.add(new Chart.Forest(c.exposureLevel() + " vs " + question.reference() + ": odds of "
                        + Phrases.outcome(Outcome.parse(question.outcome())) + at,
                        subtitle + (shown < strata.size() ? " The " + shown + " largest of " + strata.size()
                                + " strata shown." : ""), "odds ratio", true, 1.0, rows));
            }
        }
        return charts;
    }

    private Chart.Forest.Row forestRow(String label, Estimate e, TwoByTwo t, boolean summary) {
        boolean small = small10(t);
        boolean hidden = suppressBelow > 0 && small && !label.equals("Mantel-Haenszel");
        return new Chart.Forest.Row(label, hidden ? null : e.estimate(), hidden ? null : e.lower(),
                hidden ? null : e.upper(), Math.round(t.total()), small, summary);
    }

    private static boolean small10(TwoByTwo t) {
        return Math.min(Math.min(t.a(), t.b()), Math.min(t.c(), t.d())) < SmallCellSuppression.DEFAULT_THRESHOLD;
    }
}
