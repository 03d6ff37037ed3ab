package ladder.reports.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ladder.Ladder;
import ladder.models.benchmark.EmployerComparison;
import ladder.models.disclosure.SuppressionAudit;
import ladder.models.funnel.RecruitmentFunnel;
import ladder.models.result.ResultTable;
import ladder.reports.render.Format;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@link HandPool} with E1's working class cut to 7 people (2 at grade 4, 2 promoted, 3 trained,
 * 3 on the graduate scheme, 2 at the higher pay), and its working-class applications to 7 (2 offers):
 * every E1 figure that rests on them is withheld from the pack, with its percentile, and no published
 * number gives the 7 back.
 */
class EmployerPackSuppressionTest {
    @TempDir
    static Path dir;
    static Path data, applicants, pack;
    static Map<String, Map<String, String>> figures;

    /** The figures whose E1 value rests on E1's working-class counts. */
    static final List<String> ON_THE_SEVEN = List.of("share_professional", "share_intermediate", "share_working_class",
            "share_working_class_grade_1_3", "share_working_class_grade_4_plus", "promotion_rate_working_class",
            "promotion_odds_ratio_working_class_vs_professional", "promotion_odds_ratio_within_employers",
            "pay_gap_median_working_class_vs_professional", "pay_gap_mean_working_class_vs_professional",
            "promoted_within_24_months_working_class",
            "share_working_class_graduate_scheme", "share_working_class_apprenticeship", "training_rate_working_class",
            "share_working_class_applicants", "offer_rate_ratio_working_class_vs_professional");

    @BeforeAll
    static void writeThePack() throws IOException {
        Map<String, HandPool.Employer> pool = new LinkedHashMap<>(HandPool.POOL);
        HandPool.Employer e1 = pool.get("E1");
        Map<Character, int[]> groups = new LinkedHashMap<>(e1.groups());
        groups.put('W', new int[] {7, 2, 2, 3, 3, 2});
        pool.put("E1", new HandPool.Employer(e1.sector(), groups, e1.questions()));
        data = HandPool.write(dir.resolve("data"), pool);
        Map<String, int[]> applications = new LinkedHashMap<>(HandPool.APPLICANTS);
        int[] e1Applications = applications.get("E1").clone();
        e1Applications[4] = 7;
        e1Applications[5] = 2;
        applications.put("E1", e1Applications);
        applicants = HandPool.writeApplicants(dir.resolve("applicants"), applications);
        pack = dir.resolve("pack");
        EvidenceReportTest.Run r = EvidenceReportTest.run("report", "--data", data.toString(), "--employer", "E1",
                "--applicants", applicants.toString(), "--out", pack.toString());
        assertEquals(0, r.status(), r.err());
        figures = EmployerPackByHandTest.csv(pack.resolve("tables/standing-comparison-figures.csv"));
    }

    @Test
    void everyFigureOnTheSevenIsWithheldWithItsPercentile() {
        for (String f : ON_THE_SEVEN) {
            Map<String, String> row = figures.get(f);
            for (String column : List.of("employer", "employer_lower", "employer_upper", "employer_n", "percentile")) {
                assertEquals("", row.get(column), f + " " + column + ": " + row);
            }
            assertTrue(row.get("note").contains("employer: withheld"), f + ": " + row.get("note"));
        }
    }

    /** A published n, or -1 when withheld. */
    private static long n(String figure, String who) {
        String v = figures.get(figure).get(who + "_n");
        return v.isEmpty() ? -1 : Long.parseLong(v);
    }

    @Test
    void noPublishedNumberGivesTheSevenBack() {
        // A reader's ways to E1's working class: a published n of a working-class figure, or the classifiable
        // (response rate x rows, or the two grade bands' n) less professionals and intermediates (their
        // promotion or training rates' n), or a 2x2 table's n less the professionals.
        for (String f : ON_THE_SEVEN) {
            assertEquals(-1, n(f, "employer"), f);
        }
        Map<String, String> response = figures.get("response_rate");
        long classifiable = response.get("employer").isEmpty() ? -1
                : Math.round(Double.parseDouble(response.get("employer")) * n("response_rate", "employer"));
        long professional = Math.max(n("promotion_rate_professional", "employer"), n("training_rate_professional",
                "employer"));
        long intermediate = n("promotion_rate_intermediate", "employer");
        assertFalse(classifiable >= 0 && professional >= 0 && intermediate >= 0,
                "classifiable " + classifiable + " - professional " + professional + " - intermediate " + intermediate);
        // The coalition less the rest of the sector is E1 with the other sector's employers, whose rows the pack
        // never shows: no other employer's figures are published.
        assertEquals(List.of("employer", "coalition", "sector"), figures.get("share_working_class").keySet().stream()
                .filter(c -> c.endsWith("_n")).map(c -> c.substring(0, c.length() - 2)).toList());
    }

    @Test
    void thePlanWithholdsEnoughThatNoWithheldCountIsDetermined() {
        EmployerComparison c = Ladder.load(data.toString()).employer("E1")
                .applicants(Ladder.applicants(applicants.toString())).publishable().result();
        SuppressionAudit audit = c.plan().audit();
        assertTrue(audit.sound(), audit.toString());
        SuppressionAudit.Entry seven = audit.entries().stream().filter(e -> e.table().equals("seb")
                && e.labels().equals(List.of("employer", "working_class"))).findFirst().orElseThrow();
        assertFalse(seven.determined());
        assertTrue(seven.width() >= 1, "a reader narrows it to " + seven.lower() + " .. " + seven.upper());
        // The applications, another population, have a plan of their own built alike, over the stage each stopped
        // at: E1's working-class offer and hire (one each) are withheld, and not determined by what it publishes.
        SuppressionAudit applications = c.applicantsPlan().orElseThrow().audit();
        assertTrue(applications.sound(), applications.toString());
        for (String stage : List.of("offered", "hired")) {
            SuppressionAudit.Entry offers = applications.entries().stream().filter(e -> e.table().equals("applicants")
                    && e.labels().equals(List.of("employer", stage, "working_class"))).findFirst().orElseThrow();
            assertFalse(offers.determined(), stage);
            assertTrue(offers.width() >= 1, stage + ": a reader narrows it to " + offers.lower() + " .. " + offers.upper());
        }
    }

