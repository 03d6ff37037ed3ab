package ladder.models.regression;

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
 * Reference values computed by R, read from {@code logistic_reference.csv}, and the data they
 * were computed on. Produced by {@code models/src/test/r/logistic_reference.R} (R 4.2.2 Patched,
 * sandwich 3.0-2, epiR 2.0.57): rows (call, quantity, value), the call being the exact R
 * expression (its own quotes written as single quotes), values printed with {@code sprintf("%.17g")}.
 */
final class LogisticReference {

    static final String RESOURCE = "/ladder/models/logistic_reference.csv";
    /** The tolerance the brief asks for: 1e-6 relative. */
    static final double RELATIVE = 1e-6;
    /** R's glm control of every reference fit but the rank-deficient one. */
    static final String CONTROL = ", control = glm.control(epsilon = 1e-14, maxit = 100))";

    static final String STATSMODELS_RESOURCE = "/ladder/models/logistic_statsmodels_reference.csv";

    private static final Map<String, Map<String, String>> CALLS = ladder.models.ReferenceFile.load(RESOURCE);
    private static final Map<String, Map<String, String>> STATSMODELS = ladder.models.ReferenceFile.load(STATSMODELS_RESOURCE);

    private LogisticReference() {
    }

    /** The R call of {@code glm(formula, family = binomial, data = data, control = ...)}. */
    static String glm(String formula, String data) {
        return "glm(" + formula + ", family = binomial, data = " + data + CONTROL;
    }

    static Map<String, String> quantities(String call) {
        Map<String, String> q = CALLS.get(call);
        assertNotNull(q, () -> "no R reference for " + call + " in " + RESOURCE);
        return q;
    }

    /**
     * A value from {@code logistic_statsmodels_reference.csv}, written by
     * {@code models/src/test/python/logistic_statsmodels.py} (statsmodels 0.13.5).
     */
    static double statsmodels(String call, String quantity) {
        Map<String, String> q = STATSMODELS.get(call);
        assertNotNull(q, () -> "no statsmodels reference for " + call);
        assertNotNull(q.get(quantity), () -> "no " + quantity + " for " + call);
        return Double.parseDouble(q.get(quantity));
    }

    static double value(String call, String quantity) {
        String v = quantities(call).get(quantity);
        assertNotNull(v, () -> "no " + quantity + " for " + call);
        return Double.parseDouble(v);
    }

    /** The coefficient names R estimated for a call (its coef: quantities), in R's order. */
    static List<String> coefficients(String call) {
        List<String> names = new ArrayList<>();
        quantities(call).keySet().stream().filter(k -> k.startsWith("coef:")).forEach(k -> names.add(k.substring(5)));
        return names;
    }

    /** Asserts agreement to {@code tolerance} relative (absolute when R's value is 0). */
    static void assertClose(double expected, double actual, double tolerance, String what) {
        double error = expected == 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
        assertTrue(error <= tolerance, () -> what + ": expected " + expected + " (R), got " + actual
                + ", relative error " + error);
    }

    static void assertClose(double expected, double actual, String what) {
        assertClose(expected, actual, RELATIVE, what);
    }

}
