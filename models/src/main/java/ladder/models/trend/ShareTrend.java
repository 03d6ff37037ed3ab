package ladder.models.trend;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ladder.engine.LadderException;
import ladder.engine.cube.Cube;
import ladder.engine.cube.CubeSource;
import ladder.engine.cube.Dimension;
import ladder.models.composition.NationalBenchmark;
import ladder.models.disclosure.Reason;
import ladder.models.disclosure.SmallCellSuppression;
import ladder.models.disclosure.SuppressionPlan;
import ladder.models.result.Answers;
import ladder.models.result.Chart;
import ladder.models.result.CubeGroups;
import ladder.models.result.Result;
import ladder.models.result.ResultTable.Kind;
import ladder.models.result.ResultTable;

/**
 * The share of one level among a column's answers (working class among the classifiable SEB
 * answers) over the ordered levels of a period column (year), for the whole pool or for each
 * level of {@code by} columns: one {@link Trend} per group (shares with Wilson intervals, the gap to
 * the national benchmark, year-on-year changes, Cochran-Armitage and logistic trend). Read from one
 * cube over {@code by + period + column}, so it runs alike on rows and on merged cube files.
 *
 * <p>The denominator is the answers: rows at a level that is not an answer ({@link Answers}; for
 * {@code seb}: excluded and missing) are left out and counted. A period that has no answers
 * anywhere in the selection is dropped.
 *
 * <p>With disclosure control ({@link #publishable()}), the counts (the level and the other answers
 * by group and period, with every margin) form one {@link SuppressionPlan}: a period's count or total
 * under 10 is withheld with enough others that it cannot be worked back, shares and changes resting
 * on a withheld count are withheld, and a group with any withheld count has its trend tests withheld
 * (they could be solved for it).
 *
 * @param question what was asked, with the column and levels as the cube names them
 * @param periods the period labels, in order
 * @param groups one per combination of {@code by} levels that has answers, in level order
 * @param leftOut rows at a non-answer level of the column, by level
 * @param filter the filter the rows passed ("" for none)
 * @param disclosure the suppression plan when published; empty when not for publication
 */
