package ladder.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * {@code ladder funnel} on the bundled sample of applications against R, end to end (reading the
 * files, the cube, the stage counts, the statistics, the JSON). Reference values from
 * {@code reports/src/test/r/funnel_sample_reference.R} (R 4.2.2, base R only):
 * {@code prop.test(x, n, correct = FALSE)} for the Wilson intervals of shares and conversion
 * rates; the Katz log interval written out for the adverse impact ratio; the Woolf interval written
 * out, {@code fisher.test} and {@code mantelhaen.test(correct = FALSE)} for the odds ratios;
 * {@code chisq.test(x, p = c(0.34, 0.24, 0.42))} for the benchmark.
 */
class FunnelAgainstRTest {
    private static final Map<String, Map<String, Double>> R =
            OddsAgainstRTest.load("/ladder/reports/funnel_sample_reference.csv");
    private static final String APPLICANTS = "../datasets/sample-applicants";
    /** fisher.test's conditional MLE and its exact interval come from uniroot, accurate to about 1e-4. */
    private static final double UNIROOT = 1e-4;
    private static final double EXACT = 1e-8;

    static JsonNode funnel(String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("funnel", "--format", "json"));
        args.addAll(List.of(more));
        return OddsAgainstRTest.run(args);
    }

    @Test
    void everyNumberMatchesR() throws IOException {
        JsonNode result = funnel("--data", APPLICANTS);
        int checked = 0;
        for (Map.Entry<String, Map<String, Double>> c : R.entrySet()) {
            checked += check(result, c.getKey(), c.getValue());
        }
        assertEquals(15 * 4 + 12 * 3 + 10 * 3 + 8 * 11 + 2 * 2, checked, "every reference value was compared");
    }

    /** Compares one case's quantities with the row of the table it names; answers how many were compared. */
    private static int check(JsonNode result, String key, Map<String, Double> r) {
        String[] words = key.split(" ");
        String table = words[0];
        JsonNode row;
        switch (table) {
            case "composition", "conversion" -> row = row(result, table, "stage", words[1], "seb", words[2], null);
            case "adverse_impact" -> row = row(result, table, "step", key.substring(table.length() + 1,
                    key.lastIndexOf(' ')), "seb", words[words.length - 1], null);
            case "benchmark" -> row = row(result, table, "population", words[1], null, null, null);
            case "odds" -> {
                int n = 0;
                for (Map.Entry<String, Double> q : r.entrySet()) {
                    String estimator = q.getKey().split("\\.")[0];
                    String method = switch (estimator) {
                        case "woolf" -> "sample OR";
                        case "exact", "fisher" -> "conditional MLE";
                        default -> "Mantel-Haenszel";
                    };
                    JsonNode o = row(result, table, "stage", words[1], "seb", words[2], method);
                    String column = q.getKey().endsWith(".p") ? "p_value" : q.getKey().endsWith("lower") ? "lower"
                            : q.getKey().endsWith("upper") ? "upper" : "odds_ratio";
                    // exact and its interval: uniroot in fisher.test; everything else is closed form or a sum.
                    close(q.getValue(), o.get(column), estimator.equals("exact") ? UNIROOT : EXACT, key + " " + q.getKey());
                    n++;
                }
                return n;
            }
            default -> throw new AssertionError("unknown reference case " + key);
        }
        for (Map.Entry<String, Double> q : r.entrySet()) {
            close(q.getValue(), row.get(q.getKey()), EXACT, key + " " + q.getKey());
        }
        return r.size();
    }

    static JsonNode row(JsonNode result, String table, String k1, String v1, String k2, String v2, String method) {
        for (JsonNode t : result.get("tables")) {
            if (!t.get("name").asText().equals(table)) {
                continue;
            }
            for (JsonNode row : t.get("rows")) {
                if (row.get(k1).asText().equals(v1) && (k2 == null || row.get(k2).asText().equals(v2))
                        && (method == null || row.get("method").asText().startsWith(method))) {
                    return row;
                }
            }
        }
        throw new AssertionError("no row " + v1 + " / " + v2 + " / " + method + " in table " + table);
    }

    static void close(double expected, JsonNode actual, double tolerance, String what) {
        assertTrue(actual != null && actual.isNumber(), what + ": no number in " + actual);
        double error = expected == 0 ? Math.abs(actual.asDouble()) : Math.abs(actual.asDouble() - expected) / Math.abs(expected);
        assertTrue(error <= tolerance, what + ": R " + expected + ", Ladder " + actual.asDouble() + ", relative " + error);
    }

    /** Each employer's applications built into a cube file by {@code ladder cube --table applicants}, then merged. */
    @Test
    void mergedEmployerCubesGiveTheSameTables(@TempDir Path dir) throws IOException {
        List<String> args = new ArrayList<>(List.of("funnel", "--format", "json", "--cubes"));
        args.addAll(ApplicantCubesTest.employerCubes(dir, "employer_id,year,seb,stage_reached"));
        assertEquals(funnel("--data", APPLICANTS).get("tables"), OddsAgainstRTest.run(args).get("tables"));
    }

    /** With --publish on one employer-year, small counts and what rests on them are withheld; nothing is NaN. */
    @Test
    void publishWithholdsSmallCountsAndWhatRestsOnThem() throws IOException {
        JsonNode result = funnel("--data", APPLICANTS + "/applicants-E003-2022.csv", "--publish");
        JsonNode hiredIntermediate = row(result, "conversion", "stage", "hired", "seb", "intermediate", null);
        JsonNode plain = row(funnel("--data", APPLICANTS + "/applicants-E003-2022.csv"), "conversion", "stage", "hired",
                "seb", "intermediate", null);
        assertTrue(plain.get("progressed").asLong() < 10, "the case needs a small count: " + plain);
        assertTrue(hiredIntermediate.get("progressed").isNull(), hiredIntermediate.toString());
        assertTrue(hiredIntermediate.get("rate").isNull(), hiredIntermediate.toString());
        assertTrue(hiredIntermediate.get("note").asText().startsWith("withheld"), hiredIntermediate.toString());
        JsonNode applied = row(result, "composition", "stage", "applied", "seb", "working_class", null);
        assertTrue(applied.get("count").asLong() >= 10 && applied.get("share").isNumber(), applied.toString());
        assertTrue(!result.toString().contains("NaN"), "no NaN in the output");
    }
}
