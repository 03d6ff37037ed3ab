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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ladder trend}, {@code ladder ceiling} and {@code ladder intersect} on the bundled sample
 * pool against R, end to end (files, cube, statistics, JSON). Reference values from
 * {@code reports/src/test/r/trend_sample_reference.R} (R 4.2.2, base stats): {@code prop.test},
 * {@code prop.trend.test}, {@code glm(cbind(x, n - x) ~ year, binomial)} with {@code anova(..., test =
 * "LRT")}, {@code mantelhaen.test}, {@code fisher.test} and {@code p.adjust(p, "BH")} on the
 * counts R tabulates from the same CSV files. 1e-8 relative; 1e-6 for the iterative logistic fit.
 */
class TrendAgainstRTest {
    private static final Map<String, Map<String, Double>> R = load();
    private static final double TIGHT = 1e-8;
    private static final double ITERATIVE = 1e-6;

    private static Map<String, Map<String, Double>> load() {
        Map<String, Map<String, Double>> cases = new LinkedHashMap<>();
        try (InputStream in = TrendAgainstRTest.class.getResourceAsStream("/ladder/reports/trend_sample_reference.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.startsWith("case,") || line.isBlank()) {
                    continue;
                }
                int close = line.indexOf('"', 1);
                int comma = line.lastIndexOf(',');
                cases.computeIfAbsent(line.substring(1, close), k -> new LinkedHashMap<>())
                        .put(line.substring(close + 2, comma), Double.parseDouble(line.substring(comma + 1)));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return cases;
    }

    private static void close(Map<String, Double> r, String quantity, JsonNode actual, double tolerance) {
        Double expected = r.get(quantity);
        assertTrue(expected != null, "no R value " + quantity);
        assertTrue(actual != null && actual.isNumber(), quantity + ": no number in " + actual);
        double error = Math.abs(actual.asDouble() - expected) / Math.max(Math.abs(expected), Double.MIN_NORMAL);
        assertTrue(error <= tolerance, quantity + ": R " + expected + ", Ladder " + actual.asDouble() + ", relative " + error);
    }

    private static JsonNode tables(String caseKey, List<String> input) throws IOException {
        List<String> args = new ArrayList<>(Arrays.asList(caseKey.split(" ")));
        args.addAll(List.of("--format", "json"));
        args.addAll(input);
        return OddsAgainstRTest.run(args).get("tables");
    }

    private static List<String> data() {
        return List.of("--data", "../datasets/sample");
    }

    @Test
    void everyCaseMatchesR() throws IOException {
        assertEquals(5, R.size());
        for (Map.Entry<String, Map<String, Double>> c : R.entrySet()) {
            check(c.getKey(), c.getValue(), tables(c.getKey(), data()));
        }
    }

    /** Two cube files (employers E001-E003 and E004-E006) with every dimension the three analyses read, merged. */
    @Test
    void mergedCubeFilesGiveTheNumbersOfTheRows(@TempDir Path dir) throws IOException {
        List<String> cubes = new ArrayList<>(List.of("--cubes"));
        for (List<String> employers : List.of(List.of("E001", "E002", "E003"), List.of("E004", "E005", "E006"))) {
            List<String> args = new ArrayList<>(List.of("cube", "--data"));
            try (Stream<Path> files = Files.list(Path.of("../datasets/sample"))) {
                files.filter(f -> employers.stream().anyMatch(e -> f.getFileName().toString().contains("-" + e + "-")))
                        .sorted().forEach(f -> args.add(f.toString()));
            }
            Path out = dir.resolve(employers.get(0) + ".cube.arrow");
            args.addAll(List.of("--dims", "employer_id,year,sector,grade,seb,gender,ethnicity,promoted,school_type", "--out",
                    out.toString()));
            CommandLineTest.Run r = CommandLineTest.run(args.toArray(String[]::new));
            assertEquals(0, r.status(), r.err());
            cubes.add(out.toString());
        }
        for (Map.Entry<String, Map<String, Double>> c : R.entrySet()) {
            JsonNode onCubes = tables(c.getKey(), cubes);
            check(c.getKey(), c.getValue(), onCubes);
            assertEquals(tables(c.getKey(), data()), onCubes, c.getKey());
            assertEquals(tables(c.getKey() + " --publish", data()), tables(c.getKey() + " --publish", cubes),
                    c.getKey() + " --publish");
        }
    }

    /**
     * On one employer, published: no count under 10 is shown, some are withheld, and every row
     * with a withheld value says why.
     */
    @Test
    void publishWithholdsSmallCountsAndSaysWhy() throws IOException {
        List<String> one = List.of("--data", "../datasets/sample", "--where", "employer_id = 'E004'", "--publish");
        for (String key : List.of("trend --by grade", "ceiling --strata year", "intersect --by seb,gender,ethnicity")) {
            int withheld = 0;
            for (JsonNode table : tables(key, one)) {
                for (JsonNode row : table.get("rows")) {
                    boolean hidden = false;
                    for (String count : List.of("count", "total", "n", "events", "grade_total", "reached", "not_reached")) {
                        JsonNode v = row.get(count);
                        if (v != null) {
                            hidden |= v.isNull();
                            assertTrue(v.isNull() || v.asLong() >= 10, key + ": " + count + " " + v + " in " + row);
                        }
                    }
                    if (hidden) {
                        withheld++;
                        assertTrue(row.get("note").asText().startsWith("withheld: "), key + ": " + row);
                    }
                }
            }
            assertTrue(withheld > 0, key + ": nothing withheld");
        }
    }

    private static void check(String key, Map<String, Double> r, JsonNode tables) {
        if (key.startsWith("trend")) {
            checkTrend(key, r, tables);
        } else if (key.startsWith("ceiling")) {
            checkCeiling(r, tables);
        } else {
            checkIntersect(r, tables.get(0).get("rows"));
        }
    }

    private static void checkTrend(String key, Map<String, Double> r, JsonNode tables) {
        String by = key.contains("--by") ? key.substring(key.indexOf("--by") + 5).split(" ")[0] : null;
        int groups = 0;
        for (JsonNode row : tables.get(0).get("rows")) {
            String g = by == null ? "all" : row.get(by).asText();
            String p = g + "." + row.get("period").asText() + ".";
            assertEquals(r.get(p + "count").longValue(), row.get("count").asLong(), p + "count");
            assertEquals(r.get(p + "total").longValue(), row.get("total").asLong(), p + "total");
            close(r, p + "lower", row.get("lower"), TIGHT);
            close(r, p + "upper", row.get("upper"), TIGHT);
            // The gap to the national share (school_type=independent: the SMC's 7.5%), where R has one; none otherwise.
            if (r.containsKey(p + "gap")) {
                close(r, p + "gap", row.get("gap"), TIGHT);
                close(r, p + "gap.lower", row.get("gap_lower"), TIGHT);
                close(r, p + "gap.upper", row.get("gap_upper"), TIGHT);
            } else if (!key.contains("seb=")) {
                assertTrue(row.get("gap").isNull(), p + "gap without a national share: " + row);
            }
        }
        for (JsonNode row : tables.get(1).get("rows")) {
            String p = (by == null ? "all" : row.get(by).asText()) + "." + row.get("to").asText() + ".";
            close(r, p + "chisq", row.get("chi_square"), TIGHT);
            close(r, p + "p", row.get("p_value"), TIGHT);
            close(r, p + "wald.lower", row.get("wald_lower"), TIGHT);
            close(r, p + "wald.upper", row.get("wald_upper"), TIGHT);
        }
        JsonNode tests = tables.get(2).get("rows");
        for (int i = 0; i < tests.size(); i += 2) {
            String g = (by == null ? "all" : tests.get(i).get(by).asText()) + ".";
            close(r, g + "ca", tests.get(i).get("statistic"), TIGHT);
            close(r, g + "ca.p", tests.get(i).get("p_value"), TIGHT);
            close(r, g + "slope.or", tests.get(i + 1).get("estimate"), ITERATIVE);
            close(r, g + "lr", tests.get(i + 1).get("statistic"), ITERATIVE);
            close(r, g + "lr.p", tests.get(i + 1).get("p_value"), ITERATIVE);
            groups++;
        }
        assertEquals(r.keySet().stream().filter(q -> q.endsWith(".ca")).count(), groups, key + " groups");
    }

    private static void checkCeiling(Map<String, Double> r, JsonNode tables) {
        for (JsonNode row : tables.get(0).get("rows")) {
            String p = "composition." + row.get("grade").asText() + "." + row.get("seb").asText() + ".";
            assertEquals(r.get(p + "count").longValue(), row.get("count").asLong(), p + "count");
            close(r, p + "lower", row.get("lower"), TIGHT);
            close(r, p + "upper", row.get("upper"), TIGHT);
        }
        JsonNode rows = tables.get(1).get("rows");
        assertEquals(10, rows.size());
        for (JsonNode row : rows) {
            String p = "ceiling." + row.get("cut").asText() + "." + row.get("seb").asText() + ".";
            close(r, p + "or", row.get("odds_ratio"), TIGHT);
            close(r, p + "mh", row.get("mh_odds_ratio"), TIGHT);
            close(r, p + "mh.lower", row.get("mh_lower"), TIGHT);
            close(r, p + "mh.upper", row.get("mh_upper"), TIGHT);
        }
    }

    private static void checkIntersect(Map<String, Double> r, JsonNode rows) {
        assertEquals(r.get("cells").intValue(), rows.size());
        double previous = Double.POSITIVE_INFINITY;
        for (JsonNode row : rows) {
            String p = row.get("seb").asText() + " x " + row.get("gender").asText() + " x "
                    + row.get("ethnicity").asText() + ".";
            assertEquals(r.get(p + "n").longValue(), row.get("n").asLong(), p + "n");
            assertEquals(r.get(p + "events").longValue(), row.get("events").asLong(), p + "events");
            close(r, p + "chisq", row.get("chi_square"), TIGHT);
            close(r, p + "p", row.get("p_value"), TIGHT);
            close(r, p + "bh", row.get("p_adjusted"), TIGHT);
            close(r, p + "lower", row.get("lower"), TIGHT);
            close(r, p + "upper", row.get("upper"), TIGHT);
            close(r, p + "fisher", row.get("fisher_p"), TIGHT);
            assertTrue(row.get("rate").asDouble() <= previous, p + " ranked by rate");
            previous = row.get("rate").asDouble();
        }
    }
}
