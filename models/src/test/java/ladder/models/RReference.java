package ladder.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reference values computed by R, read from {@code composition_reference.csv}.
 *
 * <p>Produced by {@code models/src/test/r/composition_reference.R} with
 * R version 4.2.2 Patched (2022-11-10 r83330). Each row is (call, quantity, value): the call is
 * the exact R expression evaluated, e.g.
 * {@code prop.test(17, 40, conf.level = 0.95, correct = FALSE)$conf.int} or
 * {@code chisq.test(c(120, 80, 200), p = c(0.34, 0.24, 0.42))}, and values are printed with
 * {@code sprintf("%.17g")} so they parse to the double R held.
 */
public final class RReference {

    /** The R version the committed values come from (also in the CSV's header comment). */
    public static final String R_VERSION = "R version 4.2.2 Patched (2022-11-10 r83330)";

    private static final String RESOURCE = "/ladder/models/composition_reference.csv";
    private static final Map<String, Map<String, String>> CALLS = load();

    private RReference() {
    }

    /** Every call in the file, in file order, to its quantities. */
    public static Map<String, Map<String, String>> calls() {
        return CALLS;
    }

    /** The R call for a Wilson interval, exactly as the script writes it. */
    public static String propTest(long x, long n, double level) {
        return "prop.test(" + x + ", " + n + ", conf.level = " + level + ", correct = FALSE)$conf.int";
    }

    /** The R call for a goodness of fit against the national benchmark, exactly as the script writes it. */
    public static String chisqTestBenchmark(long professional, long intermediate, long workingClass) {
        return "chisq.test(c(" + professional + ", " + intermediate + ", " + workingClass
                + "), p = c(0.34, 0.24, 0.42))";
    }

    /** The value R gave for a quantity of a call; fails the test if the file lacks it. */
    public static double value(String call, String quantity) {
        Map<String, String> quantities = CALLS.get(call);
        assertNotNull(quantities, () -> "no R reference for " + call + " in " + RESOURCE
                + "; add the case to composition_reference.R and rerun it");
        String value = quantities.get(quantity);
        assertNotNull(value, () -> "no " + quantity + " for " + call + " in " + RESOURCE);
        return Double.parseDouble(value);
    }

    /** Whether R warned "Chi-squared approximation may be incorrect" for a chisq.test call. */
    public static boolean warned(String call) {
        value(call, "statistic");
        return Boolean.parseBoolean(CALLS.get(call).get("warning"));
    }

    /** Asserts agreement to 1e-9 relative, or 1e-12 absolute when R's value is 0. */
    public static void assertRelative(double expected, double actual, String what) {
        if (expected == 0) {
            assertEquals(0, actual, 1e-12, what);
        } else {
            double error = Math.abs(actual - expected) / Math.abs(expected);
            assertTrue(error <= 1e-9, () -> what + ": expected " + expected + " (R), got " + actual
                    + ", relative error " + error);
        }
    }

    private static Map<String, Map<String, String>> load() {
        return ladder.models.ReferenceFile.load(RESOURCE);
    }
}
