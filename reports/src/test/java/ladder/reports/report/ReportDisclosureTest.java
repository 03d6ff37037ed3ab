package ladder.reports.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import ladder.Ladder;
import ladder.models.disclosure.SuppressionPlan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Disclosure control across the whole report, on a pool with many small cells (800 rows over 6
 * employers and 3 years) and on the sample pool: no count of people under 10 is published in any
 * CSV or HTML table, the report's plan protects every count it withholds when all its count tables
 * are put together, and each section's tables follow that plan.
 */
class ReportDisclosureTest {
    /** The columns that count people (or events of people) in the report's tables. */
    static final Set<String> PEOPLE = Set.of("a", "b", "c", "d", "bonus_n", "bonus_paid", "classifiable", "count",
            "event", "events", "excluded", "grade_total", "missing", "n", "n_event", "n_risk", "no_event", "not_reached",
            "professional_not_reached", "professional_reached", "reached", "reference_event", "reference_no_event", "rows",
            "total", "people", "observed", "n_censor");

    @TempDir
    static Path dir;
    static Path pool;
    static Path report;
    static Path sampleReport;

    @BeforeAll
    static void writeTheReport() {
        pool = dir.resolve("small.csv");
        EvidenceReportTest.Run g = EvidenceReportTest.run("generate", "--rows", "800", "--employers", "6", "--seed", "5",
                "--out", pool.toString());
        assertEquals(0, g.status(), g.err());
        report = dir.resolve("report");
        EvidenceReportTest.Run r = EvidenceReportTest.run("report", "--data", pool.toString(), "--out", report.toString());
        assertEquals(0, r.status(), r.err());
        sampleReport = dir.resolve("sample-report");
        EvidenceReportTest.Run sample = EvidenceReportTest.run("report", "--data", EvidenceReportTest.SAMPLE, "--out",
                sampleReport.toString());
        assertEquals(0, sample.status(), sample.err());
    }

    private static boolean isPeople(String column) {
        return PEOPLE.contains(column) || column.startsWith("month_");
    }

