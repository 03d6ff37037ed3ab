package ladder.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import ladder.Ladder;
import ladder.engine.LadderException;
import ladder.models.pay.ClassPayGap;
import ladder.models.result.ResultTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ladder pay} on the bundled sample pool against R, end to end (reading the files, the pence histograms
 * from the cube, the statistics, the JSON). Reference values from {@code reports/src/test/r/pay_sample_reference.R}
 * (R 4.2.2, sandwich 3.0.2): {@code mean}, {@code median}, {@code quantile(type = k)} per group, the gaps and
 * the delta-method interval written out, the quarters by cutpoints, {@code lm(log(hourly_pay) ~ seb + gender +
 * ethnicity + age_band + factor(grade) + factor(year))} with {@code vcovCL(type = "HC1", cluster = ~employer_id)},
 * and the Oaxaca-Blinder split from the pooled {@code lm} with the group indicator. Also on merged per-employer
 * cube files with pay as a dimension, equal to --data.
 */
class PayAgainstRTest {
    private static final String SAMPLE = "../datasets/sample";
    private static final Map<String, Map<String, Double>> R = OddsAgainstRTest.load("/ladder/reports/pay_sample_reference.csv");
    /** Per table, the columns naming a row after the part (the --by level). */
    private static final Map<String, List<String>> KEYS = Map.of("groups", List.of("group"), "gaps",
            List.of("measure", "group"), "quarters", List.of("quarter", "group"), "adjusted_gaps", List.of("group"),
            "adjusted_coefficients", List.of("term"), "oaxaca", List.of("group", "component"));

    private static JsonNode run(List<String> args) throws IOException {
        return OddsAgainstRTest.run(args);
    }

    private static List<String> pay(String source, String options) {
        List<String> args = new ArrayList<>(List.of("pay", "--format", "json", "--replicates", "99"));
        args.addAll(source.isEmpty() ? List.of("--data", SAMPLE) : Arrays.asList(source.split(" ")));
        if (!options.isBlank()) {
            args.addAll(Arrays.asList(options.split(" ")));
        }
        return args;
    }

    @Test
    void everyCaseMatchesR() throws IOException {
        assertEquals(5, R.size());
        for (Map.Entry<String, Map<String, Double>> c : R.entrySet()) {
            check(c.getKey(), c.getValue(), run(pay("", c.getKey())));
        }
    }

    private static void check(String key, Map<String, Double> r, JsonNode result) {
        r.forEach((quantity, expected) -> {
            String what = key + " " + quantity;
            String[] q = quantity.split("\\|");
            if (q[1].equals("adjusted")) {
                assertEquals(expected.longValue(), result.get("inputs").get("adjusted_" + q[2]).asLong(), what);
                return;
            }
            JsonNode row = row(result, q);
            JsonNode actual = row.get(q[q.length - 1]);
            assertTrue(actual != null && actual.isNumber(), what + ": no number in " + row);
            boolean regression = q[1].startsWith("adjusted") || q[1].equals("oaxaca");
            double tolerance = regression ? 1e-6 : 1e-9;
            double error = Math.abs(actual.asDouble() - expected) / Math.max(1, Math.abs(expected));
            assertTrue(error <= tolerance, what + ": R " + expected + ", Ladder " + actual.asDouble() + ", error " + error);
        });
    }

    /** The row of table q[1] at part q[0] whose key columns hold q[2..]. */
    private static JsonNode row(JsonNode result, String[] q) {
        for (JsonNode table : result.get("tables")) {
            if (!table.get("name").asText().equals(q[1])) {
                continue;
            }
            for (JsonNode row : table.get("rows")) {
                List<String> keys = KEYS.get(q[1]);
                boolean match = q[0].equals("all") || row.get("year").asText().equals(q[0]);
                for (int k = 0; k < keys.size(); k++) {
                    match &= row.get(keys.get(k)).asText().equals(q[2 + k]);
                }
                if (match) {
                    return row;
                }
            }
        }
        throw new AssertionError("no row " + String.join("|", q));
    }

