package ladder.models.progression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import ladder.engine.LadderException;
import ladder.engine.contract.Seb;
import ladder.engine.cube.Cube;
import ladder.engine.cube.CubeSource;
import ladder.engine.cube.Dimension;
import ladder.engine.link.PersonLinkage;
import ladder.models.contingency.ProgressionOdds;
import ladder.models.disclosure.SmallCellSuppression;
import ladder.models.disclosure.SuppressionPlan;
import ladder.models.result.Result;
import ladder.models.result.ResultTable;
import ladder.models.result.ResultTable.Kind;

/**
 * Promotion after training or an apprenticeship, by background. Each person is followed across
 * years within their employer by ({@code employer_id}, {@code person_id}) ({@link PersonLinkage}).
 * Every person-year in the cohort (year t with {@code training} = 1, or any year t of a person whose
 * {@code entry_route} is {@code apprenticeship}) is followed for {@code window} years:
 * <ul>
 *   <li><b>promoted</b>: a row in years t+1..t+window with {@code promoted} = 1 or a grade above
 *       the grade in t (a promotion during year t shows as a higher grade in t+1, so it counts);</li>
 *   <li><b>not promoted</b>: otherwise, when the person has a row in year t+window (still there at
 *       the window's end);</li>
 *   <li><b>left</b>: otherwise, when the person has no row in t+window or later: not counted as
 *       not promoted;</li>
 *   <li><b>absent at the window's end</b>: no row in t+window but a row later (a gap): left out,
 *       counted;</li>
 *   <li><b>censored</b>: t+window is past the last year of the data: left out, counted.</li>
 * </ul>
 * The promoted and not promoted make a cube over employer x seb x {@code promotion_in_window}, and
 * {@link ProgressionOdds} gives each group's odds against professionals, crude and Mantel-Haenszel
 * within employers. The linkage's gaps (a missing year between two rows of a person) and
 * demotions (a later row at a lower grade) are counted and the demotions listed; nobody is dropped
 * for them.
 */
