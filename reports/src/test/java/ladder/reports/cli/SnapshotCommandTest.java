package ladder.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import ladder.Ladder;
import ladder.Pool;
import ladder.engine.snapshot.Snapshot;
import ladder.reports.cli.CommandLineTest.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ladder import} and analyses of its snapshot: every analysis prints on the snapshot what it
 * prints on the files it was imported from; a damaged snapshot is refused in one line; progress
 * goes to standard error only.
 */
class SnapshotCommandTest {
    private static final String SAMPLE = "../datasets/sample";

    @TempDir
    static Path dir;
    static Path pool;

    @BeforeAll
    static void importSample() {
        pool = dir.resolve("pool.ladder");
        Run imported = CommandLineTest.run("import", "--data", SAMPLE, "--out", pool.toString());
        assertEquals(0, imported.status(), imported.err());
        assertTrue(imported.out().isEmpty(), "import prints nothing on standard output: " + imported.out());
        assertTrue(imported.err().contains("Read 30,000 rows from 18 file(s): 30,000 accepted, 0 rejected"), imported.err());
        assertTrue(imported.err().contains("Saved a snapshot of 30,000 rows to " + pool), imported.err());
        assertTrue(Snapshot.is(pool));
    }

    @Test
    void everyAnalysisGivesOnTheSnapshotWhatItGivesOnTheFiles() {
        for (List<String> analysis : List.of(
                List.of("describe"),
                List.of("composition", "--by", "year,grade"),
                List.of("odds", "--outcome", "grade>=4", "--strata", "employer_id", "--where", "year = 2024"),
                List.of("composition", "--by", "year", "--where", "employer_id = 'E003'"),
                List.of("odds", "--outcome", "promoted", "--where", "sector = 'Legal services' and year >= 2023"),
                List.of("model", "--formula", "promoted ~ seb + gender + C(year)", "--cluster", "employer_id"),
                List.of("model", "--formula", "promoted ~ seb + hourly_pay"),
                List.of("survival", "--by", "seb"),
                List.of("trend", "--by", "sector"),
                List.of("pay", "--by", "gender", "--replicates", "99"),
                List.of("intersect", "--by", "seb,gender"))) {
            for (String format : List.of("table", "json")) {
                Run files = CommandLineTest.run(args(analysis, SAMPLE, format));
                Run snapshot = CommandLineTest.run(args(analysis, pool.toString(), format));
                assertEquals(0, files.status(), files.err());
                assertEquals(0, snapshot.status(), snapshot.err());
                assertEquals(files.out(), snapshot.out(), String.join(" ", analysis) + " --format " + format);
                if (format.equals("table")) {
                    assertTrue(snapshot.err().startsWith("Snapshot " + pool + ": 30,000 rows; imported: Read 30,000 rows"
                            + " from 18 file(s)"), snapshot.err());
                }
            }
        }
    }

    private static String[] args(List<String> analysis, String data, String format) {
        List<String> all = new java.util.ArrayList<>(analysis);
        all.addAll(List.of("--data", data, "--format", format));
        return all.toArray(String[]::new);
    }

    /**
     * The notebook's pool of a snapshot gives what the pool of the files gives: cube questions,
     * filtered on codes or text values or not, and analyses of rows (the adjusted pay gap, whose
     * model reads pay and covariates person by person), with the import's account.
     */
    @Test
    void theNotebookLoadsTheSnapshot() {
        Pool fromFiles = Ladder.load(SAMPLE);
        Pool fromSnapshot = Ladder.load(pool.toString());
        assertTrue(fromSnapshot.toString().startsWith("Pool of 30000 rows"), fromSnapshot.toString());
        for (java.util.function.Function<Pool, ladder.Question<?>> question : List.<java.util.function.Function<Pool,
                ladder.Question<?>>>of(p -> p.composition().by("year"),
                p -> p.where("employer_id = 'E003'").composition().by("year"),
                p -> p.where("grade >= 4").where("sector = 'Technology'").odds().outcome("promoted").strata("employer_id"),
                p -> p.where("year = 2024").pay().adjusted().bootstrap(19, 1),
                p -> p.where("employer_id != E001").survival())) {
            ladder.Question<?> files = question.apply(fromFiles);
            ladder.Question<?> snapshot = question.apply(fromSnapshot);
            assertEquals(files.tables().toString(), snapshot.tables().toString(), files.title());
            assertEquals(files.notes(), snapshot.notes(), files.title());
        }
        for (String account : List.of("files", "read", "accepted", "rejected")) {
            assertEquals(fromFiles.validation().inputs().get(account), fromSnapshot.validation().inputs().get(account));
        }
    }