    /** A table as rows of cells, the first its header. */
    private static List<List<String>> csv(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            rows.add(fields(line));
        }
        return rows;
    }

    /** One CSV line's fields (the report's tables quote a field holding a comma). */
    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (ch == ',' && !quoted) {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        out.add(field.toString());
        return out;
    }

    /** Fails on any count of people from 0 to 9 among {@code rows} (header first). */
    private static void assertNoSmallCount(String where, List<List<String>> rows) {
        List<String> header = rows.get(0);
        for (List<String> row : rows.subList(1, rows.size())) {
            for (int c = 0; c < header.size() && c < row.size(); c++) {
                String v = row.get(c).strip().replace(",", "");
                if (isPeople(header.get(c)) && v.matches("-?[0-9.]+(E[0-9]+)?")) {
                    assertTrue(Double.parseDouble(v) >= Disclosure.THRESHOLD,
                            where + ": " + header.get(c) + " = " + v + " in " + row);
                }
            }
        }
    }

    @Test
    void noCsvPublishesACountUnderTen() throws IOException {
        for (Path written : List.of(report, sampleReport)) {
            List<Path> files;
            try (Stream<Path> s = Files.list(written.resolve("tables"))) {
                files = s.sorted().toList();
            }
            assertTrue(files.size() > 40, "only " + files.size() + " tables");
            for (Path f : files) {
                assertNoSmallCount(written.getFileName() + "/" + f.getFileName(), csv(f));
            }
        }
    }

    /**
     * All the plan's count tables at once, as a reader who puts every table of the report together
     * sees them (one system of linear relations, whatever parts the plan was decided in): no
     * withheld count can be worked out exactly or narrowed to a range under 1 wide, and every count
     * under 10 is withheld.
     */
    @Test
    void allTheReportsCountTablesTogetherRevealNoWithheldCount() {
        for (String data : List.of(pool.toString(), EvidenceReportTest.SAMPLE)) {
            List<ladder.models.disclosure.CountTable> tables = PlanTables.of(Ladder.load(data).cubes());
            assertTrue(tables.size() >= 8, "the plan's tables: " + tables.stream().map(ladder.models.disclosure.CountTable::name).toList());
            assertSoundAfterTheRelease(data, tables);
        }
    }

    /**
     * The report's plan of {@code tables} after its redundancy-removal pass: it published some of
     * the greedy pattern's secondaries again (before: the plan's secondaries and those released;
     * after: the plan's), and all the tables together, as a reader sees them, still reveal no
     * withheld count (exact elimination, linear-programming range at least 1), with every count
     * under 10 withheld.
     */
    static Disclosure assertSoundAfterTheRelease(String data, List<ladder.models.disclosure.CountTable> tables) {
        Disclosure plan = new Disclosure(tables);
        long after = plan.plan().count(ladder.models.disclosure.Reason.SECONDARY);
        String secondaries = data + ": secondaries " + (after + plan.plan().released()) + " -> " + after;
        assertTrue(plan.plan().released() > 0, secondaries);
        ladder.models.disclosure.SuppressionAudit joint = SuppressionPlan.audit(tables, Disclosure.THRESHOLD,
                plan::withheld);
        assertTrue(joint.sound(), secondaries + ": a withheld count can be worked back from the tables together: "
                + joint.entries().stream().filter(e -> e.determined() || e.width() < 1 - 1e-7).toList());
        for (ladder.models.disclosure.CountTable t : tables) {
            long[] counts = t.counts();
            for (int cell = 0; cell < counts.length; cell++) {
                // Interior cells are row-major, the last dimension fastest.
                String[] labels = new String[t.dimensions().size()];
                for (int d = labels.length - 1, rest = cell; d >= 0; rest /= t.levels().get(d).size(), d--) {
                    labels[d] = t.levels().get(d).get(rest % t.levels().get(d).size());
                }
                assertTrue(counts[cell] >= Disclosure.THRESHOLD || plan.withheld(t.name(), List.of(labels)),
                        data + ": " + t.name() + " publishes " + counts[cell] + " at " + List.of(labels));
            }
        }
        return plan;
    }

    @Test
    void noHtmlTablePublishesACountUnderTen() throws IOException {
        String html = Files.readString(report.resolve("index.html"), StandardCharsets.UTF_8);
        Matcher table = Pattern.compile("<table>(.*?)</table>", Pattern.DOTALL).matcher(html);
        int tables = 0;
        while (table.find()) {
            tables++;
            List<List<String>> rows = new ArrayList<>();
            Matcher tr = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL).matcher(table.group(1));
            while (tr.find()) {
                List<String> cells = new ArrayList<>();
                Matcher cell = Pattern.compile("<t[hd][^>]*>(.*?)</t[hd]>", Pattern.DOTALL).matcher(tr.group(1));
                while (cell.find()) {
                    cells.add(cell.group(1));
                }
                rows.add(cells);
            }
            assertNoSmallCount("HTML table " + tables, rows);
        }
        assertTrue(tables > 40, "only " + tables + " HTML tables");
        assertTrue(html.contains("counts were withheld as under 10"), "the appendix does not state the rule");
    }

    @Test
    void theReportsPlanProtectsEveryCountItWithholdsAndTheSectionsFollowIt() throws IOException {
        Disclosure plan = new Disclosure(PlanTables.of(Ladder.load(pool.toString()).cubes()));
        assertTrue(plan.audit().sound(), "a withheld count can be worked back: " + plan.audit().entries());
        assertTrue(plan.audit().entries().size() > 20, "the small pool should have many withheld counts");
        String total = SuppressionPlan.TOTAL;
        int published = 0, withheld = 0;
        // Each count the plan withholds is blank in the plan-backed tables (a count may be blank for the
        // analysis's own control too).
        for (List<String> row : rows("composition-by_year-shares")) {
            boolean blank = row.get(2).isEmpty();
            assertFollows(plan.withheld(PlanTables.RESPONSE, total, row.get(0), row.get(1)), blank, row);
            published += blank ? 0 : 1;
            withheld += blank ? 1 : 0;
        }
        for (List<String> row : rows("data-response")) {
            assertFollows(plan.withheld(PlanTables.RESPONSE, row.get(0), row.get(1), total), row.get(2).isEmpty(), row);
            withheld += row.get(3).isEmpty() ? 1 : 0;
        }
        for (List<String> row : rows("ceiling-composition")) {
            assertFollows(plan.withheld(PlanTables.GRADES, row.get(0), row.get(1)), row.get(2).isEmpty(), row);
        }
        for (List<String> row : rows("regions-shares")) {
            assertFollows(plan.withheld(PlanTables.REGIONS, row.get(0), row.get(1)), row.get(2).isEmpty(), row);
            withheld += row.get(2).isEmpty() ? 1 : 0;
        }
        for (List<String> row : rows("progression-promotion-cells")) {
            assertFollows(plan.withheld(PlanTables.PROMOTION, total, row.get(0), "1"), row.get(1).isEmpty(), row);
        }
        for (List<String> row : rows("getting-in-routes-composition")) {
            assertFollows(plan.withheld(PlanTables.ROUTES, row.get(0), row.get(1), total), row.get(2).isEmpty(), row);
            withheld += row.get(2).isEmpty() ? 1 : 0;
        }
        for (List<String> row : rows("getting-in-training-take_up")) {
            String grade = row.get(0).equals("all") ? total : row.get(0);
            assertFollows(plan.withheld(PlanTables.TRAINING, grade, row.get(1), total), row.get(2).isEmpty(), row);
            assertFollows(plan.withheld(PlanTables.TRAINING, grade, row.get(1), "1"), row.get(3).isEmpty(), row);
        }
        for (List<String> row : rows("supplementary-free_school_meals-periods")) {
            assertFollows(plan.withheld(PlanTables.MEALS, "yes", row.get(0)), row.get(2).isEmpty(), row);
        }
        for (List<String> row : rows("supplementary-first_in_family-periods")) {
            assertFollows(plan.withheld(PlanTables.DEGREE, row.get(0), "no", row.get(1)), row.get(3).isEmpty(), row);
        }
        assertTrue(published > 0 && withheld > 0, "the small pool should have published and withheld counts");
    }

    private static void assertFollows(boolean planWithholds, boolean blank, List<String> row) {
        assertTrue(!planWithholds || blank, "the plan withholds the count of " + row);
    }

    private static List<List<String>> rows(String table) throws IOException {
        List<List<String>> rows = csv(report.resolve("tables").resolve(table + ".csv"));
        assertFalse(rows.isEmpty());
        return rows.subList(1, rows.size());
    }
}
