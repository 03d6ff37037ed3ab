package ladder.reports.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An employer's pack read as an attacker would, across its sections: {@link HandPool} with E1's working
 * class cut to 7 people, so that the report's plan withholds it and, to protect it, one more of E1's SEB
 * counts. Which one depends on the others' sizes: pack A keeps E1's 45 intermediates and 40 non-answers (the
 * plan gives up the non-answers), pack B has 12 intermediates and 300 non-answers (the plan gives up the
 * intermediates). Each pack publishes E1's rows (152, 379), so the count given up, printed anywhere, gives the
 * 7 back: rows less professionals, intermediates and non-answers. Before these rules the packs printed it in
 * five places the analyses' own rules (counts under 10) passed: the notes' and methods appendix's counts of
 * rows left out ("seb missing 40", "rows_left_out: 40", "classifiable: 112"), time to promotion's numbers at
 * risk and log-rank n (12), the pay groups' n and a pay quarter's people (12), and the one-employer
 * Mantel-Haenszel odds ratio of the 7, which is their crude one.
 */
class EmployerPackAcrossSectionsTest {
    @TempDir
    static Path dir;
    static Path packA, packB;

    @BeforeAll
    static void writeThePacks() throws IOException {
        packA = pack("a", new int[] {45, 10, 10, 15, 12, 0}, new int[] {40, 10, 10, 12, 12, 0});
        packB = pack("b", new int[] {12, 4, 4, 5, 4, 0}, new int[] {300, 10, 10, 12, 12, 0});
    }

    private static Path pack(String name, int[] intermediate, int[] noAnswer) throws IOException {
        return pack(name, intermediate, noAnswer, new int[] {7, 2, 2, 3, 3, 2}, null);
    }

