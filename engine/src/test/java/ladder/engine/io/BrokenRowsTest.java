package ladder.engine.io;

import static ladder.engine.io.EmployeeCsv.HEADER;
import static ladder.engine.io.EmployeeCsv.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ladder.engine.contract.Field;
import ladder.engine.contract.Schema;
import ladder.engine.io.csv.CsvReader;
import ladder.engine.table.Chunk;
import ladder.engine.table.Column;
import ladder.engine.table.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One CSV file holding a broken record of every kind the data contract names, between records
 * that must be accepted; BOM at the start, CRLF line endings, the last record without one.
 * Every rejection is checked for its line, columns and rules, in the rejected-rows file.
 */
class BrokenRowsTest {
    @TempDir
    static Path dir;

    /** A rejection expected at {@code line}; {@code rule} is the whole rule text or, ending in ": ", its start. */
    record Expected(long line, String column, String value, String rule) {}

    static final List<Expected> expected = new ArrayList<>();
    static final List<String> acceptedPersons = new ArrayList<>();
    static Path file;
    static LoadReport report;
    static Table table;
    static List<List<String>> rejects;
    static long quotedNewlineLine;
    static long afterQuotedNewlineLine;

    static long accept(EmployeeCsv csv, String person, String... changes) {
        acceptedPersons.add(person);
        return csv.line(row(person, changes));
    }

    /** A record written with {@code bytes} in place of the {@code @} in {@code text}. */
    static long withBytes(EmployeeCsv csv, String text, byte... bytes) {
        int at = text.indexOf('@');
        return csv.line(text.substring(0, at), bytes, text.substring(at + 1));
    }

    static void reject(EmployeeCsv csv, String column, String value, String rule, String person, String... changes) {
        expected.add(new Expected(csv.line(row(person, changes)), column, value, rule));
    }

