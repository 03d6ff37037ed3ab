package ladder.reports.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sum of some levels that the report's plan leaves to be worked out although it is under 10. One employer
 * (HandPool's E1 with its groups reshaped) whose grades are spread over 1 to 6: each group's rows at grade 4
 * in HandPool go to grades 4, 5 and 6 in turn, those at grade 1 to grades 1, 2 and 3. The working class (56)
 * then has 3, 2 and 2 at grades 4, 5 and 6, each withheld and protected by the plan, and 17, 16 and 16 at
 * grades 1 to 3. Progression's odds of grade 4 or above withhold the working class's 7 by their own rule, but
 * before the rule for small sums the class ceiling printed grades 1 to 3, and time to promotion printed the
 * 56 at risk at month 0: 56 - 49 gave the 7 back.
 */
class SmallSumDisclosureTest {
    @TempDir
    static Path dir;

    @Test
    void aSmallSumOfWithheldCellsCannotBeWorkedBackFromItsMarginLessTheOtherLevels() throws IOException {
        Map<Character, int[]> groups = new LinkedHashMap<>();
        groups.put('P', new int[] {60, 36, 14, 24, 22, 16});
        groups.put('I', new int[] {45, 30, 10, 15, 12, 0});
        groups.put('W', new int[] {56, 7, 10, 18, 14, 12});
        groups.put('X', new int[] {40, 30, 10, 12, 12, 0});
        HandPool.Employer e1 = HandPool.POOL.get("E1");
        Path data = HandPool.write(dir.resolve("data"), Map.of("E1", new HandPool.Employer(e1.sector(), groups,
                e1.questions())));
        spreadGrades(data.resolve("employees-E1-2024.csv"));
        Path out = dir.resolve("report");
        EvidenceReportTest.Run r = EvidenceReportTest.run("report", "--data", data.toString(), "--out", out.toString());
        assertEquals(0, r.status(), r.err());

        // The margin is printed, and the sum is withheld by the odds' own rule.
        Map<String, String> atRisk = row(out, "time-to-promotion-at_risk", "group", "working_class");
        assertEquals("56", atRisk.get("month_0"));
        assertEquals("", row(out, "progression-senior-cells", "exposure", "working_class").get("event"));
        // So grades 1 to 3 of the working class are not all printed.
        List<String> low = new ArrayList<>();
        for (Map<String, String> c : EmployerPackByHandTest.rows(out.resolve("tables/ceiling-composition.csv"))) {
            if (c.get("seb").equals("working_class") && List.of("1", "2", "3").contains(c.get("grade"))) {
                low.add(c.get("count"));
            }
        }
        assertEquals(3, low.size(), low.toString());
        assertTrue(low.contains(""), "grades 1 to 3 of the working class printed whole give 56 - 49 = 7: " + low);
        assertTrue(Files.readString(out.resolve("index.html")).contains("so that a count withheld elsewhere cannot be"
                + " worked out from them"), "the methods appendix counts the cells withheld for it");
    }

    /** Each group's (parental_occupation's) rows at grade g in HandPool to grades g, g + 1, g + 2 in turn. */
    private static void spreadGrades(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String> spread = new ArrayList<>(List.of(lines.get(0)));
        Map<String, int[]> seen = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            int[] n = seen.computeIfAbsent(c[6] + "|" + c[5], k -> new int[1]);
            c[5] = String.valueOf(Integer.parseInt(c[5]) + n[0]++ % 3);
            spread.add(String.join(",", c));
        }
        Files.write(file, spread);
    }

    private static Map<String, String> row(Path report, String table, String column, String value) throws IOException {
        return EmployerPackByHandTest.rows(report.resolve("tables/" + table + ".csv")).stream()
                .filter(r -> value.equals(r.get(column))).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + column + " = " + value + " in " + table));
    }
}
