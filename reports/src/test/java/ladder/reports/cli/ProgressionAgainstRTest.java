package ladder.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ladder routes}, {@code ladder training} and {@code ladder after-training} on the bundled
 * sample pool against R, end to end. Reference values from
 * {@code reports/src/test/r/progression_sample_reference.R} (R 4.2.2, sandwich 3.0.2), which says
 * the call behind each quantity: {@code prop.test(x, n, correct = FALSE)} (Wilson),
 * {@code fisher.test}, {@code mantelhaen.test(correct = FALSE)}, the sample odds ratio with Woolf's
 * interval by formula, {@code glm} with {@code sandwich::vcovCL(type = "HC1")}, and the
 * follow-up of each person-year done in R from the same CSV files.
 */
class ProgressionAgainstRTest {
    private static final Map<String, Map<String, Double>> R =
            OddsAgainstRTest.load("/ladder/reports/progression_sample_reference.csv");
    private static final String SAMPLE = "../datasets/sample";
    private static final List<String> GROUPS = List.of("professional", "intermediate", "working_class");

    private static JsonNode run(String... args) throws IOException {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(List.of("--format", "json"));
        return OddsAgainstRTest.run(all);
    }

    static JsonNode table(JsonNode result, String name) {
        for (JsonNode t : result.get("tables")) {
            if (t.get("name").asText().equals(name)) {
                return t;
            }
        }
        throw new AssertionError("no table " + name);
    }

    /** The row whose columns {@code keys} hold {@code values}. */
    static JsonNode row(JsonNode table, List<String> keys, List<String> values) {
        for (JsonNode row : table.get("rows")) {
            boolean match = true;
            for (int i = 0; i < keys.size(); i++) {
                match &= row.get(keys.get(i)).asText().equals(values.get(i));
            }
            if (match) {
                return row;
            }
        }
        throw new AssertionError("no row " + values + " in " + table.get("name"));
    }

    private static void close(Map<String, Double> r, String quantity, JsonNode row, String column, double tolerance,
            String what) {
        Double expected = r.get(quantity);
        assertTrue(expected != null, what + ": R gave no " + quantity);
        JsonNode actual = row.get(column);
        assertTrue(actual != null && actual.isNumber(), what + " " + column + ": no number in " + actual);
        double error = Math.abs(actual.asDouble() - expected) / Math.abs(expected);
        assertTrue(error <= tolerance, what + " " + column + ": R " + expected + ", Ladder " + actual.asDouble()
                + ", relative " + error);
    }

    /** One block of SebRates rows (reference first) against R's case {@code prefix + " " + group}. */
    private static void rates(String prefix, JsonNode table, List<String> keys, List<String> values) {
        for (String g : GROUPS) {
            List<String> k = new ArrayList<>(keys), v = new ArrayList<>(values);
            k.add("seb");
            v.add(g);
            JsonNode row = row(table, k, v);
            Map<String, Double> r = R.get(prefix + " " + g);
            String what = prefix + " " + g;
            assertTrue(r != null, "no R case " + what);
            assertEquals(r.get("n").longValue(), row.get("n").asLong(), what + " n");
            assertEquals(r.get("events").longValue(), row.get("events").asLong(), what + " events");
            close(r, "rate", row, "rate", 1e-12, what);                 // x / n
            close(r, "lower", row, "lower", 1e-10, what);               // prop.test(x, n, correct = FALSE)$conf.int[1]
            close(r, "upper", row, "upper", 1e-10, what);               // prop.test(x, n, correct = FALSE)$conf.int[2]
            if (g.equals("professional")) {
                assertTrue(row.get("odds_ratio").isNull(), what + ": the reference has no odds ratio");
                continue;
            }
            close(r, "or", row, "odds_ratio", 1e-12, what);              // (a d) / (b c)
            close(r, "or.lower", row, "or_lower", 1e-10, what);         // Woolf: exp(log(or) - z sqrt(sum 1/cell))
            close(r, "or.upper", row, "or_upper", 1e-10, what);
            close(r, "fisher.p", row, "fisher_p", 1e-8, what);          // fisher.test(t2)$p.value
            close(r, "mh.or", row, "mh_odds_ratio", 1e-10, what);       // mantelhaen.test(t3, correct = FALSE)$estimate
            close(r, "mh.lower", row, "mh_lower", 1e-10, what);         // ...$conf.int[1]
            close(r, "mh.upper", row, "mh_upper", 1e-10, what);         // ...$conf.int[2]
            close(r, "cmh.p", row, "cmh_p", 1e-8, what);                // ...$p.value
        }
    }

