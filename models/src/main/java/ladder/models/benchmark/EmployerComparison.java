package ladder.models.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import ladder.engine.LadderException;
import ladder.engine.cube.Cube;
import ladder.engine.cube.CubeSource;
import ladder.models.disclosure.Reason;
import ladder.models.disclosure.SmallCellSuppression;
import ladder.models.disclosure.SuppressionPlan;
import ladder.models.result.Chart;
import ladder.models.result.Result;
import ladder.models.result.ResultTable;
import ladder.models.result.ResultTable.Kind;

/**
 * Where one employer stands: each {@link KeyFigure} for the employer beside the pooled coalition
 * (every employer in the selection, this one included), its sector with the employer itself left
 * out, and the national figure, each with its interval; and the employer's mid-rank percentile
 * among the coalition's employers ({@link MidRankPercentile}) where at least
 * {@value MidRankPercentile#MINIMUM_EMPLOYERS} employers have the figure. Read from one cube
 * per group of count tables ({@link PoolCounts}), so it runs alike on rows and on merged cube files.
 *
 * <p>The figures are over the rows of the selection, that is person-years when several years are
 * selected (a person is counted in each year they appear, and the intervals treat the rows as
 * independent); select one year ({@code --where "year = 2024"}) for a snapshot. The employer's
 * sector is the {@code sector} label of most of its rows (ties: the first in label order); when
 * its rows carry several labels the notes say so and the sector comparison is the other employers'
 * rows with that label.
 *
 * <p>The recruitment funnel's figures (the working-class share of applications and the offer rate ratio,
 * working class over professional) read the applicants table, which has no sector: each employer's
 * applications count in the sector of most of its employees' rows, so the rest of the sector is the
 * applications of the other employers whose employees are mostly in it. Every application in the
 * applicants given counts (the selection's filter is on the employees' rows); applications of an
 * employer with no rows in the selection are left out, and the notes say how many. Without
 * applicants these figures are absent, and the table says why.
 *
 * <p>With disclosure control the counts are one {@link SuppressionPlan} over the parts the figures
 * are sums of (the employer, the rest of its sector, the other employers; their margin is the
 * coalition): a count under 10 is withheld with enough others that none can be worked back, a
 * figure resting on a withheld count is withheld, and so is a percentile whose employer figure is.
 * The applications by the stage they stopped at and class, another population, are a second plan built
 * alike over the same parts: a plan's tables share their grand total, and the applicants' total is not
 * the employees'; no count is in both, so no relation links the two plans. Its employer part is the
 * employer's recruitment funnel's table, so the pack publishes its funnel under the same plan
 * ({@link #employerFunnel}).
 *
 * @param employer the employer's id
 * @param sector the sector compared with
 * @param sectors the employer's sector labels with their rows, most rows first
 * @param sectorEmployers the other employers in the sector
 * @param employers the employers in the selection
 * @param figures one per {@link KeyFigure}, in its order
 * @param level the confidence level
 * @param filter the filter the rows passed ("" for none)
 * @param missing the count tables the inputs cannot give (cube files without their columns; no applicants), with why
 * @param applicationsLeftOut applications of employers with no rows in the selection, left out of every part
 * @param plan the suppression plan of the employees' counts, applied when {@code published}
 * @param applicantsPlan the suppression plan of the applications' counts, when applicants are given
 * @param published whether disclosure control applies
 */
