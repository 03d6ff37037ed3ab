package ladder.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import ladder.engine.LadderException;
import ladder.engine.contract.Schema;
import ladder.engine.cube.Cube;
import ladder.engine.cube.CubeKernel;
import ladder.engine.cube.CubeSource;
import ladder.engine.filter.Filter;
import ladder.engine.filter.FilterParser;
import ladder.engine.io.csv.CsvReader;
import ladder.engine.snapshot.Snapshot;
import ladder.engine.snapshot.SnapshotReader;
import ladder.engine.snapshot.SnapshotSource;
import ladder.engine.table.Column;
import ladder.engine.table.Table;
import ladder.engine.table.Codes;
import ladder.engine.table.Decimals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A snapshot gives back the table and load account it saved, exactly, and refuses to be read when damaged. */
class SnapshotTest {
    @TempDir
    Path dir;

    /**
     * A file of 600 people in chunks of 7 rows: person codes outgrow a byte (later chunks in
     * shorts), one chunk holds pay that is not whole pence (doubles), some pay and bonus missing,
     * and rows broken in several ways (rejected, with their account).
     */
    private LoadOutcome mixedLoad() throws IOException {
        EmployeeCsv csv = new EmployeeCsv("\n");
        csv.line(EmployeeCsv.HEADER);
        for (int p = 0; p < 600; p++) {
            String pay = p == 300 ? "1.234" : p % 11 == 0 ? "" : (10 + p % 40) + "." + (p % 100);
            csv.line(EmployeeCsv.row("P" + p, "employer_id", "E" + (p % 3), "year", Integer.toString(2020 + p % 4),
                    "hourly_pay", pay, "bonus", p % 5 == 0 ? "" : "100", "months_in_grade", Integer.toString(p % 601),
                    "sector", p % 2 == 0 ? "Financial services" : "Law", "parental_occupation", p % 7 == 0 ? "" : "routine"));
        }
        csv.line(EmployeeCsv.row("P1", "employer_id", "E1", "year", "2021"));
        csv.line(EmployeeCsv.row("X1", "gender", "female"));
        csv.line("E1,2022,X2,too,few");
        Path file = csv.writeTo(dir.resolve("pool.csv"));
        return LoadOutcome.of(file, dir, new CsvReader(), true);
    }

    private Path imported(LoadOutcome load) {
        Path snapshot = dir.resolve("pool.ladder");
        Snapshot.write(new Loader.Loaded(load.table(), load.report()), snapshot, 2);
        return snapshot;
    }

    @Test
    void roundTripGivesBackEveryColumnDictionaryNullAndTheAccount() throws IOException {
        LoadOutcome load = mixedLoad();
        assertEquals(3, load.report().rejected(), "the file's broken rows");
        var chunks = load.table().chunks();
        var person = load.table().column("person_id");
        var pay = load.table().column("hourly_pay");
        assertInstanceOf(Codes.Bytes.class, chunks.get(0).codes(person), "early person codes fit a byte");
        assertInstanceOf(Codes.Shorts.class, chunks.get(chunks.size() - 1).codes(person), "late ones need shorts");
        assertTrue(chunks.stream().anyMatch(c -> c.decimals(pay) instanceof Decimals.Doubles), "a chunk of doubles");
        assertTrue(chunks.stream().anyMatch(c -> c.decimals(pay).nulls() != null), "a chunk with missing pay");

        Path snapshot = imported(load);
        assertTrue(Snapshot.is(snapshot));
        Loader.Loaded back = Snapshot.read(snapshot, Schema.EMPLOYEES, 3);
        LoadOutcome.assertSameTable(load.table(), back.table(), "after reload");
        assertEquals(load.report(), back.report(), "the load account, rejections and warnings");
        assertEquals(snapshot, back.snapshot());
        String manifest = Files.readString(snapshot.resolve(Snapshot.MANIFEST));
        assertTrue(manifest.contains(FileHash.sha256(dir.resolve("pool.csv"))), "the input's SHA-256 is recorded");

        Loader.Loaded viaLoader = Loader.load(Schema.EMPLOYEES, List.of(snapshot), null);
        LoadOutcome.assertSameTable(load.table(), viaLoader.table(), "through Loader");
        assertEquals(snapshot, viaLoader.snapshot());
    }