    @Test
    void routesMatchR() throws IOException {
        JsonNode result = run("routes", "--data", SAMPLE);
        JsonNode composition = table(result, "composition");
        JsonNode progression = table(result, "progression");
        int checked = 0;
        for (String route : List.of("graduate_scheme", "apprenticeship", "experienced_hire", "internal", "other")) {
            for (String g : GROUPS) {
                Map<String, Double> r = R.get("routes composition " + route + " " + g);
                JsonNode row = row(composition, List.of("entry_route", "seb"), List.of(route, g));
                assertEquals(r.get("count").longValue(), row.get("count").asLong(), route + " " + g);
                close(r, "share", row, "share", 1e-12, route + " " + g);             // count / route total
                close(r, "share.lower", row, "lower", 1e-10, route + " " + g);       // prop.test(..., correct = FALSE)
                close(r, "share.upper", row, "upper", 1e-10, route + " " + g);
                // The national ratio is the share over the SMC benchmark, 34/24/42.
                close(Map.of("q", r.get("share") / Map.of("professional", 0.34, "intermediate", 0.24,
                        "working_class", 0.42).get(g)), "q", row, "ratio_national", 1e-12, route + " " + g);
            }
            for (String outcome : List.of("promoted", "grade>=4")) {
                rates("routes " + outcome + " " + route, progression, List.of("outcome", "entry_route"),
                        List.of(outcome, route));
                checked++;
            }
        }
        assertEquals(10, checked);
    }

    @Test
    void trainingMatchesR() throws IOException {
        JsonNode result = run("training", "--data", SAMPLE);
        JsonNode takeUp = table(result, "take_up");
        rates("training all", takeUp, List.of("grade"), List.of("all"));
        for (int g = 1; g <= 6; g++) {
            rates("training " + g, takeUp, List.of("grade"), List.of(Integer.toString(g)));
        }
        JsonNode adjusted = table(result, "adjusted");
        for (String g : List.of("intermediate", "working_class")) {
            Map<String, Double> r = R.get("training adjusted " + g);
            JsonNode row = row(adjusted, List.of("seb"), List.of(g));
            // glm(training ~ seb + gender + ethnicity + age_band + factor(grade) + factor(year), binomial) over
            // classifiable SEB; se from sandwich::vcovCL(fit, cluster = ~employer_id, type = "HC1").
            close(r, "adj.or", row, "odds_ratio", 1e-6, "adjusted " + g);
            close(r, "adj.se", row, "se", 1e-6, "adjusted " + g);
            close(r, "adj.lower", row, "lower", 1e-6, "adjusted " + g);
            close(r, "adj.upper", row, "upper", 1e-6, "adjusted " + g);
        }
    }

    @Test
    void afterTrainingAndApprenticeshipMatchR() throws IOException {
        for (String[] c : List.of(new String[] {"training", "2"}, new String[] {"apprenticeship", "1"})) {
            JsonNode result = run("after-training", "--data", SAMPLE, "--cohort", c[0], "--window", c[1]);
            String prefix = "after-training " + c[0] + " " + c[1];
            rates(prefix, table(result, "promotion"), List.of(), List.of());
            JsonNode follow = table(result, "follow_up");
            for (String g : List.of("professional", "intermediate", "working_class", "excluded", "missing")) {
                Map<String, Double> r = R.get(prefix + " status " + g);
                JsonNode row = row(follow, List.of("seb"), List.of(g));
                for (String status : List.of("promoted", "not_promoted", "left", "absent_at_end", "censored")) {
                    assertEquals(r.get(status).longValue(), row.get(status).asLong(), prefix + " " + g + " " + status);
                }
                assertEquals(r.get("promoted") + r.get("not_promoted"), row.get("followed").asDouble(), prefix + " " + g);
            }
        }
    }

    @Test
    void routesAndTrainingOnMergedEmployerCubesGiveTheRowsNumbers(@TempDir Path dir) throws IOException {
        List<String> cubes = CubeFilesTest.employerCubes(dir,
                "employer_id,year,seb,grade,gender,ethnicity,age_band,entry_route,promoted,training");
        for (String command : List.of("routes", "training")) {
            List<String> onCubes = new ArrayList<>(List.of(command, "--format", "json", "--cubes"));
            onCubes.addAll(cubes);
            assertEquals(run(command, "--data", SAMPLE).get("tables"), OddsAgainstRTest.run(onCubes).get("tables"), command);
        }
        List<String> after = new ArrayList<>(List.of("after-training", "--cubes"));
        after.addAll(cubes);
        CommandLineTest.Run r = CommandLineTest.run(after.toArray(String[]::new));
        assertEquals(2, r.status(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("ladder: following people across years needs rows"), r.err());
    }
}