    /**
     * The pack publishes E1's funnel under the plan of the applications its comparison publishes, not a plan of
     * its own: its tables are the funnel's as that plan withholds, and the stage counts that plan withholds
     * (the working-class offer and hire, one each) are blank in both.
     */
    @Test
    void thePacksFunnelIsPublishedUnderTheComparisonsPlan() throws IOException {
        EmployerComparison c = Ladder.load(data.toString()).employer("E1")
                .applicants(Ladder.applicants(applicants.toString())).publishable().result();
        RecruitmentFunnel own = RecruitmentFunnel.of(Ladder.applicants(applicants.toString()).cubes()
                .where("employer_id", "E1"), RecruitmentFunnel.Question.defaults());
        RecruitmentFunnel joint = c.employerFunnel(own).orElseThrow();
        for (ResultTable t : joint.tables()) {
            assertEquals(Format.csv(t), Files.readString(pack.resolve("tables/getting-in-funnel-" + t.name() + ".csv"),
                    StandardCharsets.UTF_8), t.name());
        }
        List<String> composition = Files.readAllLines(pack.resolve("tables/getting-in-funnel-composition.csv"));
        for (String stage : List.of("offered", "hired")) {
            String row = composition.stream().filter(l -> l.startsWith(stage + ",working_class,")).findFirst()
                    .orElseThrow();
            assertEquals("", row.split(",", -1)[2], "E1's working-class count reaching " + stage + ": " + row);
            assertTrue(c.applicantsPlan().orElseThrow().isSuppressed("applicants",
                    List.of("employer", stage, "working_class")), stage);
        }
        // E1's own funnel has one stratum, so its Mantel-Haenszel odds ratio is the crude one: withheld with it.
        List<String> odds = Files.readAllLines(pack.resolve("tables/getting-in-funnel-odds.csv"));
        String within = odds.stream().filter(l -> l.startsWith("offered,working_class,within")).findFirst().orElseThrow();
        assertTrue(odds.stream().filter(l -> l.startsWith("offered,working_class,crude"))
                .allMatch(l -> fields(l)[4].isEmpty()), String.join("\n", odds));
        assertEquals("", fields(within)[4], within);
        // The plan's cells are E1's counts: a funnel of other applications is refused, not published under it.
        RecruitmentFunnel coalition = RecruitmentFunnel.of(Ladder.applicants(applicants.toString()).cubes(),
                RecruitmentFunnel.Question.defaults());
        assertThrows(IllegalArgumentException.class, () -> c.employerFunnel(coalition));
    }

    /**
     * The scorecard's response rate and answered counts rest on E1's SEB counts of 2024, which the report's plan
     * withholds: published, 112 classifiable of 152 (0.737), less the 60 professionals (48 + 12 by grade) and the
     * 45 intermediates (the promotion table's 10 + 35) gave the withheld 7 back.
     */
    @Test
    void theScorecardsResponseRateFollowsThePacksPlan() throws IOException {
        List<String> kpis = Files.readAllLines(pack.resolve("tables/standing-scorecard-kpis.csv"));
        String response = kpis.stream().filter(l -> l.startsWith("E1,2024,response_rate,")).findFirst().orElseThrow();
        assertEquals("", fields(response)[3], response);
        assertEquals("green", fields(response)[7], "the rating, a range, stays: " + response);
        assertTrue(response.contains(EmployerSection.WITHHELD), response);
        List<String> questions = Files.readAllLines(pack.resolve("tables/standing-scorecard-questions.csv"));
        // Every population that collects the key question (the rows of apprentices and applicants are
        // withheld too: theScorecardsPopulationsFollowThePlansTheirCountsBySebArePrintedUnder).
        List<String> key = questions.stream().filter(l -> fields(l)[3].equals("parental_occupation")
                && fields(l)[7].equals("yes")).toList();
        assertFalse(key.isEmpty(), String.join("\n", questions));
        key.forEach(l -> assertEquals("", fields(l)[5], l));
        assertTrue(questions.stream().anyMatch(l -> l.startsWith("E1,2024,workforce,parent_degree,152,48,")),
                "a question off the SEB counts is published: " + String.join("\n", questions));
    }

    /** A CSV line's fields, commas inside quotes kept. */
    private static String[] fields(String line) {
        return line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
    }

    /** The pack's report plan over E1's own tables: the redundancy-removal pass leaves it sound. */
    @Test
    void thePacksPlanIsSoundAfterItsRedundantSecondariesArePublished() {
        ReportDisclosureTest.assertSoundAfterTheRelease("E1's pack",
                PlanTables.of(Ladder.load(data.toString()).cubes().where("employer_id", "E1")));
    }

    @Test
    void theCoalitionsFunnelFiguresArePublished() {
        // Protecting E1's 2 and 5 takes the counts of another part (here the rest of the sector's) in the same
        // cells, so that the coalition's margins still hold: the coalition's figures are published.
        for (String f : List.of("share_working_class_applicants", "offer_rate_ratio_working_class_vs_professional")) {
            assertFalse(figures.get(f).get("coalition").isEmpty(), f + ": " + figures.get(f));
            assertFalse(figures.get(f).get("note").contains("coalition: withheld"), f + ": " + figures.get(f));
        }
    }
}
