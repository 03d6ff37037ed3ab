package ladder.models.trend;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import ladder.engine.LadderException;
import ladder.engine.contract.Seb;
import ladder.engine.cube.Cube;
import ladder.engine.cube.CubeSource;
import ladder.engine.cube.Dimension;
import ladder.models.composition.NationalBenchmark;
import ladder.models.contingency.Estimate;
import ladder.models.contingency.MantelHaenszel;
import ladder.models.contingency.OddsRatio;
import ladder.models.contingency.OddsRatioInterval;
import ladder.models.contingency.TwoByTwo;
import ladder.models.disclosure.Reason;
import ladder.models.disclosure.SmallCellSuppression;
import ladder.models.disclosure.SuppressionPlan;
import ladder.models.proportion.ConfidenceInterval;
import ladder.models.proportion.WilsonInterval;
import ladder.models.result.Answers;
import ladder.models.result.Chart;
import ladder.models.result.CubeGroups;
import ladder.models.result.Result;
import ladder.models.result.ResultTable.Kind;
import ladder.models.result.ResultTable;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The class ceiling: how the SEB composition changes up an ordered grade scale (1 lowest), pooled
 * over strata (employers), and the odds of each group reaching a grade or above relative to the
 * professional group, crude and stratified by employer. Made by {@link #of}.
 *
 * <p>At each grade g and group j, with a = count, b = grade total, c = the group's workforce
 * count and N the workforce:
 * <ul>
 *   <li>the share a/b with its Wilson interval;</li>
 *   <li>the representation ratio against the workforce, (a/b) / (c/N), with a log-scale
 *       delta-method interval exp(log ratio &plusmn; z &radic;V). The grade is part of the workforce, so
 *       the two shares are correlated; taking the four cells (grade and group, grade and other
 *       groups, other grades and group, the rest) as one multinomial sample of N gives
 *       V = 1/a - 1/b - 1/c + 2a/(bc) - 1/N, which is 0 when the grade is the whole workforce;</li>
 *   <li>the representation ratio against the national working population (34/24/42): the share
 *       over a fixed benchmark, so its interval is the Wilson interval divided by it.</li>
 * </ul>
 * For each cut g = 2..G and each non-professional group, the 2x2 table (group, professional) x
 * (grade &gt;= g, grade &lt; g) gives the odds ratio of reaching g or above with Woolf's interval
 * on the pooled counts, and the Mantel-Haenszel odds ratio across strata with the
 * Robins-Breslow-Greenland interval ({@link OddsRatio} and {@link MantelHaenszel} of the
 * contingency package, tested against R). Below 1, the group is less likely than professionals to
 * be at that grade or above.
 *
 * @param grades grade labels, lowest first
 * @param strata stratum (employer) labels
 * @param composition one entry per grade and group, grades in order, groups in {@link Seb#CLASSIFIABLE} order
 * @param odds one entry per cut and non-professional group
 * @param level the confidence level
 * @param strataColumns the columns whose level combinations are the strata (empty: one stratum)
 * @param leftOut rows not in the ceiling (no classifiable SEB, or no grade), by reason
 * @param filter the filter the rows passed ("" for none)
 * @param disclosure the suppression plan of the composition when published; empty when not for publication
 */
public record ClassCeiling(List<String> grades, List<String> strata, List<GradeGroup> composition,
        List<CeilingOdds> odds, double level, List<String> strataColumns, Map<String, Long> leftOut, String filter,
        Optional<SuppressionPlan> disclosure) implements Result {

    /**
     * What is asked of a pool.
     *
     * @param strata columns whose level combinations are the strata of the Mantel-Haenszel odds ratios, e.g. employer_id
     * @param confidence the confidence level
     */
    public record Question(List<String> strata, double confidence) {
        public Question {
            strata = List.copyOf(strata);
            if (!(confidence > 0 && confidence < 1)) {
                throw new LadderException("the confidence level must be between 0 and 1, got " + confidence);
            }
        }
    }

    /** The plan's table: grade x seb, with the grade totals and the workforce totals as margins. */
    static final String COMPOSITION = "composition";

    /**
     * A group at a grade.
     *
     * @param workforceRatio share / workforce share; 0 when the count is 0
     * @param workforceInterval its delta-method interval; undefined when the count is 0
     * @param nationalRatio share / national share
     * @param nationalInterval the Wilson interval over the national share
     */
    public record GradeGroup(String grade, Seb group, long count, long gradeTotal, double share,
            ConfidenceInterval interval, double workforceShare, double workforceRatio,
            ConfidenceInterval workforceInterval, double nationalRatio, ConfidenceInterval nationalInterval) {
    }

    /**
     * The odds of a group reaching grade {@code cut} or above, against professionals.
     *
     * @param table the pooled 2x2 table {a, b, c, d}: group reached, group not, professional reached, professional not
     * @param crude Woolf's odds ratio on the pooled table
     * @param stratified the Mantel-Haenszel odds ratio over strata
     */
    public record CeilingOdds(String cut, Seb group, long[] table, Estimate crude, Estimate stratified) {
        public CeilingOdds {
            table = table.clone();
        }

        @Override
        public long[] table() {
            return table.clone();
        }
    }

    public ClassCeiling {
        grades = List.copyOf(grades);
        strata = List.copyOf(strata);
        composition = List.copyOf(composition);
        odds = List.copyOf(odds);
        strataColumns = List.copyOf(strataColumns);
        leftOut = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(leftOut));
    }

    /**
     * The class ceiling of the pool {@code source} stands for: classifiable SEB by grade (levels
     * that are answers), within the strata's level combinations, from one cube over
     * {@code strata + grade + seb}.
     */
    public static ClassCeiling of(CubeSource source, Question question) {
        List<String> strata = question.strata().stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
        CubeSource.requireCategorical(strata, "a stratum");
        List<String> columns = new ArrayList<>(strata);
        columns.addAll(List.of("grade", "seb"));
        if (new java.util.HashSet<>(columns).size() != columns.size()) {
            throw new LadderException("a stratum is grade, seb or named twice: " + String.join(", ", strata));
        }
        Cube cube = source.cube(columns, List.of());
        if (cube.total() == 0) {
            throw new LadderException("the selection has no rows");
        }
        Map<String, Long> leftOut = new LinkedHashMap<>();
        for (String seb : List.of(Seb.EXCLUDED.level(), Seb.MISSING.level())) {
            long n = cube.count(Map.of("seb", seb));
            if (n > 0) {
                leftOut.put("seb " + seb, n);
            }
        }
        Cube classifiable = cube.where("seb", l -> Seb.LEVELS.indexOf(l) < Seb.CLASSIFIABLE.size());
        Dimension grade = classifiable.dimensions().get(classifiable.dimension("grade"));
        for (String g : grade.levels()) {
            long n = Answers.isAnswer(g) ? 0 : classifiable.count(Map.of("grade", g));
            if (n > 0) {
                leftOut.put("grade " + g, n);
            }
        }
        List<String> grades = grade.levels().stream()
                .filter(g -> Answers.isAnswer(g) && classifiable.count(Map.of("grade", g)) > 0).toList();
        Map<List<String>, long[][]> byStratum = new java.util.TreeMap<>(CubeGroups.levelOrder(classifiable, strata));
        int gradeAt = classifiable.dimension("grade"), sebAt = classifiable.dimension("seb");
        for (int c = 0; c < classifiable.size(); c++) {
            int g = grades.indexOf(classifiable.label(c, gradeAt));
            if (g >= 0 && classifiable.count(c) > 0) {
                byStratum.computeIfAbsent(CubeGroups.labels(classifiable, c, strata), k -> new long[grades.size()][3])
                        [g][Seb.LEVELS.indexOf(classifiable.label(c, sebAt))] += classifiable.count(c);
            }
        }
        if (grades.size() < 2) {
            throw new LadderException("the class ceiling needs classifiable people at two grades or more; the selection"
                    + " has " + (grades.isEmpty() ? "none" : "only grade " + grades.get(0)));
        }
        List<String> labels = byStratum.keySet().stream().map(k -> k.isEmpty() ? "all" : String.join(" / ", k)).toList();
        ClassCeiling ceiling = of(grades, labels, byStratum.values().toArray(long[][][]::new), question.confidence());
        return new ClassCeiling(grades, labels, ceiling.composition(), ceiling.odds(), ceiling.level(), strata, leftOut,
                source.filter(), Optional.empty());
    }

    /**
     * The same result with disclosure control for publication: the composition's counts, grade
     * totals and workforce totals as one {@link SuppressionPlan} (counts under 10 withheld, with
     * enough others that none can be worked back); see {@link #notes()} for the rest.
     */
    public ClassCeiling publishable() {
        long[] counts = composition.stream().mapToLong(GradeGroup::count).toArray();
        SuppressionPlan plan = SuppressionPlan.builder(SmallCellSuppression.DEFAULT_THRESHOLD)
                .table(COMPOSITION, List.of("grade", "seb"), List.of(grades, Seb.CLASSIFIABLE.stream().map(Seb::level)
                        .toList()), counts).build();
        return new ClassCeiling(grades, strata, composition, odds, level, strataColumns, leftOut, filter, Optional.of(plan));
    }

    /** The disclosure threshold; 0 when not for publication. */
    private int threshold() {
        return disclosure.isPresent() ? SmallCellSuppression.DEFAULT_THRESHOLD : 0;
    }

    /** Why the composition's count at {@code grade} ({@code TOTAL} for a margin) and {@code seb} is withheld. */
    private Optional<Reason> withheld(String grade, String seb) {
        return disclosure.flatMap(p -> p.reason(COMPOSITION, List.of(grade, seb)));
    }

    /**
     * Whether a ceiling row's counts are withheld. Its counts are, for the group and for
     * professionals, the sums of the composition counts at grades below and at or above the cut.
     * They are published only when they are already known from the published composition: the
     * column's workforce total is published and its withheld counts all lie on one side of the cut
     * (so the other side is a sum of published counts). A count under the threshold is withheld too.
     */
    private boolean withheld(CeilingOdds o) {
        if (disclosure.isEmpty()) {
            return false;
        }
        for (long v : o.table()) {
            if (v < SmallCellSuppression.DEFAULT_THRESHOLD) {
                return true;
            }
        }
        int cut = grades.indexOf(o.cut());
        for (Seb column : List.of(o.group(), Seb.PROFESSIONAL)) {
            boolean below = false, above = false;
            for (int g = 0; g < grades.size(); g++) {
                if (withheld(grades.get(g), column.level()).isPresent()) {
                    below |= g < cut;
                    above |= g >= cut;
                }
            }
            if (below && above || withheld(SuppressionPlan.TOTAL, column.level()).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** One stratum: {@code counts[grade][group]}; see {@link #of(List, List, long[][][], double)}. */
    public static ClassCeiling of(List<String> grades, long[][] counts, double level) {
        return of(grades, List.of("all"), new long[][][] {counts}, level);
    }

    /**
     * The class ceiling of counts by stratum, grade and group.
     *
     * @param grades the grade labels, lowest grade first (e.g. "1".."6")
     * @param strata the stratum labels (employers)
     * @param counts {@code counts[stratum][grade][group]}, groups professional, intermediate, working class
     * @throws LadderException if a count is negative, fewer than two grades are given, or the pool is empty
     */
    public static ClassCeiling of(List<String> grades, List<String> strata, long[][][] counts, double level) {
        int gradeCount = grades.size(), groups = Seb.CLASSIFIABLE.size();
        if (gradeCount < 2) {
            throw new LadderException("a class ceiling needs at least two grades, got " + gradeCount);
        }
        if (counts.length != strata.size()) {
            throw new IllegalArgumentException(counts.length + " strata of counts for " + strata.size() + " labels");
        }
        long[][] pooled = new long[gradeCount][groups];
        for (int k = 0; k < counts.length; k++) {
            if (counts[k].length != gradeCount) {
                throw new IllegalArgumentException("stratum " + strata.get(k) + " has " + counts[k].length + " grades");
            }
            for (int g = 0; g < gradeCount; g++) {
                if (counts[k][g].length != groups) {
                    throw new IllegalArgumentException("need " + groups + " groups per grade");
                }
                for (int j = 0; j < groups; j++) {
                    if (counts[k][g][j] < 0) {
                        throw new LadderException("negative count " + counts[k][g][j] + " at stratum " + strata.get(k)
                                + ", grade " + grades.get(g) + ", " + Seb.CLASSIFIABLE.get(j).level());
                    }
                    pooled[g][j] = Math.addExact(pooled[g][j], counts[k][g][j]);
                }
            }
        }
        List<GradeGroup> composition = composition(grades, pooled, level);
        List<CeilingOdds> odds = new ArrayList<>();
        for (int cut = 1; cut < gradeCount; cut++) {
            for (int j = 1; j < groups; j++) {
                List<TwoByTwo> tables = new ArrayList<>();
                long[] crude = new long[4];
                for (long[][] stratum : counts) {
                    long[] t = cutTable(stratum, cut, j);
                    for (int c = 0; c < 4; c++) {
                        crude[c] += t[c];
                    }
                    if (t[0] + t[1] + t[2] + t[3] >= 2) {
                        tables.add(new TwoByTwo(t[0], t[1], t[2], t[3]));
                    }
                }
                odds.add(new CeilingOdds(grades.get(cut), Seb.CLASSIFIABLE.get(j), crude,
                        OddsRatio.of(new TwoByTwo(crude[0], crude[1], crude[2], crude[3]), OddsRatioInterval.WOOLF, level),
                        MantelHaenszel.oddsRatio(tables, level)));
            }
        }
        return new ClassCeiling(grades, strata, composition, odds, level, List.of(), Map.of(), "", Optional.empty());
    }

    /**
     * The SEB composition of each row of {@code pooled} ({@code pooled[row][group]}, groups in
     * {@link Seb#CLASSIFIABLE} order) against the whole (the workforce) and the nation, as the
     * class comment describes for grades; the rows may be any partition of the workforce (grades,
     * entry routes). Each entry's {@code grade} is its row's label.
     *
     * @throws LadderException if every count is 0
     */
    public static List<GradeGroup> composition(List<String> labels, long[][] pooled, double level) {
        int groups = Seb.CLASSIFIABLE.size();
        long[] groupTotals = new long[groups];
        long workforce = 0;
        for (long[] row : pooled) {
            for (int j = 0; j < groups; j++) {
                groupTotals[j] += row[j];
                workforce += row[j];
            }
        }
        if (workforce == 0) {
            throw new LadderException("no one in the composition: every count is 0");
        }
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability((1 + level) / 2);
        List<GradeGroup> composition = new ArrayList<>();
        for (int g = 0; g < pooled.length; g++) {
            long b = 0;
            for (long v : pooled[g]) {
                b += v;
            }
            for (int j = 0; j < groups; j++) {
                Seb group = Seb.CLASSIFIABLE.get(j);
                long a = pooled[g][j];
                double share = b == 0 ? Double.NaN : (double) a / b;
                ConfidenceInterval interval = WilsonInterval.of(a, b, level);
                double workforceShare = (double) groupTotals[j] / workforce;
                double ratio = share / workforceShare;
                ConfidenceInterval ratioInterval = ConfidenceInterval.undefined(level);
                if (a > 0) {
                    double sd = Math.sqrt(logRatioVariance(a, b, groupTotals[j], workforce));
                    ratioInterval = new ConfidenceInterval(ratio * Math.exp(-z * sd), ratio * Math.exp(z * sd), level);
                }
                double national = NationalBenchmark.workingPopulationShare(group);
                composition.add(new GradeGroup(labels.get(g), group, a, b, share, interval, workforceShare,
                        b == 0 ? Double.NaN : ratio, ratioInterval, share / national,
                        b == 0 ? interval : new ConfidenceInterval(interval.lower() / national, interval.upper() / national, level)));
            }
        }
        return composition;
    }

    /**
     * The delta-method variance of log((a/b) / (c/N)) when a of the b at a grade, and c of the N
     * in the workforce, are in the group (the grade being part of the workforce); see the class comment.
     */
    static double logRatioVariance(long a, long b, long c, long n) {
        double v = 1.0 / a - 1.0 / b - 1.0 / c + 2.0 * a / ((double) b * c) - 1.0 / n;
        return Math.max(0, v);
    }

    /** {group reached, group not, professional reached, professional not} for grades index >= cut. */
    private static long[] cutTable(long[][] counts, int cut, int group) {
        long[] t = new long[4];
        for (int g = 0; g < counts.length; g++) {
            int column = g >= cut ? 0 : 1;
            t[column] += counts[g][group];
            t[2 + column] += counts[g][0];
        }
        return t;
    }

    @Override
    public String title() {
        return "Class ceiling: SEB composition by grade and the odds of reaching each grade";
    }

    @Override
    public Map<String, Object> inputs() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("grades", String.join(", ", grades));
        inputs.put("strata", strataColumns.isEmpty() ? "none" : String.join(", ", strataColumns) + " ("
                + strata.size() + ")");
        inputs.put("classifiable", disclosure.isPresent() && withheld(SuppressionPlan.TOTAL, SuppressionPlan.TOTAL)
                .isPresent() ? "withheld" : (Object) composition.stream().mapToLong(GradeGroup::count).sum());
        inputs.put("rows_left_out", Answers.leftOutTotal(leftOut, threshold()));
        inputs.put("reference_group", Seb.PROFESSIONAL.level());
        inputs.put("benchmark", "UK working population: professional 34%, intermediate 24%, working class 42% (SMC)");
        inputs.put("filter", filter.isBlank() ? "none" : filter);
        inputs.put("confidence_level", level);
        inputs.put("disclosure_control", disclosure.isEmpty() ? "none (not for publication)"
                : "counts under " + SmallCellSuppression.DEFAULT_THRESHOLD + " withheld, with what would reveal them");
        return inputs;
    }

    @Override
    public List<ResultTable> tables() {
        String pct = Math.round(level * 100) + "%";
        ResultTable.Builder ceiling = ResultTable.builder("ceiling",
                        "Odds of being at a grade or above, against the professional group")
                .column("cut", Kind.LABEL, "grade g: the odds are of being at g or above")
                .column("seb", Kind.LABEL, "SEB group compared with professional")
                .column("reached", Kind.COUNT, "group at g or above")
                .column("not_reached", Kind.COUNT, "group below g")
                .column("professional_reached", Kind.COUNT, "professional at g or above")
                .column("professional_not_reached", Kind.COUNT, "professional below g")
                .column("odds_ratio", Kind.NUMBER, "crude odds ratio, pooled over strata")
                .column("lower", Kind.NUMBER, pct + " Woolf interval, lower")
                .column("upper", Kind.NUMBER, pct + " Woolf interval, upper")
                .column("mh_odds_ratio", Kind.NUMBER, "Mantel-Haenszel odds ratio within strata"
                        + (strataColumns.isEmpty() ? "" : " (" + String.join(", ", strataColumns) + ")"))
                .column("mh_lower", Kind.NUMBER, pct + " Robins-Breslow-Greenland interval, lower")
                .column("mh_upper", Kind.NUMBER, pct + " Robins-Breslow-Greenland interval, upper")
                .column("note", Kind.LABEL, "why a value is missing or withheld");
        for (CeilingOdds o : odds) {
            long[] t = o.table();
            boolean hidden = withheld(o);
            boolean mhHidden = hidden && strata.size() == 1;
            String reason = o.crude().reason() != null ? o.crude().reason() : o.stratified().reason();
            ceiling.row(o.cut(), o.group().level(), hidden ? null : t[0], hidden ? null : t[1], hidden ? null : t[2],
                    hidden ? null : t[3], hidden ? null : o.crude().estimate(), hidden ? null : o.crude().lower(),
                    hidden ? null : o.crude().upper(), mhHidden ? null : o.stratified().estimate(),
                    mhHidden ? null : o.stratified().lower(), mhHidden ? null : o.stratified().upper(),
                    hidden ? "withheld: counts and odds ratio: would reveal a suppressed composition count, or a count is"
                            + " under " + SmallCellSuppression.DEFAULT_THRESHOLD : reason);
        }
        return List.of(compositionTable("grade", "grade, lowest first", composition, level, disclosure, COMPOSITION),
                ceiling.build());
    }

    /**
     * A composition as a table whose rows are the levels of {@code dimension} ({@code grade},
     * {@code entry_route}): counts, shares with Wilson intervals, representation ratios against the
     * workforce and the nation; with a plan, what it withholds from its table {@code planTable}
     * (over {@code dimension} x seb with margins) and what rests on it is withheld, with the reason.
     */
    public static ResultTable compositionTable(String dimension, String describe, List<GradeGroup> composition,
            double level, Optional<SuppressionPlan> plan, String planTable) {
        String pct = Math.round(level * 100) + "%";
        String what = dimension.equals("entry_route") ? "route" : dimension;
        java.util.function.BiFunction<String, String, Optional<Reason>> withheld =
                (row, seb) -> plan.flatMap(p -> p.reason(planTable, List.of(row, seb)));
        ResultTable.Builder comp = ResultTable.builder("composition", "SEB composition at each " + what)
                .column(dimension, Kind.LABEL, describe)
                .column("seb", Kind.LABEL, "SEB group")
                .column("count", Kind.COUNT, "people in the group at the " + what)
                .column(what + "_total", Kind.COUNT, "classifiable people at the " + what)
                .column("share", Kind.PROPORTION, "count / " + what + " total")
                .column("lower", Kind.PROPORTION, pct + " Wilson interval, lower")
                .column("upper", Kind.PROPORTION, pct + " Wilson interval, upper")
                .column("workforce_share", Kind.PROPORTION, "the group's share of the whole workforce")
                .column("ratio_workforce", Kind.NUMBER, "share / workforce share; 1 is parity")
                .column("ratio_workforce_lower", Kind.NUMBER, pct + " log-scale delta-method interval, lower")
                .column("ratio_workforce_upper", Kind.NUMBER, pct + " log-scale delta-method interval, upper")
                .column("national_share", Kind.PROPORTION, "share of the UK working population (SMC)")
                .column("ratio_national", Kind.NUMBER, "share / national share")
                .column("ratio_national_lower", Kind.NUMBER, "Wilson lower bound / national share")
                .column("ratio_national_upper", Kind.NUMBER, "Wilson upper bound / national share")
                .column("note", Kind.LABEL, "why a value is withheld");
        for (GradeGroup r : composition) {
            Optional<Reason> count = withheld.apply(r.grade(), r.group().level());
            Optional<Reason> total = withheld.apply(r.grade(), SuppressionPlan.TOTAL);
            boolean workforce = withheld.apply(SuppressionPlan.TOTAL, r.group().level()).isPresent()
                    || withheld.apply(SuppressionPlan.TOTAL, SuppressionPlan.TOTAL).isPresent();
            boolean share = r.gradeTotal() > 0 && count.isEmpty() && total.isEmpty();
            boolean ratio = share && !workforce;
            comp.row(r.grade(), r.group().level(), count.isEmpty() ? r.count() : null,
                    total.isEmpty() ? r.gradeTotal() : null, share ? r.share() : null,
                    share ? r.interval().lower() : null, share ? r.interval().upper() : null,
                    workforce ? null : r.workforceShare(), ratio ? r.workforceRatio() : null,
                    ratio ? bound(r.workforceInterval().lower()) : null,
                    ratio ? bound(r.workforceInterval().upper()) : null,
                    NationalBenchmark.workingPopulationShare(r.group()), share ? r.nationalRatio() : null,
                    share ? bound(r.nationalInterval().lower()) : null, share ? bound(r.nationalInterval().upper()) : null,
                    note(count, total, workforce));
        }
        return comp.build();
    }

    private static String note(Optional<Reason> count, Optional<Reason> total, boolean workforce) {
        long threshold = SmallCellSuppression.DEFAULT_THRESHOLD;
        List<String> parts = new ArrayList<>();
        count.ifPresent(r -> parts.add("count: " + r.describe(threshold)));
        total.ifPresent(r -> parts.add("grade total: " + r.describe(threshold)));
        if (workforce) {
            parts.add("workforce total: withheld");
        }
        if (!parts.isEmpty()) {
            parts.add("shares and ratios: " + Reason.DERIVED.describe(threshold));
        }
        return parts.isEmpty() ? null : "withheld: " + String.join("; ", parts);
    }

    /** NaN (not estimable) is shown as not available; 0 and +Infinity are real answers and kept. */
    private static Double bound(double v) {
        return Double.isNaN(v) ? null : v;
    }

    @Override
    public List<String> findings() {
        return headline().stream().toList();
    }

    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        notes.addAll(findings());
        notes.addAll(List.of(
                "Shares are over the classifiable people at each grade, with Wilson score intervals (Wilson 1927).",
                "Representation ratio against the workforce: share at the grade / share in the whole workforce (pooled"
                        + " over strata), with a log-scale delta-method interval that allows for the grade being part"
                        + " of the workforce (one multinomial sample): Var log ratio = 1/a - 1/b - 1/c + 2a/(bc) - 1/N.",
                "Representation ratio against the national working population (SMC 34/24/42): the benchmark is fixed,"
                        + " so the interval is the Wilson interval divided by it.",
                "Ceiling odds ratios compare each group with professionals for being at grade g or above: crude with"
                        + " Woolf's interval (Woolf 1955), and Mantel-Haenszel within strata (Mantel and"
                        + " Haenszel 1959) with the Robins-Breslow-Greenland interval (Robins, Breslow and Greenland"
                        + " 1986), as R's mantelhaen.test(correct = FALSE); strata of fewer than 2 people are left out."));
        if (strataColumns.isEmpty() && strata.size() == 1) {
            notes.add("No strata were given, so the Mantel-Haenszel odds ratio is the crude one.");
        }
        if (!leftOut.isEmpty()) {
            notes.add(LEFT_OUT + ": " + Answers.leftOut(leftOut, threshold()) + " (the ceiling is over classifiable SEB at a grade).");
        }
        if (composition.stream().anyMatch(r -> r.count() == 0)) {
            notes.add("A group with no one at a grade has a representation ratio of 0 and no log-scale interval.");
        }
        if (odds.stream().anyMatch(o -> !o.crude().isDefined() || !o.stratified().isDefined())) {
            notes.add("An odds ratio from a table with an empty cell is 0 or infinite and has no interval (no 0.5 is"
                    + " added); it is not available when the table says nothing about it.");
        }
        if (disclosure.isPresent()) {
            notes.add("Disclosure control: composition counts under " + SmallCellSuppression.DEFAULT_THRESHOLD
                    + " are withheld with enough other counts, grade totals and workforce totals (one plan over the"
                    + " table and its margins) that none can be worked back; shares and ratios resting on a withheld"
                    + " count are withheld. A ceiling row (counts below and at or above a cut) is published only when its counts"
                    + " follow from the published composition (a column's withheld counts all on one side of the cut,"
                    + " its total published) and none is under " + SmallCellSuppression.DEFAULT_THRESHOLD + "; the"
                    + " Mantel-Haenszel odds ratio rests on many strata and is published unless there is one stratum.");
        }
        return notes;
    }

    /** E.g. "Working class people are 42.0% of grade 1 and 18.5% of grade 6 (UK working population: 42%)." */
    private Optional<String> headline() {
        Seb working = Seb.WORKING_CLASS;
        GradeGroup low = composition.get(working.ordinal());
        GradeGroup high = composition.get(composition.size() - Seb.CLASSIFIABLE.size() + working.ordinal());
        boolean hidden = disclosure.isPresent() && Stream.of(low, high).anyMatch(r -> withheld(r.grade(), working.level())
                .isPresent() || withheld(r.grade(), SuppressionPlan.TOTAL).isPresent());
        if (hidden || low.gradeTotal() == 0 || high.gradeTotal() == 0) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "Working class people are %.1f%% of grade %s and %.1f%% of grade %s"
                + " (UK working population: %.0f%%).", 100 * low.share(), low.grade(), 100 * high.share(), high.grade(),
                100 * NationalBenchmark.WORKING_CLASS));
    }

    /** The share of each SEB group at each grade with its Wilson interval, and the national shares as lines. */
    @Override
    public List<Chart> charts() {
        return List.of(compositionChart("grade", grades, composition, level, filter, disclosure, COMPOSITION));
    }

    /**
     * Bars of each SEB group's share at each level of {@code dimension} with Wilson whiskers, and
     * the national shares as dashed lines; shares a plan withholds are left out.
     */
    public static Chart compositionChart(String dimension, List<String> levels, List<GradeGroup> composition,
            double level, String filter, Optional<SuppressionPlan> plan, String planTable) {
        String what = dimension.replace('_', ' ');
        java.util.function.BiFunction<String, String, Boolean> hidden =
                (row, seb) -> plan.flatMap(p -> p.reason(planTable, List.of(row, seb))).isPresent();
        List<Chart.Series> series = new ArrayList<>();
        List<Chart.Reference> references = new ArrayList<>();
        for (int j = 0; j < Seb.CLASSIFIABLE.size(); j++) {
            Seb group = Seb.CLASSIFIABLE.get(j);
            List<Double> values = new ArrayList<>(), lower = new ArrayList<>(), upper = new ArrayList<>();
            for (int g = 0; g < levels.size(); g++) {
                GradeGroup r = composition.get(g * Seb.CLASSIFIABLE.size() + j);
                boolean shown = r.gradeTotal() > 0 && !hidden.apply(r.grade(), group.level())
                        && !hidden.apply(r.grade(), SuppressionPlan.TOTAL);
                values.add(shown ? r.share() : null);
                lower.add(shown ? r.interval().lower() : null);
                upper.add(shown ? r.interval().upper() : null);
            }
            String name = group.level().replace('_', ' ');
            series.add(new Chart.Series(name, values, lower, upper));
            double national = NationalBenchmark.workingPopulationShare(group);
            references.add(new Chart.Reference(String.format(Locale.UK, "UK %s %.0f%%", name, national * 100), national, j,
                    NationalBenchmark.shareFigure(group)));
        }
        String subtitle = String.format(Locale.UK, "Bars: share of classifiable people at each %s with %.0f%% Wilson"
                + " interval. Dashed: UK working population (SMC).%s", what, level * 100,
                filter.isBlank() ? "" : " Filter: " + filter);
        return new Chart.IntervalBars("SEB composition by " + what, subtitle, what, "share at the " + what, true,
                levels, series, references);
    }
}
