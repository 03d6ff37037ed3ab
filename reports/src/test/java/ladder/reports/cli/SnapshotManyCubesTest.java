package ladder.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import ladder.engine.io.Progress;
import ladder.engine.snapshot.SnapshotReader;
import ladder.engine.snapshot.SnapshotSource;
import ladder.reports.cli.CommandLineTest.Run;
import ladder.reports.report.EvidenceReport;
import ladder.reports.report.ReportInputs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Commands of many cubes on a snapshot (the report, an employer's pack and comparison, the
 * scorecard): each column they read is read from the files once, and what they write is what they
 * write from the files the snapshot was imported from.
 */
class SnapshotManyCubesTest {
    private static final String SAMPLE = "../datasets/sample";

    @TempDir
    static Path dir;
    static Path pool;

    @BeforeAll
    static void importSample() {
        pool = dir.resolve("pool.ladder");
        Run imported = CommandLineTest.run("import", "--data", SAMPLE, "--out", pool.toString());
        assertEquals(0, imported.status(), imported.err());
    }

    /**
     * {@code ladder report} and {@code ladder report --employer E003} write, on the snapshot, every
     * table the files give byte for byte, and the same page but for the line of the command that
     * reproduces it (the inputs it lists are the files the snapshot was imported from).
     */
    @Test
    void aReportOnTheSnapshotIsTheReportOnTheFiles() throws IOException {
        for (List<String> employer : List.of(List.<String>of(), List.of("--employer", "E003"))) {
            Path files = dir.resolve("files" + employer.size());
            Path snapshot = dir.resolve("snapshot" + employer.size());
            report(SAMPLE, files, employer);
            report(pool.toString(), snapshot, employer);
            List<Path> tables = list(files.resolve("tables"));
            assertEquals(tables.stream().map(Path::getFileName).toList(),
                    list(snapshot.resolve("tables")).stream().map(Path::getFileName).toList());
            assertTrue(tables.size() > 20, "the report's tables: " + tables);
            for (Path table : tables) {
                assertEquals(Files.readString(table), Files.readString(snapshot.resolve("tables").resolve(table.getFileName())),
                        employer + " " + table.getFileName());
            }
            List<String> fromFiles = page(files);
            List<String> fromSnapshot = page(snapshot);
            assertEquals(fromFiles.size(), fromSnapshot.size(), employer + ": lines of the page");
            for (int i = 0; i < fromFiles.size(); i++) {
                assertEquals(fromFiles.get(i), fromSnapshot.get(i), employer + ": line " + (i + 1) + " of the page");
            }
        }
    }

    private static void report(String data, Path out, List<String> extra) {
        List<String> args = new ArrayList<>(List.of("report", "--data", data, "--out", out.toString()));
        args.addAll(extra);
        Run run = CommandLineTest.run(args.toArray(String[]::new));
        assertEquals(0, run.status(), run.err());
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    /** The page's lines but the command that reproduces it (the input files, with their SHA-256, are the same). */
    private static List<String> page(Path out) throws IOException {
        return Files.readAllLines(out.resolve("index.html")).stream()
                .filter(l -> !l.startsWith("<figure><pre class=\"command\">ladder report --data "))
                .toList();
    }

    /**
     * The report and an employer's pack, opened as {@code ladder report} opens a snapshot (its
     * columns kept, since the sample fits), read each column they need from the files once, however
     * many of their cubes and sections need it.
     */
    @Test
    void aReportReadsEachColumnOnce() throws IOException {
        for (List<String> employer : List.of(List.<String>of(), List.of("--employer", "E003"))) {
            ReportCommand command = new ReportCommand();
            List<String> args = new ArrayList<>(List.of("--data", pool.toString(), "--out", dir.resolve("r").toString()));
            args.addAll(employer);
            new CommandLine(command).parseArgs(args.toArray(String[]::new));
            DataOptions.Opened in = command.data.open(ladder.engine.contract.Schema.EMPLOYEES, Progress.NONE);
            ReportInputs inputs = ReportInputs.ofRows(in.source(), in.report(), "ladder report", "Report");
            EvidenceReport.of(command.employer == null ? inputs : inputs.forEmployer(command.employer));
            assertReadOnce(snapshot(in), employer.toString());
        }
    }

    /** {@code ladder employer} reads each column it needs once. */
    @Test
    void anEmployersComparisonReadsEachColumnOnce() throws IOException {
        EmployerCommand command = new EmployerCommand();
        new CommandLine(command).parseArgs("--id", "E003", "--data", pool.toString());
        DataOptions.Opened in = command.data.open(command.table(), Progress.NONE, command.streams());
        command.analyse(in);
        assertReadOnce(snapshot(in), "employer");
    }

    /**
     * {@code ladder scorecard} on a snapshot prints what it prints from the files, and reads the
     * columns of its two cubes (employer x year x SEB; employer x year x entry route x the four
     * questions) and of its new hires' linkage (person_id), once each, and no other.
     */
    @Test
    void theScorecardReadsOnlyTheColumnsItNeeds() throws IOException {
        for (List<String> analysis : List.of(List.of("scorecard"), List.of("scorecard", "--employer", "E003,E001",
                "--target", "working_class=0.35"), List.of("scorecard", "--where", "year <= 2023 and sector = 'Technology'"))) {
            for (String format : List.of("table", "json")) {
                Run files = CommandLineTest.run(args(analysis, SAMPLE, format));
                Run snapshot = CommandLineTest.run(args(analysis, pool.toString(), format));
                assertEquals(0, files.status(), files.err());
                assertEquals(0, snapshot.status(), snapshot.err());
                assertEquals(files.out(), snapshot.out(), analysis + " " + format);
            }
        }
        ScorecardCommand command = new ScorecardCommand();
        new CommandLine(command).parseArgs("--data", pool.toString());
        DataOptions.Opened in = command.data.open(command.table(), Progress.NONE, command.streams());
        command.analyse(in);
        SnapshotReader reader = snapshot(in);
        assertEquals(Set.of("employer_id", "year", "seb", "entry_route", "parental_occupation", "school_type",
                "free_school_meals", "parent_degree", "person_id"), Set.copyOf(reader.columnsRead()));
        assertReadOnce(reader, "scorecard");
    }

    private static String[] args(List<String> analysis, String data, String format) {
        List<String> all = new ArrayList<>(analysis);
        all.addAll(List.of("--data", data, "--format", format));
        return all.toArray(String[]::new);
    }

    private static SnapshotReader snapshot(DataOptions.Opened in) {
        return assertInstanceOf(SnapshotSource.class, in.source()).snapshot();
    }

    private static void assertReadOnce(SnapshotReader reader, String what) {
        Map<String, Integer> reads = reader.columnReads();
        assertTrue(reads.size() > 3, what + ": " + reads);
        assertEquals(Set.of(1), Set.copyOf(reads.values()), what + ": " + reads);
    }
}
