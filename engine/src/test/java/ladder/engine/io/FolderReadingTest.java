package ladder.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import ladder.engine.LadderException;
import ladder.engine.contract.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, folders: read at any depth in a stable order, every file once whatever paths reach
 * it, and what is skipped (hidden, unreadable, broken links) said in one line per kind.
 */
class FolderReadingTest {
    @TempDir
    Path dir;

    private LoadReport load(Path... paths) {
        return Loader.load(Schema.EMPLOYEES, List.of(paths)).report();
    }

    private static List<String> names(Path... files) {
        return Stream.of(files).map(Path::toString).toList();
    }

    private static String refusal(Path path) {
        LadderException e = assertThrows(LadderException.class, () -> Loader.load(Schema.EMPLOYEES, List.of(path)));
        assertTrue(e.getMessage().indexOf('\n') < 0, e.getMessage());
        return e.getMessage();
    }

    @Test
    void readsSubfoldersAtAnyDepthInOrderOfPath() throws IOException {
        Path pool = Files.createDirectory(dir.resolve("pool"));
        Path b = EmployeeCsv.validFile(pool.resolve("b.csv"), "P1");
        Path deep = EmployeeCsv.validFile(Files.createDirectories(pool.resolve("a").resolve("x").resolve("y")).resolve("z.csv"), "P2");
        Path a1 = EmployeeCsv.validFile(pool.resolve("a").resolve("1.csv"), "P3");
        Path aDash = EmployeeCsv.validFile(pool.resolve("a-b.csv"), "P4");
        LoadReport report = load(pool);
        assertEquals(names(a1, deep, aDash, b), report.files());
        assertEquals(4, report.accepted());
    }

    @Test
    void readsEveryFileOnceWhateverPathsReachIt() throws IOException {
        Path pool = Files.createDirectory(dir.resolve("pool"));
        Path x = EmployeeCsv.validFile(pool.resolve("x.csv"), "P1", "P2");
        Path y = EmployeeCsv.validFile(pool.resolve("y.csv"), "P3");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), x);
        Path respelt = pool.resolve("..").resolve("pool").resolve("x.csv");
        LoadReport report = load(x, pool, x, respelt, link, Files.createSymbolicLink(pool.resolve("again.csv"), y));
        // the first path to reach a file is kept: the folder's files come in order of name
        assertEquals(names(x, pool.resolve("again.csv")), report.files());
        assertEquals(3, report.read());
        assertEquals(0, report.rejected());
        assertEquals(List.of("read once 6 files reached by more than one path: " + x + ", " + y + ", "
                + x + ", " + respelt + ", " + link + " and 1 more"), report.warnings());
    }

    @Test
    void skipsHiddenFilesAndFoldersWithOneWarning() throws IOException {
        Path pool = Files.createDirectory(dir.resolve("pool"));
        Path a = EmployeeCsv.validFile(pool.resolve("a.csv"), "P1");
        Files.writeString(pool.resolve("._a.csv"), "\u0000\u0005\u0016\u0007Mac OS X resource fork");
        EmployeeCsv.validFile(Files.createDirectory(pool.resolve(".git")).resolve("x.csv"), "P1");
        Files.writeString(pool.resolve(".DS_Store"), "not data and not named");
        LoadReport report = load(pool);
        assertEquals(names(a), report.files());
        assertEquals(List.of("skipped 2 hidden files and folders (names starting with '.'; name a file explicitly"
                + " to read it): " + pool.resolve("._a.csv") + ", " + pool.resolve(".git") + "/"), report.warnings());
        // named explicitly, a hidden file is read
        assertEquals(1, load(EmployeeCsv.validFile(pool.resolve(".b.csv"), "P2")).accepted());
    }

    @Test
    void aBrokenLinkIsAWarningInAFolderAndARefusalWhenNamed() throws IOException {
        Path pool = Files.createDirectory(dir.resolve("pool"));
        Path a = EmployeeCsv.validFile(pool.resolve("a.csv"), "P1");
        Path broken = Files.createSymbolicLink(pool.resolve("gone.csv"), dir.resolve("nowhere.csv"));
        Files.createSymbolicLink(pool.resolve("loop"), pool);
        LoadReport report = load(pool);
        assertEquals(names(a), report.files());
        assertEquals(List.of("skipped 1 symbolic links to files that do not exist: " + broken,
                "skipped 1 links to folders that loop back to a folder being read: " + pool.resolve("loop")), report.warnings());
        assertEquals(broken + ": a symbolic link to " + dir.resolve("nowhere.csv") + ", which does not exist", refusal(broken));
    }

    @Test
    void aPipeIsAWarningInAFolderAndARefusalWhenNamedNeverAHang() throws Exception {
        Path pool = Files.createDirectory(dir.resolve("pool"));
        Path a = EmployeeCsv.validFile(pool.resolve("a.csv"), "P1");
        Path pipe = pool.resolve("pipe.csv");
        assumeTrue(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor() == 0, "mkfifo is not available");
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            LoadReport report = load(pool);
            assertEquals(names(a), report.files());
            assertEquals(List.of("skipped 1 files and folders that cannot be read: " + pipe + " (not a regular file)"),
                    report.warnings());
            assertEquals(pipe + ": not a regular file (a pipe, socket or device); Ladder reads files and folders",
                    refusal(pipe));
        });
    }

    @Test
    void anUnreadableFileIsAWarningInAFolderAndARefusalWhenNamed() throws IOException {
        Path pool = Files.createDirectory(dir.resolve("pool"));
        Path a = EmployeeCsv.validFile(pool.resolve("a.csv"), "P1");
        Path locked = EmployeeCsv.validFile(pool.resolve("locked.csv"), "P2");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        assumeTrue(!Files.isReadable(locked), "running as a user who reads every file (root)");
        LoadReport report = load(pool);
        assertEquals(names(a), report.files());
        assertEquals(List.of("skipped 1 files and folders that cannot be read: " + locked + " (permission denied)"),
                report.warnings());
        assertEquals(locked + ": permission denied", refusal(locked));
    }

    @Test
    void aFolderOfOnlySkippedFilesSaysSo() throws IOException {
        Path pool = Files.createDirectory(dir.resolve("pool"));
        EmployeeCsv.validFile(pool.resolve(".a.csv"), "P1");
        assertTrue(refusal(pool).startsWith(pool + ": the folder holds no file to read (accepted: .csv"), refusal(pool));
        assertTrue(refusal(pool).endsWith("; skipped 1 hidden, rejects or unreadable files and links)"), refusal(pool));
    }
}
