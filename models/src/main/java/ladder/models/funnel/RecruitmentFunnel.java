package ladder.models.funnel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import ladder.engine.LadderException;
import ladder.engine.contract.Field;
import ladder.engine.contract.Seb;
import ladder.engine.cube.Cube;
import ladder.engine.cube.CubeSource;
import ladder.engine.cube.Dimension;
import ladder.models.composition.CompositionCell;
import ladder.models.composition.CompositionStatistics;
import ladder.models.composition.GroupShare;
import ladder.models.composition.NationalBenchmark;
import ladder.models.composition.SebCounts;
import ladder.models.contingency.Estimate;
import ladder.models.contingency.HypothesisTest;
import ladder.models.contingency.OddsRatioInterval;
import ladder.models.contingency.ProgressionOdds;
import ladder.models.disclosure.SmallCellSuppression;
import ladder.models.disclosure.SuppressionPlan;
import ladder.models.proportion.ConfidenceInterval;
import ladder.models.proportion.WilsonInterval;
import ladder.models.result.Chart;
import ladder.models.result.Result;
import ladder.models.result.ResultTable;
import ladder.models.result.ResultTable.Kind;

/**
 * The recruitment funnel by socio-economic background, from the {@code applicants} table: at each
 * stage (applied, shortlisted, interviewed, offered, hired; an application "reached" stage
 * {@code s} when its {@code stage_reached} is {@code s} or later)
 * <ul>
 *   <li>the SEB composition of those who reached it, each share with its Wilson interval (R:
 *       {@code prop.test(x, n, correct = FALSE)}), against the national 34/24/42 with Pearson's
 *       goodness of fit ({@link CompositionStatistics});</li>
 *   <li>the conversion rate from the stage before, by group, with its Wilson interval;</li>
 *   <li>the adverse impact ratio: each group's conversion rate over the highest group's, with the
 *       Katz log interval of a ratio of two independent binomial proportions (Katz, Baptista, Azen
 *       and Pike 1978, Biometrics 34:469-474; {@link AdverseImpact}), flagged against the
 *       four-fifths rule (US Uniform Guidelines on Employee Selection Procedures, 29 CFR 1607.4(D));
 *       also for the whole funnel, applied to hired;</li>
 *   <li>the odds ratio of progressing, working class and intermediate against professional,
 *       crude (sample odds ratio with Woolf interval; conditional MLE with exact interval and
 *       Fisher's test) and within strata (default: employers) by Mantel-Haenszel with the
 *       Robins-Breslow-Greenland interval and the CMH test, via {@link ProgressionOdds} on the
 *       applications that reached the stage before;</li>
 *   <li>where the working-class share drops most between consecutive stages.</li>
 * </ul>
 * Read from one cube over {@code employer_id x year x strata x seb x stage_reached}, so it runs alike
 * on rows and on merged cube files of applicants.
 *
 * <p>With disclosure control ({@link #publishable}), the counts of applications by the stage they
 * stopped at and background (professional, intermediate, working class, not classifiable) with
 * their margins go through one {@link SuppressionPlan}; a count of those who reached a stage is a
 * sum of such counts and is published only when it is a sum of published ones; rates, ratios and
 * crude odds ratios resting on a withheld count are withheld. Mantel-Haenszel estimates pool many
 * strata and are published, as in {@link ProgressionOdds}, but for one pooled stratum, where the
 * estimate is the crude one and follows its rule. A funnel published beside other tables of the same
 * applications (an employer's pack) takes their plan instead ({@link #publishable(SuppressionPlan,
 * String, List)}), so that no table gives away a count another withholds.
 *
 * @param question what was asked
 * @param stages the stage labels in funnel order
 * @param counts {@code counts[s][g]}: applications that stopped at stage {@code s} with background
 *     {@code g} in {@link Seb} order (professional, intermediate, working class, excluded, missing)
 * @param odds per stage after the first, the odds analysis of progressing to it
 * @param filter the filter the rows passed
 * @param disclosure where the funnel's counts are in a suppression plan, when for publication
 */
