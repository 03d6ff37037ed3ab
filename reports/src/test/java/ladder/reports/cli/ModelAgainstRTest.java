package ladder.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ladder model} on the bundled sample pool against R, end to end: the cube's cells, the
 * grouped IRLS fit and its covariances against {@code glm(..., family = binomial)} on the person
 * rows with {@code sandwich::vcovCL(fit, cluster = ~employer_id, type = "HC1")}, from
 * {@code reports/src/test/r/model_sample_reference.R} (R 4.2.2, sandwich 3.0.2), to 1e-6 relative;
 * and the same on merged per-employer cube files.
 */
class ModelAgainstRTest {
    private static final Map<String, Map<String, Double>> R = OddsAgainstRTest.load("/ladder/reports/model_sample_reference.csv");


    /** The options of each case, as the script names it. */
    private static List<String> args(String key) {
        return switch (key) {
            case "--formula promoted ~ seb + gender + ethnicity + age_band + C(year) --cluster employer_id" ->
                    List.of("--formula", "promoted ~ seb + gender + ethnicity + age_band + C(year)", "--cluster",
                            "employer_id");
            case "--formula grade>=4 ~ seb * gender + age_band --cluster employer_id --where classifiable, woman or man" ->
                    List.of("--formula", "grade>=4 ~ seb * gender + age_band", "--cluster", "employer_id", "--where",
                            "seb in (professional, intermediate, working_class) and gender in (woman, man)");
            default -> throw new AssertionError("no options for " + key);
        };
    }

    @Test
    void coefficientsBothStandardErrorsAndTheFitMatchGlmAndVcovCL() throws IOException {
        assertEquals(2, R.size());
        for (Map.Entry<String, Map<String, Double>> c : R.entrySet()) {
            List<String> a = new ArrayList<>(List.of("model", "--data", "../datasets/sample", "--format", "json"));
            a.addAll(args(c.getKey()));
            check(c.getKey(), c.getValue(), OddsAgainstRTest.run(a));
        }
    }

    @Test
    void mergedEmployerCubesGiveTheSameModel(@TempDir Path dir) throws IOException {
        String key = R.keySet().iterator().next();
        List<String> cubes = new ArrayList<>();
        for (String employer : List.of("E001", "E002", "E003", "E004", "E005", "E006")) {
            Path out = dir.resolve(employer + ".arrow");
            List<String> a = new ArrayList<>(List.of("cube", "--data"));
            for (String year : List.of("2022", "2023", "2024")) {
                a.add("../datasets/sample/employees-" + employer + "-" + year + ".csv");
            }
            a.addAll(List.of("--dims", "employer_id,seb,gender,ethnicity,age_band,year,promoted", "--out", out.toString()));
            assertEquals(0, CommandLineTest.run(a.toArray(String[]::new)).status());
            cubes.add(out.toString());
        }
        List<String> a = new ArrayList<>(List.of("model", "--format", "json", "--cubes"));
        a.addAll(cubes);
        a.addAll(args(key));
        JsonNode onCubes = OddsAgainstRTest.run(a);
        check(key, R.get(key), onCubes);
        List<String> rows = new ArrayList<>(List.of("model", "--data", "../datasets/sample", "--format", "json"));
        rows.addAll(args(key));
        assertEquals(OddsAgainstRTest.run(rows).get("tables"), onCubes.get("tables"));
    }

    private static void check(String key, Map<String, Double> r, JsonNode result) {
        JsonNode coefficients = result.get("tables").get(0);
        int seen = 0;
        for (JsonNode row : coefficients.get("rows")) {
            String term = row.get("term").asText();
            Double coef = r.get("coef " + term);
            assertTrue(coef != null, key + ": R has no coefficient " + term);
            close(coef, row.get("estimate").asDouble(), key + " " + term);
            close(r.get("se " + term), row.get("model_se").asDouble(), key + " model se " + term);
            close(r.get("cluster_se " + term), row.get("se").asDouble(), key + " CR1 se " + term);
            seen++;
        }
        assertEquals(r.keySet().stream().filter(q -> q.startsWith("coef ")).count(), seen, key + ": every coefficient");
        Map<String, Double> fit = new LinkedHashMap<>();
        for (JsonNode row : result.get("tables").get(1).get("rows")) {
            fit.put(row.get("statistic").asText(), row.get("value").asDouble());
        }
        close(r.get("logLik"), fit.get("log_likelihood"), key + " logLik");
        close(r.get("deviance"), fit.get("deviance"), key + " deviance");
        close(r.get("aic"), fit.get("aic"), key + " AIC");
        assertTrue(result.get("notes").toString().contains("working-class staff had a"), result.get("notes").toString());
    }

    private static void close(double expected, double actual, String what) {
        double error = Math.abs(actual - expected) / Math.max(1e-300, Math.abs(expected));
        assertTrue(error <= 1e-6, what + ": R " + expected + ", Ladder " + actual + ", relative " + error);
    }
}
