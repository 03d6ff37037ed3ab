package ladder.reports.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import ladder.models.disclosure.Reason;
import ladder.models.disclosure.SuppressionPlan;
import ladder.models.intersect.IntersectionalBreakdown;
import ladder.models.intersect.PAdjust;
import ladder.models.multilevel.MaihdaOnCube;
import ladder.models.result.Answers;
import ladder.models.result.ResultTable;

/**
 * Intersections: the promotion rate in each SEB x gender x ethnicity cell against the rest of the
 * pool ({@link IntersectionalBreakdown}, Benjamini-Hochberg adjusted), and the intersectional
 * multilevel model of the same strata ({@link MaihdaOnCube}: VPC, PCV, each stratum's interaction).
 */
final class IntersectionSection implements Section {
    static final List<String> STRATA = List.of("seb", "gender", "ethnicity");
    private final Attempt breakdown;
    private final Attempt maihda;

    IntersectionSection(ReportInputs inputs) {
        breakdown = Attempt.of("Promotion by SEB x gender x ethnicity", () -> IntersectionalBreakdown.of(inputs.cubes(),
                new IntersectionalBreakdown.Question("promoted", STRATA, PAdjust.BH, 0.95)).publishable());
        maihda = Attempt.of("MAIHDA of promotion", () -> MaihdaOnCube.of(inputs.cubes(),
                new MaihdaOnCube.Question("promoted", STRATA, 1, 0.95)).publishable());
    }

    @Override
    public void publish(Disclosure disclosure, PartWriter out) {
        if (!disclosure.has(PlanTables.INTERSECTION)) {
            out.paragraph("Not available from these inputs: the pool has no seb x gender x ethnicity x promoted cube.");
            return;
        }
        out.paragraph("Promotion in the year by SEB, gender and ethnicity"
                        + " together: each cell's rate against the rest of the pool, then MAIHDA (a random intercept per"
                        + " stratum) for how much of the variation lies between the strata and how much their"
                        + " combination adds to the main effects.")
                .analysis(breakdown.result() == null ? breakdown : new Attempt(breakdown.title(),
                        new Renoted(breakdown.result(), cells(disclosure, breakdown.result().tables().get(0)),
                                disclosureNote(disclosure, breakdown.result().tables().get(0))), null),
                        t -> t.name().equals("cells") ? cells(disclosure, t) : t)
                .analysis(maihda, t -> t.name().equals("strata") ? strata(disclosure, t) : t);
    }

    /**
     * A breakdown whose opening note (the highest rate, against the overall rate) is left out when
     * the report's plan withholds anything in its cells (that cell, or the overall rate, may be
     * withheld), and which ends with {@code disclosure}, what the plan withheld and why (none when empty).
     */
    private record Renoted(ladder.models.result.Result result, ResultTable published,
            List<String> disclosure) implements ladder.models.result.Result {
        @Override
        public String title() {
            return result.title();
        }

        @Override
        public Map<String, Object> inputs() {
            return result.inputs();
        }

        @Override
        public List<ResultTable> tables() {
            return result.tables();
        }

        @Override
        public List<String> notes() {
            boolean complete = published.equals(result.tables().get(0));
            List<String> notes = new ArrayList<>(result.notes().stream()
                    .filter(n -> complete || !result.findings().contains(n)).toList());
            notes.addAll(disclosure);
            return notes;
        }

        @Override
        public List<String> findings() {
            return result.findings();
        }

        @Override
        public List<ladder.models.result.Chart> charts() {
            return result.charts();
        }
    }

