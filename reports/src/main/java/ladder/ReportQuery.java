package ladder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import ladder.reports.report.EvidenceReport;
import ladder.reports.report.ReportInputs;

/**
 * The evidence report of a pool, as {@code ladder report} writes it:
 * {@code pool.report().title("Coalition report 2024").write(Path.of("report"))} writes
 * {@code report/index.html} and {@code report/tables/*.csv}.
 */
public final class ReportQuery {
    private static final String DEFAULT_TITLE = "Socio-economic background: evidence report";
    private final Pool pool;
    private final String title;
    private final Pool applicants;
    private final String employer;

    ReportQuery(Pool pool, String title, Pool applicants, String employer) {
        this.pool = pool;
        this.title = title;
        this.applicants = applicants;
        this.employer = employer;
    }

    ReportQuery(Pool pool) {
        this(pool, DEFAULT_TITLE, null, null);
    }

    /** The report's title. */
    public ReportQuery title(String text) {
        return new ReportQuery(pool, text, applicants, employer);
    }

    /** With the recruitment funnel (and the scorecard's applicants) from this pool of applications ({@link Ladder#applicants}). */
    public ReportQuery applicants(Pool applications) {
        return new ReportQuery(pool, title, applications.requireApplications("the report's funnel"), employer);
    }

    /** Employer {@code id}'s benchmark pack instead: where it stands, its scorecard, then its own data. */
    public ReportQuery employer(String id) {
        return new ReportQuery(pool, title, applicants, id);
    }

    /** The report, computed now. */
    public EvidenceReport compute() {
        ladder.reports.report.ReportInputs inputs = pool.reportInputs(title);
        if (applicants != null) {
            inputs = inputs.withApplicants(applicants.cubes(), applicants.reportInputs(title).files());
        }
        return EvidenceReport.of(employer == null ? inputs : inputs.forEmployer(employer));
    }

    /** Writes the report into {@code dir}; answers the page's path ({@code dir/index.html}). */
    public Path write(Path dir) {
        try {
            return compute().write(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The command that gives the same report from the command line, writing to OUT. */
    static String command(List<String> files, String where, String title) {
        StringBuilder s = new StringBuilder("ladder report --data ");
        s.append(files.stream().map(ReportInputs::shellWord).collect(Collectors.joining(" ")));
        if (!where.isBlank()) {
            s.append(" --where ").append(ReportInputs.shellWord(where));
        }
        return s.append(" --title ").append(ReportInputs.shellWord(title)).append(" --out OUT").toString();
    }
}
