package ladder.reports.report;

/**
 * One section of the evidence report. A section computes its analyses when it is made from the
 * report's inputs (a {@link Factory}), then publishes them under the report's one
 * {@link Disclosure} plan. Adding a section (the recruitment funnel, training, an employer's
 * scorecard) is one class and one line in {@link EvidenceReport#SECTIONS}.
 */
interface Section {

    /** Makes a section; a {@link ladder.engine.LadderException} when the inputs lack what it needs (e.g. a cube's dimension). */
    interface Factory {
        Section of(ReportInputs inputs);
    }

    /**
     * The count tables, beyond {@link PlanTables}', whose cells and margins the section prints (each with
     * {@code seb} at the plan's four levels, so that its margins are the other tables'): the report's one
     * plan decides them with the rest.
     */
    default java.util.List<ladder.models.disclosure.CountTable> counts() {
        return java.util.List.of();
    }

    /** Writes the section's tables, charts and words into {@code out}, every count published under {@code disclosure}. */
    void publish(Disclosure disclosure, PartWriter out);
}