    /** The pack of E1 with its groups I, X and W as given, and E2's working class as given when not null. */
    private static Path pack(String name, int[] intermediate, int[] noAnswer, int[] workingClass, int[] e2WorkingClass)
            throws IOException {
        Map<String, HandPool.Employer> pool = new LinkedHashMap<>(HandPool.POOL);
        HandPool.Employer e1 = pool.get("E1");
        Map<Character, int[]> groups = new LinkedHashMap<>(e1.groups());
        groups.put('W', workingClass);
        groups.put('I', intermediate);
        groups.put('X', noAnswer);
        pool.put("E1", new HandPool.Employer(e1.sector(), groups, e1.questions()));
        if (e2WorkingClass != null) {
            HandPool.Employer e2 = pool.get("E2");
            Map<Character, int[]> two = new LinkedHashMap<>(e2.groups());
            two.put('W', e2WorkingClass);
            pool.put("E2", new HandPool.Employer(e2.sector(), two, e2.questions()));
        }
        Path data = HandPool.write(dir.resolve(name + "-data"), pool);
        Path out = dir.resolve(name + "-pack");
        EvidenceReportTest.Run r = EvidenceReportTest.run("report", "--data", data.toString(), "--employer", "E1",
                "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        return out;
    }

    private static List<Map<String, String>> table(Path pack, String name) throws IOException {
        return EmployerPackByHandTest.rows(pack.resolve("tables/" + name + ".csv"));
    }

    private static Map<String, String> row(List<Map<String, String>> rows, String column, String value) {
        return rows.stream().filter(r -> value.equals(r.get(column))).findFirst().orElseThrow(() -> new AssertionError(
                "no row " + column + " = " + value + " in " + rows));
    }

    @Test
    void thePackPrintsNoCountOfRowsLeftOut() throws IOException {
        for (Path pack : List.of(packA, packB)) {
            String html = Files.readString(pack.resolve("index.html"));
            assertFalse(html.contains("Left out"), pack + ": a note counting the rows left out");
            for (String count : List.of("rows_used:", "rows_left_out:", "rows_excluded:", "classifiable:", "left_out_seb:",
                    "people_with_hourly_pay:", "trials:", "response_rate:")) {
                assertFalse(html.contains(count), pack + ": the methods appendix prints " + count);
            }
            Matcher n = Pattern.compile("missing (\\d+)").matcher(html);
            assertFalse(n.find(), () -> pack + ": " + n.group());
        }
    }

    @Test
    void timeToPromotionAndPayPrintNoCountThePlanWithholds() throws IOException {
        // In pack B the plan withholds E1's 12 intermediates (the response table shows their classifiable sum
        // 79 and the 300 non-answers' complement of the 379 rows, so one of the professionals' 60 and the
        // intermediates' 12 must go): every place that counts them is blank.
        Map<String, String> response = row(table(packB, "data-response"), "employer_id", "E1");
        assertEquals("379", response.get("rows"));
        assertEquals("79", response.get("classifiable"));
        assertEquals("", row(table(packB, "time-to-promotion-at_risk"), "group", "intermediate").get("month_0"));
        assertEquals("", row(table(packB, "time-to-promotion-log_rank"), "group", "intermediate").get("n"));
        assertEquals("", row(table(packB, "pay-groups"), "group", "intermediate").get("n"));
        for (Map<String, String> q : table(packB, "pay-quarters")) {
            if (q.get("group").equals("working_class")) {
                assertEquals("", q.get("people"), q.toString());
            } else {
                // A quarter's share rests on the quarter's people of the three groups: with the working class's
                // withheld, the others' shares of it would give them back.
                assertEquals("", q.get("share_of_quarter"), q.toString());
            }
        }
        // The professionals' 60 are printed, as the plan prints them.
        assertEquals("60", row(table(packB, "time-to-promotion-log_rank"), "group", "professional").get("n"));
    }

    /**
     * The standalone scorecard publishes the workforce's response rate (classifiable answers over rows) and its
     * answers to parental occupation, which count "prefer not to say" too: less the classifiable answers they are
     * the excluded rows. With 5 of E1's non-answers "prefer not to say" the answers (84 of 379, against 79
     * classifiable) gave the 5 back; they are withheld, and so are they where no one is excluded (a zero).
     */
    @Test
    void theScorecardsKeyAnswersDoNotGiveTheExcludedBack() throws IOException {
        Path data = dir.resolve("b-data");
        Path five = dir.resolve("five");
        Files.createDirectories(five);
        for (Path f : Files.list(data).toList()) {
            List<String> lines = Files.readAllLines(f);
            int[] changed = {0};
            List<String> out = lines.stream().map(l -> {
                String[] v = l.split(",", -1);
                if (v.length > 6 && v[0].equals("E1") && v[6].isEmpty() && changed[0] < 5) {
                    changed[0]++;
                    v[6] = "prefer_not_to_say";
                    return String.join(",", v);
                }
                return l;
            }).toList();
            Files.write(five.resolve(f.getFileName()), out);
        }
        for (Path d : List.of(five, data)) {
            EvidenceReportTest.Run r = EvidenceReportTest.run("scorecard", "--data", d.toString(), "--employer", "E1",
                    "--publish", "--format", "csv", "--table", "questions");
            assertEquals(0, r.status(), r.err());
            String workforce = r.out().lines().filter(l -> l.contains(",workforce,parental_occupation,")).findFirst()
                    .orElseThrow();
            assertTrue(workforce.startsWith("E1,2024,workforce,parental_occupation,,,,"), d + ": " + workforce);
        }
        EvidenceReportTest.Run sample = EvidenceReportTest.run("scorecard", "--data", EvidenceReportTest.SAMPLE,
                "--employer", "E001", "--publish", "--format", "csv", "--table", "questions");
        assertTrue(sample.out().contains("E001,2024,workforce,parental_occupation,2173,1828,"), sample.out());
    }

    /**
     * The pack's standing figures come from the employer comparison, which has a plan of its own over the
     * employer, the rest of its sector and the other employers. With E1's working class at 3, intermediates at
     * 10 and non-answers at 11, the report's plan withholds the 60 professionals (its time-to-promotion counts
     * too), and the comparison, on its own plan, printed their promotion, training and time-to-promotion rates
     * with n = 60. The comparison's plan is now given the report's withheld counts of E1
     * ({@link ladder.models.disclosure.Reason#LINKED}), so those figures are withheld, and protected there too.
     */
    @Test
    void theStandingFiguresWithholdTheCountsTheReportsPlanWithholds() throws IOException {
        Path pack = pack("c", new int[] {10, 3, 2, 5, 3, 0}, new int[] {11, 2, 2, 3, 3, 0}, new int[] {3, 1, 1, 2, 2, 1},
                null);
        assertEquals("", row(table(pack, "time-to-promotion-log_rank"), "group", "professional").get("n"));
        List<Map<String, String>> figures = table(pack, "standing-comparison-figures");
        for (String f : List.of("promotion_rate_professional", "training_rate_professional",
                "promoted_within_24_months_professional")) {
            Map<String, String> figure = row(figures, "figure", f);
            assertEquals("", figure.get("employer_n"), f);
            assertEquals("", figure.get("employer"), f);
            assertTrue(figure.get("note").startsWith("employer: withheld"), f + ": " + figure.get("note"));
        }
        assertEquals("", row(table(pack, "progression-comparison"), "figure", "promotion_rate_professional")
                .get("employer"));
    }

    /**
     * The other way: the comparison's plan withholds counts of the employer to protect the rest of its sector's.
     * With E2's working class at grade 4 cut to 3 (and E3's 4, so 7 in the rest of E1's sector), the comparison
     * withholds E1's working class at grade 4 or above (10) and below (46), and E1's pack had printed them in the
     * class ceiling (grade 4 x working class, 10; grade 1, 46) and progression's cells; the report's plan is now given them.
     */
    @Test
    void theReportWithholdsTheEmployersCountsTheComparisonsPlanWithholds() throws IOException {
        Path pack = pack("d", new int[] {45, 10, 10, 15, 12, 0}, new int[] {40, 10, 10, 12, 12, 0},
                new int[] {56, 10, 10, 18, 14, 12}, new int[] {40, 3, 6, 20, 20, 10});
        Map<String, String> senior = row(table(pack, "standing-comparison-figures"), "figure",
                "share_working_class_grade_4_plus");
        assertEquals("", senior.get("employer_n"), senior.toString());
        for (Map<String, String> r : table(pack, "ceiling-composition")) {
            if (r.get("seb").equals("working_class")) {
                assertEquals("", r.get("count"), "E1's working class at grade " + r.get("grade") + ": " + r);
            }
        }
        Map<String, String> cells = row(table(pack, "progression-senior-cells"), "exposure", "working_class");
        assertEquals("", cells.get("event"), cells.toString());
        assertEquals("", cells.get("no_event"), cells.toString());
        assertTrue(Files.readString(pack.resolve("index.html")).contains("a count of the employer that the employer"
                + " comparison's plan withholds"), "the methods appendix counts them");
    }

    /**
     * The scorecard counts each population's rows and its answers to parental occupation (the classifiable and
     * those who preferred not to say). With 5 of E1's 145 applications from the working class, the funnel
     * withholds them and prints the 80 professional and 40 intermediate applications: the scorecard's 125
     * answers gave the 5 back. In pack A the report withholds every count of E1's apprentices by SEB and their
     * total (52), which the scorecard's rows of apprentices had printed.
     */
    @Test
    void theScorecardsPopulationsFollowThePlansTheirCountsBySebArePrintedUnder() throws IOException {
        Map<String, int[]> applications = new LinkedHashMap<>(HandPool.APPLICANTS);
        applications.put("E1", new int[] {80, 20, 40, 10, 5, 1, 20, 10});
        Path data = HandPool.write(dir.resolve("e-data"), HandPool.POOL);
        Path apps = HandPool.writeApplicants(dir.resolve("e-applicants"), applications);
        Path pack = dir.resolve("e-pack");
        EvidenceReportTest.Run r = EvidenceReportTest.run("report", "--data", data.toString(), "--applicants",
                apps.toString(), "--employer", "E1", "--out", pack.toString());
        assertEquals(0, r.status(), r.err());
        List<Map<String, String>> funnel = table(pack, "getting-in-funnel-composition");
        Map<String, String> applied = new LinkedHashMap<>();
        funnel.stream().filter(c -> c.get("stage").equals("applied")).forEach(c -> applied.put(c.get("seb"), c.get("count")));
        assertEquals(Map.of("professional", "80", "intermediate", "40", "working_class", ""), applied);
        Map<String, String> answered = question(pack, "applicants", "parental_occupation");
        assertEquals("", answered.get("answered"), answered.toString());
        assertEquals("", answered.get("rows"), answered.toString());
        assertTrue(answered.get("note").startsWith("withheld: rests on the employer's counts of this population by SEB"),
                answered.get("note"));

        Map<String, String> apprenticeship = row(table(packA, "getting-in-routes-composition"), "entry_route",
                "apprenticeship");
        assertEquals("", apprenticeship.get("route_total"), "the report withholds E1's apprentices: " + apprenticeship);
        for (String q : List.of("parental_occupation", "school_type")) {
            assertEquals("", question(packA, "apprentices", q).get("rows"), q);
        }
    }

    private static Map<String, String> question(Path pack, String population, String question) throws IOException {
        return table(pack, "standing-scorecard-questions").stream().filter(r -> r.get("population").equals(population)
                && r.get("question").equals(question)).findFirst().orElseThrow();
    }

    @Test
    void aMantelHaenszelRatioOfOneEmployerIsWithheldWithItsCrudeOne() throws IOException {
        for (String outcome : List.of("senior", "promotion")) {
            for (Map<String, String> e : table(packA, "progression-" + outcome + "-estimates")) {
                if (e.get("exposure").equals("working_class")) {
                    assertEquals("", e.get("estimate"), outcome + ": " + e);
                    assertEquals("", e.get("lower"), outcome + ": " + e);
                }
            }
            for (Map<String, String> t : table(packA, "progression-" + outcome + "-tests")) {
                if (t.get("exposure").equals("working_class")) {
                    assertEquals("", t.get("statistic"), outcome + ": " + t);
                    assertEquals("", t.get("p_value"), outcome + ": " + t);
                }
            }
        }
        String html = Files.readString(packA.resolve("index.html"));
        assertFalse(html.contains("People from working-class backgrounds had"), "the ratio in words");
        assertTrue(html.contains(PartWriter.FINDINGS_WITHHELD), "no word of the findings left out");
    }
}
