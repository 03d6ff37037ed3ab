package ladder.reports.report;

import java.util.List;
import java.util.Optional;
import ladder.models.benchmark.EmployerComparison;
import ladder.models.benchmark.Scorecard;

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
        out.prefix("scorecard").analysis(scorecard);
    }
}