    /**
     * A command or a notebook question filtered on a text value reads the columns of its cubes and
     * of the filter alone: with every other column damaged in place it answers as on the intact
     * snapshot; the notebook's analysis of rows, which reads every column, refuses it in one line.
     */
    @Test
    void aFilterOnTextValuesReadsNoOtherColumn() throws IOException {
        Path copy = dir.resolve("all-but-three-damaged.ladder");
        CommandLineTest.run("import", "--data", SAMPLE, "--out", copy.toString());
        List<String> needed = List.of("year.arrow", "seb.arrow", "employer_id.arrow");
        try (var files = Files.list(copy)) {
            for (Path column : files.filter(f -> f.toString().endsWith(".arrow")).toList()) {
                if (!needed.contains(column.getFileName().toString())) {
                    damage(column);
                }
            }
        }
        List<String> command = List.of("composition", "--by", "year", "--where", "employer_id = 'E003'", "--data");
        Run damaged = CommandLineTest.run(args(command, copy.toString()));
        assertEquals(0, damaged.status(), damaged.err());
        assertEquals(CommandLineTest.run(args(command, SAMPLE)).out(), damaged.out(), "as on the files");

        Pool notebook = Ladder.load(copy.toString()).where("employer_id = 'E003'");
        assertEquals(Ladder.load(SAMPLE).where("employer_id = 'E003'").composition().by("year").tables().toString(),
                notebook.composition().by("year").tables().toString());
        ladder.engine.LadderException refused = org.junit.jupiter.api.Assertions.assertThrows(
                ladder.engine.LadderException.class, notebook::table);
        assertTrue(refused.getMessage().contains(".arrow: not a readable Ladder snapshot: "), refused.getMessage());
        assertFalse(refused.getMessage().contains("\n"), refused.getMessage());
    }

    private static String[] args(List<String> command, String data) {
        List<String> all = new java.util.ArrayList<>(command);
        all.add(data);
        return all.toArray(String[]::new);
    }

    private static void damage(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (int i = bytes.length / 4; i < 3 * bytes.length / 4; i++) {
            bytes[i] ^= 0x5A;
        }
        Files.write(file, bytes);
    }

    @Test
    void aDamagedSnapshotIsRefusedInOneLine() throws IOException {
        Path copy = dir.resolve("damaged.ladder");
        CommandLineTest.run("import", "--data", SAMPLE, "--out", copy.toString());
        Path column = copy.resolve("seb.arrow");
        try (RandomAccessFile f = new RandomAccessFile(column.toFile(), "rw")) {
            f.setLength(f.length() - 100);
        }
        Run truncated = CommandLineTest.run("composition", "--data", copy.toString());
        assertEquals(2, truncated.status());
        assertEquals("ladder: " + column + ": not a readable Ladder snapshot: " + Files.size(column)
                + " bytes where the manifest says " + (Files.size(column) + 100) + " (truncated)\n", truncated.err());
        assertTrue(truncated.out().isEmpty());
    }

