package ladder.reports.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import ladder.models.benchmark.EmployerComparison;
import ladder.models.benchmark.Scorecard;
import ladder.models.disclosure.SuppressionPlan;
import ladder.models.result.ResultTable;

/**
 * An employer's pack opens with where it stands: its key figures beside the pooled coalition, the
 * rest of its sector and the nation, with its percentile among the coalition's employers
 * ({@link EmployerComparison}, its tables here and each topic's chart in its section), and its SMC
 * scorecard ({@link Scorecard}), both read from the whole pool; the sections after it open with their
 * topic's figures and then are the employer's own.
 */
final class EmployerSection implements Section {
    private final Attempt comparison;
    private final Attempt scorecard;

    /** The section over {@code comparison}, the pack's one {@link EmployerComparison} (its sections show its topics). */
    EmployerSection(ReportInputs inputs, Attempt comparison) {
        String id = inputs.employer().orElseThrow();
        this.comparison = comparison;
        scorecard = Attempt.of("The SMC scorecard of " + id, () -> Scorecard.of(inputs.pool(),
                new Scorecard.Question(List.of(id), Optional.empty(), 0.95), inputs.applicants()).publishable());
    }

    private EmployerSection(Attempt comparison, Attempt scorecard) {
        this.comparison = comparison;
        this.scorecard = scorecard;
    }

    /** This section over {@code comparison} instead (the same comparison under a plan linked to the report's), its scorecard kept. */
    EmployerSection over(Attempt comparison) {
        return new EmployerSection(comparison, scorecard);
    }

    @Override
    public void publish(Disclosure disclosure, PartWriter out) {
        out.paragraph("The employer's figures beside the coalition (every employer, this one included), the rest of its"
                + " sector and the national benchmark; then the Social Mobility Commission's scorecard, each KPI rated"
                + " by the rule printed with it. Each section after this one opens with its own figures from this"
                + " table and their chart, then gives the employer's own data.").prefix("comparison");
        if (comparison.result() != null) {
            out.tables(comparison.result());
        } else {
            out.analysis(comparison);
        }
        Optional<SuppressionPlan> applications = comparison.result() instanceof EmployerComparison c ? c.applicantsPlan()
                : Optional.empty();
        out.prefix("scorecard").analysis(scorecard, t -> populations(scorecard(disclosure, t), disclosure, applications));
    }

    /**
     * The scorecard's counts of apprentices and of applicants under the plans their counts by SEB are printed
     * under in the pack: the report's entry routes ({@link PlanTables#ROUTES}, apprenticeship by SEB) and the
     * funnel's applications by SEB (the comparison's applicants plan). A population's rows and its answers
     * to parental occupation (its classifiable groups and those who preferred not to say) give a withheld group
     * back beside the others (125 applications answered, 80 professional and 40 intermediate printed: 5 working
     * class), so they are blank when the plan withholds any of the employer's counts of that population by
     * SEB or their total, in every year (the years' rows sum to the total), and with them each other question's
     * share answered (its answers over the rows). The workforce's rows of a year are blank where the report's
     * plan withholds the employer's count of that year.
     */
    private static ResultTable populations(ResultTable table, Disclosure disclosure, Optional<SuppressionPlan> applications) {
        if (!table.name().equals("questions")) {
            return table;
        }
        boolean apprentices = disclosure.has(PlanTables.ROUTES)
                && bySeb(disclosure.levels(PlanTables.ROUTES, 1), l -> disclosure.withheld(PlanTables.ROUTES,
                        "apprenticeship", l, SuppressionPlan.TOTAL));
        boolean applicants = applications.map(p -> bySeb(p.tables().stream()
                .filter(t -> t.name().equals(EmployerComparison.APPLICATIONS)).findFirst().orElseThrow().levels().get(2),
                l -> p.isSuppressed(EmployerComparison.APPLICATIONS, List.of(EmployerComparison.EMPLOYER_PART,
                        SuppressionPlan.TOTAL, l)))).orElse(false);
        return Disclosure.mask(table, row -> {
            boolean withheld = switch (String.valueOf(row.label("population"))) {
                case "apprentices" -> apprentices;
                case "applicants" -> applicants;
                // The workforce's rows of the year are the plan's count of the employer's year.
                case "workforce" -> disclosure.has(PlanTables.RESPONSE) && disclosure.withheld(PlanTables.RESPONSE,
                        String.valueOf(row.label("employer")), String.valueOf(row.label("year")), SuppressionPlan.TOTAL);
                default -> false;
            };
            if (!withheld || row.value("rows") == null && row.value("answered") == null) {
                return Set.of();
            }
            // A share of a printed count of answers gives the rows back.
            return "parental_occupation".equals(row.label("question")) ? Set.of("rows", "answered", "share_answered")
                    : Set.of("rows", "share_answered");
        }, POPULATION_WITHHELD);
    }

    /** Whether {@code withheld} holds for a level of SEB or for their total. */
    private static boolean bySeb(List<String> levels, Predicate<String> withheld) {
        return withheld.test(SuppressionPlan.TOTAL) || levels.stream().anyMatch(withheld);
    }

    static final String POPULATION_WITHHELD = "withheld: rests on the employer's counts of this population by SEB, some"
            + " of which the pack withholds (entry routes for apprentices, the recruitment funnel for applicants)";

    /** Which rows of a scorecard table rest on the employer's SEB counts of their year, and in which columns. */
    private record OnSebCounts(Set<String> columns, Predicate<Disclosure.Row> rows) {
    }

    private static final Map<String, OnSebCounts> ON_SEB_COUNTS = Map.of(
            "kpis", new OnSebCounts(Set.of("value", "lower", "upper"),
                    row -> Set.of("response_rate", "workforce_spread").contains(row.label("kpi"))),
            "questions", new OnSebCounts(Set.of("answered", "share_answered"),
                    row -> "parental_occupation".equals(row.label("question"))),
            "spread", new OnSebCounts(Set.of("count", "share", "lower", "upper", "gap", "gap_lower", "gap_upper"),
                    row -> true),
            "spread_test", new OnSebCounts(Set.of("chi_square", "p_value"), row -> true));

    /**
     * The scorecard's figures that rest on the employer's SEB counts in its year (the response rate, the
     * spread and its test, the answered counts of the key question) under the report's plan: blank when the
     * plan withholds any of the employer's counts of that year by SEB ({@link PlanTables#RESPONSE}). The
     * scorecard's own rule (no count under 10) cannot know what the rest of the pack publishes: beside the
     * plan's published counts (professionals by grade, the promotion table's intermediate), the response
     * rate's classifiable count gave a withheld working-class count back.
     */
    private static ResultTable scorecard(Disclosure disclosure, ResultTable table) {
        OnSebCounts on = ON_SEB_COUNTS.get(table.name());
        if (on == null || !disclosure.has(PlanTables.RESPONSE)) {
            return table;
        }
        List<String> levels = new java.util.ArrayList<>(disclosure.levels(PlanTables.RESPONSE, 2));
        levels.add(SuppressionPlan.TOTAL);
        return Disclosure.mask(table, row -> on.rows().test(row)
                && on.columns().stream().anyMatch(c -> row.value(c) != null)
                && levels.stream().anyMatch(l -> disclosure.withheld(PlanTables.RESPONSE, List.of(
                        String.valueOf(row.label("employer")), String.valueOf(row.label("year")), l)))
                ? on.columns() : Set.of(), WITHHELD);
    }

    static final String WITHHELD = "withheld: rests on the employer's counts of the year by SEB, some of which the"
            + " report's disclosure plan withholds";
}
