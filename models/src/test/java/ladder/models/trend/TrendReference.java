package ladder.models.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import java.util.stream.LongStream;

/**
 * Reference values computed by R, read from {@code trend_reference.csv}, produced by
 * {@code models/src/test/r/trend_reference.R} with R version 4.2.2 Patched (2022-11-10 r83330).
 * Each row is (call, quantity, value); the call is the exact R expression evaluated and values
 * are printed with {@code sprintf("%.17g")}. Same format as {@link ladder.models.RReference}.
 */
public final class TrendReference {

    private static final String RESOURCE = "/ladder/models/trend_reference.csv";
    private static final Map<String, Map<String, String>> CALLS = load();

    private TrendReference() {
    }

    /** Every call in the file, in file order, to its quantities (names to values as text). */
    public static Map<String, Map<String, String>> calls() {
        return java.util.Collections.unmodifiableMap(CALLS);
    }

    /** The value R gave for a quantity of a call; fails the test if the file lacks it. */
    public static double value(String call, String quantity) {
        Map<String, String> quantities = CALLS.get(call);
        assertNotNull(quantities, () -> "no R reference for " + call + " in " + RESOURCE);
        String value = quantities.get(quantity);
        assertNotNull(value, () -> "no " + quantity + " for " + call + " in " + RESOURCE);
        return Double.parseDouble(value);
    }

    /** Asserts agreement to {@code tolerance} relative, or absolute when R's value is under 1e-12 in size. */
    public static void assertClose(double expected, double actual, double tolerance, String what) {
        if (Math.abs(expected) < 1e-12) {
            assertEquals(expected, actual, 1e-12, what);
        } else {
            double error = Math.abs(actual - expected) / Math.abs(expected);
            assertTrue(error <= tolerance, () -> what + ": expected " + expected + " (R), got " + actual
                    + ", relative error " + error);
        }
    }

    /** Asserts R's value of {@code quantity} of {@code call} to 1e-8 relative. */
    public static void assertR(String call, String quantity, double actual) {
        assertClose(value(call, quantity), actual, 1e-8, call + " " + quantity);
    }

    /** R's {@code c(...)} of whole numbers, as the script prints it. */
    public static String c(double... values) {
        return DoubleStream.of(values).mapToObj(v -> v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v))
                .collect(Collectors.joining(", ", "c(", ")"));
    }

    /** R's {@code c(...)} of counts. */
    public static String c(long... values) {
        return LongStream.of(values).mapToObj(Long::toString).collect(Collectors.joining(", ", "c(", ")"));
    }

    /** The call of a Wilson interval, as the script writes it. */
    public static String propTest(long x, long n) {
        return "prop.test(" + x + ", " + n + ", conf.level = 0.95, correct = FALSE)$conf.int";
    }

    private static Map<String, Map<String, String>> load() {
        return ladder.models.ReferenceFile.load(RESOURCE);
    }
}
