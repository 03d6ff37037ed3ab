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

    /** Writes the section's tables, charts and words into {@code out}, every count published under {@code disclosure}. */
    void publish(Disclosure disclosure, PartWriter out);
}
