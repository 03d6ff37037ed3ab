package ladder.engine.io;

import static ladder.engine.io.EmployeeCsv.HEADER;
import static ladder.engine.io.EmployeeCsv.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import ladder.engine.LadderException;
import ladder.engine.contract.Schema;
import ladder.engine.table.Chunk;
import ladder.engine.table.Column;
import ladder.engine.table.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pooling files and folders into one table, and the report of the load. */
class LoaderTest {
    @TempDir
    Path dir;

    @Test
    void poolsAFolderOfFilesAtAnyDepthInOrderOfPath() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("pool"));
        EmployeeCsv.validFile(folder.resolve("b.csv"), "P3", "P4");
        Files.writeString(folder.resolve("a.CSV"), HEADER + "\n" + row("P1") + "\n"
                + row("P2", "parental_occupation", "Clerical and intermediate occupations") + "\n");
        Files.writeString(folder.resolve("notes.txt"), "not data");
        Files.createDirectory(folder.resolve("sub"));
        EmployeeCsv.validFile(folder.resolve("sub").resolve("c.csv"), "P9");

        Loader.Loaded loaded = Loader.load(Schema.EMPLOYEES, List.of(folder));
        LoadReport report = loaded.report();
        assertEquals(List.of(folder.resolve("a.CSV").toString(), folder.resolve("b.csv").toString(),
                folder.resolve("sub").resolve("c.csv").toString()), report.files());
        assertEquals(5, report.read());
        assertEquals(5, report.accepted());
        assertEquals(0, report.rejected());
        assertEquals(Map.of(), report.rejectedByRule());
        assertNull(report.rejectsFile());

        Table table = loaded.table();
        Chunk chunk = table.chunks().get(0);
        Column person = table.column("person_id");
        Column seb = table.column("seb");
        Column occupation = table.column("parental_occupation");
        assertEquals("P1", person.label(chunk.codes(person).get(0)));
        assertEquals("P4", person.label(chunk.codes(person).get(3)));
        assertEquals("clerical", occupation.label(chunk.codes(occupation).get(1)));
        assertEquals("intermediate", seb.label(chunk.codes(seb).get(1)));
        assertEquals("working_class", seb.label(chunk.codes(seb).get(2)));
    }

    @Test
    void aDuplicateInAnotherFileNamesTheFirstFile() throws IOException {
        Path first = EmployeeCsv.validFile(dir.resolve("first.csv"), "P1", "P2");
        Path second = EmployeeCsv.validFile(dir.resolve("second.csv"), "P3", "P2");
        Path rejects = dir.resolve("rejects.csv");
        LoadReport report = Loader.load(Schema.EMPLOYEES, List.of(second, first), rejects).report();
        assertEquals(List.of(second.toString(), first.toString()), report.files());
        assertEquals(3, report.accepted());
        assertEquals(Map.of("duplicate key", 1L), report.rejectedByRule());
        assertEquals(rejects, report.rejectsFile());
        List<List<String>> rows = EmployeeCsv.readRejects(rejects);
        assertEquals(1, rows.size());
        assertEquals(List.of(first.toString(), "3", "employer_id; year; person_id", "E1; 2022; P2",
                "duplicate of (employer_id, year, person_id) first seen at " + second + " line 3", row("P2")), rows.get(0));
    }

    @Test
    void refusesAFileOfAnUnknownKind() throws IOException {
        Path text = Files.writeString(dir.resolve("data.txt"), HEADER + "\n");
        LadderException e = assertThrows(LadderException.class, () -> Loader.load(Schema.EMPLOYEES, List.of(text)));
        assertTrue(e.getMessage().startsWith(text + ": not a kind of file Ladder reads (accepted: .csv"), e.getMessage());
    }

    @Test
    void refusesAPathThatDoesNotExist() {
        Path missing = dir.resolve("missing");
        LadderException e = assertThrows(LadderException.class, () -> Loader.load(Schema.EMPLOYEES, List.of(missing)));
        assertEquals(missing + ": no such file or folder", e.getMessage());
    }

    @Test
    void refusesAFolderWithNothingToRead() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("empty"));
        LadderException e = assertThrows(LadderException.class, () -> Loader.load(Schema.EMPLOYEES, List.of(folder)));
        assertTrue(e.getMessage().startsWith(folder + ": the folder holds no file to read"), e.getMessage());
    }

    @Test
    void loadsTheApplicantsTable() throws IOException {
        Path file = Files.writeString(dir.resolve("applicants.csv"), String.join("\n",
                "employer_id,year,applicant_id,stage_reached,parental_occupation,school_type,free_school_meals,"
                        + "parent_degree,gender,ethnicity,disability,age_band",
                "E1,2024,A1,hired,manager,state,no,yes,man,asian,no,16-24",
                "E1,2024,A1,offered,manager,state,no,yes,man,asian,no,16-24",
                "E1,2024,A2,interviewed,,,,,woman,black,no,25-34"));
        Loader.Loaded loaded = Loader.load(Schema.APPLICANTS, List.of(file));
        assertEquals(2, loaded.report().accepted());
        assertEquals("duplicate of (employer_id, year, applicant_id) first seen at " + file + " line 2",
                loaded.report().firstRejections().get(0).rule());
        Table table = loaded.table();
        Column seb = table.column("seb");
        assertEquals("professional", seb.label(table.chunks().get(0).codes(seb).get(0)));
        assertEquals("missing", seb.label(table.chunks().get(0).codes(seb).get(1)));
    }

    @Test
    void reportCountsMustAddUp() {
        assertThrows(IllegalStateException.class,
                () -> new LoadReport(List.of(), 3, 1, 1, Map.of(), List.of(), List.of(), null));
    }
}