    /** One cube per employer with hourly pay and bonus as dimensions (exact pence histograms). */
    private static List<String> payCubes(Path dir) throws IOException {
        List<String> cubes = new ArrayList<>();
        for (String employer : List.of("E001", "E002", "E003", "E004", "E005", "E006")) {
            List<String> args = new ArrayList<>(List.of("cube", "--data"));
            try (Stream<Path> files = Files.list(Path.of(SAMPLE))) {
                files.filter(f -> f.getFileName().toString().contains("-" + employer + "-")).sorted()
                        .forEach(f -> args.add(f.toString()));
            }
            Path out = dir.resolve(employer + ".cube.arrow");
            args.addAll(List.of("--dims", "employer_id,year,seb,hourly_pay,bonus", "--out", out.toString()));
            CommandLineTest.Run r = CommandLineTest.run(args.toArray(String[]::new));
            assertEquals(0, r.status(), r.err());
            cubes.add(out.toString());
        }
        return cubes;
    }

    @Test
    void mergedEmployerCubesGiveTheSameNumbers(@TempDir Path dir) throws IOException {
        String cubes = "--cubes " + String.join(" ", payCubes(dir));
        for (String options : List.of("", "--by year", "--by employer_id --publish")) {
            JsonNode onCubes = run(pay(cubes, options));
            if (R.containsKey(options)) {
                check(options, R.get(options), onCubes);
            }
            assertEquals(run(pay("", options)).get("tables"), onCubes.get("tables"), options);
        }
        CommandLineTest.Run adjusted = CommandLineTest.run(pay(cubes, "--adjusted").toArray(String[]::new));
        assertEquals(2, adjusted.status());
        assertTrue(adjusted.err().startsWith("ladder: --adjusted needs the rows"), adjusted.err());
        assertEquals(1, adjusted.err().strip().lines().count(), adjusted.err());
        LadderException refused = assertThrows(LadderException.class,
                () -> Ladder.cubes(cubes.substring(8).split(" ")).pay().adjusted().result());
        assertTrue(refused.getMessage().startsWith("the adjusted gap needs the rows"), refused.getMessage());
    }

    @Test
    void theBootstrapIsReproducibleForASeedAndAnyThreadCount() throws IOException {
        JsonNode once = run(pay("", "--seed 7 --threads 1")).get("tables").get(1);
        assertEquals(once, run(pay("", "--seed 7 --threads 2")).get("tables").get(1));
        assertNotEquals(once, run(pay("", "--seed 8")).get("tables").get(1));
    }

    @Test
    void theJavaApiAnswersAsTheCommand() throws IOException {
        ClassPayGap gap = Ladder.load(SAMPLE).pay().by("year").bootstrap(99, 1).adjusted().result();
        ResultTable gaps = gap.tables().get(1);
        JsonNode cli = run(pay("", "--by year --adjusted")).get("tables").get(1);
        assertEquals(cli.get("rows").size(), gaps.rows().size());
        for (int r = 0; r < gaps.rows().size(); r++) {
            assertEquals(cli.get("rows").get(r).get("gap_percent").asDouble(), (Double) gaps.get(r, "gap_percent"));
        }
        assertEquals(List.of("groups", "gaps", "quarters", "adjusted_gaps", "adjusted_coefficients", "oaxaca",
                "oaxaca_coefficients"), gap.tables().stream().map(ResultTable::name).toList());
        assertEquals(4, gap.charts().size(), "the gaps by year, then the quarters of each year");
    }

    @Test
    void bonusThatIsNotWholePenceGivesNoBonusGapsAndSaysSo(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("pool.csv");
        StringBuilder csv = new StringBuilder("employer_id,year,person_id,sector,region,grade,parental_occupation,"
                + "school_type,free_school_meals,parent_degree,gender,ethnicity,disability,age_band,entry_route,hourly_pay,"
                + "bonus,promoted,months_in_grade,training\n");
        String[] occupations = {"professional", "clerical", "routine"};
        for (int i = 0; i < 60; i++) {
            csv.append("E").append(i % 3).append(",2024,P").append(i).append(",Legal,UKI,").append(1 + i % 4).append(',')
                    .append(occupations[i % 3]).append(",state,no,no,woman,white,no,25-34,internal,")
                    .append(String.format(java.util.Locale.ROOT, "%.2f", 10 + i * 0.37)).append(',').append(i % 2 == 0 ? "0" : "12.345").append(",0,12,1\n");
        }
        Files.writeString(data, csv.toString(), StandardCharsets.UTF_8);
        CommandLineTest.Run r = CommandLineTest.run("pay", "--data", data.toString(), "--replicates", "19");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("Bonus gaps are not available for these data: bonus holds values that are not whole"
                + " pence"), r.out());
        assertTrue(!r.out().contains("NaN"), r.out());
    }
}
