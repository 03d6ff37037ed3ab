package ladder.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ladder odds} on the bundled sample pool against R, end to end (reading the files, the
 * cube, the 2x2 and 2x2xK tables, the statistics, the JSON). Reference values from
 * {@code reports/src/test/r/odds_sample_reference.R} (R 4.2.2, epiR 2.0.57): {@code fisher.test},
 * {@code chisq.test}, {@code epi.2by2(..., method = "cohort.count")} ({@code OR.strata.wald},
 * {@code RR.strata.wald}, {@code RR.mh.wald}, {@code ARisk.mh.sato}) and {@code mantelhaen.test}
 * on the table R builds from the same CSV files.
 */
class OddsAgainstRTest {
    private static final Map<String, Map<String, Double>> R = load("/ladder/reports/odds_sample_reference.csv");

    /** A reference CSV of (case or call, quantity, value) rows, by case then quantity. */
    static Map<String, Map<String, Double>> load(String resource) {
        Map<String, Map<String, Double>> cases = new LinkedHashMap<>();
        try (InputStream in = OddsAgainstRTest.class.getResourceAsStream(resource)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.startsWith("case,") || line.startsWith("call,") || line.isBlank()) {
                    continue;
                }
                int close = line.indexOf('"', 1);
                String[] rest = line.substring(close + 2).split(",");
                cases.computeIfAbsent(line.substring(1, close), k -> new LinkedHashMap<>())
                        .put(rest[0], Double.parseDouble(rest[1]));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return cases;
    }

    private static void close(double expected, JsonNode actual, double tolerance, String what) {
        assertTrue(actual != null && actual.isNumber(), what + ": no number in " + actual);
        double error = Math.abs(actual.asDouble() - expected) / Math.abs(expected);
        assertTrue(error <= tolerance, what + ": R " + expected + ", Ladder " + actual.asDouble() + ", relative " + error);
    }

    private static JsonNode find(JsonNode table, String analysis, String measure, String method) {
        for (JsonNode row : table.get("rows")) {
            if (row.get("analysis").asText().equals(analysis) && row.get(table.get("name").asText().equals("tests")
                    ? "test" : "measure").asText().equals(measure) && row.get("method").asText().startsWith(method)) {
                return row;
            }
        }
        throw new AssertionError("no row " + analysis + " / " + measure + " / " + method + " in " + table.get("name"));
    }

    static JsonNode run(List<String> args) throws IOException {
        CommandLineTest.Run r = CommandLineTest.run(args.toArray(String[]::new));
        assertEquals(0, r.status(), r.err());
        return new ObjectMapper().readTree(r.out()).get("result");
    }

    @Test
    void everyCaseMatchesR() throws IOException {
        assertEquals(4, R.size());
        for (Map.Entry<String, Map<String, Double>> c : R.entrySet()) {
            List<String> args = new ArrayList<>(List.of("odds", "--data", "../datasets/sample", "--format", "json"));
            args.addAll(Arrays.asList(c.getKey().split(" ")));
            check(c.getKey(), c.getValue(), run(args));
        }
    }

    @Test
    void mergedEmployerCubesGiveTheSameNumbers(@TempDir Path dir) throws IOException {
        List<String> cubes = CubeFilesTest.employerCubes(dir);
        String key = "--outcome grade>=4 --exposure seb=working_class --strata employer_id";
        List<String> args = new ArrayList<>(List.of("odds", "--format", "json", "--cubes"));
        args.addAll(cubes);
        args.addAll(Arrays.asList(key.split(" ")));
        JsonNode onCubes = run(args);
        check(key, R.get(key), onCubes);
        List<String> onRows = new ArrayList<>(List.of("odds", "--data", "../datasets/sample", "--format", "json"));
        onRows.addAll(Arrays.asList(key.split(" ")));
        assertEquals(run(onRows).get("tables"), onCubes.get("tables"));
    }

