package ladder.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ladder survival} on the bundled sample pool against R, end to end (reading the files, the
 * cube over groups, strata, cluster, months_in_grade and promoted, the survival cells, the
 * statistics, the JSON). Reference values from {@code reports/src/test/r/survival_sample_reference.R}
 * (R 4.2.2, survival 3.5-3): {@code summary(survfit(...), times = )}, {@code quantile(fit)},
 * {@code survdiff}, {@code summary(coxph(...))} with and without {@code cluster} and {@code strata},
 * and {@code cox.zph}, on the rows R reads from the same CSV files. Closed forms (Kaplan-Meier,
 * Greenwood, log-rank) to 1e-8, the Cox fit and its tests to 1e-6 (relative).
 */
class SurvivalAgainstRTest {
    static final Map<String, Map<String, Double>> R = load();
    private static final double CLOSED = 1e-8;
    private static final double COX = 1e-6;

    private static Map<String, Map<String, Double>> load() {
        Map<String, Map<String, Double>> cases = new LinkedHashMap<>();
        try (InputStream in = SurvivalAgainstRTest.class.getResourceAsStream(
                "/ladder/reports/survival_sample_reference.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.startsWith("case,") || line.isBlank()) {
                    continue;
                }
                int close = line.indexOf('"', 1);
                String rest = line.substring(close + 2);
                int comma = rest.lastIndexOf(',');
                String value = rest.substring(comma + 1);
                cases.computeIfAbsent(line.substring(1, close), k -> new LinkedHashMap<>())
                        .put(rest.substring(0, comma), value.equals("NA") ? null : Double.parseDouble(value));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return cases;
    }

    /** R's value (null: NA, so Ladder must give null too) against Ladder's, to a relative tolerance. */
    private static void close(Double expected, JsonNode actual, double tolerance, String what) {
        if (expected == null) {
            assertTrue(actual == null || actual.isNull(), what + ": R has NA, Ladder " + actual);
            return;
        }
        assertTrue(actual != null && actual.isNumber(), what + ": no number in " + actual);
        double error = Math.abs(actual.asDouble() - expected) / Math.max(Math.abs(expected), 1e-300);
        assertTrue(error <= tolerance, what + ": R " + expected + ", Ladder " + actual.asDouble() + ", relative " + error);
    }

    private static JsonNode table(JsonNode result, String name) {
        for (JsonNode t : result.get("tables")) {
            if (t.get("name").asText().equals(name)) {
                return t;
            }
        }
        throw new AssertionError("no table " + name);
    }

    private static JsonNode row(JsonNode table, Map<String, String> key) {
        for (JsonNode row : table.get("rows")) {
            if (key.entrySet().stream().allMatch(e -> row.get(e.getKey()).asText().equals(e.getValue()))) {
                return row;
            }
        }
        throw new AssertionError("no row " + key + " in " + table.get("name"));
    }

    private static JsonNode run(String key, List<String> input) throws IOException {
        List<String> args = new ArrayList<>(List.of("survival", "--format", "json"));
        args.addAll(input);
        // Options as a shell would split them: a quoted stretch ('Legal services') stays in its word.
        java.util.regex.Matcher words = java.util.regex.Pattern.compile("(?:[^\\s']+|'[^']*')+").matcher(key);
        while (words.find()) {
            args.add(words.group());
        }
        return OddsAgainstRTest.run(args);
    }

    @Test
    void everyCaseMatchesR() throws IOException {
        assertEquals(6, R.size());
        for (Map.Entry<String, Map<String, Double>> c : R.entrySet()) {
            check(c.getKey(), c.getValue(), run(c.getKey(), List.of("--data", "../datasets/sample")));
        }
    }

    @Test
    void mergedEmployerCubesGiveTheSameNumbers(@TempDir Path dir) throws IOException {
        List<String> cubes = new ArrayList<>(List.of("--cubes"));
        for (String employer : List.of("E001", "E002", "E003", "E004", "E005", "E006")) {
            List<String> args = new ArrayList<>(List.of("cube", "--data"));
            try (Stream<Path> files = Files.list(Path.of("../datasets/sample"))) {
                files.filter(f -> f.getFileName().toString().contains("-" + employer + "-")).sorted()
                        .forEach(f -> args.add(f.toString()));
            }
            Path out = dir.resolve(employer + ".cube.arrow");
            args.addAll(List.of("--dims", "employer_id,seb,gender,months_in_grade,promoted", "--out", out.toString()));
            CommandLineTest.Run r = CommandLineTest.run(args.toArray(String[]::new));
            assertEquals(0, r.status(), r.err());
            cubes.add(out.toString());
        }
        for (String key : List.of("--by seb --strata employer_id --cluster employer_id",
                "--by seb,gender --strata employer_id")) {
            JsonNode onCubes = run(key, cubes);
            check(key, R.get(key), onCubes);
            assertEquals(run(key, List.of("--data", "../datasets/sample")).get("tables"), onCubes.get("tables"), key);
        }
    }

    @Test
    void theJavaApiAsksTheSameQuestion() {
        String key = "--by seb --strata employer_id --cluster employer_id";
        var t = ladder.Ladder.load("../datasets/sample").survival().by("seb").strata("employer_id")
                .cluster("employer_id").result();
        var wc = t.cox().coefficient("sebworking_class");
        assertTrue(Math.abs(wc.robustSe() / R.get(key).get("cox.sebworking_class.robust.se") - 1) <= COX, wc.toString());
        assertTrue(Math.abs(t.logRank().chiSquare() / R.get(key).get("lr.chisq") - 1) <= CLOSED);
        assertEquals(1, t.charts().size(), "one chart: the Kaplan-Meier curves");
    }

    /**
     * With --publish, numbers at risk and of promotions under 10 are withheld (null), with S where
     * they are; the month-by-month curve is not shown; larger numbers are as without --publish.
     */
    @Test
    void publishWithholdsSmallNumbersAndTheEstimatesOnThem() throws IOException {
        String key = "--by seb,gender --times 12,60,120";
        JsonNode open = run(key, List.of("--data", "../datasets/sample"));
        JsonNode published = run(key + " --publish", List.of("--data", "../datasets/sample"));
        assertTrue(published.get("tables").findValues("name").stream().noneMatch(n -> n.asText().equals("survival_curve")));
        int withheld = 0;
        JsonNode openAt = table(open, "survival_at").get("rows");
        JsonNode pubAt = table(published, "survival_at").get("rows");
        for (int i = 0; i < openAt.size(); i++) {
            JsonNode o = openAt.get(i);
            JsonNode p = pubAt.get(i);
            if (o.get("n_risk").isNull()) {
                continue; // after the group's last follow-up
            }
            boolean small = o.get("n_risk").asLong() < 10 || o.get("n_event").asLong() < 10;
            assertEquals(small, p.get("survival").isNull(), o.toString());
            if (small) {
                withheld++;
                assertTrue(p.get("reason").asText().startsWith("withheld"), p.toString());
            } else {
                assertEquals(o, p);
            }
        }
        JsonNode risk = table(published, "at_risk").get("rows");
        JsonNode openRisk = table(open, "at_risk").get("rows");
        for (int i = 0; i < risk.size(); i++) {
            for (String month : List.of("month_0", "month_12", "month_60", "month_120")) {
                long n = openRisk.get(i).get(month).asLong();
                assertEquals(n < 10, risk.get(i).get(month).isNull(), openRisk.get(i) + " " + month);
            }
        }
        assertTrue(withheld > 0, "the sample's small groups (gender other) have months under 10");
        assertTrue(published.get("notes").toString().contains("Disclosure control"));
    }

    private static void check(String key, Map<String, Double> r, JsonNode result) {
        JsonNode at = table(result, "survival_at");
        JsonNode quantiles = table(result, "quantiles");
        JsonNode logRank = table(result, "log_rank");
        JsonNode coef = table(result, "cox_coefficients");
        JsonNode tests = table(result, "cox_tests");
        JsonNode zph = table(result, "proportional_hazards");
        int checked = 0;
        for (Map.Entry<String, Double> e : r.entrySet()) {
            String q = e.getKey();
            Double v = e.getValue();
            String what = key + " " + q;
            if (q.startsWith("km.")) {
                // km.GROUP.T.quantity; a group may hold dots only within its quantity name
                String[] p = q.substring(3).split("\\.", 3);
                JsonNode row = row(at, Map.of("group", p[0], "time", p[1]));
                switch (p[2]) {
                    case "n.risk" -> assertEquals(v.longValue(), row.get("n_risk").asLong(), what);
                    case "n.event" -> assertEquals(v.longValue(), row.get("n_event").asLong(), what);
                    case "surv" -> close(v, row.get("survival"), CLOSED, what);
                    case "std.err" -> close(v, row.get("se"), CLOSED, what);
                    case "lower" -> close(v, row.get("lower"), CLOSED, what);
                    case "upper" -> close(v, row.get("upper"), CLOSED, what);
                    default -> throw new AssertionError(what);
                }
            } else if (q.startsWith("q.")) {
                String rest = q.substring(2);
                String group = rest.substring(0, rest.indexOf(".0."));
                String[] p = rest.substring(group.length() + 1).split("\\.(?=[a-z])");
                JsonNode row = row(quantiles, Map.of("group", group, "quantile",
                        p[0].equals("0.5") ? "median" : "first quartile"));
                close(v, row.get(p[1].equals("time") ? "months" : p[1]), CLOSED, what);
            } else if (q.equals("lr.chisq")) {
                close(v, table(result, "test").get("rows").get(0).get("chi_square"), CLOSED, what);
            } else if (q.equals("lr.df")) {
                assertEquals(v.longValue(), table(result, "test").get("rows").get(0).get("df").asLong(), what);
            } else if (q.startsWith("lr.")) {
                String group = q.substring(3, q.lastIndexOf('.'));
                JsonNode row = row(logRank, Map.of("group", group));
                switch (q.substring(q.lastIndexOf('.') + 1)) {
                    case "n" -> assertEquals(v.longValue(), row.get("n").asLong(), what);
                    case "obs" -> close(v, row.get("observed"), CLOSED, what);
                    case "exp" -> close(v, row.get("expected"), CLOSED, what);
                    default -> throw new AssertionError(what);
                }
            } else if (q.startsWith("cox.") && q.chars().filter(ch -> ch == '.').count() >= 2
                    && !q.equals("cox.robust.score")) {
                String term = q.substring(4, q.indexOf('.', 4));
                String quantity = q.substring(term.length() + 5);
                JsonNode row = row(coef, Map.of("term", term));
                close(v, row.get(switch (quantity) {
                    case "coef" -> "coef";
                    case "se" -> "se";
                    case "robust.se" -> "robust_se";
                    case "lower" -> "lower";
                    case "upper" -> "upper";
                    case "p" -> "p_value";
                    default -> throw new AssertionError(what);
                }), COX, what);
            } else if (q.startsWith("cox.")) {
                String test = switch (q) {
                    case "cox.lr" -> "Likelihood ratio test";
                    case "cox.wald" -> key.contains("--cluster") ? "Wald test (robust variance)" : "Wald test";
                    case "cox.score" -> "Score (logrank) test";
                    case "cox.robust.score" -> "Robust score test";
                    default -> null;
                };
                if (test == null) {
                    continue; // cox.loglik: covered by the likelihood-ratio test
                }
                if (v == null) {
                    for (JsonNode t : tests.get("rows")) {
                        assertTrue(!t.get("test").asText().equals(test), what + ": R has none, Ladder has one");
                    }
                } else {
                    close(v, row(tests, Map.of("test", test)).get("statistic"), COX, what);
                }
            } else if (q.startsWith("zph.")) {
                close(v, row(zph, Map.of("term", q.substring(4, q.lastIndexOf('.')))).get("chi_square"), COX, what);
            } else {
                throw new AssertionError("unknown reference quantity " + q);
            }
            checked++;
        }
        assertTrue(checked > 50, key + ": only " + checked + " values checked");
        if (key.contains("Legal services")) {
            assertTrue(result.get("notes").toString().contains("Half of intermediate staff were promoted within 125"
                    + " months (95% CI from 121 months; upper limit not reached)."), result.get("notes").toString());
        }
        if (key.equals("--by seb")) {
            assertTrue(result.get("notes").get(2).asText().startsWith("Fewer than half of working-class staff were"
                    + " promoted within the 132 months followed (median not reached"), result.get("notes").toString());
        }
    }
}
