package ladder.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import ladder.engine.io.csv.CsvTokeniser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rejected-rows file and the summary kept beside it. */
class RejectsWriterTest {
    @TempDir
    Path dir;

    @Test
    void quotesFieldsThatNeedItAndReadsBackExactly() {
        Path file = dir.resolve("rejects.csv");
        Rejection tricky = new Rejection("a,b.csv", 7, "sector", "say \"hi\"\r\nthere", "text after closing quote",
                "1,\"say \"\"hi\"\"\r\nthere\"x");
        Rejection plain = new Rejection("c.csv", 2, "grade", "7", "out of range: must be a whole number from 1 to 6", null);
        try (RejectsWriter writer = RejectsWriter.toFile(file)) {
            writer.accept(tricky);
            writer.accept(plain);
            writer.commit();
        }
        assertEquals(List.of(
                List.of("a,b.csv", "7", "sector", "say \"hi\"\r\nthere", "text after closing quote",
                        "1,\"say \"\"hi\"\"\r\nthere\"x"),
                List.of("c.csv", "2", "grade", "7", "out of range: must be a whole number from 1 to 6", "")),
                EmployeeCsv.readRejects(file));
    }

    @Test
    void countsByCategoryAndKeepsTheFirstRejections() {
        RejectsWriter writer = RejectsWriter.countsOnly();
        for (int i = 0; i < 30; i++) {
            writer.accept(new Rejection("f.csv", i + 2, "grade", "9", "out of range: must be a whole number from 1 to 6"
                    + (i % 2 == 0 ? "; unknown code: must be one of woman, man" : ""), null));
        }
        writer.accept(new Rejection("f.csv", 40, "(record)", "", "expected 20 fields, found 3", null));
        writer.accept(new Rejection("f.csv", 41, "employer_id; year; person_id", "E1; 2022; P1",
                "duplicate of (employer_id, year, person_id) first seen at f.csv line 2", null));
        writer.close();
        assertNull(writer.path());
        assertEquals(32, writer.count());
        assertEquals(Map.of("out of range", 30L, "wrong field count", 1L, "duplicate key", 1L), writer.byCategory());
        assertEquals(RejectsWriter.KEPT, writer.first().size());
        assertEquals(2, writer.first().get(0).line());
    }

    @Test
    void categoriesOfEveryRule() {
        for (String[] rule : Arrays.asList(
                new String[] {RowValidator.INVALID_TEXT, RowValidator.INVALID_TEXT},
                new String[] {CsvTokeniser.TEXT_AFTER_QUOTE, "text after closing quote"},
                new String[] {CsvTokeniser.OPEN_QUOTE, "quote left open at end of file"},
                new String[] {CsvTokeniser.TOO_LONG, "record too long"},
                new String[] {"missing value: must be non-empty text", "missing value"},
                new String[] {"not a number: must be a number 0 or greater, or empty", "not a number"})) {
            assertEquals(rule[1], new Rejection("f", 1, "c", "v", rule[0], null).category());
        }
    }
}