public record RecruitmentFunnel(Question question, List<String> stages, long[][] counts,
        List<ProgressionOdds> odds, String filter, Optional<PlanCells> disclosure) implements Result {

    /**
     * Where the funnel's counts by stage stopped at and background are in a plan: the cells of
     * {@code table} whose labels are {@code prefix} and then the stage and the group.
     *
     * @param plan the suppression plan
     * @param table its table holding the counts
     * @param prefix the labels before the stage and the group (none for the funnel's own plan)
     */
    public record PlanCells(SuppressionPlan plan, String table, List<String> prefix) {
        public PlanCells {
            java.util.Objects.requireNonNull(plan);
            prefix = List.copyOf(prefix);
        }

        List<String> labels(String stage, String group) {
            List<String> labels = new ArrayList<>(prefix);
            labels.add(stage);
            labels.add(group);
            return labels;
        }

        boolean isSuppressed(String stage, String group) {
            return plan.isSuppressed(table, labels(stage, group));
        }
    }

    /** The dimensions every funnel reads; strata are added between year and seb. */
    public static final List<String> DIMENSIONS = List.of("employer_id", "year", "seb", "stage_reached");
    static final String STAGE = Field.STAGE_REACHED.name();
    private static final String STOPPED = "stopped";
    private static final List<String> PLAN_GROUPS =
            List.of("professional", "intermediate", "working_class", "not_classifiable");

    /**
     * What is asked.
     *
     * @param strata the columns whose level combinations are the Mantel-Haenszel strata (default employer_id)
     * @param level the confidence level of every interval
     */
    public record Question(List<String> strata, double level) {
        public Question {
            strata = List.copyOf(strata);
            if (!(level > 0 && level < 1)) {
                throw new LadderException("the confidence level must be between 0 and 1, not " + level);
            }
        }

        /** Strata employer_id, 95% intervals. */
        public static Question defaults() {
            return new Question(List.of("employer_id"), WilsonInterval.DEFAULT_LEVEL);
        }
    }

    public RecruitmentFunnel {
        stages = List.copyOf(stages);
        odds = List.copyOf(odds);
        long[][] copy = new long[counts.length][];
        for (int s = 0; s < counts.length; s++) {
            copy[s] = counts[s].clone();
        }
        counts = copy;
    }

    /** The funnel of the applications in {@code source}. */
    public static RecruitmentFunnel of(CubeSource source, Question question) {
        CubeSource.requireCategorical(question.strata(), "a stratum");
        List<String> dims = new ArrayList<>(DIMENSIONS.subList(0, 2));
        for (String s : question.strata()) {
            String name = s.strip().toLowerCase(Locale.ROOT);
            if (name.equals("seb") || name.equals(STAGE)) {
                throw new LadderException(name + " cannot be a stratum of the funnel: it is what the funnel compares");
            }
            if (!dims.contains(name)) {
                dims.add(name);
            }
        }
        dims.addAll(DIMENSIONS.subList(2, 4));
        Cube cube = source.cube(dims, List.of());
        Dimension stage = cube.dimensions().get(cube.dimension(STAGE));
        List<String> stages = Field.STAGE_REACHED.codebook().codes();
        if (!stage.levels().equals(stages)) {
            throw new LadderException("stage_reached has levels " + stage.levels() + ", not the contract's " + stages);
        }
        if (cube.total() == 0) {
            throw new LadderException("the selection has no applications");
        }
        long[][] counts = new long[stages.size()][Seb.values().length];
        Cube bySebStage = cube.marginalise(STAGE, "seb");
        for (int c = 0; c < bySebStage.size(); c++) {
            counts[stage.indexOf(bySebStage.label(c, 0))][Seb.valueOf(bySebStage.label(c, 1).toUpperCase(Locale.ROOT))
                    .ordinal()] += bySebStage.count(c);
        }
        List<ProgressionOdds> odds = new ArrayList<>();
        for (int s = 1; s < stages.size(); s++) {
            int from = s - 1;
            Cube atRisk = cube.where(STAGE, l -> stages.indexOf(l) >= from);
            odds.add(ProgressionOdds.of(CubeSource.of(atRisk), new ProgressionOdds.Question(
                    STAGE + " != " + stages.get(from), "seb", List.of("intermediate", "working_class"), "professional",
                    question.strata(), List.of(), question.level())));
        }
        return new RecruitmentFunnel(question, stages, counts, odds, source.filter(), Optional.empty());
    }

    /** The same funnel with disclosure control for publication (counts under 10, and what would reveal them). */
    public RecruitmentFunnel publishable() {
        long[] interior = new long[stages.size() * PLAN_GROUPS.size()];
        for (int s = 0; s < stages.size(); s++) {
            for (int g = 0; g < PLAN_GROUPS.size(); g++) {
                interior[s * PLAN_GROUPS.size() + g] = planCount(s, g);
            }
        }
        SuppressionPlan plan = SuppressionPlan.builder(SmallCellSuppression.DEFAULT_THRESHOLD)
                .table(STOPPED, List.of(STAGE, "seb"), List.of(stages, PLAN_GROUPS), interior).build();
        return new RecruitmentFunnel(question, stages, counts, odds, filter,
                Optional.of(new PlanCells(plan, STOPPED, List.of())));
    }

    /**
     * The same funnel published under {@code plan}, which holds its counts by stage stopped at and
     * background (professional, intermediate, working class, not classifiable) as the cells of
     * {@code table} labelled {@code prefix}, the stage and the group: a plan made for these
     * applications and other tables of them, so that what the funnel withholds and what they
     * withhold are decided together.
     *
     * @throws IllegalArgumentException when a cell of the plan is not the funnel's count
     */
    public RecruitmentFunnel publishable(SuppressionPlan plan, String table, List<String> prefix) {
        PlanCells cells = new PlanCells(plan, table, prefix);
        for (int s = 0; s < stages.size(); s++) {
            for (int g = 0; g < PLAN_GROUPS.size(); g++) {
                long held = plan.value(table, cells.labels(stages.get(s), PLAN_GROUPS.get(g)));
                if (held != planCount(s, g)) {
                    throw new IllegalArgumentException("the plan's " + table + " " + cells.labels(stages.get(s),
                            PLAN_GROUPS.get(g)) + " holds " + held + ", the funnel's count is " + planCount(s, g));
                }
            }
        }
        return new RecruitmentFunnel(question, stages, counts, odds, filter, Optional.of(cells));
    }

    private long planCount(int s, int g) {
        return g < 3 ? counts[s][g] : counts[s][Seb.EXCLUDED.ordinal()] + counts[s][Seb.MISSING.ordinal()];
    }

    // ---- The numbers ----

    /** Applications of {@code group} (a {@link Seb} ordinal; -1 for all) that reached stage {@code s}. */
    public long reached(int s, int group) {
        long n = 0;
        for (int t = s; t < stages.size(); t++) {
            for (int g = 0; g < counts[t].length; g++) {
                n += group < 0 || g == group ? counts[t][g] : 0;
            }
        }
        return n;
    }

    /** The composition of those who reached stage {@code s}. */
    public CompositionCell composition(int s) {
        return CompositionStatistics.of(reached(s, 0), reached(s, 1), reached(s, 2), reached(s, 3), reached(s, 4),
                question.level());
    }

    /**
     * Whether the count of {@code group} (a {@link Seb} ordinal of a classifiable group, or -1 for
     * all) reaching stage {@code s} is published: it is the sum of the plan's counts at stages
     * {@code s} and after, or the column's margin less the counts before {@code s}, and is published
     * when one of these is made of published counts only.
     */
    boolean published(int s, int group) {
        if (disclosure.isEmpty()) {
            return true;
        }
        PlanCells plan = disclosure.get();
        String column = group < 0 ? SuppressionPlan.TOTAL : PLAN_GROUPS.get(group);
        boolean after = true;
        for (int t = s; t < stages.size(); t++) {
            after &= !plan.isSuppressed(stages.get(t), column);
        }
        boolean before = !plan.isSuppressed(SuppressionPlan.TOTAL, column);
        for (int t = 0; t < s; t++) {
            before &= !plan.isSuppressed(stages.get(t), column);
        }
        return after || before;
    }

    /** Whether the classifiable count at stage {@code s} (the share's denominator) is published. */
    private boolean classifiablePublished(int s) {
        return published(s, 0) && published(s, 1) && published(s, 2);
    }

    /** The adverse impact ratios of the step from stage {@code from} to stage {@code to}. */
    public List<AdverseImpact> adverseImpact(int from, int to) {
        long[] selected = new long[3];
        long[] at = new long[3];
        for (int g = 0; g < 3; g++) {
            selected[g] = reached(to, g);
            at[g] = reached(from, g);
        }
        return AdverseImpact.of(selected, at, question.level());
    }

    // ---- Rendering ----

    @Override
    public String title() {
        return "Recruitment funnel by socio-economic background";
    }

    @Override
    public Map<String, Object> inputs() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("filter", filter.isEmpty() ? "none" : filter);
        inputs.put("applications", published(0, -1) ? reached(0, -1) : "withheld (disclosure control)");
        inputs.put("classifiable", classifiablePublished(0) ? composition(0).classifiable()
                : "withheld (disclosure control)");
        inputs.put("strata", question.strata().isEmpty() ? "none" : String.join(", ", question.strata()));
        inputs.put("confidence_level", question.level());
        inputs.put("disclosure_control", disclosure.isEmpty() ? "none (not for publication)"
                : "counts under " + SmallCellSuppression.DEFAULT_THRESHOLD + " withheld, with what would reveal them");
        return inputs;
    }

    @Override
    public List<ResultTable> tables() {
        return List.of(compositionTable(), conversionTable(), adverseImpactTable(), oddsTable(), benchmarkTable());
    }

    private ResultTable compositionTable() {
        ResultTable.Builder b = ResultTable.builder("composition", "SEB composition of those who reached each stage")
                .column("stage", Kind.LABEL, "stage reached (or later)")
                .column("seb", Kind.LABEL, "background")
                .column("count", Kind.COUNT, "applications of the group that reached the stage")
                .column("classifiable", Kind.COUNT, "applications in the three groups that reached the stage")
                .column("share", Kind.PROPORTION, "count / classifiable")
                .column("lower", Kind.PROPORTION, "Wilson interval, lower bound")
                .column("upper", Kind.PROPORTION, "Wilson interval, upper bound")
                .column("national_share", Kind.PROPORTION, "share of the UK working population (SMC)")
                .column("representation_ratio", Kind.NUMBER, "share / national share")
                .column("note", Kind.LABEL, "why a value is withheld");
        for (int s = 0; s < stages.size(); s++) {
            CompositionCell cell = composition(s);
            boolean denominator = classifiablePublished(s);
            for (GroupShare share : cell.groups()) {
                boolean count = published(s, share.group().ordinal());
                boolean ok = count && denominator && cell.classifiable() > 0;
                b.row(stages.get(s), share.group().level(), count ? share.count() : null,
                        denominator ? cell.classifiable() : null, ok ? share.share() : null,
                        ok ? share.interval().lower() : null, ok ? share.interval().upper() : null, share.nationalShare(),
                        ok ? share.representationRatio() : null,
                        cell.classifiable() == 0 ? "no classifiable applications reached the stage" : withheldNote(ok));
            }
        }
        return b.build();
    }

    private ResultTable conversionTable() {
        ResultTable.Builder b = ResultTable.builder("conversion", "Conversion from the stage before, by background")
                .column("stage", Kind.LABEL, "stage reached")
                .column("from", Kind.LABEL, "the stage before")
                .column("seb", Kind.LABEL, "background (all: every application, classifiable or not)")
                .column("at_previous", Kind.COUNT, "applications that reached the stage before")
                .column("progressed", Kind.COUNT, "of those, the ones that reached this stage")
                .column("rate", Kind.PROPORTION, "progressed / at_previous")
                .column("lower", Kind.PROPORTION, "Wilson interval, lower bound")
                .column("upper", Kind.PROPORTION, "Wilson interval, upper bound")
                .column("note", Kind.LABEL, "why a value is missing or withheld");
        for (int s = 1; s < stages.size(); s++) {
            for (int g = 0; g <= 3; g++) {
                int group = g < 3 ? g : -1;
                long n = reached(s - 1, group);
                long x = reached(s, group);
                boolean ok = published(s - 1, group) && published(s, group);
                ConfidenceInterval ci = n == 0 ? null : WilsonInterval.of(x, n, question.level());
                b.row(stages.get(s), stages.get(s - 1), g < 3 ? Seb.values()[g].level() : "all",
                        published(s - 1, group) ? n : null, published(s, group) ? x : null,
                        ok && n > 0 ? (double) x / n : null, ok && ci != null ? ci.lower() : null,
                        ok && ci != null ? ci.upper() : null,
                        n == 0 ? "no applications reached the stage before" : withheldNote(ok));
            }
        }
        return b.build();
    }

    private ResultTable adverseImpactTable() {
        ResultTable.Builder b = ResultTable.builder("adverse_impact",
                        "Adverse impact ratio: each group's selection rate over the highest group's")
                .column("step", Kind.LABEL, "from one stage to the next, or applied to hired for the whole funnel")
                .column("seb", Kind.LABEL, "background")
                .column("rate", Kind.PROPORTION, "selection rate: reached the stage / reached the stage before")
                .column("highest", Kind.LABEL, "the group with the highest rate, the comparison")
                .column("impact_ratio", Kind.NUMBER, "rate / highest group's rate")
                .column("lower", Kind.NUMBER, "Katz log interval, lower bound")
                .column("upper", Kind.NUMBER, "Katz log interval, upper bound")
                .column("four_fifths", Kind.LABEL, "against the four-fifths rule (ratio below 0.8)")
                .column("note", Kind.LABEL, "why a value is missing or withheld");
        for (int s = 1; s <= stages.size(); s++) {
            boolean overall = s == stages.size();
            int from = overall ? 0 : s - 1;
            int to = overall ? stages.size() - 1 : s;
            String step = stages.get(from) + " -> " + stages.get(to) + (overall ? " (whole funnel)" : "");
            boolean ok = true;
            for (int g = 0; g < 3; g++) {
                ok &= published(from, g) && published(to, g);
            }
            for (AdverseImpact a : adverseImpact(from, to)) {
                Estimate r = a.ratio();
                b.row(step, a.group().level(), ok ? a.rate() : null, a.highest() == null ? null : a.highest().level(),
                        ok ? r.estimate() : null, ok ? r.lower() : null, ok ? r.upper() : null,
                        ok ? a.fourFifths() : null, ok ? r.reason() : withheldNote(false));
            }
        }
        return b.build();
    }

    private ResultTable oddsTable() {
        ResultTable.Builder b = ResultTable.builder("odds", "Odds ratio of progressing to each stage, against professional")
                .column("stage", Kind.LABEL, "stage reached, among those who reached the stage before")
                .column("seb", Kind.LABEL, "background compared with professional")
                .column("analysis", Kind.LABEL, "crude (pooled applications) or within strata (Mantel-Haenszel)")
                .column("method", Kind.LABEL, "estimator and interval")
                .column("odds_ratio", Kind.NUMBER, "odds ratio of progressing")
                .column("lower", Kind.NUMBER, "lower confidence bound")
                .column("upper", Kind.NUMBER, "upper confidence bound")
                .column("p_value", Kind.P_VALUE, "two-sided p-value of no association (Wald, Fisher, CMH)")
                .column("note", Kind.LABEL, "why a value is missing or withheld");
        for (int s = 1; s < stages.size(); s++) {
            for (ProgressionOdds.Comparison c : odds.get(s - 1).groups().get(0).comparisons()) {
                int g = Seb.valueOf(c.exposureLevel().toUpperCase(Locale.ROOT)).ordinal();
                boolean ok = published(s - 1, g) && published(s, g) && published(s - 1, 0) && published(s, 0);
                Estimate woolf = c.crude().oddsRatio(OddsRatioInterval.WOOLF);
                oddsRow(b, s, c, "crude", woolf, woolf.pValue(), ok);
                HypothesisTest fisher = c.crude().tests().get(2);
                oddsRow(b, s, c, "crude", c.crude().oddsRatio(OddsRatioInterval.EXACT), fisher.pValue(), ok);
                if (c.stratified() != null) {
                    // One pooled stratum's estimate is the crude one (an employer's own funnel).
                    oddsRow(b, s, c, "within " + String.join(" x ", question.strata()), c.stratified().oddsRatio(),
                            c.stratified().cochranMantelHaenszel(false).pValue(), ok || c.stratified().pooledStrata() > 1);
                }
            }
        }
        return b.build();
    }

    private void oddsRow(ResultTable.Builder b, int s, ProgressionOdds.Comparison c, String analysis, Estimate e,
            Double p, boolean ok) {
        b.row(stages.get(s), c.exposureLevel(), analysis, e.method(), ok ? e.estimate() : null, ok ? e.lower() : null,
                ok ? e.upper() : null, ok ? p : null, ok ? e.reason() : withheldNote(false));
    }

    private ResultTable benchmarkTable() {
        ResultTable.Builder b = ResultTable.builder("benchmark",
                        "Applicants and hires against the national working population (34/24/42)")
                .column("population", Kind.LABEL, "applicants (everyone who applied) or hires")
                .column("classifiable", Kind.COUNT, "applications in the three groups")
                .column("professional", Kind.PROPORTION, "professional share (national 34%)")
                .column("intermediate", Kind.PROPORTION, "intermediate share (national 24%)")
                .column("working_class", Kind.PROPORTION, "working-class share (national 42%)")
                .column("chi_square", Kind.NUMBER, "Pearson's X^2 against 0.34, 0.24, 0.42")
                .column("df", Kind.COUNT, "degrees of freedom")
                .column("p_value", Kind.P_VALUE, "p-value of the goodness of fit")
                .column("note", Kind.LABEL, "why a value is missing or withheld");
        for (int s : new int[] {0, stages.size() - 1}) {
            CompositionCell cell = composition(s);
            boolean ok = classifiablePublished(s) && cell.goodnessOfFit().isPresent();
            var fit = cell.goodnessOfFit();
            b.row(s == 0 ? "applicants" : "hires", classifiablePublished(s) ? cell.classifiable() : null,
                    ok ? cell.groups().get(0).share() : null, ok ? cell.groups().get(1).share() : null,
                    ok ? cell.groups().get(2).share() : null, ok ? fit.get().statistic() : null,
                    ok ? (long) fit.get().df() : null, ok ? fit.get().pValue() : null,
                    cell.classifiable() == 0 ? "no classifiable applications" : withheldNote(ok));
        }
        return b.build();
    }

    private String withheldNote(boolean published) {
        return published ? null : "withheld: rests on a count under " + SmallCellSuppression.DEFAULT_THRESHOLD
                + " or on one withheld to protect it";
    }

    @Override
    public List<String> findings() {
        return List.of(FunnelHeadline.of(this));
    }

    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        notes.addAll(findings());
        notes.add("An application reached a stage when its stage_reached is that stage or a later one; the conversion"
                + " rate is those who reached a stage over those who reached the stage before. Shares are over"
                + " applications with a classifiable answer to parental occupation.");
        notes.add("Intervals: Wilson score intervals for shares and rates (R: prop.test(x, n, correct = FALSE)); the"
                + " adverse impact ratio (a ratio of two independent binomial proportions) with the Katz log interval"
                + " exp(log R +/- z sqrt(1/x1 - 1/n1 + 1/x2 - 1/n2)) (Katz, Baptista, Azen and Pike 1978, Biometrics"
                + " 34:469-474); the four-fifths rule of the US Uniform Guidelines on Employee Selection Procedures"
                + " (29 CFR 1607.4(D)) flags a ratio below 0.8 as evidence of adverse impact.");
        notes.add("Odds ratios: crude sample odds ratio with the Woolf interval (Wald p); conditional MLE with the exact"
                + " interval and Fisher's test (R: fisher.test); within strata Mantel-Haenszel with the"
                + " Robins-Breslow-Greenland interval and the CMH test without continuity correction"
                + " (R: mantelhaen.test(correct = FALSE)).");
        notes.add("National benchmark: the Social Mobility Commission's working population, professional 34%,"
                + " intermediate 24%, working class 42%; Pearson's goodness of fit (R: chisq.test(x, p = ...)).");
        if (disclosure.isPresent()) {
            notes.add("Disclosure control: counts of applications by the stage they stopped at and background under "
                    + SmallCellSuppression.DEFAULT_THRESHOLD + " are withheld, with enough others that none can be"
                    + " worked back from the margins; counts of those reaching a stage, rates, ratios and crude odds"
                    + " ratios resting on them are withheld too. Mantel-Haenszel estimates pool many strata and are"
                    + " published, but for one pooled stratum, whose estimate is the crude one and is withheld with"
                    + " it.");
        }
        return notes;
    }

    /**
     * Charts: the SEB composition at each stage with the national shares as lines, the conversion
     * rate from the stage before by group, and the odds ratios of progressing within strata.
     */
    @Override
    public List<Chart> charts() {
        List<Chart.Series> shares = new ArrayList<>();
        List<Chart.Series> rates = new ArrayList<>();
        List<Chart.Reference> national = new ArrayList<>();
        for (Seb group : Seb.CLASSIFIABLE) {
            List<Double> v = new ArrayList<>(), lo = new ArrayList<>(), hi = new ArrayList<>();
            for (int s = 0; s < stages.size(); s++) {
                GroupShare share = composition(s).group(group);
                boolean ok = published(s, group.ordinal()) && classifiablePublished(s) && share.count() >= 0
                        && composition(s).classifiable() > 0;
                v.add(ok ? share.share() : null);
                lo.add(ok ? share.interval().lower() : null);
                hi.add(ok ? share.interval().upper() : null);
            }
            shares.add(new Chart.Series(group.level(), v, lo, hi));
            national.add(new Chart.Reference("national " + group.level(),
                    NationalBenchmark.workingPopulationShare(group), group.ordinal(),
                    NationalBenchmark.applicantsShareFigure(group)));
            List<Double> rv = new ArrayList<>(), rl = new ArrayList<>(), rh = new ArrayList<>();
            for (int s = 1; s < stages.size(); s++) {
                long n = reached(s - 1, group.ordinal());
                long x = reached(s, group.ordinal());
                boolean ok = n > 0 && published(s - 1, group.ordinal()) && published(s, group.ordinal());
                ConfidenceInterval ci = ok ? WilsonInterval.of(x, n, question.level()) : null;
                rv.add(ok ? (double) x / n : null);
                rl.add(ok ? ci.lower() : null);
                rh.add(ok ? ci.upper() : null);
            }
            rates.add(new Chart.Series(group.level(), rv, rl, rh));
        }
        String level = String.format(Locale.ROOT, "%.0f%%", 100 * question.level());
        List<Chart> charts = new ArrayList<>();
        charts.add(new Chart.IntervalBars("Who gets through: SEB shares at each stage of the funnel",
                "Share of classifiable applications that reached each stage, " + level + " Wilson intervals;"
                        + " lines: national working population (34/24/42).", "stage reached", "share", true,
                stages, shares, national));
        charts.add(new Chart.IntervalBars("Conversion from the stage before, by background",
                "Reached the stage / reached the stage before, " + level + " Wilson intervals.", "stage reached",
                "conversion rate", true, stages.subList(1, stages.size()), rates, List.of()));
        if (!question.strata().isEmpty()) {
            List<Chart.Forest.Row> rows = new ArrayList<>();
            for (int s = 1; s < stages.size(); s++) {
                for (ProgressionOdds.Comparison c : odds.get(s - 1).groups().get(0).comparisons()) {
                    if (c.stratified() != null) {
                        Estimate e = c.stratified().oddsRatio();
                        rows.add(new Chart.Forest.Row(stages.get(s) + ": " + c.exposureLevel(), e.estimate(), e.lower(),
                                e.upper(), Math.round(c.crude().table().total()), false, false));
                    }
                }
            }
            charts.add(new Chart.Forest("Odds of progressing to each stage against professional, within "
                    + String.join(" x ", question.strata()), "Mantel-Haenszel odds ratio with " + level
                    + " Robins-Breslow-Greenland interval; dashed line: no difference.", "odds ratio", true, 1.0, rows));
        }
        return charts;
    }
}