    @BeforeAll
    static void load() {
        EmployeeCsv csv = new EmployeeCsv("\r\n");
        csv.bytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        csv.line(HEADER);
        long p01 = accept(csv, "P01");
        accept(csv, "P02", "parental_occupation", "  MODERN PROFESSIONAL & traditional professional occupations  ",
                "school_type", "Independent or fee-paying school", "free_school_meals", "I prefer not to say",
                "parent_degree", "i don't know");
        accept(csv, "P03", "school_type", "\"Independent or fee-paying school, where I received a means tested"
                + " bursary covering 90% or more of the total cost of attending throughout my time there\"");
        accept(csv, "P04", "hourly_pay", "1.5e1", "bonus", "", "grade", "+4", "parental_occupation", "");
        accept(csv, "P05", "hourly_pay", " 0.01 ", "bonus", "0", "months_in_grade", "600", "year", "2100");

        String codes = "unknown code: " + Field.PARENTAL_OCCUPATION.rule();
        reject(csv, "parental_occupation", "Routine occupations", codes, "P10",
                "parental_occupation", "Routine occupations");
        reject(csv, "grade", "7", "out of range: must be a whole number from 1 to 6", "P11", "grade", "7");
        reject(csv, "region", "London", "unknown code: " + Field.REGION.rule(), "P40", "region", "London");
        reject(csv, "year", "1989", "out of range: must be a whole number from 1990 to 2100", "P12", "year", "1989");
        reject(csv, "months_in_grade", "601", "out of range: ", "P13", "months_in_grade", "601");
        reject(csv, "months_in_grade", "99999999999999999999", "out of range: ", "P14",
                "months_in_grade", "99999999999999999999");
        reject(csv, "grade", "three", "not a whole number: must be a whole number from 1 to 6", "P15",
                "grade", "three");
        reject(csv, "grade", "4.0", "not a whole number: ", "P16", "grade", "4.0");
        reject(csv, "grade", "1e1", "not a whole number: ", "P17", "grade", "1e1");
        reject(csv, "grade", "٣", "not a whole number: ", "P18", "grade", "٣");
        String pay = "must be a number greater than 0, or empty";
        reject(csv, "hourly_pay", "0", "out of range: " + pay, "P20", "hourly_pay", "0");
        reject(csv, "hourly_pay", "-1", "out of range: " + pay, "P21", "hourly_pay", "-1");
        reject(csv, "hourly_pay", "1e400", "out of range: " + pay, "P22", "hourly_pay", "1e400");
        reject(csv, "bonus", "-0.01", "out of range: must be a number 0 or greater, or empty", "P23",
                "bonus", "-0.01");
        List<String> notNumbers = List.of("NaN", "Infinity", "0x1p3", "£12", "\"1,234\"", "\"12,5\"", "١٢", "12.5.1",
                "1e", ".", "12 50");
        for (int i = 0; i < notNumbers.size(); i++) {
            reject(csv, "hourly_pay", notNumbers.get(i).replace("\"", ""), "not a number: " + pay, "P24-" + i,
                    "hourly_pay", notNumbers.get(i));
        }
        reject(csv, "sector", "", "missing value: must be non-empty text", "P30", "sector", "");
        reject(csv, "gender", "", "missing value: ", "P31", "gender", "   ");
        reject(csv, "person_id", "", "missing value: ", "P32", "person_id", "\"  \"");

        List<String> required = Schema.EMPLOYEES.fields().stream().filter(f -> !f.optional()).map(Field::name).toList();
        expected.add(new Expected(csv.line(",".repeat(19)), String.join("; ", required), "; ".repeat(required.size() - 1),
                "missing value: "));
        expected.add(new Expected(csv.line("E1,2022,P40"), CsvReader.WHOLE_RECORD, "", "expected 20 fields, found 3"));
        expected.add(new Expected(csv.line(row("P41") + ",extra"), CsvReader.WHOLE_RECORD, "",
                "expected 20 fields, found 21"));
        reject(csv, "sector", "\"Financial services\"x", "text after closing quote", "P42",
                "sector", "\"Financial services\"x");
        reject(csv, "sector", "\"Financial services\" ", "text after closing quote", "P43",
                "sector", "\"Financial services\" ");

        quotedNewlineLine = csv.line(row("P50", "sector", "\"Financial\r\nservices, \"\"retail\"\"\""));
        acceptedPersons.add("P50");
        csv.line("");
        csv.line("   ");
        afterQuotedNewlineLine = csv.line(row("P51"));
        acceptedPersons.add("P51");

        expected.add(new Expected(withBytes(csv, row("P60", "sector", "Fin@ance"), (byte) 0xFF),
                "sector", "Fin\uFFFDance", RowValidator.INVALID_TEXT));
        expected.add(new Expected(withBytes(csv, row("P6@"), (byte) 0xC3, (byte) 0x28),
                "person_id", "P6\uFFFD(", RowValidator.INVALID_TEXT));
        reject(csv, "sector", "Fin\u0000ance", RowValidator.INVALID_TEXT, "P62", "sector", "Fin\u0000ance");

        reject(csv, "employer_id; year; person_id", "E1; 2022; P01",
                "duplicate of (employer_id, year, person_id) first seen at " + dir.resolve("broken.csv") + " line " + p01,
                "P01");
        reject(csv, "employer_id; year; person_id", "E1; 2022; P50",
                "duplicate of (employer_id, year, person_id) first seen at " + dir.resolve("broken.csv") + " line "
                        + quotedNewlineLine, "P50", "sector", "Retail");
        accept(csv, "P01", "year", "2023");
        accept(csv, "P01", "employer_id", "E2");
        reject(csv, "employer_id; year; person_id", "E2; 2022; P01", "duplicate of ", "P01", "employer_id", " E2 ");

        reject(csv, "grade; gender; hourly_pay; training", "9; robot; abc; ",
                "out of range: must be a whole number from 1 to 6; unknown code: " + Field.GENDER.rule()
                        + "; not a number: " + pay + "; missing value: must be a whole number from 0 to 1",
                "P70", "grade", "9", "gender", "robot", "hourly_pay", "abc", "training", "");

        expected.add(new Expected(csv.last(row("P99").replace("Financial services", "\"Financial services")),
                "sector", null, "quote left open at end of file"));

        file = csv.writeTo(dir.resolve("broken.csv"));
        Path rejectsFile = dir.resolve("rejects.csv");
        Loader.Loaded loaded = Loader.load(Schema.EMPLOYEES, List.of(file), rejectsFile);
        report = loaded.report();
        table = loaded.table();
        rejects = EmployeeCsv.readRejects(rejectsFile);
    }

    @Test
    void countsAddUp() {
        assertEquals(acceptedPersons.size(), report.accepted());
        assertEquals(expected.size(), report.rejected());
        assertEquals(report.accepted() + report.rejected(), report.read());
        assertEquals(report.accepted(), table.rows());
        assertEquals(List.of(file.toString()), report.files());
        assertEquals(List.of(), report.warnings());
    }

