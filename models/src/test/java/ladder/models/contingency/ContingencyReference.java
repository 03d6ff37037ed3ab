package ladder.models.contingency;

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
import java.util.Locale;
import java.util.Map;

/**
 * Reference values computed by R, read from {@code contingency_reference.csv}, made by
 * {@code models/src/test/r/contingency_reference.R} with R version 4.2.2 Patched (2022-11-10 r83330),
 * epiR 2.0.57 and epitools 0.5-10.1. Each row is (call, quantity, value): the call is the exact R
 * expression evaluated, values are printed with {@code sprintf("%.17g")} ("Inf" for infinity).
 * The same reader pattern as {@code ladder.models.RReference}, for this package's file.
 */
final class ContingencyReference {

    private static final String RESOURCE = "/ladder/models/contingency_reference.csv";
    private static final Map<String, Map<String, String>> CALLS = load();

    private ContingencyReference() {
    }

    /** The R expression for the 2x2 table {a, b, c, d}, as the script writes it. */
    static String matrix(double[] cells) {
        return "matrix(c(" + list(cells) + "), 2, byrow = TRUE)";
    }

    /** Whole numbers joined by ", " as the script's num() prints them. */
    static String list(double... values) {
        StringBuilder s = new StringBuilder();
        for (double v : values) {
            s.append(s.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.0f", v));
        }
        return s.toString();
    }

    /** Whether the file has the call. */
    static boolean has(String call) {
        return CALLS.containsKey(call);
    }

    /** The value R gave for a quantity of a call; fails the test if the file lacks it. */
    static double value(String call, String quantity) {
        Map<String, String> quantities = CALLS.get(call);
        assertNotNull(quantities, () -> "no R reference for " + call + " in " + RESOURCE
                + "; add the case to contingency_reference.R and rerun it");
        String value = quantities.get(quantity);
        assertNotNull(value, () -> "no " + quantity + " for " + call + " in " + RESOURCE);
        return switch (value) {
            case "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(value);
        };
    }

    /** Asserts agreement to {@code tolerance} relative (absolute 1e-300 at 0; infinities exactly). */
    static void assertClose(double expected, Double actual, double tolerance, String what) {
        assertNotNull(actual, what + ": expected " + expected + " (R), got null");
        if (expected == 0 || Double.isInfinite(expected)) {
            assertEquals(expected, actual, 1e-300, what);
            return;
        }
        double error = Math.abs(actual - expected) / Math.abs(expected);
        assertTrue(error <= tolerance, () -> what + ": expected " + expected + " (R), got " + actual
                + ", relative error " + error + " > " + tolerance);
    }

    /** {@link #assertClose} against the value of a call's quantity. */
    static void assertClose(String call, String quantity, Double actual, double tolerance) {
        assertClose(value(call, quantity), actual, tolerance, call + " " + quantity);
    }

    private static Map<String, Map<String, String>> load() {
        return ladder.models.ReferenceFile.load(RESOURCE);
    }
}
