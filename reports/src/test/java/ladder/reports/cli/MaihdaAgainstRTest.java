package ladder.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code ladder maihda} on the bundled sample pool against {@code lme4::glmer} (Laplace, tight
 * control) on the strata's binomial rows, from {@code reports/src/test/r/maihda_sample_reference.R}
 * (R 4.2.2, lme4 1.1.31): the strata the cube gives, the stratum SD of the null model, the boundary
 * (singular) main-effects model, and its fixed effects, to 1e-4 relative (1e-5 absolute near 0).
 */
class MaihdaAgainstRTest {
    private static final Map<String, Map<String, Double>> R = OddsAgainstRTest.load("/ladder/reports/maihda_sample_reference.csv");

    @Test
    void theNullAndMainEffectsModelsMatchGlmer() throws IOException {
        JsonNode result = OddsAgainstRTest.run(List.of("maihda", "--data", "../datasets/sample", "--strata",
                "seb,gender,ethnicity", "--format", "json"));
        Map<String, Double> nul = R.get("null: cbind(y, n - y) ~ 1 + (1 | stratum)");
        Map<String, Double> main = R.get("main: cbind(y, n - y) ~ seb + gender + ethnicity + (1 | stratum)");
        assertEquals(nul.get("strata").longValue(), result.get("inputs").get("strata").asLong());
        assertEquals(nul.get("people"), result.get("inputs").get("people").asDouble());
        JsonNode variance = table(result, "variance");
        close(nul.get("theta"), variance.get(0).get("sd").asDouble(), "null model stratum SD");
        close(main.get("theta"), variance.get(1).get("sd").asDouble(), "main model stratum SD (at the boundary)");
        assertEquals("yes", variance.get(1).get("boundary").asText(), "lme4: boundary (singular) fit");
        int checked = 0;
        for (JsonNode row : table(result, "fixed_effects")) {
            String term = row.get("term").asText();
            String rName = "fixef " + term.replace("=", "");
            Map<String, Double> model = row.get("model").asText().equals("null") ? nul : main;
            assertTrue(model.containsKey(rName), "R has " + rName);
            close(model.get(rName), row.get("estimate").asDouble(), row.get("model").asText() + " " + term);
            checked++;
        }
        assertEquals(10, checked, "1 null + 9 main-effects fixed effects");
    }

    private static JsonNode table(JsonNode result, String name) {
        for (JsonNode t : result.get("tables")) {
            if (t.get("name").asText().equals(name)) {
                return t.get("rows");
            }
        }
        throw new AssertionError("no table " + name);
    }

    private static void close(double expected, double actual, String what) {
        double error = Math.abs(actual - expected);
        assertTrue(error <= 1e-5 || error / Math.abs(expected) <= 1e-4,
                what + ": lme4 " + expected + ", Ladder " + actual);
    }
}
