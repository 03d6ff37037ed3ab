package ladder.reports.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report with applicants files (the recruitment funnel and the training sections) and an
 * employer's benchmark pack ({@code --employer}): their tables are the analysis commands' own
 * {@code --publish} CSV, and an employer's own sections are those of its rows alone.
 */
class ReportPackTest {
    static final String SAMPLE = EvidenceReportTest.SAMPLE;
    static final String APPLICANTS = "../datasets/sample-applicants";

    private static String table(Path report, String name) throws IOException {
        return Files.readString(report.resolve("tables").resolve(name + ".csv"), StandardCharsets.UTF_8);
    }

    private static String command(String... args) {
        EvidenceReportTest.Run r = EvidenceReportTest.run(args);
        assertEquals(0, r.status(), r.err());
        return r.out();
    }

    @Test
    void thePooledReportHasTheFunnelRoutesAndTraining(@TempDir Path dir) throws IOException {
        Path report = dir.resolve("report");
        EvidenceReportTest.Run r = EvidenceReportTest.run("report", "--data", SAMPLE, "--applicants", APPLICANTS,
                "--out", report.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(command("funnel", "--data", APPLICANTS, "--publish", "--format", "csv", "--table", "composition"),
                table(report, "getting-in-funnel-composition"));
        assertEquals(command("routes", "--data", SAMPLE, "--publish", "--format", "csv", "--table", "composition"),
                table(report, "getting-in-routes-composition"));
        assertEquals(command("training", "--data", SAMPLE, "--publish", "--format", "csv", "--table", "take_up"),
                table(report, "getting-in-training-take_up"));
        assertEquals(command("after-training", "--data", SAMPLE, "--publish", "--format", "csv", "--table", "promotion"),
                table(report, "getting-in-after_training-promotion"));
        String html = Files.readString(report.resolve("index.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("applicants-E001-2022.csv"), "the applicants files are in the appendix with their SHA-256");
    }

    @Test
    void withoutApplicantsTheFunnelSaysWhy(@TempDir Path dir) throws IOException {
        Path report = dir.resolve("report");
        assertEquals(0, EvidenceReportTest.run("report", "--data", SAMPLE, "--out", report.toString()).status());
        String html = Files.readString(report.resolve("index.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("the applicants files, and none were given"), "the funnel's place says why it is missing");
        assertFalse(Files.exists(report.resolve("tables").resolve("getting-in-funnel-composition.csv")));
    }

    @Test
    void anEmployersPackStandsItBesideThePoolAndShowsItsOwnData(@TempDir Path dir) throws IOException {
        Path report = dir.resolve("pack");
        EvidenceReportTest.Run r = EvidenceReportTest.run("report", "--data", SAMPLE, "--employer", "E003",
                "--applicants", APPLICANTS, "--out", report.toString(), "--title", "E003 benchmark pack");
        assertEquals(0, r.status(), r.err());
        assertEquals(command("employer", "--data", SAMPLE, "--id", "E003", "--applicants", APPLICANTS, "--publish",
                "--format", "csv", "--table", "figures"), table(report, "standing-comparison-figures"));
        assertEquals(command("scorecard", "--data", SAMPLE, "--employer", "E003", "--applicants", APPLICANTS, "--publish",
                "--format", "csv", "--table", "kpis"), table(report, "standing-scorecard-kpis"));
        // Its own sections read its rows alone.
        assertEquals(command("composition", "--data", SAMPLE, "--where", "employer_id = 'E003'", "--by", "year",
                "--publish", "--format", "csv"), table(report, "composition-by_year-shares"));
        // Its funnel reads its own applicants, not the coalition's.
        assertEquals(command("funnel", "--data", APPLICANTS, "--where", "employer_id = 'E003'", "--publish", "--format",
                "csv", "--table", "composition"), table(report, "getting-in-funnel-composition"));
        String html = Files.readString(report.resolve("index.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("data of employer E003"), "the page says whose pack it is");
        // The supplementary trends draw the SMC's figure and, beside it, the coalition's value of that figure
        // (its comparison table's coalition column: 10.2% independent school, 16.6% free school meals).
        String supplementary = html.substring(html.indexOf("<section id=\"supplementary\">"),
                html.indexOf("</section>", html.indexOf("<section id=\"supplementary\">")));
        List<String> comparison = List.of(table(report, "supplementary-comparison").split("\n"));
        for (String[] figure : List.of(new String[] {"share_independent_school", "UK independent school 7.5%"},
                new String[] {"share_free_school_meals", "UK free school meals 15%"})) {
            String[] row = comparison.stream().filter(l -> l.startsWith(figure[0] + ",")).findFirst().orElseThrow()
                    .split(",");
            String coalition = String.format(java.util.Locale.UK, "coalition %.1f%%", 100 * Double.parseDouble(row[5]));
            assertTrue(supplementary.contains(">" + figure[1] + "<"), figure[1]);
            assertTrue(supplementary.contains(">" + coalition + "<"), coalition + " for " + figure[0]);
        }
    }

    @Test
    void thePacksFunnelFiguresAreTheEmployersFunnels() {
        ladder.Pool applications = ladder.Ladder.applicants(APPLICANTS);
        ladder.models.result.ResultTable t = ladder.Ladder.load(SAMPLE).employer("E003").applicants(applications).result()
                .table(ladder.models.benchmark.Topic.GETTING_IN);
        java.util.Map<Object, java.util.List<Object>> rows = new java.util.HashMap<>();
        t.rows().forEach(r -> rows.put(r.get(0), r));
        ladder.models.funnel.RecruitmentFunnel own = applications.where("employer_id = 'E003'").funnel().result();
        int employer = t.column("employer"), n = t.column("employer_n");
        // The working-class share of applications is the funnel's at stage applied (0).
        assertEquals(own.composition(0).group(ladder.engine.contract.Seb.WORKING_CLASS).share(),
                (double) rows.get("share_working_class_applicants").get(employer), 1e-15);
        // The offer rate ratio: reached offered (stage 3) over applied, working class (2) over professional (0).
        double wc = (double) own.reached(3, 2) / own.reached(0, 2), professional = (double) own.reached(3, 0)
                / own.reached(0, 0);
        assertEquals(wc / professional, (double) rows.get("offer_rate_ratio_working_class_vs_professional").get(employer),
                1e-15);
        assertEquals(own.reached(0, 2) + own.reached(0, 0),
                (long) rows.get("offer_rate_ratio_working_class_vs_professional").get(n));
    }

    @Test
    void anUnknownEmployerIsOneLine(@TempDir Path dir) {
        EvidenceReportTest.Run r = EvidenceReportTest.run("report", "--data", SAMPLE, "--employer", "E999", "--out",
                dir.resolve("r").toString());
        assertEquals(2, r.status(), r.err());
        // After the load's account, one line.
        java.util.List<String> lines = r.err().strip().lines().toList();
        assertTrue(lines.get(lines.size() - 1).startsWith("ladder: no employer 'E999' in the selection"), r.err());
        assertEquals(1, lines.stream().filter(l -> l.startsWith("ladder: ")).count(), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }
}