    @Test
    void rejectedRowsFileHasExactlyTheBrokenRecords() {
        assertEquals(expected.size(), rejects.size(), () -> "rejections: " + rejects);
        for (int i = 0; i < expected.size(); i++) {
            Expected want = expected.get(i);
            List<String> got = rejects.get(i);
            String where = "rejection " + i + " " + got;
            assertEquals(file.toString(), got.get(0), where);
            assertEquals(Long.toString(want.line()), got.get(1), where);
            assertEquals(want.column(), got.get(2), where);
            if (want.value() != null) {
                assertEquals(want.value().replace("\u0000", "\\0"), got.get(3), where);
            }
            if (want.rule().endsWith(": ") || want.rule().endsWith(" of ")) {
                assertTrue(got.get(4).startsWith(want.rule()), where);
            } else {
                assertEquals(want.rule(), got.get(4), where);
            }
        }
    }

    @Test
    void rejectedRowsFileKeepsEachRecordAsWritten() {
        assertEquals(row("P11", "grade", "7"), rejects.get(1).get(5));
        List<String> quoted = rejects.stream().filter(r -> r.get(5).contains("P43")).findFirst().orElseThrow();
        assertEquals(row("P43", "sector", "\"Financial services\" "), quoted.get(5));
        List<String> open = rejects.get(rejects.size() - 1);
        assertEquals(row("P99").replace("Financial services", "\"Financial services"), open.get(5));
        assertTrue(rejects.stream().anyMatch(r -> r.get(5).equals(row("P62", "sector", "Fin\\0ance"))));
    }

    @Test
    void lineNumbersArePhysical() {
        assertEquals(quotedNewlineLine + 4, afterQuotedNewlineLine, "a quoted newline and two blank lines between");
        long row = rowOf("P51");
        Column person = table.column("person_id");
        assertEquals("P51", person.label(chunk().codes(person).get((int) row)));
    }

    @Test
    void summaryCountsRejectionsByCategoryOfTheFirstRule() {
        Map<String, Long> byRule = report.rejectedByRule();
        assertEquals(expected.size(), byRule.values().stream().mapToLong(Long::longValue).sum());
        assertEquals(2, byRule.get("unknown code"), "Q1 wording that is not the official one, and a region name for its ITL1 code");
        assertEquals(9, byRule.get("out of range"), byRule::toString);
        assertEquals(4, byRule.get("not a whole number"));
        assertEquals(11, byRule.get("not a number"));
        assertEquals(4, byRule.get("missing value"));
        assertEquals(2, byRule.get("wrong field count"));
        assertEquals(2, byRule.get("text after closing quote"));
        assertEquals(3, byRule.get(RowValidator.INVALID_TEXT));
        assertEquals(3, byRule.get("duplicate key"));
        assertEquals(1, byRule.get("quote left open at end of file"));
        assertEquals(RejectsWriter.KEPT, report.firstRejections().size());
        assertEquals(expected.get(0).line(), report.firstRejections().get(0).line());
    }

    @Test
    void acceptedValuesLandInTheTable() {
        assertEquals(acceptedPersons, column("person_id"));
        Chunk chunk = chunk();
        int p02 = rowOf("P02");
        assertEquals("professional", label("parental_occupation", p02));
        assertEquals("professional", label("seb", p02));
        assertEquals("independent", label("school_type", p02));
        assertEquals("prefer_not_to_say", label("free_school_meals", p02));
        assertEquals("dont_know", label("parent_degree", p02));
        assertEquals("UKI", label("region", p02));
        assertEquals("independent_bursary", label("school_type", rowOf("P03")));
        assertEquals("working_class", label("seb", rowOf("P01")));

        int p04 = rowOf("P04");
        assertEquals(15.0, chunk.decimals(table.column("hourly_pay")).get(p04));
        assertTrue(chunk.decimals(table.column("bonus")).isNull(p04));
        assertEquals("4", label("grade", p04));
        assertEquals(Column.EMPTY_LABEL, label("parental_occupation", p04));
        assertEquals("missing", label("seb", p04));
        int p05 = rowOf("P05");
        assertEquals(0.01, chunk.decimals(table.column("hourly_pay")).get(p05));
        assertEquals(0.0, chunk.decimals(table.column("bonus")).get(p05));
        assertEquals("600", label("months_in_grade", p05));
        assertEquals("2100", label("year", p05));
        assertEquals("Financial\r\nservices, \"retail\"", label("sector", rowOf("P50")));
    }

    private static Chunk chunk() {
        assertEquals(1, table.chunks().size());
        return table.chunks().get(0);
    }

    private static String label(String column, int row) {
        Column c = table.column(column);
        return c.label(chunk().codes(c).get(row));
    }

    private static List<String> column(String name) {
        List<String> out = new ArrayList<>();
        for (int row = 0; row < table.rows(); row++) {
            out.add(label(name, row));
        }
        return out;
    }

    private static int rowOf(String person) {
        int row = column("person_id").indexOf(person);
        assertTrue(row >= 0, person + " not accepted");
        return row;
    }
}