    /**
     * A question of a few columns reads those alone, the same as a whole read gives them, and
     * never opens the others: a column damaged in place (its size kept) stops nothing that does
     * not read it, and is refused in one line when it is read. Cubes built from the columns read
     * equal those built from the whole table, filtered on a code or an amount or not.
     */
    @Test
    void aQuestionOfSomeColumnsReadsThoseAloneAndTheSameAsAWholeRead() throws IOException {
        LoadOutcome load = mixedLoad();
        Path snapshot = imported(load);
        Path bonus = damaged(snapshot.resolve("bonus.arrow"));

        SnapshotReader reader = SnapshotReader.open(snapshot, Schema.EMPLOYEES, 2, Progress.NONE);
        Table some = reader.table(List.of("year", "SEB", "hourly_pay", "employer_id"));
        Table whole = load.table();
        assertEquals(whole.rows(), some.rows());
        for (String name : List.of("year", "seb", "hourly_pay", "employer_id")) {
            Column e = whole.column(name);
            Column a = some.column(name);
            assertEquals(e.minCode(), a.minCode(), name);
            assertEquals(e.maxCode(), a.maxCode(), name);
            if (!e.isDecimal()) {
                assertEquals(e.labels(0, e.cardinality() - 1), a.labels(0, a.cardinality() - 1), name);
            }
            for (int k = 0; k < whole.chunks().size(); k++) {
                LoadOutcome.assertSameColumn(whole.chunks().get(k), some.chunks().get(k), e.index(), name + " chunk " + k);
            }
        }
        assertNull(some.chunks().get(0).codes()[whole.column("grade").index()], "a column not asked for is not read");
        assertNull(some.chunks().get(0).decimals()[whole.column("bonus").index()], "nor the damaged one");

        for (String where : List.of("", "year >= 2022", "grade >= 4", "hourly_pay is missing or hourly_pay > 30")) {
            Cube expected = CubeKernel.build(whole, FilterParser.parse(where, whole), List.of("year", "seb"),
                    List.of("hourly_pay"), 2);
            SnapshotSource source = new SnapshotSource(SnapshotReader.open(snapshot, Schema.EMPLOYEES, 2, Progress.NONE),
                    where, 2, SnapshotSource.Reading.STREAM);
            assertEquals(expected, source.cube(List.of("year", "seb"), List.of("hourly_pay")), "where " + where);
        }

        LadderException e = assertThrows(LadderException.class, () -> reader.table(List.of("bonus")));
        assertTrue(e.getMessage().startsWith(bonus + ": not a readable Ladder snapshot: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        e = assertThrows(LadderException.class, () -> Snapshot.read(snapshot, Schema.EMPLOYEES, 2));
        assertTrue(e.getMessage().startsWith(bonus + ": not a readable Ladder snapshot: "), e.getMessage());
    }

    /** {@code file} with the bytes of its middle half changed in place, its size kept. */
    private static Path damaged(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (int i = bytes.length / 4; i < 3 * bytes.length / 4; i++) {
            bytes[i] ^= 0x5A;
        }
        return Files.write(file, bytes);
    }

    /**
     * A filter on text values is compiled against its columns' dictionaries alone: a question
     * filtered on one, streamed or kept, reads the columns of its cube and of the filter and no
     * other (a damaged column it does not read stops nothing), and gives the cube the whole table
     * gives. Kept, a later question of columns read before reads nothing; an analysis of rows reads
     * every column, so meets the damaged one.
     */
    @Test
    void aFilterOnTextValuesReadsOnlyTheColumnsOfTheQuestionAndTheFilter() throws IOException {
        LoadOutcome load = mixedLoad();
        Path snapshot = imported(load);
        Path bonus = damaged(snapshot.resolve("bonus.arrow"));
        Table whole = load.table();
        List<String> dimensions = List.of("year", "seb");
        for (String where : List.of("employer_id = 'E1'", "sector = Law and year >= 2022",
                "employer_id in (E0, 'E2') or grade >= 4", "not employer_id = E2")) {
            Filter filter = FilterParser.parse(where, whole);
            Cube expected = CubeKernel.build(whole, filter, dimensions, List.of("hourly_pay"), 2);
            Set<String> needed = new HashSet<>(List.of("year", "seb", "hourly_pay"));
            filter.columns().forEach(c -> needed.add(c.name()));
            for (SnapshotSource.Reading reading : SnapshotSource.Reading.values()) {
                SnapshotReader reader = SnapshotReader.open(snapshot, Schema.EMPLOYEES, 2, Progress.NONE);
                SnapshotSource source = new SnapshotSource(reader, where, 2, reading);
                assertEquals(expected, source.cube(dimensions, List.of("hourly_pay")), where + ", " + reading);
                assertEquals(filter.text(), source.filter());
                assertEquals(needed, Set.copyOf(reader.columnsRead()), where + ", " + reading);
            }
        }

        Progress progress = new Progress();
        SnapshotReader reader = SnapshotReader.open(snapshot, Schema.EMPLOYEES, 2, progress);
        SnapshotSource kept = new SnapshotSource(reader, "employer_id = E1", 2, SnapshotSource.Reading.KEEP);
        Filter e1 = FilterParser.parse("employer_id = E1", whole);
        assertEquals(CubeKernel.build(whole, e1, dimensions, List.of(), 2), kept.cube(dimensions, List.of()));
        long bytes = progress.bytes();
        assertTrue(bytes > 0, "the first question reads its columns");
        assertEquals(CubeKernel.build(whole, e1, List.of("seb"), List.of(), 2), kept.cube(List.of("seb"), List.of()));
        assertEquals(bytes, progress.bytes(), "a question of columns kept reads nothing again");
        assertEquals(Set.of("year", "seb", "employer_id"), Set.copyOf(reader.columnsRead()));
        LadderException e = assertThrows(LadderException.class, kept::rows);
        assertTrue(e.getMessage().startsWith(bonus + ": not a readable Ladder snapshot: "), e.getMessage());
    }

    /**
     * A snapshot narrowed to an employer ({@code where}) is a source of the same snapshot: its
     * cubes are the loaded rows' narrowed the same way, read from the columns they need and the
     * filter's (the employer's dictionary alone to compile it), the damaged bonus never touched;
     * kept, two cubes of the pool and one of the employer read each column once. Rows of some
     * columns read those and the filter's. A level with a quote is refused as on any source.
     */
    @Test
    void aSnapshotNarrowedToAnEmployerReadsOnlyWhatItsCubesNeed() throws IOException {
        LoadOutcome load = mixedLoad();
        Path snapshot = imported(load);
        damaged(snapshot.resolve("bonus.arrow"));
        Table whole = load.table();
        CubeSource loaded = CubeSource.of(whole, FilterParser.parse("year >= 2021", whole), 2).where("employer_id", "E1");
        List<String> dimensions = List.of("year", "seb");
        for (SnapshotSource.Reading reading : SnapshotSource.Reading.values()) {
            SnapshotReader reader = SnapshotReader.open(snapshot, Schema.EMPLOYEES, 2, Progress.NONE);
            SnapshotSource pool = new SnapshotSource(reader, "year >= 2021", 2, reading);
            CubeSource employer = pool.where("employer_id", "E1");
            assertInstanceOf(SnapshotSource.class, employer, reading.toString());
            assertEquals(loaded.filter(), employer.filter());
            assertEquals(loaded.cube(dimensions, List.of("hourly_pay")), employer.cube(dimensions, List.of("hourly_pay")));
            assertEquals(List.of("employer_id"), reader.columnsRead().subList(0, 1), "the filter compiled on the dictionary");
            assertEquals(Set.of("employer_id", "year", "seb", "hourly_pay"), Set.copyOf(reader.columnsRead()), reading.toString());
            assertEquals(loaded.cube(List.of("seb"), List.of()), employer.cube(List.of("seb"), List.of()));
            pool.cube(dimensions, List.of());
            int expected = reading == SnapshotSource.Reading.KEEP ? 1 : 3;
            assertEquals(expected, reader.columnReads().get("year"), reading + ": " + reader.columnReads());
            assertEquals(expected, reader.columnReads().get("seb"), reading + ": " + reader.columnReads());

            CubeSource.Rows rows = employer.rows(List.of("person_id")).orElseThrow();
            assertEquals(whole.rows(), rows.table().rows());
            assertEquals(loaded.filter(), rows.filter().text());
            assertEquals(Set.of("employer_id", "year", "seb", "hourly_pay", "person_id"), Set.copyOf(reader.columnsRead()));
            LadderException quote = assertThrows(LadderException.class, () -> pool.where("employer_id", "E'1"));
            assertEquals("a level with a quote (E'1) cannot be selected here", quote.getMessage());
        }
    }

    /**
     * A filter's mistake about a text value is told in the words a loaded table gives, once its
     * column is read whole; a dictionary damaged in place is refused as damaged, whether the value
     * asked for is then found in it or not.
     */
    @Test
    void aTextValueTheDataLackIsToldAndADamagedDictionaryRefused() throws IOException {
        LoadOutcome load = mixedLoad();
        Path snapshot = imported(load);
        String where = "year = 2021 and employer_id = 'E9'";
        String expected = assertThrows(LadderException.class, () -> FilterParser.parse(where, load.table())).getMessage();
        SnapshotReader reader = SnapshotReader.open(snapshot, Schema.EMPLOYEES, 1, Progress.NONE);
        LadderException e = assertThrows(LadderException.class,
                () -> new SnapshotSource(reader, where, 1, SnapshotSource.Reading.STREAM));
        assertEquals(expected, e.getMessage());
        assertEquals(List.of("employer_id"), reader.columnsRead());

        Path employer = snapshot.resolve("employer_id.arrow");
        byte[] bytes = Files.readAllBytes(employer);
        int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("E0E1E2");
        assertTrue(at > 0, "the dictionary's labels, in order of first appearance");
        bytes[at + 3] = '7';
        Files.write(employer, bytes);
        for (String value : List.of("E1", "E7")) {
            e = assertThrows(LadderException.class, () -> new SnapshotSource(SnapshotReader.open(snapshot,
                    Schema.EMPLOYEES, 1, Progress.NONE), "employer_id = " + value, 1, SnapshotSource.Reading.STREAM)
                    .cube(List.of("year"), List.of()));
            assertEquals(employer + ": not a readable Ladder snapshot: its content does not match its checksum"
                    + " (corrupted)", e.getMessage(), value);
        }
    }

    /** A truncated column file is refused when the snapshot is opened, before any column is read, whichever the question needs. */
    @Test
    void aTruncatedColumnIsRefusedOnOpeningWhateverIsRead() throws IOException {
        Path snapshot = imported(mixedLoad());
        Path bonus = snapshot.resolve("bonus.arrow");
        try (RandomAccessFile f = new RandomAccessFile(bonus.toFile(), "rw")) {
            f.setLength(f.length() - 1);
        }
        LadderException e = assertThrows(LadderException.class,
                () -> SnapshotReader.open(snapshot, Schema.EMPLOYEES, 1, Progress.NONE));
        assertTrue(e.getMessage().startsWith(bonus + ": not a readable Ladder snapshot: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("(truncated)"), e.getMessage());
    }

    @Test
    void anEmptyTableRoundTrips() throws IOException {
        Path file = Files.writeString(dir.resolve("empty.csv"), EmployeeCsv.HEADER + "\n");
        LoadOutcome load = LoadOutcome.of(file, dir, new CsvReader(), true);
        Loader.Loaded back = Snapshot.read(imported(load), Schema.EMPLOYEES, 1);
        LoadOutcome.assertSameTable(load.table(), back.table(), "empty");
        assertEquals(0, back.table().rows());
    }

    @Test
    void aSnapshotOfAnotherTableIsRefused() throws IOException {
        Path snapshot = imported(mixedLoad());
        LadderException e = assertThrows(LadderException.class, () -> Snapshot.read(snapshot, Schema.APPLICANTS, 1));
        assertEquals(snapshot + ": a snapshot of table employees, not applicants", e.getMessage());
    }

    @Test
    void aTruncatedColumnFileIsRefusedInOneLineNamingIt() throws IOException {
        Path snapshot = imported(mixedLoad());
        Path column = snapshot.resolve("person_id.arrow");
        try (RandomAccessFile f = new RandomAccessFile(column.toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
        String message = refusal(snapshot);
        assertTrue(message.startsWith(column + ": not a readable Ladder snapshot: "), message);
        assertTrue(message.contains("(truncated)"), message);
    }

    @Test
    void aMissingColumnFileIsRefused() throws IOException {
        Path snapshot = imported(mixedLoad());
        Files.delete(snapshot.resolve("grade.arrow"));
        assertEquals(snapshot.resolve("grade.arrow") + ": not a readable Ladder snapshot: the file is missing",
                refusal(snapshot));
    }

    @Test
    void anEditedOrCutManifestIsRefused() throws IOException {
        Path snapshot = imported(mixedLoad());
        Path manifest = snapshot.resolve(Snapshot.MANIFEST);
        String text = Files.readString(manifest);
        Files.writeString(manifest, text.replace("\naccepted\t", "\naccepted\t1"));
        assertEquals(manifest + ": not a readable Ladder snapshot: its content does not match its checksum (edited or"
                + " corrupted)", refusal(snapshot));
        Files.writeString(manifest, text.substring(0, text.length() / 2));
        assertEquals(manifest + ": not a readable Ladder snapshot: it has no checksum line (cut short?)",
                refusal(snapshot));
    }

    /**
     * Bytes all through a column file flipped in turn (120 places, evenly spread): the snapshot is
     * refused in one line naming the file, or (a flip in the padding between buffers, which carries
     * nothing) reads back the same table; the flips inside the values are caught by the checksum.
     */
    @Test
    void everyFlippedByteIsRefusedOrHarmless() throws IOException {
        LoadOutcome load = mixedLoad();
        Path snapshot = imported(load);
        Path column = snapshot.resolve("hourly_pay.arrow");
        byte[] original = Files.readAllBytes(column);
        int checksumRefusals = 0;
        int places = 120;
        for (int i = 0; i < places; i++) {
            int at = (int) ((long) i * original.length / places);
            byte[] flipped = original.clone();
            flipped[at] ^= 0x5A;
            Files.write(column, flipped);
            try {
                Loader.Loaded back = Snapshot.read(snapshot, Schema.EMPLOYEES, 1);
                LoadOutcome.assertSameTable(load.table(), back.table(), "byte " + at + " flipped and not refused");
            } catch (LadderException e) {
                assertTrue(e.getMessage().startsWith(column + ": not a readable Ladder snapshot: "), e.getMessage());
                assertFalse(e.getMessage().contains("\n"), e.getMessage());
                checksumRefusals += e.getMessage().contains("checksum") ? 1 : 0;
            }
        }
        // The file is mostly Arrow's metadata of its 86 small batches; about a quarter of it is values.
        assertTrue(checksumRefusals > places / 10, "flips in the values are caught by the checksum: "
                + checksumRefusals + " of " + places);
        Files.write(column, original);
        LoadOutcome.assertSameTable(load.table(), Snapshot.read(snapshot, Schema.EMPLOYEES, 1).table(), "restored");
    }

    @Test
    void aSnapshotIsReadAloneAndSkippedInsideAFolder() throws IOException {
        Path snapshot = imported(mixedLoad());
        LadderException e = assertThrows(LadderException.class,
                () -> Loader.load(Schema.EMPLOYEES, List.of(snapshot, dir.resolve("pool.csv")), null));
        assertTrue(e.getMessage().startsWith(snapshot + " is a snapshot (ladder import), which is read alone"), e.getMessage());
        Loader.Loaded folder = Loader.load(Schema.EMPLOYEES, List.of(dir), null);
        assertNull(folder.snapshot());
        assertTrue(folder.report().warnings().stream().anyMatch(w -> w.startsWith("skipped 1 Ladder snapshots")),
                folder.report().warnings().toString());
    }

    @Test
    void writingOverAFolderThatIsNotASnapshotIsRefused() throws IOException {
        Path other = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(other.resolve("a.txt"), "keep me", StandardCharsets.UTF_8);
        LoadOutcome load = mixedLoad();
        LadderException e = assertThrows(LadderException.class,
                () -> Snapshot.write(new Loader.Loaded(load.table(), load.report()), other, 1));
        assertEquals(other + " exists and is not a Ladder snapshot; name a new folder for --out", e.getMessage());
        assertEquals("keep me", Files.readString(other.resolve("a.txt")));
    }

    private static String refusal(Path snapshot) {
        LadderException e = assertThrows(LadderException.class, () -> Snapshot.read(snapshot, Schema.EMPLOYEES, 2));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }
}
