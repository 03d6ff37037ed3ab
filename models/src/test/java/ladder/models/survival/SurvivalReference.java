package ladder.models.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reference values of R 4.2.2 Patched (2022-11-10 r83330) with survival 3.5-3, read from
 * {@code survival_reference.csv}, and the cell data sets they were computed on, read from
 * {@code survival/<name>_cells.csv}; both written by {@code models/src/test/r/survival_reference.R}.
 * A row is (call, quantity, value): the exact R call on the expanded data set, a component such
 * as {@code surv[working,12]}, and the value printed with {@code sprintf("%.17g")} ("NA" for R's NA).
 */
final class SurvivalReference {

    private static final String RESOURCE = "/ladder/models/survival_reference.csv";
    private static final Map<String, Map<String, String>> CALLS = load();

    private SurvivalReference() {
    }

    /** Whether the file has the quantity for the call. */
    static boolean has(String call, String quantity) {
        Map<String, String> q = CALLS.get(call);
        return q != null && q.containsKey(quantity);
    }

    /** The value R gave, null for NA; fails the test if the file lacks it. */
    static Double value(String call, String quantity) {
        Map<String, String> quantities = CALLS.get(call);
        assertNotNull(quantities, () -> "no R reference for " + call + "; rerun survival_reference.R");
        String v = quantities.get(quantity);
        assertNotNull(v, () -> "no " + quantity + " for " + call);
        return v.equals("NA") ? null : Double.parseDouble(v);
    }

    /** The quantities of a call, in file order. */
    static Map<String, String> quantities(String call) {
        Map<String, String> quantities = CALLS.get(call);
        assertNotNull(quantities, () -> "no R reference for " + call);
        return quantities;
    }

    /**
     * Asserts |actual - expected| <= tolerance * |expected| (or <= tolerance * 1e-4 when R's value
     * is 0), and null where R has NA.
     */
    static void assertClose(Double expected, Double actual, double tolerance, String what) {
        if (expected == null) {
            assertEquals(null, actual, what + ": R gives NA");
            return;
        }
        assertNotNull(actual, () -> what + ": expected " + expected + " (R), got null");
        double error = expected == 0 ? Math.abs(actual) * 1e4 : Math.abs(actual - expected) / Math.abs(expected);
        assertTrue(error <= tolerance, () -> what + ": expected " + expected + " (R), got " + actual
                + ", error " + error);
    }

    /** The cells of a data set written by the R script, with covariates group and sex (when not "all"). */
    static List<SurvivalCell> cells(String name, boolean withSex) {
        String resource = "/ladder/models/survival/" + name + "_cells.csv";
        List<SurvivalCell> cells = new ArrayList<>();
        try (InputStream in = SurvivalReference.class.getResourceAsStream(resource)) {
            assertNotNull(in, "missing test resource " + resource);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header = reader.readLine();
            assertEquals("group,sex,stratum,cluster,time,d,c", header);
            String line;
            while ((line = reader.readLine()) != null) {
                String[] f = line.split(",", -1);
                List<String> levels = withSex ? List.of(f[0], f[1]) : List.of(f[0]);
                cells.add(new SurvivalCell(levels, f[2], f[3], Integer.parseInt(f[4]), Double.parseDouble(f[5]),
                        Double.parseDouble(f[6])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cells;
    }

    private static Map<String, Map<String, String>> load() {
        return ladder.models.ReferenceFile.load(RESOURCE);
    }
}
