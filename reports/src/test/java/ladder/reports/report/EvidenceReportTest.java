package ladder.reports.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ladder.reports.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ladder report} on the bundled sample pool: its tables are the analyses' own (the same CSV
 * as each analysis command prints), and its page is self-contained.
 */
class EvidenceReportTest {
    static final String SAMPLE = "../datasets/sample";

    @TempDir
    static Path dir;
    static Path report;
    static String html;

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(status, out.toString(), err.toString());
    }

    @BeforeAll
    static void writeTheReport() throws IOException {
        report = dir.resolve("report");
        Run r = run("report", "--data", SAMPLE, "--out", report.toString(), "--title", "Sample pool's report");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("open " + report.resolve("index.html")), r.err());
        html = Files.readString(report.resolve("index.html"), StandardCharsets.UTF_8);
    }

    private static String table(String name) throws IOException {
        return Files.readString(report.resolve("tables").resolve(name + ".csv"), StandardCharsets.UTF_8);
    }

    /** The CSV an analysis command prints for the same question. */
    private static String command(String... args) {
        Run r = run(args);
        assertEquals(0, r.status(), r.err());
        return r.out();
    }

    @Test
    void eachTableIsTheAnalysisCommandsOwnCsv() throws IOException {
        // On the sample pool the report's plan withholds nothing beyond each analysis's own control,
        // so each table is exactly what the analysis prints with --publish.
        assertEquals(command("describe", "--data", SAMPLE, "--format", "csv"), table("data-response"));
        assertEquals(command("composition", "--data", SAMPLE, "--by", "year", "--publish", "--format", "csv"),
                table("composition-by_year-shares"));
        assertEquals(command("trend", "--data", SAMPLE, "--publish", "--format", "csv"), table("composition-trend-periods"));
        assertEquals(command("ceiling", "--data", SAMPLE, "--strata", "employer_id", "--publish", "--format", "csv",
                "--table", "ceiling"), table("ceiling-ceiling"));
        assertEquals(command("odds", "--data", SAMPLE, "--outcome", "promoted", "--exposure", "seb",
                "--reference", "seb=professional", "--strata", "employer_id", "--publish", "--format", "csv"),
                table("progression-promotion-estimates"));
        assertEquals(command("odds", "--data", SAMPLE, "--outcome", "grade>=4", "--strata", "employer_id", "--publish",
                "--format", "csv", "--table", "strata"), table("progression-senior-strata"));
        assertEquals(command("model", "--data", SAMPLE, "--formula", "promoted ~ seb + gender + ethnicity + age_band + C(year)",
                "--ref", "seb=professional", "--cluster", "employer_id", "--margins", "seb", "--publish", "--format", "csv"),
                table("progression-model_promotion-coefficients"));
        // The intersection table is in the plan with the others, and its sparse cells (zeros of other x
        // mixed x promoted) take more out than the command's own control: each number is the command's or blank.
        assertWithheldOrSame(command("intersect", "--data", SAMPLE, "--by", "seb,gender,ethnicity", "--publish",
                "--format", "csv"), table("intersections-cells"));
        assertEquals(command("pay", "--data", SAMPLE, "--publish", "--format", "csv", "--table", "gaps"), table("pay-gaps"));
        assertEquals(command("survival", "--data", SAMPLE, "--strata", "employer_id", "--cluster", "employer_id",
                "--publish", "--format", "csv", "--table", "quantiles"), table("time-to-promotion-quantiles"));
        assertEquals(command("composition", "--data", SAMPLE, "--by", "region", "--publish", "--format", "csv"),
                table("regions-shares"));
    }

    /** Same rows and labels; each number of {@code published} is the command's, or blank where the plan withholds more. */
    private static void assertWithheldOrSame(String command, String published) {
        List<String> expected = List.of(command.split("\n")), actual = List.of(published.split("\n"));
        assertEquals(expected.get(0), actual.get(0));
        assertEquals(expected.size(), actual.size());
        // The note, last, differs where the report's plan cuts a row: it gives the plan's reason.
        int note = List.of(expected.get(0).split(",")).indexOf("note");
        int blanked = 0;
        for (int r = 1; r < expected.size(); r++) {
            List<String> e = List.of(expected.get(r).split(",", -1)), a = List.of(actual.get(r).split(",", -1));
            assertEquals(e.subList(0, 4), a.subList(0, 4), "seb, gender, ethnicity, rank");
            for (int c = 4; c < note; c++) {
                assertTrue(a.get(c).isEmpty() || a.get(c).equals(e.get(c)), "row " + r + " column " + c + ": " + a);
                blanked += a.get(c).isEmpty() && !e.get(c).isEmpty() ? 1 : 0;
            }
        }
        assertTrue(blanked > 0, "the plan withholds nothing more than the command");
    }

    @Test
    void theJavaApiWritesTheSameReport() throws IOException {
        Path written = ladder.Ladder.load(SAMPLE).report().title("From Java").write(dir.resolve("api"));
        assertEquals(dir.resolve("api/index.html"), written);
        assertEquals(table("data-response"), Files.readString(dir.resolve("api/tables/data-response.csv")));
        assertEquals(table("progression-model_senior-coefficients"),
                Files.readString(dir.resolve("api/tables/progression-model_senior-coefficients.csv")));
        String page = Files.readString(written);
        assertTrue(page.contains("<h1>From Java</h1>"), "no title");
        assertTrue(page.contains("ladder report --data ../datasets/sample/employees-E001-2022.csv"), "no command");
    }

    @Test
    void thePageSaysInWordsWhatTheOddsAndModelsSay() {
        // The Mantel-Haenszel headline of `ladder odds --strata employer_id` on the sample pool.
        assertTrue(html.contains("People from working-class backgrounds had 0.76 times the odds of promotion of those"
                + " from professional backgrounds in the same employer (95% CI 0.69 to 0.83; Mantel-Haenszel, 6 employers)."),
                "no words for the odds of promotion");
        for (String heading : List.of("The data", "Class composition", "Supplementary questions", "The class ceiling",
                "Progression", "Intersections", "The class pay gap", "Time to promotion", "Regions", "Methods appendix")) {
            assertTrue(html.contains("<h2>" + heading + "</h2>"), "no section " + heading);
        }
        assertFalse(html.contains("Not available"), "every section is available on the sample pool");
    }

    @Test
    void thePageFetchesNothingAndDrawsItsChartsInline() {
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find(), "the page links outside itself");
        assertFalse(html.contains("<script") || html.contains("<link") || html.contains("@import") || html.contains("<img"),
                "the page loads scripts, styles or images");
        Matcher svg = Pattern.compile("<svg ").matcher(html);
        int charts = 0;
        while (svg.find()) {
            charts++;
        }
        assertTrue(charts >= 12, "only " + charts + " charts");
        assertTrue(html.contains("data-region=\"UKN\"") && html.contains("data-region=\"UKM\""), "no tile map");
        assertTrue(html.contains("@media print") && html.contains("break-before: page"), "no print styles");
    }

    @Test
    void theMethodsAppendixNamesTheInputsTheRuleAndTheCommand() throws IOException {
        String inputs = table("methods-inputs");
        assertTrue(inputs.startsWith("file,sha256\n"), inputs);
        Path first = Path.of(SAMPLE, "employees-E001-2022.csv");
        assertTrue(inputs.contains(ladder.engine.io.FileHash.sha256(first)), "no SHA-256 of " + first);
        assertEquals(19, inputs.split("\n").length, "a header and the 18 sample files");
        assertTrue(html.contains("<pre class=\"command\">ladder report --data ../datasets/sample --out " + report
                + " --title 'Sample pool'\\''s report'</pre>"), "no reproducing command");
        assertTrue(html.contains("One suppression plan for the whole report"), "no disclosure rule");
        assertTrue(html.contains("Options:") && html.contains("confidence_level: 0.95"), "no options of the analyses");
        assertFalse(html.contains("rows_used:") || html.contains("classifiable: 24242"), "counts of the data in the appendix");
    }
}
