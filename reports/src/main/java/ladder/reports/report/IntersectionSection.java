package ladder.reports.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import ladder.models.disclosure.SuppressionPlan;
import ladder.models.intersect.IntersectionalBreakdown;
import ladder.models.intersect.PAdjust;
import ladder.models.multilevel.MaihdaOnCube;
import ladder.models.result.Answers;

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
                        new Renoted(breakdown.result(), cells(disclosure, breakdown.result().tables().get(0))), null),
                        t -> t.name().equals("cells") ? cells(disclosure, t) : t)
                .analysis(maihda, t -> t.name().equals("strata") ? Disclosure.mask(t, stratum(disclosure)) : t);
    }

    /**
     * A breakdown whose opening note (the highest rate, against the overall rate) is left out when
     * the report's plan withholds anything in its cells: that cell, or the overall rate, may be withheld.
     */
    private record Renoted(ladder.models.result.Result result, ladder.models.result.ResultTable published)
            implements ladder.models.result.Result {
        @Override
        public String title() {
            return result.title();
        }

        @Override
        public Map<String, Object> inputs() {
            return result.inputs();
        }

        @Override
        public List<ladder.models.result.ResultTable> tables() {
            return result.tables();
        }

        @Override
        public List<String> notes() {
            boolean complete = published.equals(result.tables().get(0));
            return result.notes().stream().filter(n -> complete || !n.startsWith("The highest published rate")).toList();
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
    private static ladder.models.result.ResultTable cells(Disclosure disclosure, ladder.models.result.ResultTable t) {
        ladder.models.result.ResultTable byCell = Disclosure.mask(t, stratum(disclosure));
        if (answeredPoolPrinted(disclosure)) {
            return byCell;
        }
        Set<String> rest = Set.of("difference", "difference_lower", "difference_upper", "chi_square", "p_value",
                "p_adjusted", "fisher_p", "fisher_adjusted");
        return Disclosure.mask(byCell, row -> rest);
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
