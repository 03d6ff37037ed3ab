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

    ReportQuery(Pool pool, String title) {
        this.pool = pool;
        this.title = title;
    }

    ReportQuery(Pool pool) {
        this(pool, DEFAULT_TITLE);
    }

    /** The report's title. */
    public ReportQuery title(String text) {
        return new ReportQuery(pool, text);
    }

    /** The report, computed now. */
    public EvidenceReport compute() {
        return EvidenceReport.of(pool.reportInputs(title));
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