public record ProgressionAfter(Question question, ProgressionOdds odds, long[][] status, Linkage linkage,
        List<Demotion> demotions, int lastYear, Optional<SuppressionPlan> disclosure) implements Result {
    /** The outcome axis of the cube of the followed person-years. */
    public static final String OUTCOME = "promotion_in_window";
    /** The most demotions listed (all are counted). */
    public static final int DEMOTIONS_LISTED = 1000;
    private static final String STATUS = "status";
    /** The columns of {@link #status}, in order. */
    public static final List<String> STATUSES = List.of("promoted", "not_promoted", "left", "absent_at_end", "censored");

    /** Whose promotion is followed. */
    public enum Cohort {
        /** Person-years with training = 1. */
        TRAINING,
        /** Person-years of people whose entry route is apprenticeship. */
        APPRENTICESHIP
    }

    /**
     * What is asked.
     *
     * @param cohort who is followed
     * @param window years followed after year t (at least 1)
     * @param strata Mantel-Haenszel strata: {@code employer_id} or none
     * @param level the confidence level
     */
    public record Question(Cohort cohort, int window, boolean strata, double level) {
        public Question {
            if (window < 1) {
                throw new LadderException("--window must be at least 1 year, not " + window);
            }
            if (!(level > 0 && level < 1)) {
                throw new LadderException("the confidence level must be between 0 and 1, got " + level);
            }
        }

        public static Question defaults() {
            return new Question(Cohort.TRAINING, 2, true, 0.95);
        }
    }

    /** What the linkage found over every row passing the filter. */
    public record Linkage(long personYears, long persons, long personsWithGaps, long gaps, long demotions) {
    }

    /** A person whose later row is at a lower grade than the row before it. */
    public record Demotion(String employer, String person, int year, int grade, int laterYear, int laterGrade) {
    }

    public ProgressionAfter {
        status = java.util.Arrays.stream(status).map(long[]::clone).toArray(long[][]::new);
        demotions = List.copyOf(demotions);
    }

    /** Counts by SEB level ({@link Seb#LEVELS} order) and status ({@link #STATUSES} order). */
    @Override
    public long[][] status() {
        return java.util.Arrays.stream(status).map(long[]::clone).toArray(long[][]::new);
    }

    /**
     * Promotion after training (or an apprenticeship) in the rows of {@code source}.
     *
     * @throws LadderException if the source holds no rows (cube files), or there are none
     */
    public static ProgressionAfter of(CubeSource source, Question question) {
        CubeSource.Rows rows = source.rows().orElseThrow(() -> new LadderException("following people across years"
                + " needs rows (person_id by year), and cube files hold none: give --data"));
        PersonLinkage link = PersonLinkage.link(rows.table(), rows.filter(), rows.threads());
        if (link.size() == 0) {
            throw new LadderException("the selection has no rows");
        }
        int last = link.lastYear();
        int apprenticeship = link.routeCode("apprenticeship");
        int w = question.window();
        long[][] status = new long[Seb.LEVELS.size()][STATUSES.size()];
        Map<Integer, long[]> cells = new java.util.HashMap<>();
        List<Demotion> demotions = new ArrayList<>();
        for (int i = 0; i < link.size(); i++) {
            if (i > 0 && link.samePerson(i - 1, i) && link.grade(i) < link.grade(i - 1)
                    && demotions.size() < DEMOTIONS_LISTED) {
                demotions.add(new Demotion(link.employerLabel(link.employer(i)), link.personLabel(link.person(i)),
                        link.year(i - 1), link.grade(i - 1), link.year(i), link.grade(i)));
            }
            boolean inCohort = question.cohort() == Cohort.TRAINING ? link.training(i) == 1 : link.route(i) == apprenticeship;
            if (!inCohort) {
                continue;
            }
            int t = link.year(i);
            int seb = link.seb(i);
            int outcome = follow(link, i, t, w, last);
            status[seb][outcome]++;
            if (outcome <= 1) {
                cells.computeIfAbsent(link.employer(i), e -> new long[Seb.LEVELS.size() * 2])[seb * 2 + (outcome == 0 ? 1 : 0)]++;
            }
        }
        ProgressionOdds odds = odds(link, cells, question);
        return new ProgressionAfter(question, odds, status, new Linkage(link.size(), link.persons(),
                link.personsWithGaps(), link.gaps(), link.demotions()), demotions, last, Optional.empty());
    }

    /** The status ({@link #STATUSES} index) of entry {@code i}, in year t, followed for {@code w} years. */
    private static int follow(PersonLinkage link, int i, int t, int w, int last) {
        if (t + w > last) {
            return 4;
        }
        boolean promoted = false, atEnd = false, later = false;
        for (int j = i + 1; j < link.size() && link.samePerson(i, j); j++) {
            int y = link.year(j);
            if (y <= t + w) {
                promoted |= link.promoted(j) == 1 || link.grade(j) > link.grade(i);
                atEnd |= y == t + w;
            } else {
                later = true;
            }
        }
        return promoted ? 0 : atEnd ? 1 : later ? 3 : 2;
    }

    private static ProgressionOdds odds(PersonLinkage link, Map<Integer, long[]> cells, Question question) {
        TreeSet<String> employers = new TreeSet<>();
        cells.keySet().forEach(e -> employers.add(link.employerLabel(e)));
        if (employers.isEmpty()) {
            throw new LadderException("no one in the cohort (" + question.cohort().name().toLowerCase(Locale.ROOT)
                    + ") could be followed for " + question.window() + " year" + (question.window() == 1 ? "" : "s")
                    + " before the last year of the data, " + link.lastYear());
        }
        List<String> order = new ArrayList<>(employers);
        Cube.Cells built = new Cube.Cells(3, 0, cells.size() * 10);
        cells.forEach((e, counts) -> {
            int at = order.indexOf(link.employerLabel(e));
            for (int s = 0; s < Seb.LEVELS.size(); s++) {
                for (int y = 0; y < 2; y++) {
                    if (counts[s * 2 + y] > 0) {
                        built.add(new int[] {at, s, y}, counts[s * 2 + y]);
                    }
                }
            }
        });
        Cube cube = built.build(List.of(new Dimension("employer_id", order), new Dimension("seb", Seb.LEVELS),
                new Dimension(OUTCOME, List.of("0", "1"))), List.of(), "", Cube.Provenance.NONE);
        return ProgressionOdds.of(CubeSource.of(cube), new ProgressionOdds.Question(OUTCOME, "seb", List.of(), null,
                question.strata() ? List.of("employer_id") : List.of(), List.of(), question.level()));
    }

    /** The same result with disclosure control: counts under 10 withheld with what would reveal them; no demotion listed. */
    public ProgressionAfter publishable() {
        long[] counts = java.util.Arrays.stream(status).flatMapToLong(java.util.Arrays::stream).toArray();
        SuppressionPlan plan = SuppressionPlan.builder(SmallCellSuppression.DEFAULT_THRESHOLD)
                .table(STATUS, List.of("seb", STATUS), List.of(Seb.LEVELS, STATUSES), counts).build();
        return new ProgressionAfter(question, odds, status, linkage, demotions, lastYear, Optional.of(plan));
    }

    private boolean withheld(String seb, String status) {
        return disclosure.flatMap(p -> p.reason(STATUS, List.of(seb, status))).isPresent();
    }

    /** E.g. "training, 2 years". */
    private String cohortLabel() {
        return question.cohort().name().toLowerCase(Locale.ROOT) + ", " + question.window() + " year"
                + (question.window() == 1 ? "" : "s");
    }

    /** The promotion rate by SEB as bars with Wilson whiskers (withheld rates left out). */
    @Override
    public List<ladder.models.result.Chart> charts() {
        return List.of(SebRates.bars(tables().get(0), List.of(cohortLabel()), title(), "Bars: share promoted within the"
                + " window of those followed, with " + Math.round(question.level() * 100) + "% Wilson interval.",
                "cohort", "share promoted"));
    }

    private String cohortWords() {
        return question.cohort() == Cohort.TRAINING ? "training" : "an apprenticeship";
    }

    @Override
    public String title() {
        return "Promotion within " + question.window() + " year" + (question.window() == 1 ? "" : "s") + " after "
                + cohortWords() + ", by SEB";
    }

    @Override
    public Map<String, Object> inputs() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("cohort", question.cohort() == Cohort.TRAINING ? "person-years with training = 1"
                : "person-years of people with entry_route = apprenticeship");
        inputs.put("window_years", (long) question.window());
        inputs.put("last_year", (long) lastYear);
        inputs.put("strata", question.strata() ? "employer_id" : "none");
        inputs.put("reference", "seb = professional");
        inputs.put("person_years_linked", linkage.personYears());
        inputs.put("persons", linkage.persons());
        inputs.put("confidence_level", question.level());
        inputs.put("disclosure_control", SebRates.disclosureInput(disclosure.isPresent() ? SmallCellSuppression.DEFAULT_THRESHOLD : 0));
        return inputs;
    }

    @Override
    public List<ResultTable> tables() {
        int threshold = disclosure.isPresent() ? SmallCellSuppression.DEFAULT_THRESHOLD : 0;
        SebRates rates = new SebRates("promotion", "Promotion within the window by SEB", List.of("cohort"), OUTCOME,
                question.level(), threshold);
        rates.add(List.of(cohortLabel()), odds, (by, seb) -> withheld(seb, "promoted") || withheld(seb, "not_promoted"));
        ResultTable.Builder follow = ResultTable.builder("follow_up", "Who was followed, by SEB")
                .column("seb", Kind.LABEL, "SEB level")
                .column("cohort", Kind.COUNT, "person-years in the cohort")
                .column("followed", Kind.COUNT, "followed to the window's end or a promotion: promoted + not_promoted")
                .column("promoted", Kind.COUNT, "promoted within the window")
                .column("not_promoted", Kind.COUNT, "present at the window's end, not promoted")
                .column("left", Kind.COUNT, "no row at the window's end or later (left): not counted as not promoted")
                .column("absent_at_end", Kind.COUNT, "no row at the window's end but a later one (a gap): left out")
                .column("censored", Kind.COUNT, "window runs past the last year of the data: left out")
                .column("note", Kind.LABEL, "why a count is withheld");
        for (int s = 0; s < Seb.LEVELS.size(); s++) {
            String seb = Seb.LEVELS.get(s);
            List<Object> row = new ArrayList<>();
            row.add(seb);
            boolean total = withheld(seb, SuppressionPlan.TOTAL);
            row.add(total ? null : java.util.Arrays.stream(status[s]).sum());
            boolean followed = withheld(seb, STATUSES.get(0)) || withheld(seb, STATUSES.get(1));
            row.add(followed ? null : status[s][0] + status[s][1]);
            boolean any = total;
            for (int k = 0; k < STATUSES.size(); k++) {
                boolean h = withheld(seb, STATUSES.get(k));
                any |= h;
                row.add(h ? null : status[s][k]);
            }
            row.add(any ? "withheld: a count under " + SmallCellSuppression.DEFAULT_THRESHOLD + ", or one that would reveal it" : null);
            follow.row(row);
        }
        ResultTable linked = ResultTable.builder("linkage", "People linked across years within employers")
                .column("person_years", Kind.COUNT, "rows linked")
                .column("persons", Kind.COUNT, "distinct (employer_id, person_id)")
                .column("persons_with_gaps", Kind.COUNT, "people with a missing year between two of their rows")
                .column("gaps", Kind.COUNT, "pairs of consecutive rows with a missing year between")
                .column("demotions", Kind.COUNT, "consecutive rows whose later grade is lower")
                .row(linkage.personYears(), linkage.persons(), linkage.personsWithGaps(), linkage.gaps(), linkage.demotions())
                .build();
        ResultTable.Builder down = ResultTable.builder("demotions", "Later years at a lower grade (kept in the analysis)")
                .column("employer_id", Kind.LABEL, "employer")
                .column("person_id", Kind.LABEL, "person")
                .column("year", Kind.COUNT, "year of the earlier row")
                .column("grade", Kind.COUNT, "its grade")
                .column("later_year", Kind.COUNT, "year of the next row")
                .column("later_grade", Kind.COUNT, "its grade, lower");
        if (disclosure.isEmpty()) {
            for (Demotion d : demotions) {
                down.row(d.employer(), d.person(), (long) d.year(), (long) d.grade(), (long) d.laterYear(), (long) d.laterGrade());
            }
        }
        return List.of(rates.build(), follow.build(), linked, down.build());
    }

    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>(headlines());
        long[] totals = new long[STATUSES.size()];
        for (long[] row : status) {
            for (int k = 0; k < totals.length; k++) {
                totals[k] += row[k];
            }
        }
        if (disclosure.isEmpty()) {
            notes.add(String.format(Locale.ROOT, "Cohort: %d person-years; %d promoted and %d not promoted within %d"
                    + " year(s); %d left (no row at the window's end or later: not counted as not promoted); %d absent"
                    + " at the window's end but seen later (left out); %d censored (window past %d, left out).",
                    java.util.Arrays.stream(totals).sum(), totals[0], totals[1], question.window(), totals[2], totals[3],
                    totals[4], lastYear));
        }
        notes.add(linkageNote());
        notes.add("Promoted within the window: a row in years t+1..t+window with promoted = 1 or a higher grade than"
                + " in year t; a person-year counts once per year of the cohort (someone trained in two years is"
                + " followed from each). Odds ratios against professionals: crude (sample odds ratio, Woolf interval,"
                + " Fisher's exact p) and Mantel-Haenszel within employers (Robins-Breslow-Greenland interval, as R"
                + " mantelhaen.test(correct = FALSE)).");
        return notes;
    }

    /** The working-class odds ratio of promotion after the cohort in words, and the linkage's counts of people. */
    @Override
    public List<String> findings() {
        List<String> notes = new ArrayList<>(headlines());
        notes.add(linkageNote());
        return notes;
    }

    private List<String> headlines() {
        return odds.workingClassHeadline("After " + cohortWords() + ": ");
    }

    private String linkageNote() {
        return "Linkage by (employer_id, person_id) over every row passing the filter: " + linkage.persons()
                + " people in " + linkage.personYears() + " person-years; " + linkage.personsWithGaps() + " with a gap ("
                + linkage.gaps() + " missing-year gaps); " + linkage.demotions() + " demotions (a later year at a lower"
                + " grade), kept and " + (disclosure.isEmpty() ? "listed in table demotions"
                + (linkage.demotions() > DEMOTIONS_LISTED ? " (the first " + DEMOTIONS_LISTED + ")" : "")
                : "not listed (personal records)") + ".";
    }
}