    /**
     * The report's plan on the cells: a cell's n is the plan's seb x gender x ethnicity count, its
     * events the promoted ones; with either (or the non-promoted) withheld, every number of the
     * row but its rank is. The comparisons with the rest of the pool rest on the pool of people who
     * answered all three, which follows from printed counts only when every count of a non-answer
     * level (alone or crossed, promoted or in all) is printed: otherwise they are withheld in every row.
     */
    private static ResultTable cells(Disclosure disclosure, ResultTable t) {
        ResultTable byCell = Disclosure.mask(t, stratum(disclosure));
        boolean rest = !answeredPoolPrinted(disclosure);
        if (rest) {
            Set<String> columns = Set.of("difference", "difference_lower", "difference_upper", "chi_square", "p_value",
                    "p_adjusted", "fisher_p", "fisher_adjusted");
            byCell = Disclosure.mask(byCell, row -> columns);
        }
        // Each row the plan cuts says why in its note, as the composition tables do; a row the plan
        // prints keeps the analysis's own note.
        int note = byCell.column("note");
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < byCell.rows().size(); r++) {
            List<Object> row = new ArrayList<>(byCell.rows().get(r));
            String why = note(disclosure, new Disclosure.Row(byCell, r), "rate and tests");
            if (why != null) {
                row.set(note, why);
            } else if (rest && row.get(note) == null) {
                row.set(note, "withheld: difference and tests: " + REST);
            }
            rows.add(row);
        }
        return new ResultTable(byCell.name(), byCell.title(), byCell.columns(), rows);
    }

    /**
     * MAIHDA's strata under the report's plan, with a note column saying, for each stratum whose
     * counts the plan withholds, which and why, as the cells' notes do: a stratum's predictions and
     * effect rest on its own counts, so they go with them; the variance components rest on every
     * stratum and are printed.
     */
    private static ResultTable strata(Disclosure disclosure, ResultTable t) {
        ResultTable masked = Disclosure.mask(t, stratum(disclosure));
        List<ResultTable.ColumnSpec> columns = new ArrayList<>(masked.columns());
        columns.add(new ResultTable.ColumnSpec("note", ResultTable.Kind.LABEL,
                "why the report withholds the stratum's numbers, if it does"));
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < masked.rows().size(); r++) {
            List<Object> row = new ArrayList<>(masked.rows().get(r));
            row.add(note(disclosure, new Disclosure.Row(masked, r), "rate and the model's estimates"));
            rows.add(row);
        }
        return new ResultTable(masked.name(), masked.title(), columns, rows);
    }

    private static final String REST = "rest on those who answered all three, whose counts the report withholds";

    /** A count of a stratum's row, as its note names it, and its promoted level in the plan. */
    private record RowCount(String name, String promoted) {
    }

    private static final List<RowCount> COUNTS = List.of(new RowCount("n", SuppressionPlan.TOTAL),
            new RowCount("events", "1"), new RowCount("non-events", "0"));

    /**
     * Why the plan withholds a row's numbers ({@link Reason#PRIMARY}: a count under 10;
     * {@link Reason#SECONDARY}: withheld so that another cannot be worked back), e.g. "withheld:
     * n: fewer than 10; events: protects a suppressed cell; rate and tests: rests on a suppressed
     * count", {@code derived} naming what rests on the counts; null when it withholds none of the
     * row's counts.
     */
    private static String note(Disclosure disclosure, Disclosure.Row row, String derived) {
        Map<String, Reason> withheld = withheld(disclosure, row);
        if (withheld.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        withheld.forEach((count, r) -> parts.add(count + ": " + r.describe(Disclosure.THRESHOLD)));
        parts.add(derived + ": " + Reason.DERIVED.describe(Disclosure.THRESHOLD));
        return "withheld: " + String.join("; ", parts);
    }

    /** The counts of a row ({@link #COUNTS}' names, in order) that the plan withholds, each with why. */
    private static Map<String, Reason> withheld(Disclosure disclosure, Disclosure.Row row) {
        Map<String, Reason> withheld = new java.util.LinkedHashMap<>();
        COUNTS.forEach(c -> disclosure.reason(PlanTables.INTERSECTION, at(row, c.promoted()).at())
                .ifPresent(r -> withheld.put(c.name(), r)));
        return withheld;
    }

    /**
     * The note under the cells saying what the report's plan withheld from them and why: how many
     * rows have a count under 10, how many more are withheld only to protect those, and whether the
     * comparisons with the rest of the pool are withheld in every row; none when it withholds nothing.
     */
    private static List<String> disclosureNote(Disclosure disclosure, ResultTable t) {
        long primary = 0, secondary = 0;
        for (int r = 0; r < t.rows().size(); r++) {
            Disclosure.Row row = new Disclosure.Row(t, r);
            java.util.Collection<Reason> reasons = withheld(disclosure, row).values();
            primary += reasons.contains(Reason.PRIMARY) ? 1 : 0;
            secondary += !reasons.isEmpty() && !reasons.contains(Reason.PRIMARY) ? 1 : 0;
        }
        boolean rest = !answeredPoolPrinted(disclosure);
        if (primary + secondary == 0 && !rest) {
            return List.of();
        }
        String note = "Disclosure control under the report's one plan: of the " + t.rows().size() + " cells, " + primary
                + " are withheld because a count (n, events or non-events) is under " + Disclosure.THRESHOLD
                + " (note: " + Reason.PRIMARY.describe(Disclosure.THRESHOLD) + ", primary suppression) and " + secondary
                + " so that no withheld count can be worked back from the counts and margins printed anywhere in the"
                + " report (note: " + Reason.SECONDARY.describe(Disclosure.THRESHOLD) + ", secondary suppression);"
                + " each row's note names the counts withheld.";
        return List.of(rest ? note + " The differences and tests against the rest of the pool are withheld in every"
                + " row: they " + REST + " (a non-answer's count)." : note);
    }

    /** The rule for a table with one row per stratum (seb, gender, ethnicity columns). */
    private static Disclosure.RowRule stratum(Disclosure disclosure) {
        Map<String, Function<Disclosure.Row, Disclosure.Count>> counts = Map.of(
                "n", row -> at(row, SuppressionPlan.TOTAL), "events", row -> at(row, "1"));
        return disclosure.counts(PlanTables.INTERSECTION, counts, row -> List.of(at(row, "0")), Set.of("rank"));
    }

    private static Disclosure.Count at(Disclosure.Row row, String promoted) {
        return Disclosure.Count.cell(row.label("seb"), row.label("gender"), row.label("ethnicity"), promoted);
    }

    /** Whether the plan prints every count at a non-answer level or total of each stratum dimension (the answered pool follows from them). */
    private static boolean answeredPoolPrinted(Disclosure disclosure) {
        List<List<String>> choices = new ArrayList<>();
        for (int d = 0; d < STRATA.size(); d++) {
            List<String> levels = new ArrayList<>(List.of(SuppressionPlan.TOTAL));
            disclosure.levels(PlanTables.INTERSECTION, d).stream().filter(l -> !Answers.isAnswer(l)
                    || l.equals(PlanTables.NO_ANSWER)).forEach(levels::add);
            choices.add(levels);
        }
        for (String s : choices.get(0)) {
            for (String g : choices.get(1)) {
                for (String e : choices.get(2)) {
                    for (String promoted : List.of(SuppressionPlan.TOTAL, "1")) {
                        if (disclosure.withheld(PlanTables.INTERSECTION, s, g, e, promoted)) {
                            return false;
                        }
                    }
                }
            }
        }
        return true;
    }
}
