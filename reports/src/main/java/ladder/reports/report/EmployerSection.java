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
        out.prefix("scorecard").analysis(scorecard, t -> scorecard(disclosure, t));
    }

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