public record EmployerComparison(String employer, String sector, Map<String, Long> sectors, int sectorEmployers,
        int employers, List<Figure> figures, double level, String filter, Map<String, String> missing,
        long applicationsLeftOut, SuppressionPlan plan, Optional<SuppressionPlan> applicantsPlan, boolean published)
        implements Result {

    static final String EMPLOYER = "employer", SECTOR = "rest of sector", OTHERS = "other employers";
    /** The level of the {@code part} dimension, first in every table of {@link #plan()}, of the employer's own counts. */
    public static final String EMPLOYER_PART = EMPLOYER;
    /** The table of {@link #applicantsPlan()}: applications by part, the stage they stopped at and SEB group. */
    public static final String APPLICATIONS = KeyTable.APPLICANTS.id();

    /**
     * One figure for every comparator.
     *
     * @param figure which
     * @param employer the employer's value
     * @param coalition the coalition's
     * @param sector the sector's without the employer ({@link KeyCounts.Value#NONE} when no other employer is in it)
     * @param percentile the employer's percentile, or null (fewer than 5 employers have the figure, or the employer has none)
     * @param ranked the employers that have the figure
     */
    public record Figure(KeyFigure figure, KeyCounts.Value employer, KeyCounts.Value coalition,
            KeyCounts.Value sector, Double percentile, int ranked) {
    }

    public EmployerComparison {
        java.util.Objects.requireNonNull(applicantsPlan);
        sectors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sectors));
        figures = List.copyOf(figures);
        missing = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(missing));
    }

    /** The comparison for {@code employer} on the cubes of {@code source}, without applicants. */
    public static EmployerComparison of(CubeSource source, String employer, double level) {
        return of(source, Optional.empty(), employer, level);
    }

    /**
     * The comparison for {@code employer} on the cubes of {@code source} (employees), and on those of
     * {@code applicants} for the recruitment funnel's figures (absent, with a note, without them).
     */
    public static EmployerComparison of(CubeSource source, Optional<CubeSource> applicants, String employer,
            double level) {
        if (!(level > 0 && level < 1)) {
            throw new LadderException("the confidence level must be between 0 and 1, got " + level);
        }
        Cube cube = source.cube(List.of("employer_id", "sector"), List.of());
        String id = EmployerIds.require(cube, employer);
        Map<String, Long> sectors = new LinkedHashMap<>();
        Cube bySector = cube.where("employer_id", id::equals).marginalise("sector");
        for (int c = 0; c < bySector.size(); c++) {
            sectors.put(bySector.label(c, 0), bySector.count(c));
        }
        List<Map.Entry<String, Long>> ordered = new ArrayList<>(sectors.entrySet());
        ordered.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
        Map<String, Long> sorted = new LinkedHashMap<>();
        ordered.forEach(e -> sorted.put(e.getKey(), e.getValue()));
        String sector = ordered.get(0).getKey();
        PoolCounts pool = PoolCounts.of(source, applicants);
        if (pool.missing().containsKey(KeyTable.SEB)) {
            // The composition figures are the comparison's core; the other groups may be missing.
            throw new LadderException(pool.missing().get(KeyTable.SEB));
        }
        KeyCounts mine = pool.employer(id);
        KeyCounts inSector = pool.part(e -> !e.equals(id), sector::equals);
        KeyCounts rest = pool.part(e -> !e.equals(id), s -> !s.equals(sector));
        KeyCounts coalition = pool.part(e -> true, s -> true);
        int sectorEmployers = inSector.employers().size();
        List<String> ids = EmployerIds.all(cube);
        List<KeyCounts> each = ids.stream().map(pool::employer).toList();
        List<Figure> figures = new ArrayList<>();
        for (KeyFigure f : KeyFigure.values()) {
            List<Double> values = new ArrayList<>();
            for (KeyCounts k : each) {
                KeyCounts.Value v = k.value(f, level);
                if (ranked(f, v)) {
                    values.add(v.estimate());
                }
            }
            KeyCounts.Value v = mine.value(f, level);
            Double percentile = ranked(f, v) && values.size() >= MidRankPercentile.MINIMUM_EMPLOYERS
                    ? MidRankPercentile.of(v.estimate(), values.stream().mapToDouble(Double::doubleValue).toArray())
                    : null;
            figures.add(new Figure(f, v, coalition.value(f, level),
                    sectorEmployers == 0 ? KeyCounts.Value.NONE : inSector.value(f, level), percentile, values.size()));
        }
        Map<String, String> missing = new LinkedHashMap<>();
        pool.missing().forEach((t, why) -> missing.put(t.id(), why));
        KeyCounts sectorPart = sectorEmployers == 0 ? null : inSector;
        return new EmployerComparison(id, sector, sorted, sectorEmployers, ids.size(), figures, level, source.filter(),
                missing, pool.applicationsLeftOut(), plan(mine, sectorPart, rest, false),
                mine.tables().containsKey(KeyTable.APPLICANTS) ? Optional.of(plan(mine, sectorPart, rest, true))
                        : Optional.empty(), false);
    }

    /**
     * Whether an employer's value takes part in the ranking: it is defined and, for a pay gap or a time to
     * promotion, rests on at least {@value SmallCellSuppression#DEFAULT_THRESHOLD} people in each group.
     */
    private static boolean ranked(KeyFigure f, KeyCounts.Value v) {
        return v.defined() && (f.topic() != Topic.PAY && f.topic() != Topic.TIME_TO_PROMOTION
                || java.util.Arrays.stream(v.cells())
                .allMatch(n -> n >= SmallCellSuppression.DEFAULT_THRESHOLD));
    }

    /**
     * The plan over the parts the figures sum (a part without rows is left out), one table per {@link KeyTable}
     * read: the applications' table alone when {@code applications}, else the employees' tables.
     */
    private static SuppressionPlan plan(KeyCounts mine, KeyCounts inSector, KeyCounts rest, boolean applications) {
        List<String> parts = new ArrayList<>(List.of(EMPLOYER));
        List<KeyCounts> counts = new ArrayList<>(List.of(mine));
        if (inSector != null) {
            parts.add(SECTOR);
            counts.add(inSector);
        }
        if (rest.rows() > 0) {
            parts.add(OTHERS);
            counts.add(rest);
        }
        SuppressionPlan.Builder b = SuppressionPlan.builder(SmallCellSuppression.DEFAULT_THRESHOLD);
        for (KeyTable t : mine.tables().keySet()) {
            if ((t == KeyTable.APPLICANTS) != applications) {
                continue;
            }
            List<String> dims = new ArrayList<>(List.of("part"));
            dims.addAll(t.dimensions());
            List<List<String>> levels = new ArrayList<>(List.of(parts));
            levels.addAll(t.levels());
            b.table(t.id(), dims, levels, counts.stream().flatMapToLong(k -> java.util.Arrays.stream(k.tables().get(t)))
                    .toArray());
        }
        return b.build();
    }

    /**
     * The employer's own recruitment funnel ({@code funnel}, read from its applications) published under the
     * plan of the applications' counts, whose employer part is the funnel's table: so that the funnel and these
     * figures, published together in the employer's pack, withhold together. Empty without applicants.
     *
     * @throws IllegalArgumentException when {@code funnel}'s counts are not the employer's applications here
     */
    public Optional<ladder.models.funnel.RecruitmentFunnel> employerFunnel(ladder.models.funnel.RecruitmentFunnel funnel) {
        return applicantsPlan.map(p -> funnel.publishable(p, KeyTable.APPLICANTS.id(), List.of(EMPLOYER)));
    }

    /** The same comparison with disclosure control for publication (counts under 10). */
    public EmployerComparison publishable() {
        return new EmployerComparison(employer, sector, sectors, sectorEmployers, employers, figures, level, filter, missing,
                applicationsLeftOut, plan, applicantsPlan, true);
    }

    /**
     * The comparison for publication with the employees' counts {@code cells} withheld too (by table of
     * {@link #plan()}, labels from the part on): counts a publication printed beside it withholds, such as an
     * employer's pack whose own plan withholds some of the employer's counts. The plan protects them as it
     * protects its own, and every figure resting on one is withheld.
     */
    public EmployerComparison linked(Map<String, ? extends java.util.Collection<List<String>>> cells) {
        return new EmployerComparison(employer, sector, sectors, sectorEmployers, employers, figures, level, filter, missing,
                applicationsLeftOut, plan.linked(cells), applicantsPlan, true);
    }

    private Optional<SuppressionPlan> disclosure() {
        return published ? Optional.of(plan) : Optional.empty();
    }

    // ---- Rendering ----

    @Override
    public String title() {
        return "Employer " + employer + " beside the coalition, its sector (" + sector + ") and the nation";
    }

    @Override
    public Map<String, Object> inputs() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("employer", employer);
        inputs.put("sector", sector);
        inputs.put("other_employers_in_sector", (long) sectorEmployers);
        inputs.put("employers", (long) employers);
        inputs.put("filter", filter.isBlank() ? "none" : filter);
        inputs.put("confidence_level", level);
        inputs.put("disclosure_control", disclosure().isEmpty() ? "none (not for publication)"
                : "counts under " + SmallCellSuppression.DEFAULT_THRESHOLD + " withheld, with what would reveal them");
        return inputs;
    }

    @Override
    public List<ResultTable> tables() {
        return List.of(table("figures", "Key figures: the employer, the coalition, the rest of its sector and the nation",
                figures));
    }

    /**
     * The figures of one topic as a table of their own ({@link Topic#table()}), for the section of
     * the pack that shows them; the same rows as in {@code figures}, under the same disclosure control.
     */
    public ResultTable table(Topic topic) {
        return table(topic.table(), topic.title() + ": the employer beside the coalition, the rest of its sector and the"
                + " nation", figures.stream().filter(f -> f.figure().topic() == topic).toList());
    }

    private ResultTable table(String name, String title, List<Figure> shown) {
        String pct = Math.round(level * 100) + "%";
        ResultTable.Builder b = ResultTable.builder(name, title)
                .column("figure", Kind.LABEL, "the key figure")
                .column("employer", Kind.NUMBER, "the employer's value")
                .column("employer_lower", Kind.NUMBER, pct + " interval, lower")
                .column("employer_upper", Kind.NUMBER, pct + " interval, upper")
                .column("employer_n", Kind.COUNT, "people the value rests on")
                .column("coalition", Kind.NUMBER, "the coalition's value (every employer, this one included)")
                .column("coalition_lower", Kind.NUMBER, pct + " interval, lower")
                .column("coalition_upper", Kind.NUMBER, pct + " interval, upper")
                .column("coalition_n", Kind.COUNT, "people the value rests on")
                .column("sector", Kind.NUMBER, "the other employers of the sector")
                .column("sector_lower", Kind.NUMBER, pct + " interval, lower")
                .column("sector_upper", Kind.NUMBER, pct + " interval, upper")
                .column("sector_n", Kind.COUNT, "people the value rests on")
                .column("national", Kind.NUMBER, "the national figure (SMC), a fixed constant without an interval")
                .column("percentile", Kind.NUMBER, "the employer's mid-rank percentile among the coalition's employers")
                .column("employers_ranked", Kind.COUNT, "employers with the figure")
                .column("note", Kind.LABEL, "why a value is missing or withheld")
                .column("method", Kind.LABEL, "what the figure is and how it is computed");
        for (Figure f : shown) {
            List<String> why = new ArrayList<>();
            List<Object> row = new ArrayList<>();
            row.add(f.figure().id());
            boolean employerHidden = add(row, f.employer(), f.figure(), EMPLOYER, "employer", why);
            add(row, f.coalition(), f.figure(), SuppressionPlan.TOTAL, "coalition", why);
            if (sectorEmployers == 0) {
                row.addAll(java.util.Arrays.asList(null, null, null, null));
            } else {
                add(row, f.sector(), f.figure(), SECTOR, "sector", why);
            }
            row.add(f.figure().national());
            row.add(employerHidden ? null : f.percentile());
            row.add((long) f.ranked());
            if (f.percentile() == null && f.ranked() < MidRankPercentile.MINIMUM_EMPLOYERS) {
                why.add("percentile: fewer than " + MidRankPercentile.MINIMUM_EMPLOYERS + " employers have the figure");
            }
            String absent = missing.get(f.figure().table().id());
            if (absent != null) {
                why = List.of("not in these inputs: " + absent);
            }
            row.add(why.isEmpty() ? null : String.join("; ", why));
            row.add(f.figure().description());
            b.row(row);
        }
        return b.build();
    }

    /**
     * A comparator's value of {@code figure} as published: empty when it is undefined, or withheld
     * by disclosure control. {@code part} is {@value #EMPLOYER}, {@value #SECTOR} or
     * {@link SuppressionPlan#TOTAL} for the coalition.
     */
    Optional<KeyCounts.Value> shown(Figure figure, String part) {
        KeyCounts.Value v = part.equals(EMPLOYER) ? figure.employer() : part.equals(SECTOR) ? figure.sector()
                : figure.coalition();
        return v.defined() && withheld(figure.figure(), part).isEmpty() ? Optional.of(v) : Optional.empty();
    }

    /** The coalition's value of {@code figure} as published, or null (undefined, or withheld). */
    public Double coalition(KeyFigure figure) {
        return shown(figures.get(figure.ordinal()), SuppressionPlan.TOTAL).map(KeyCounts.Value::estimate).orElse(null);
    }

    @Override
    public List<Chart> charts() {
        List<Chart> charts = new ArrayList<>();
        for (Topic t : Topic.values()) {
            chart(t).ifPresent(charts::add);
        }
        return charts;
    }

    /**
     * The topic's figures as bars: the employer, the rest of its sector and the coalition with their
     * intervals, and the national figure, on one scale (shares and rates; pay gaps): empty for a
     * topic with no such figure. The odds ratios and the offer rate ratio are in the tables only.
     */
    public Optional<Chart> chart(Topic topic) {
        return ComparisonChart.of(this, topic);
    }

    /** Adds a comparator's value, interval and n (null where undefined or withheld); whether it was withheld. */
    private boolean add(List<Object> row, KeyCounts.Value v, KeyFigure figure, String part, String who,
            List<String> why) {
        Optional<Reason> withheld = withheld(figure, part);
        boolean show = v.defined() && withheld.isEmpty();
        row.add(show ? v.estimate() : null);
        row.add(show ? v.lower() : null);
        row.add(show ? v.upper() : null);
        row.add(withheld.isPresent() ? null : (Object) v.n());
        if (withheld.isPresent()) {
            why.add(who + ": withheld, " + withheld.get().describe(SmallCellSuppression.DEFAULT_THRESHOLD));
        } else if (!v.defined()) {
            why.add(who + ": " + (v.n() == 0 ? "no one to rest on" : "not defined (a zero count)"));
        }
        return withheld.isPresent();
    }

    private Optional<Reason> withheld(KeyFigure figure, String part) {
        SuppressionPlan p = figure.table() == KeyTable.APPLICANTS ? applicantsPlan.orElse(null) : plan;
        if (disclosure().isEmpty() || p == null || !p.tableNames().contains(figure.table().id())) {
            return Optional.empty();
        }
        for (KeyFigure.Count c : figure.restsOn(part)) {
            if (c.ways().stream().noneMatch(way -> way.stream().noneMatch(x -> p.isSuppressed(x.table(), x.labels())))) {
                return Optional.of(Reason.DERIVED);
            }
        }
        return Optional.empty();
    }

    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        Figure wc = figures.get(KeyFigure.WORKING_CLASS_SHARE.ordinal());
        if (wc.employer().defined() && withheld(KeyFigure.WORKING_CLASS_SHARE, EMPLOYER).isEmpty()) {
            notes.add(String.format(Locale.ROOT, "%s: %.1f%% of classifiable answers are working class (%s %.1f%% to"
                    + " %.1f%%), against %.1f%% in the coalition and 42%% nationally%s.", employer,
                    100 * wc.employer().estimate(), Math.round(level * 100) + "% interval", 100 * wc.employer().lower(),
                    100 * wc.employer().upper(), 100 * wc.coalition().estimate(), wc.percentile() == null ? ""
                            : String.format(Locale.ROOT, "; percentile %.0f among %d employers", wc.percentile(),
                            wc.ranked())));
        }
        if (sectors.size() > 1) {
            notes.add("The employer's rows carry " + sectors.size() + " sector labels (" + String.join(", ",
                    sectors.keySet()) + "): the sector compared with is " + sector + ", that of most of its rows.");
        }
        notes.add(sectorEmployers == 0 ? "No other employer in the selection is in the sector " + sector
                + ", so there is no sector comparison."
                : "Sector: the rows of the " + sectorEmployers + " other employer(s) labelled " + sector + ".");
        notes.add("Figures are over the rows of the selection: person-years when several years are selected, treated"
                + " as independent by the intervals; select one year (--where \"year = 2024\") for a snapshot.");
        notes.add("Shares and rates have Wilson score intervals (R prop.test(x, n, correct = FALSE)); the crude odds ratio"
                + " is (a d) / (b c) of promotion with the Woolf interval exp(log OR +- z sqrt(1/a + 1/b + 1/c + 1/d)),"
                + " the odds ratio within employers the Mantel-Haenszel estimate over the part's employers (R"
                + " mantelhaen.test(table)$estimate) with the Robins-Breslow-Greenland interval; the national figures"
                + " (SMC: 34/24/42, the 70% response target, independent school 7.5%, free school meals 15%, first in"
                + " family 67% of graduates) are constants.");
        notes.add("Pay gaps are 100 (professional - working class) / professional of the hourly pay (a gap, not a ratio:"
                + " as the class pay gap section and gender pay gap reporting give it, positive when professionals are"
                + " paid more); the mean gap's interval is the delta method on the two independent means, the median"
                + " gap's the percentile interval of " + KeyCounts.REPLICATES + " bootstrap replicates"
                + " resampling the part's employers (seed " + KeyCounts.SEED + "), and for one employer's rows"
                + " resampling its people, each group's n with replacement from its exact pay histogram (the same"
                + " replicates and seed; Efron and Tibshirani 1993, ch. 13);"
                + " people without hourly pay are left out, and an employer is ranked on a pay gap only with at least "
                + SmallCellSuppression.DEFAULT_THRESHOLD + " people in each group.");
        notes.add("Promoted within " + KeyCounts.MONTHS + " months: 1 - S(" + KeyCounts.MONTHS + ") of the part's"
                + " Kaplan-Meier curve of months_in_grade to promotion (promoted 1: promoted then; 0: censored then),"
                + " one curve over the part's rows as the time to promotion section draws it, with 1 minus the log"
                + " interval of S (R summary(survfit(Surv(months_in_grade, promoted) ~ 1), times = "
                + KeyCounts.MONTHS + ")), treating people as independent across employers; none when no one is"
                + " followed to month " + KeyCounts.MONTHS + " or S is 0 there; it rests on the group's people with a"
                + " time in grade, and an employer is ranked on it only with at least "
                + SmallCellSuppression.DEFAULT_THRESHOLD + " of them.");
        if (!missing.containsKey(KeyTable.APPLICANTS.id())) {
            notes.add("Recruitment funnel (applicants table): the working-class share of classifiable applications (Wilson), read"
                + " against the working population's 42% as the funnel reads its applicants, and the offer rate ratio,"
                + " working class over professional, of applications that reached offered or hired over all"
                + " applications, the funnel's adverse impact ratio with the Katz log interval exp(log R +- z sqrt(1/x1 -"
                + " 1/n1 + 1/x2 - 1/n2)) (Katz et al. 1978; R epiR::epi.2by2 RR.strata.wald), for which the SMC gives no"
                + " national figure. Applicants have no sector: an employer's applications count in the sector of most of"
                + " its employees' rows; every application given counts (a filter applies to the employees' rows).");
        }
        if (applicationsLeftOut > 0) {
            notes.add(applicationsLeftOut + " application(s) of employers with no employees' rows in the selection are"
                    + " left out of every comparator.");
        }
        missing.forEach((table, why) -> notes.add("Not in these inputs: the figures on the " + table + " table (" + why
                + ")."));
        notes.add("Percentile: the employer's mid-rank among the employers that have the figure, 100 (below + equal / 2)"
                + " / N (R: 100 * (rank(v) - 0.5) / length(v)), given where at least "
                + MidRankPercentile.MINIMUM_EMPLOYERS + " employers have it; higher means a larger value.");
        if (disclosure().isPresent()) {
            notes.add("Disclosure control: the counts of the employer, the rest of its sector and the other employers"
                    + " (whose sum is the coalition) are one suppression plan, and their applications by class and offer"
                    + " another built alike; counts under "
                    + SmallCellSuppression.DEFAULT_THRESHOLD + " are withheld with enough others that none can be worked"
                    + " back, and a figure or percentile resting on a withheld count is withheld; a pay gap rests on the"
                    + " number of people with hourly pay in each of its two groups, so it needs at least "
                    + SmallCellSuppression.DEFAULT_THRESHOLD + " in each.");
        }
        return notes;
    }
}