public record ShareTrend(Question question, List<String> periods, List<Group> groups, Map<String, Long> leftOut,
        String filter, Optional<SuppressionPlan> disclosure) implements Result {

    /**
     * What is asked.
     *
     * @param column the column whose answers are shared out, e.g. seb
     * @param level the level whose share is followed, e.g. working_class
     * @param over the ordered period column, e.g. year (numeric levels are the scores; else 1, 2, ...)
     * @param by columns to follow the share within each level of (may be empty)
     * @param confidence the confidence level of every interval
     */
    public record Question(String column, String level, String over, List<String> by, double confidence) {
        public Question {
            by = List.copyOf(by);
            if (!(confidence > 0 && confidence < 1)) {
                throw new LadderException("the confidence level must be between 0 and 1, got " + confidence);
            }
        }
    }

    /** The trend within one combination of the {@code by} levels (empty: the whole pool). */
    public record Group(List<String> byLevels, Trend trend) {
        public Group {
            byLevels = List.copyOf(byLevels);
        }
    }

    /** The plan's table: by x period x (level, other answers). */
    static final String COUNTS = "share_counts";
    private static final String OTHER = "other answers";

    public ShareTrend {
        periods = List.copyOf(periods);
        groups = List.copyOf(groups);
        leftOut = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(leftOut));
    }

    /** The trend of {@code question} on the cubes of {@code source}. */
    public static ShareTrend of(CubeSource source, Question question) {
        String column = name(question.column());
        String over = name(question.over());
        List<String> by = question.by().stream().map(ShareTrend::name).toList();
        CubeSource.requireCategorical(List.of(column), "the --share column");
        CubeSource.requireCategorical(List.of(over), "the period column (--over)");
        CubeSource.requireCategorical(by, "a --by column");
        List<String> columns = new ArrayList<>(by);
        columns.add(over);
        columns.add(column);
        if (new LinkedHashSet<>(columns).size() != columns.size()) {
            throw new LadderException("a column is named twice among --share, --over and --by: " + String.join(", ", columns));
        }
        Cube cube = source.cube(columns, List.of());
        if (cube.total() == 0) {
            throw new LadderException("the selection has no rows");
        }
        Dimension shared = cube.dimensions().get(cube.dimension(column));
        String level = shared.levels().get(shared.require(question.level()));
        if (!Answers.isAnswer(level)) {
            throw new LadderException("--share " + column + "=" + level + ": " + level
                    + " is not an answer, so it has no share of the answers; give a level such as "
                    + shared.levels().stream().filter(Answers::isAnswer).findFirst().orElse("another"));
        }
        Map<String, Long> leftOut = new LinkedHashMap<>();
        for (String l : shared.levels()) {
            long n = Answers.isAnswer(l) ? 0 : cube.count(Map.of(column, l));
            if (n > 0) {
                leftOut.put(l, n);
            }
        }
        Cube answers = cube.where(column, Answers::isAnswer);
        if (answers.total() == 0) {
            throw new LadderException("no row in the selection has an answer for " + column);
        }
        Dimension period = answers.dimensions().get(answers.dimension(over));
        List<String> periods = period.levels().stream().filter(p -> answers.count(Map.of(over, p)) > 0).toList();
        if (periods.size() < 2) {
            throw new LadderException("--over " + over + " has " + (periods.isEmpty() ? "no level" : "one level, "
                    + periods.get(0) + ",") + " in the selection: a trend needs at least two periods");
        }
        int overAt = answers.dimension(over), columnAt = answers.dimension(column);
        int levelAt = answers.dimensions().get(columnAt).indexOf(level);
        Map<List<String>, long[][]> counts = new java.util.TreeMap<>(CubeGroups.levelOrder(answers, by));
        for (int c = 0; c < answers.size(); c++) {
            long[][] xn = counts.computeIfAbsent(CubeGroups.labels(answers, c, by), k -> new long[2][periods.size()]);
            int p = periods.indexOf(answers.label(c, overAt));
            xn[1][p] += answers.count(c);
            if (answers.level(c, columnAt) == levelAt) {
                xn[0][p] += answers.count(c);
            }
        }
        double benchmark = NationalBenchmark.share(column, level).map(NationalBenchmark.Share::value).orElse(Double.NaN);
        double[] scores = scores(periods);
        List<Group> groups = new ArrayList<>();
        counts.forEach((key, xn) -> {
            if (java.util.Arrays.stream(xn[1]).sum() > 0) {
                groups.add(new Group(key, Trend.of(column + " = " + level, periods, scores, toDouble(xn[0]),
                        toDouble(xn[1]), benchmark, question.confidence())));
            }
        });
        List<String> byNames = by.stream().map(b -> answers.dimensions().get(answers.dimension(b)).name()).toList();
        return new ShareTrend(new Question(shared.name(), level, period.name(), byNames, question.confidence()),
                periods, groups, leftOut, source.filter(), Optional.empty());
    }

    private static String name(String column) {
        return column.strip().toLowerCase(Locale.ROOT);
    }

    /** The periods' numbers when every label is one, else 1, 2, ... in level order. */
    private static double[] scores(List<String> periods) {
        double[] scores = new double[periods.size()];
        for (int i = 0; i < scores.length; i++) {
            try {
                scores[i] = Double.parseDouble(periods.get(i));
            } catch (NumberFormatException e) {
                return java.util.stream.IntStream.rangeClosed(1, scores.length).asDoubleStream().toArray();
            }
        }
        return scores;
    }

    private static double[] toDouble(long[] v) {
        return java.util.Arrays.stream(v).asDoubleStream().toArray();
    }

    /** The same result with disclosure control for publication (counts under 10). */
    public ShareTrend publishable() {
        List<List<String>> levels = new ArrayList<>();
        List<String> dims = new ArrayList<>(question.by());
        for (int d = 0; d < question.by().size(); d++) {
            int at = d;
            levels.add(groups.stream().map(g -> g.byLevels().get(at)).distinct().toList());
        }
        dims.add(question.over());
        levels.add(periods);
        dims.add(question.column());
        levels.add(List.of(question.level(), OTHER));
        int cellsPerGroup = periods.size() * 2;
        long[] counts = new long[levelsProduct(levels)];
        for (Group g : groups) {
            int offset = 0;
            for (int d = 0; d < g.byLevels().size(); d++) {
                offset = offset * levels.get(d).size() + levels.get(d).indexOf(g.byLevels().get(d));
            }
            for (int p = 0; p < periods.size(); p++) {
                Trend.Period period = g.trend().periods().get(p);
                counts[offset * cellsPerGroup + 2 * p] = period.events();
                counts[offset * cellsPerGroup + 2 * p + 1] = period.total() - period.events();
            }
        }
        SuppressionPlan plan = SuppressionPlan.builder(SmallCellSuppression.DEFAULT_THRESHOLD)
                .table(COUNTS, dims, levels, counts).build();
        return new ShareTrend(question, periods, groups, leftOut, filter, Optional.of(plan));
    }

    private static int levelsProduct(List<List<String>> levels) {
        long n = 1;
        for (List<String> l : levels) {
            n *= l.size();
        }
        return Math.toIntExact(n);
    }

    /** The disclosure threshold; 0 when not for publication. */
    private int threshold() {
        return disclosure.isPresent() ? SmallCellSuppression.DEFAULT_THRESHOLD : 0;
    }

    /** Why the count ({@code total} false) or the total of a group's period is withheld; empty when published. */
    private Optional<Reason> withheld(Group g, String period, boolean total) {
        if (disclosure.isEmpty()) {
            return Optional.empty();
        }
        List<String> labels = new ArrayList<>(g.byLevels());
        labels.add(period);
        labels.add(total ? SuppressionPlan.TOTAL : question.level());
        return disclosure.get().reason(COUNTS, labels);
    }

    private boolean anyWithheld(Group g, List<String> periods) {
        return periods.stream().anyMatch(p -> withheld(g, p, false).isPresent() || withheld(g, p, true).isPresent());
    }

    // ---- Rendering ----

    private String shareName() {
        return question.level().replace('_', ' ');
    }

    @Override
    public String title() {
        return "Share " + shareName() + " among " + question.column() + " answers by " + question.over()
                + (question.by().isEmpty() ? "" : ", by " + String.join(", ", question.by()));
    }

    @Override
    public Map<String, Object> inputs() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("share", question.column() + " = " + question.level());
        inputs.put("over", question.over() + " (" + periods.get(0) + " to " + periods.get(periods.size() - 1) + ")");
        inputs.put("by", question.by().isEmpty() ? "none" : String.join(", ", question.by()));
        inputs.put("groups", (long) groups.size());
        long used = groups.stream().flatMap(g -> g.trend().periods().stream()).mapToLong(Trend.Period::total).sum();
        inputs.put("rows_used", used < threshold() ? "fewer than " + threshold() : (Object) used);
        inputs.put("rows_left_out", Answers.leftOutTotal(leftOut, threshold()));
        inputs.put("benchmark", national().isPresent() ? (Object) national().get().value() : "none");
        inputs.put("filter", filter.isBlank() ? "none" : filter);
        inputs.put("confidence_level", question.confidence());
        inputs.put("disclosure_control", disclosure.isEmpty() ? "none (not for publication)"
                : "counts under " + SmallCellSuppression.DEFAULT_THRESHOLD + " withheld, with what would reveal them");
        return inputs;
    }

    /** The national share this trend's level is read against, if there is one. */
    private Optional<NationalBenchmark.Share> national() {
        return NationalBenchmark.share(question.column(), question.level());
    }

    /** The tables of {@link Trend#tables()} for every group, with the group's levels and a note column. */
    @Override
    public List<ResultTable> tables() {
        List<ResultTable> first = groups.get(0).trend().tables();
        List<ResultTable> out = new ArrayList<>();
        for (int t = 0; t < first.size(); t++) {
            ResultTable shape = first.get(t);
            ResultTable.Builder b = ResultTable.builder(shape.name(), shape.title()
                    + (question.by().isEmpty() ? "" : ", by " + String.join(", ", question.by())));
            for (String by : question.by()) {
                b.column(by, Kind.LABEL, "level of " + by);
            }
            shape.columns().forEach(c -> b.column(c.name(), c.kind(), c.description()));
            b.column("note", Kind.LABEL, "why a value is withheld");
            for (Group g : groups) {
                ResultTable table = g.trend().tables().get(t);
                for (int r = 0; r < table.rows().size(); r++) {
                    List<Object> row = new ArrayList<>(g.byLevels());
                    row.addAll(masked(t, g, table, r));
                    b.row(row);
                }
            }
            out.add(b.build());
        }
        return out;
    }

    /** Row {@code r} of the group's table {@code t} (0 periods, 1 changes, 2 tests) with withheld values null, and its note. */
    private List<Object> masked(int t, Group g, ResultTable table, int r) {
        List<Object> row = new ArrayList<>(table.rows().get(r));
        String note = null;
        if (t == 0) {
            String period = periods.get(r);
            Optional<Reason> count = withheld(g, period, false), total = withheld(g, period, true);
            if (count.isPresent() || total.isPresent()) {
                long threshold = SmallCellSuppression.DEFAULT_THRESHOLD;
                note = "withheld: " + count.map(c -> "count: " + c.describe(threshold)).orElse("")
                        + (count.isPresent() && total.isPresent() ? "; " : "")
                        + total.map(c -> "total: " + c.describe(threshold)).orElse("")
                        + "; share and interval: " + Reason.DERIVED.describe(threshold);
                for (int c = 0; c < row.size(); c++) {
                    String column = table.columns().get(c).name();
                    if (!column.equals("period") && !column.equals("score")
                            && !(column.equals("total") && total.isEmpty())) {
                        row.set(c, null);
                    }
                }
            }
        } else if (t == 1 ? anyWithheld(g, List.of((String) row.get(0), (String) row.get(1))) : anyWithheld(g, periods)) {
            note = "withheld: " + (t == 1 ? "change and test: " : "trend tests: ")
                    + Reason.DERIVED.describe(SmallCellSuppression.DEFAULT_THRESHOLD);
            for (int c = 0; c < row.size(); c++) {
                ResultTable.ColumnSpec spec = table.columns().get(c);
                if (spec.kind() != Kind.LABEL && !spec.name().equals("df")) {
                    row.set(c, null);
                }
            }
        }
        row.add(note);
        return row;
    }

    @Override
    public List<String> findings() {
        List<String> notes = new ArrayList<>();
        for (Group g : groups) {
            if (!anyWithheld(g, periods)) {
                headline(g).ifPresent(notes::add);
            }
        }
        return notes;
    }

    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>(findings());
        notes.add("Shares are of " + question.level() + " among the answers for " + question.column()
                + (question.column().equals("seb") ? " (classifiable: professional, intermediate, working_class)" : "")
                + "; rows at a level that is not an answer (" + String.join(", ", Answers.NON_ANSWERS.stream().sorted()
                .toList()) + ") are not in the denominator" + (leftOut.isEmpty() ? "." : ": left out "
                + Answers.leftOut(leftOut, threshold()) + "."));
        national().ifPresent(b -> notes.add("Benchmark: " + b.sentence() + " (Social Mobility Commission)."));
        if (scores(periods)[0] == 1 && !periods.get(0).equals("1")) {
            notes.add("The periods are not numbers, so the trend tests score them 1, 2, ... in order.");
        }
        Set<String> common = new LinkedHashSet<>(groups.get(0).trend().notes());
        groups.forEach(g -> common.retainAll(g.trend().notes()));
        notes.addAll(common);
        for (Group g : groups) {
            String prefix = g.byLevels().isEmpty() ? "" : String.join(", ", g.byLevels()) + ": ";
            g.trend().notes().stream().filter(n -> !common.contains(n)).forEach(n -> notes.add(prefix + n));
        }
        if (disclosure.isPresent()) {
            notes.add("Disclosure control: counts and totals under " + SmallCellSuppression.DEFAULT_THRESHOLD
                    + " are withheld, with enough others (chosen over every group, period and margin together) that"
                    + " none can be worked back; shares and changes resting on a withheld count are withheld, and so"
                    + " are the trend tests of a group with any withheld count.");
        }
        return notes;
    }

    /** E.g. "Technology: the share working class went from 31.2% in 2022 to 35.0% in 2024 (trend test p = 0.012)." */
    private Optional<String> headline(Group g) {
        List<Trend.Period> shown = g.trend().periods().stream().filter(p -> p.total() > 0).toList();
        if (shown.size() < 2) {
            return Optional.empty();
        }
        Trend.Period a = shown.get(0), b = shown.get(shown.size() - 1);
        String p = g.trend().cochranArmitage().map(t -> String.format(Locale.ROOT, " (Cochran-Armitage trend test p = %.2g)",
                t.pValue())).orElse("");
        return Optional.of(String.format(Locale.ROOT, "%sThe share %s %s from %.1f%% in %s to %.1f%% in %s%s.",
                g.byLevels().isEmpty() ? "" : String.join(", ", g.byLevels()) + ": ", shareName(),
                b.share() > a.share() ? "rose" : b.share() < a.share() ? "fell" : "stayed", 100 * a.share(), a.label(),
                100 * b.share(), b.label(), p));
    }

    /** One chart: the share per period with its Wilson band for each group, and the national share as a line. */
    @Override
    public List<Chart> charts() {
        List<Chart.Series> series = new ArrayList<>();
        for (Group g : groups) {
            List<String> names = new ArrayList<>();
            for (int d = 0; d < g.byLevels().size(); d++) {
                String label = g.byLevels().get(d);
                names.add(label.matches("-?[0-9.]+") ? question.by().get(d) + " " + label : label);
            }
            Chart.Series s = g.trend().series(names.isEmpty() ? shareName() : String.join(", ", names));
            List<Double> v = new ArrayList<>(s.values()), lo = new ArrayList<>(s.lower()), hi = new ArrayList<>(s.upper());
            for (int p = 0; p < periods.size(); p++) {
                if (anyWithheld(g, List.of(periods.get(p)))) {
                    v.set(p, null);
                    lo.set(p, null);
                    hi.set(p, null);
                }
            }
            series.add(new Chart.Series(s.name(), v, lo, hi));
        }
        List<Chart.Reference> references = national().map(b -> List.of(new Chart.Reference(b.line(), b.value(), -1,
                b.figure()))).orElse(List.of());
        String subtitle = String.format(Locale.UK, "Share of the %s answers (non-answers left out); band: %.0f%% Wilson interval.%s%s",
                question.column(), question.confidence() * 100, references.isEmpty() ? "" : " Dashed: the national"
                        + " figure (SMC).", filter.isBlank() ? "" : " Filter: " + filter);
        return List.of(new Chart.Lines(title(), subtitle, question.over(), "share " + shareName(), true, periods, series,
                references));
    }
}
