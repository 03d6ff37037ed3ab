package ladder.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import ladder.engine.LadderException;
import ladder.engine.contract.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, inputs are sacred: no run writes over a file it reads, reads a file an earlier run
 * wrote, or leaves a half-written file behind.
 */
class InputsAreSacredTest {
    @TempDir
    Path dir;

    private static String oneLine(LadderException e) {
        assertTrue(e.getMessage().indexOf('\n') < 0 && e.getMessage().length() < 1_000, e.getMessage());
        return e.getMessage();
    }

    private void assertRejectsRefused(List<Path> inputs, Path rejects, Path input) throws IOException {
        byte[] before = Files.readAllBytes(input);
        LadderException e = assertThrows(LadderException.class, () -> Loader.load(Schema.EMPLOYEES, inputs, rejects));
        assertTrue(oneLine(e).startsWith("the rejects file " + rejects + " is the input file "), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(input));
    }

    @Test
    void aRejectsFileThatIsAnInputIsRefusedAndTheInputKept() throws IOException {
        Path data = EmployeeCsv.validFile(dir.resolve("data.csv"), "P1", "P2");
        assertRejectsRefused(List.of(data), data, data);

        Files.createDirectory(dir.resolve("sub"));
        assertRejectsRefused(List.of(data), dir.resolve("sub").resolve("..").resolve("data.csv"), data);
        assertRejectsRefused(List.of(dir.resolve("sub").resolve("..").resolve("data.csv")), data, data);

        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), data);
        assertRejectsRefused(List.of(data), link, data);
        Path folderLink = Files.createSymbolicLink(dir.resolve("folder-link"), dir);
        assertRejectsRefused(List.of(data), folderLink.resolve("data.csv"), data);

        Path pool = Files.createDirectory(dir.resolve("pool"));
        Path deep = EmployeeCsv.validFile(Files.createDirectories(pool.resolve("a").resolve("b")).resolve("x.csv"), "P3");
        assertRejectsRefused(List.of(pool), deep, deep);
    }

    @Test
    void aSecondRunInTheSameFolderSkipsTheFirstRunsRejects() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("here"));
        Files.writeString(folder.resolve("data.csv"), EmployeeCsv.HEADER + "\n" + EmployeeCsv.row("P1") + "\n"
                + EmployeeCsv.row("P2", "grade", "9") + "\n");
        Path rejects = folder.resolve("ladder-rejects.csv");
        LoadReport first = Loader.load(Schema.EMPLOYEES, List.of(folder), rejects).report();
        assertEquals(List.of(folder.resolve("data.csv").toString()), first.files());
        assertEquals(1, first.rejected());
        byte[] firstRejects = Files.readAllBytes(rejects);

        LoadReport second = Loader.load(Schema.EMPLOYEES, List.of(folder), rejects).report();
        assertEquals(first.files(), second.files());
        assertEquals(2, second.read());
        assertEquals(1, second.rejected());
        assertEquals(List.of("skipped 1 files that are Ladder rejects files (their first line is "
                + RejectsWriter.HEADER + "): " + rejects), second.warnings());
        assertArrayEquals(firstRejects, Files.readAllBytes(rejects));

        // A file merely mentioning the header further down is data like any other, and refused as such.
        Files.writeString(folder.resolve("other.csv"), "notes\n" + RejectsWriter.HEADER + "\n");
        LadderException e = assertThrows(LadderException.class, () -> Loader.load(Schema.EMPLOYEES, List.of(folder)));
        assertTrue(e.getMessage().startsWith(folder.resolve("other.csv") + ": missing columns"), e.getMessage());
    }

    @Test
    void aFailedLoadLeavesThePreviousRejectsFileWholeAndNoTemporaryFile() throws IOException {
        Path good = Files.writeString(dir.resolve("a.csv"), EmployeeCsv.HEADER + "\n" + EmployeeCsv.row("P1", "grade", "9") + "\n");
        Path rejects = dir.resolve("out").resolve("rejects.csv");
        Files.createDirectory(rejects.getParent());
        Loader.load(Schema.EMPLOYEES, List.of(good), rejects);
        byte[] before = Files.readAllBytes(rejects);

        Path broken = Files.writeString(dir.resolve("b.csv"), "employer_id;year\n");
        Path more = Files.writeString(dir.resolve("c.csv"), EmployeeCsv.HEADER + "\n" + EmployeeCsv.row("P2", "grade", "0") + "\n");
        assertThrows(LadderException.class, () -> Loader.load(Schema.EMPLOYEES, List.of(more, broken), rejects));
        assertArrayEquals(before, Files.readAllBytes(rejects));
        try (Stream<Path> files = Files.list(rejects.getParent())) {
            assertEquals(List.of(rejects), files.toList());
        }
    }

    @Test
    void checkNotInputRefusesAnInputOrAFileAFolderWouldRead() throws IOException {
        Path data = EmployeeCsv.validFile(dir.resolve("data.csv"), "P1");
        Path pool = Files.createDirectory(dir.resolve("pool"));
        List<Path> inputs = List.of(data, pool);

        LadderException e = assertThrows(LadderException.class,
                () -> OutputFiles.checkNotInput(dir.resolve("./data.csv"), inputs, "the table file"));
        assertEquals("the table file " + dir.resolve("./data.csv") + " is the input file " + data
                + "; Ladder never writes over its inputs, so write it elsewhere", oneLine(e));
        Path later = pool.resolve("new").resolve("cube.PARQUET");
        e = assertThrows(LadderException.class, () -> OutputFiles.checkNotInput(later, inputs, "the cube file"));
        assertEquals("the cube file " + later + " lies inside the input folder " + pool
                + " and would be read as data by the next run; write it elsewhere", oneLine(e));
        Path viaLink = Files.createSymbolicLink(dir.resolve("pool-link"), pool).resolve("t.csv");
        assertThrows(LadderException.class, () -> OutputFiles.checkNotInput(viaLink, inputs, "the table file"));

        for (Path fine : List.of(dir.resolve("out.csv"), pool.resolve("notes.txt"), pool.resolve(".hidden").resolve("t.csv"),
                pool.resolve(".t.csv"), dir.resolve("pool2").resolve("t.csv"))) {
            assertDoesNotThrow(() -> OutputFiles.checkNotInput(fine, inputs, "the table file"), fine.toString());
        }
    }

    @Test
    void writeAtomicallyReplacesWholeOrNotAtAll() throws IOException {
        Path target = Files.writeString(dir.resolve("table.csv"), "old\n");
        OutputFiles.writeAtomically(target, temp -> Files.writeString(temp, "new\n"));
        assertEquals("new\n", Files.readString(target));

        LadderException e = assertThrows(LadderException.class, () -> OutputFiles.writeAtomically(target, temp -> {
            Files.writeString(temp, "half");
            throw new IOException("disk full");
        }));
        assertEquals("cannot write " + target + " (IOException: disk full)", oneLine(e));
        assertEquals("new\n", Files.readString(target));
        assertThrows(IllegalStateException.class, () -> OutputFiles.writeAtomically(target, temp -> {
            throw new IllegalStateException("a bug");
        }));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }

        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), target);
        OutputFiles.writeAtomically(link, temp -> Files.write(temp, "through\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("through\n", Files.readString(target));
    }
}