    private static void check(String key, Map<String, Double> r, JsonNode result) {
        JsonNode estimates = result.get("tables").get(0);
        JsonNode tests = result.get("tables").get(1);
        JsonNode cells = result.get("tables").get(2).get("rows").get(0);
        assertEquals(r.get("a").longValue(), cells.get("event").asLong(), key);
        assertEquals(r.get("b").longValue(), cells.get("no_event").asLong(), key);
        assertEquals(r.get("c").longValue(), cells.get("reference_event").asLong(), key);
        assertEquals(r.get("d").longValue(), cells.get("reference_no_event").asLong(), key);
        JsonNode woolf = find(estimates, "crude", "odds ratio", "sample OR");
        close(r.get("or.wald"), woolf.get("estimate"), 1e-12, key + " Woolf OR");
        close(r.get("or.wald.lower"), woolf.get("lower"), 1e-10, key + " Woolf lower");
        close(r.get("or.wald.upper"), woolf.get("upper"), 1e-10, key + " Woolf upper");
        JsonNode rr = find(estimates, "crude", "risk ratio", "Katz");
        close(r.get("rr"), rr.get("estimate"), 1e-12, key + " RR");
        close(r.get("rr.lower"), rr.get("lower"), 1e-10, key + " RR lower");
        close(r.get("rr.upper"), rr.get("upper"), 1e-10, key + " RR upper");
        // fisher.test's conditional MLE is uniroot's, accurate to about 1e-4; Ladder solves it to 1e-14.
        close(r.get("fisher.estimate"), find(estimates, "crude", "odds ratio", "conditional MLE, exact").get("estimate"),
                1e-4, key + " conditional MLE");
        close(r.get("fisher.p"), find(tests, "crude", "association", "Fisher").get("p_value"), 1e-8, key + " Fisher p");
        close(r.get("chisq"), find(tests, "crude", "association", "Pearson chi-squared (").get("statistic"), 1e-10,
                key + " chi-square");
        close(r.get("chisq.yates"), find(tests, "crude", "association", "Pearson chi-squared with Yates").get("statistic"),
                1e-10, key + " Yates");
        if (!r.containsKey("mh.or")) {
            for (JsonNode row : estimates.get("rows")) {
                assertEquals("crude", row.get("analysis").asText(), key + ": no strata, so no pooled estimate");
            }
            return;
        }
        JsonNode mh = find(estimates, "within strata", "odds ratio", "Mantel-Haenszel");
        close(r.get("mh.or"), mh.get("estimate"), 1e-12, key + " MH OR");
        close(r.get("mh.lower"), mh.get("lower"), 1e-10, key + " RBG lower");
        close(r.get("mh.upper"), mh.get("upper"), 1e-10, key + " RBG upper");
        JsonNode mhrr = find(estimates, "within strata", "risk ratio", "Mantel-Haenszel");
        close(r.get("mh.rr"), mhrr.get("estimate"), 1e-10, key + " MH RR");
        close(r.get("mh.rr.lower"), mhrr.get("lower"), 1e-10, key + " MH RR lower");
        close(r.get("mh.rr.upper"), mhrr.get("upper"), 1e-10, key + " MH RR upper");
        JsonNode rd = find(estimates, "within strata", "risk difference", "Mantel-Haenszel");
        close(r.get("mh.rd"), rd.get("estimate"), 1e-10, key + " MH RD");
        close(r.get("mh.rd.lower"), rd.get("lower"), 1e-10, key + " Sato lower");
        close(r.get("mh.rd.upper"), rd.get("upper"), 1e-10, key + " Sato upper");
        close(r.get("cmh"), find(tests, "within strata", "association", "Cochran-Mantel-Haenszel chi-squared (")
                .get("statistic"), 1e-10, key + " CMH");
        close(r.get("cmh.corrected"), find(tests, "within strata", "association",
                "Cochran-Mantel-Haenszel chi-squared with").get("statistic"), 1e-10, key + " CMH corrected");
        assertEquals(r.get("strata").longValue(), result.get("tables").get(3).get("rows").size(), key + " strata");
    }
}
