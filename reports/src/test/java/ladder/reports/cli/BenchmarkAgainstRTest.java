package ladder.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ladder employer} and {@code ladder scorecard} on the bundled sample pool against R, end to
 * end, on rows and on merged cube files. Reference values from
 * {@code reports/src/test/r/benchmark_sample_reference.R} (R 4.2.2, MASS 7.3-58): {@code prop.test(x,
 * n, correct = FALSE)$conf.int} (Wilson), the Woolf interval computed from the 2x2 table, the mid-rank
 * percentile {@code 100 * (rank(v) - 0.5) / length(v)}, {@code chisq.test(x, p = c(.34, .24, .42))},
 * new hires by {@code !(person_id %in% last year's person_id)}, and the crossing year of
 * {@code glm(cbind(x, n - x) ~ centred year, binomial)} with the Fieller roots computed from
 * {@code coef} and {@code vcov}, and {@code MASS::dose.p(fit, p = 0.45)} for the delta method.
 */
class BenchmarkAgainstRTest {
    private static final Map<String, Map<String, Double>> R = OddsAgainstRTest.load(
            "/ladder/reports/benchmark_sample_reference.csv");
    private static final double TOLERANCE = 1e-8;
    private static final String SAMPLE = "../datasets/sample";
    /** The columns of every key figure's cube. */
    static final String EMPLOYER_DIMS = "employer_id,sector,seb,grade,promoted,school_type,free_school_meals,"
            + "parent_degree,entry_route,training,hourly_pay,months_in_grade";
    private static final String SCORECARD = "scorecard --target working_class=0.45";

    private static void close(double expected, JsonNode actual, String what) {
        assertTrue(actual != null && actual.isNumber(), what + ": no number in " + actual);
        double error = Math.abs(actual.asDouble() - expected) / Math.abs(expected);
        assertTrue(error <= TOLERANCE, what + ": R " + expected + ", Ladder " + actual.asDouble() + ", relative " + error);
    }

    private static JsonNode table(JsonNode result, String name) {
        for (JsonNode t : result.get("tables")) {
            if (t.get("name").asText().equals(name)) {
                return t.get("rows");
            }
        }
        throw new AssertionError("no table " + name);
    }

    private static JsonNode run(String command, List<String> input) throws IOException {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(input);
        args.addAll(List.of("--format", "json"));
        return OddsAgainstRTest.run(args);
    }

    @Test
    void employerFiguresAndPercentilesMatchR() throws IOException {
        for (String id : List.of("E001", "E003")) {
            String key = "employer --id " + id;
            Map<String, Double> r = R.get(key);
            JsonNode rows = table(run(key, List.of("--data", SAMPLE)), "figures");
            assertEquals(ladder.models.benchmark.KeyFigure.values().length, rows.size());
            int checked = 0;
            for (JsonNode row : rows) {
                String f = row.get("figure").asText();
                if (!r.containsKey(f + ".employer")) {
                    continue; // the figures added since the script: EmployerComparisonTest checks them by hand
                }
                checked++;
                for (String column : List.of("employer", "employer_lower", "employer_upper", "employer_n", "coalition",
                        "coalition_lower", "coalition_upper", "coalition_n", "percentile")) {
                    close(r.get(f + "." + column), row.get(column), key + " " + f + " " + column);
                }
                assertTrue(row.get("sector").isNull(), "no other employer shares a sector in the sample: " + row);
                assertEquals(6, row.get("employers_ranked").asLong());
            }
            assertEquals(9, checked, "the figures the R script computes");
        }
    }

    /**
     * The coalition's promotion within 24 months is the pooled Kaplan-Meier curve of the whole sample, as
     * reports/src/test/r/survival_sample_reference.R gives it for {@code ladder survival --by seb}:
     * 1 - summary(survfit(Surv(months_in_grade, promoted) ~ seb), times = 24)$surv, the interval 1 minus its
     * upper and lower limits (log type), to 1e-8.
     */
    @Test
    void theCoalitionsPromotionWithin24MonthsIsRsKaplanMeier() throws IOException {
        Map<String, Double> km = SurvivalAgainstRTest.R.get("--by seb");
        JsonNode rows = table(run("employer --id E001", List.of("--data", SAMPLE)), "figures");
        int checked = 0;
        for (JsonNode row : rows) {
            String f = row.get("figure").asText();
            for (String group : List.of("professional", "working_class")) {
                if (f.equals("promoted_within_24_months_" + group)) {
                    String k = "km." + group + ".24.";
                    close(1 - km.get(k + "surv"), row.get("coalition"), f);
                    close(1 - km.get(k + "upper"), row.get("coalition_lower"), f + " lower");
                    close(1 - km.get(k + "lower"), row.get("coalition_upper"), f + " upper");
                    assertTrue(row.get("employer").isNumber() && row.get("percentile").isNumber(), row.toString());
                    checked++;
                }
            }
        }
        assertEquals(2, checked);
    }

    @Test
    void employerOnMergedCubesIsTheEmployerOnRows(@TempDir Path dir) throws IOException {
        List<String> cubes = new ArrayList<>(List.of("--cubes"));
        cubes.addAll(CubeFilesTest.employerCubes(dir, EMPLOYER_DIMS));
        assertEquals(run("employer --id E003", List.of("--data", SAMPLE)).get("tables"),
                run("employer --id E003", cubes).get("tables"));
        assertEquals(run("employer --id E003 --publish", List.of("--data", SAMPLE)).get("tables"),
                run("employer --id E003 --publish", cubes).get("tables"));
    }

    @Test
    void scorecardMatchesROnRows() throws IOException {
        JsonNode result = run(SCORECARD, List.of("--data", SAMPLE));
        checkScorecard(result, List.of("new_hires", "apprentices", "workforce"));
        assertTrue(table(result, "questions").get(0).get("rows").isNull(), "no applicants data: not assessed");
    }

    @Test
    void scorecardWithApplicantsFilesMatchesR() throws IOException {
        JsonNode result = run(SCORECARD, List.of("--data", SAMPLE, "--applicants", "../datasets/sample-applicants"));
        checkScorecard(result, List.of("applicants", "new_hires", "apprentices", "workforce"));
    }

    @Test
    void scorecardOnCubesWithTheQuestionsMatchesRWithoutNewHires(@TempDir Path dir) throws IOException {
        List<String> input = new ArrayList<>(List.of("--cubes"));
        List<String> employers;
        try (Stream<Path> files = Files.list(Path.of(SAMPLE))) {
            employers = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".csv"))
                    .map(n -> n.split("-")[1]).distinct().sorted().toList();
        }
        for (String e : employers) {
            List<String> args = new ArrayList<>(List.of("cube", "--data"));
            try (Stream<Path> files = Files.list(Path.of(SAMPLE))) {
                files.filter(f -> f.getFileName().toString().contains("-" + e + "-")).sorted()
                        .forEach(f -> args.add(f.toString()));
            }
            Path out = dir.resolve(e + ".cube.arrow");
            args.addAll(List.of("--dims", "employer_id,year,seb,entry_route,parental_occupation,school_type,"
                    + "free_school_meals,parent_degree", "--out", out.toString()));
            assertEquals(0, CommandLineTest.run(args.toArray(String[]::new)).status());
            input.add(out.toString());
        }
        JsonNode result = run(SCORECARD, input);
        checkScorecard(result, List.of("apprentices", "workforce"));
        JsonNode kpis = table(result, "kpis");
        assertTrue(kpis.get(2).get("note").asText().startsWith("needs rows"), kpis.get(2).toString());
    }

    @Test
    void scorecardOnCubesWithoutTheQuestionsScoresTheRest(@TempDir Path dir) throws IOException {
        List<String> cubes = new ArrayList<>(List.of("--cubes"));
        cubes.addAll(CubeFilesTest.employerCubes(dir));
        JsonNode result = run(SCORECARD, cubes);
        Map<String, Double> r = R.get(SCORECARD);
        JsonNode kpis = table(result, "kpis");
        close(r.get("E004.response"), kpis.get(3 * 7).get("value"), "E004 response rate on cubes");
        assertTrue(kpis.get(3 * 7 + 4).get("rating").isNull(), "workforce questions not assessed: " + kpis.get(3 * 7 + 4));
        assertTrue(result.get("notes").toString().contains("not assessed"), result.get("notes").toString());
    }

    private static void checkScorecard(JsonNode result, List<String> groups) {
        Map<String, Double> r = R.get(SCORECARD);
        JsonNode kpis = table(result, "kpis"), questions = table(result, "questions"), spread = table(result, "spread");
        JsonNode tests = table(result, "spread_test"), target = table(result, "target");
        List<String> employers = List.of("E001", "E002", "E003", "E004", "E005", "E006");
        assertEquals(6 * 7, kpis.size(), "response, four groups' questions, spread and target per employer");
        for (int i = 0; i < employers.size(); i++) {
            String e = employers.get(i);
            JsonNode response = kpis.get(7 * i);
            assertEquals("response_rate", response.get("kpi").asText());
            close(r.get(e + ".response"), response.get("value"), e + " response");
            close(r.get(e + ".response.lower"), response.get("lower"), e + " response lower");
            close(r.get(e + ".response.upper"), response.get("upper"), e + " response upper");
            for (int g = 0; g < 3; g++) {
                JsonNode s = spread.get(3 * i + g);
                String level = s.get("seb").asText();
                close(r.get(e + "." + level + ".count"), s.get("count"), e + " " + level + " count");
                close(r.get(e + "." + level + ".lower"), s.get("lower"), e + " " + level + " lower");
                close(r.get(e + "." + level + ".upper"), s.get("upper"), e + " " + level + " upper");
            }
            close(r.get(e + ".chisq"), tests.get(i).get("chi_square"), e + " chisq.test");
            close(r.get(e + ".chisq.p"), tests.get(i).get("p_value"), e + " chisq.test p");
            for (String g : groups) {
                int at = 16 * i + 4 * List.of("applicants", "new_hires", "apprentices", "workforce").indexOf(g);
                for (int q = 0; q < 4; q++) {
                    JsonNode row = questions.get(at + q);
                    close(r.get(e + "." + g + ".rows"), row.get("rows"), e + " " + g + " rows");
                    close(r.get(e + "." + g + "." + row.get("question").asText()), row.get("answered"),
                            e + " " + g + " " + row.get("question").asText());
                }
            }
            JsonNode t = target.get(i);
            close(r.get(e + ".crossing"), t.get("crossing_year"), e + " crossing year");
            close(r.get(e + ".dose.p"), t.get("crossing_year"), e + " MASS::dose.p");
            close(r.get(e + ".dose.p.se"), t.get("delta_se"), e + " MASS::dose.p SE");
            if (r.containsKey(e + ".fieller.lower")) {
                close(r.get(e + ".fieller.lower"), t.get("fieller_lower"), e + " Fieller lower");
                close(r.get(e + ".fieller.upper"), t.get("fieller_upper"), e + " Fieller upper");
            } else {
                assertTrue(t.get("fieller_lower").isNull() && t.get("fieller_upper").isNull(), e + " unbounded: " + t);
            }
        }
        assertFalse(table(result, "rules").isEmpty());
    }

    @Test
    void badOptionsAreOneLine() {
        for (String[] args : List.of(new String[] {"employer", "--data", SAMPLE, "--id", "E999"},
                new String[] {"scorecard", "--data", SAMPLE, "--employer", "E999"},
                new String[] {"scorecard", "--data", SAMPLE, "--target", "posh=0.3"},
                new String[] {"scorecard", "--data", SAMPLE, "--target", "working_class=1.2"},
                new String[] {"scorecard", "--data", SAMPLE, "--target", "working_class=0"},
                new String[] {"scorecard", "--data", SAMPLE, "--target", "working_class=lots"},
                new String[] {"scorecard", "--data", SAMPLE, "--target", "working_class=0.4", "--where", "year = 2024"})) {
            CommandLineTest.Run run = CommandLineTest.run(args);
            assertEquals(2, run.status(), String.join(" ", args) + ": " + run.err());
            assertTrue(run.err().startsWith("ladder: ") && run.err().strip().lines().count() == 1, run.err());
        }
        CommandLineTest.Run unknown = CommandLineTest.run("employer", "--data", SAMPLE, "--id", "E999");
        assertTrue(unknown.err().contains("E001, E002"), unknown.err());
    }
}
