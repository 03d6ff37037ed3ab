package ladder.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ladder.Ladder;
import ladder.Pool;
import ladder.models.result.ResultTable;
import ladder.reports.cli.Main;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ladder composition} on the committed sample pool against R, which read the same raw CSV
 * files and derived SEB itself. Reference values: R version 4.2.2 Patched (2022-11-10 r83330),
 * {@code Rscript reports/src/test/r/composition_sample.R}, which calls
 * {@code prop.test(count, classifiable, correct = FALSE)$conf.int} for each share and the response
 * rate, and {@code chisq.test(c(p, i, w), p = c(0.34, 0.24, 0.42))} for each cell.
 */
class CompositionAgainstRTest {
    private static final String SAMPLE = "../datasets/sample";
    private static final double RELATIVE = 1e-9;
    private static final Pool POOL = Ladder.load(SAMPLE);

    @ParameterizedTest
    @ValueSource(strings = {"", "year", "year,grade", "sector"})
    void sharesFromTheCommandLineEqualR(String by) {
        List<String> args = new ArrayList<>(List.of("composition", "--data", SAMPLE, "--format", "csv"));
        if (!by.isEmpty()) {
            args.addAll(List.of("--by", by));
        }
        StringWriter out = new StringWriter();
        int status = Main.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertEquals(0, status);
        List<Map<String, String>> ladder = parse(out.toString());
        List<Map<String, String>> r = rows("composition_sample_shares.csv", by);
        assertEquals(r.size(), ladder.size(), "rows for --by " + by);
        Map<String, Map<String, String>> byKey = new HashMap<>();
        for (Map<String, String> row : ladder) {
            byKey.put(cellKey(row, by) + "/" + row.get("seb"), row);
        }
        for (Map<String, String> expected : r) {
            Map<String, String> actual = byKey.get(expected.get("cell") + "/" + expected.get("seb"));
            assertTrue(actual != null, "ladder has no row for " + expected.get("cell") + " " + expected.get("seb"));
            assertEquals(expected.get("count"), actual.get("count"));
            for (String column : List.of("share", "lower", "upper", "national_share", "representation_ratio")) {
                assertClose(expected.get(column), actual.get(column), by + " " + expected.get("cell") + " " + column);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "year", "year,grade", "sector"})
    void responseRatesAndTestsFromTheApiEqualR(String by) {
        var query = POOL.composition();
        ResultTable cells = (by.isEmpty() ? query : query.by(by.split(","))).tables().get(1);
        List<Map<String, String>> r = rows("composition_sample_cells.csv", by);
        assertEquals(r.size(), cells.rows().size());
        Map<String, Map<String, String>> byKey = new HashMap<>();
        for (List<Object> values : cells.rows()) {
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < cells.columns().size(); c++) {
                row.put(cells.columns().get(c).name(), values.get(c) == null ? "" : values.get(c).toString());
            }
            byKey.put(cellKey(row, by), row);
        }
        for (Map<String, String> expected : r) {
            Map<String, String> actual = byKey.get(expected.get("cell"));
            assertTrue(actual != null, "ladder has no cell " + expected.get("cell"));
            for (String column : List.of("rows", "classifiable", "excluded", "missing", "df")) {
                assertEquals(expected.get(column), actual.get(column), column);
            }
            for (String column : List.of("response_rate", "response_lower", "response_upper", "chi_square", "p_value")) {
                assertClose(expected.get(column), actual.get(column), by + " " + expected.get("cell") + " " + column);
            }
        }
    }

    private static String cellKey(Map<String, String> row, String by) {
        if (by.isEmpty()) {
            return "all";
        }
        return String.join("|", Arrays.stream(by.split(",")).map(row::get).toList());
    }

    private static void assertClose(String expected, String actual, String what) {
        double e = Double.parseDouble(expected);
        double a = Double.parseDouble(actual);
        assertTrue(Math.abs(a - e) <= RELATIVE * Math.abs(e) || Math.abs(a - e) < 1e-300,
                what + ": R " + expected + ", ladder " + actual);
    }

    /** R's rows for the breakdown {@code by} (R sorts cells by label; Ladder orders text levels by first appearance). */
    private static List<Map<String, String>> rows(String resource, String by) {
        try (InputStream in = CompositionAgainstRTest.class.getResourceAsStream(resource)) {
            List<Map<String, String>> all = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return all.stream().filter(m -> m.get("by").equals(by.replace(',', '+'))).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A CSV of plain or double-quoted fields without embedded commas or quotes. */
    private static List<Map<String, String>> parse(String csv) {
        String[] lines = csv.split("\n");
        String[] header = split(lines[0]);
        List<Map<String, String>> out = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] values = split(lines[i]);
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < header.length; c++) {
                row.put(header[c], values[c]);
            }
            out.add(row);
        }
        return out;
    }

    private static String[] split(String line) {
        String[] parts = line.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            parts[i] = parts[i].replace("\"", "");
        }
        return parts;
    }
}