    /**
     * A command reads only the columns its cubes need, and prints what it prints when the whole
     * snapshot is loaded first ({@code --load}), filtered on codes, amounts or a text value.
     */
    @Test
    void readingOnlyTheColumnsNeededGivesWhatAWholeLoadGives() {
        for (List<String> analysis : List.of(
                List.of("composition", "--by", "year,grade"),
                List.of("composition", "--by", "sector", "--where", "hourly_pay > 20 and not gender = woman"),
                List.of("odds", "--outcome", "grade>=4", "--strata", "employer_id", "--where", "year = 2024"),
                List.of("odds", "--outcome", "promoted", "--where", "employer_id in ('E001', 'E002')"),
                List.of("composition", "--by", "year", "--where", "employer_id = 'E003'"),
                List.of("trend", "--by", "grade", "--where", "not sector = 'Technology' and hourly_pay > 15"),
                List.of("trend", "--by", "sector"),
                List.of("pay", "--by", "gender", "--replicates", "99"))) {
            List<String> loaded = new java.util.ArrayList<>(analysis);
            loaded.add("--load");
            Run some = CommandLineTest.run(args(analysis, pool.toString(), "json"));
            Run whole = CommandLineTest.run(args(loaded, pool.toString(), "json"));
            assertEquals(0, some.status(), some.err());
            assertEquals(0, whole.status(), whole.err());
            assertEquals(whole.out(), some.out(), String.join(" ", analysis));
        }
    }

    /**
     * A column damaged in place (its size kept) does not stop a command that does not read it, nor
     * slow it (it is never opened); a command that reads it, and {@code validate}, which reads
     * every column, refuse the snapshot in one line naming the file.
     */
    @Test
    void aDamagedColumnIsRefusedOnlyByWhatReadsIt() throws IOException {
        Path copy = dir.resolve("bonus-damaged.ladder");
        CommandLineTest.run("import", "--data", SAMPLE, "--out", copy.toString());
        Path bonus = copy.resolve("bonus.arrow");
        damage(bonus);
        Run composition = CommandLineTest.run("composition", "--by", "year", "--data", copy.toString());
        assertEquals(0, composition.status(), composition.err());
        assertEquals(CommandLineTest.run("composition", "--by", "year", "--data", pool.toString()).out(),
                composition.out());
        for (List<String> reading : List.of(List.of("validate"), List.of("composition", "--by", "year", "--load"))) {
            List<String> command = new java.util.ArrayList<>(reading);
            command.addAll(List.of("--data", copy.toString()));
            Run refused = CommandLineTest.run(command.toArray(String[]::new));
            assertEquals(2, refused.status(), String.join(" ", command) + ": " + refused.err());
            assertTrue(refused.err().startsWith("ladder: " + bonus + ": not a readable Ladder snapshot: "), refused.err());
            assertEquals(1, refused.err().lines().count(), refused.err());
        }
    }

    @Test
    void aSnapshotTakesNoRejectsFileAndStrictCountsItsImport() {
        Run rejects = CommandLineTest.run("composition", "--data", pool.toString(), "--rejects", dir.resolve("r.csv").toString());
        assertEquals(2, rejects.status());
        assertTrue(rejects.err().startsWith("ladder: --rejects: " + pool + " is a snapshot"), rejects.err());
        assertFalse(Files.exists(dir.resolve("r.csv")));
        assertEquals(0, CommandLineTest.run("composition", "--data", pool.toString(), "--strict").status());
        Run again = CommandLineTest.run("import", "--data", pool.toString(), "--out", dir.resolve("again.ladder").toString());
        assertEquals(2, again.status());
        assertEquals("ladder: " + pool + " is already a snapshot; name it as --data to any command (or copy the folder)\n",
                again.err());
    }

    @Test
    void progressGoesToStandardErrorOnlyAndQuietSilencesIt() {
        for (List<String> command : List.of(List.of("composition", "--by", "year", "--data", SAMPLE),
                List.of("composition", "--by", "year", "--data", pool.toString()),
                List.of("validate", "--data", SAMPLE))) {
            Run plain = CommandLineTest.run(command.toArray(String[]::new));
            List<String> forced = new java.util.ArrayList<>(command);
            forced.add("--progress");
            Run shown = CommandLineTest.run(forced.toArray(String[]::new));
            assertEquals(plain.out(), shown.out(), "standard output holds the result only: " + command);
            assertTrue(shown.err().contains("reading: "), shown.err());
            assertTrue(shown.err().lines().anyMatch(l -> l.startsWith("Done in ") && l.contains(" s: read ")), shown.err());
            assertFalse(plain.err().contains("Done in "), plain.err());
            forced.add("--quiet");
            Run quiet = CommandLineTest.run(forced.toArray(String[]::new));
            assertEquals(plain.err(), quiet.err(), "--quiet shows no progress");
        }
    }
}
