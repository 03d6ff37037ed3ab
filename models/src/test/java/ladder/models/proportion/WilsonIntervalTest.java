package ladder.models.proportion;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import ladder.models.RReference;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class WilsonIntervalTest {

    private static final Pattern PROP_TEST =
            Pattern.compile("prop\\.test\\((\\d+), (\\d+), conf\\.level = ([0-9.]+), correct = FALSE\\)\\$conf\\.int");

    /**
     * Every prop.test call in composition_reference.csv: R version 4.2.2 Patched (2022-11-10 r83330),
     * {@code prop.test(x, n, conf.level = level, correct = FALSE)$conf.int}, the inputs read back from the call.
     * The bounds agree to 1e-12 absolute; R's exact 0 at x = 0 and exact 1 at x = n are matched exactly.
     */
    @TestFactory
    Stream<DynamicTest> matchesRPropTest() {
        return RReference.calls().keySet().stream().filter(call -> call.startsWith("prop.test")).map(call ->
                DynamicTest.dynamicTest(call, () -> {
                    Matcher m = PROP_TEST.matcher(call);
                    assertTrue(m.matches(), "unparsed call " + call);
                    long x = Long.parseLong(m.group(1));
                    long n = Long.parseLong(m.group(2));
                    double level = Double.parseDouble(m.group(3));
                    ConfidenceInterval interval = WilsonInterval.of(x, n, level);
                    double lower = RReference.value(call, "lower");
                    double upper = RReference.value(call, "upper");
                    assertAll(
                            () -> assertEquals(lower, interval.lower(), 1e-12, "lower"),
                            () -> assertEquals(upper, interval.upper(), 1e-12, "upper"),
                            () -> assertEquals(RReference.value(call, "conf.level"), interval.level(), "level"));
                    if (lower == 0 || upper == 1) {
                        assertAll("R's edge values are exact",
                                () -> assertEquals(lower == 0, interval.lower() == 0, "lower is exactly 0"),
                                () -> assertEquals(upper == 1, interval.upper() == 1, "upper is exactly 1"));
                    }
                }));
    }

    @Test
    void theReferenceFileHoldsTheRequiredCases() {
        long[][] required = {{0, 10}, {10, 10}, {1, 1}, {17, 40}, {120, 400}, {3, 1000}, {999, 1000}};
        for (long[] xn : required) {
            RReference.value(RReference.propTest(xn[0], xn[1], 0.95), "lower");
        }
    }

    @Test
    void edgesAreExactlyZeroAndOne() {
        // R 4.2.2, prop.test(0, 10, correct = FALSE)$conf.int = 0, 0.27753279986288915 (composition_reference.csv)
        ConfidenceInterval none = WilsonInterval.of(0, 10);
        assertEquals(0.0, none.lower());
        assertEquals(0.27753279986288915, none.upper(), 1e-12);
        // R 4.2.2, prop.test(10, 10, correct = FALSE)$conf.int = 0.72246720013711085, 1
        ConfidenceInterval all = WilsonInterval.of(10, 10);
        assertEquals(0.72246720013711085, all.lower(), 1e-12);
        assertEquals(1.0, all.upper());
    }

    @Test
    void zeroTrialsGiveAnUndefinedInterval() {
        ConfidenceInterval interval = WilsonInterval.of(0, 0, 0.9);
        assertTrue(Double.isNaN(interval.lower()));
        assertTrue(Double.isNaN(interval.upper()));
        assertEquals(0.9, interval.level());
        assertFalse(interval.isDefined());
    }

    @Test
    void defaultLevelIs95Percent() {
        assertEquals(WilsonInterval.of(17, 40, 0.95), WilsonInterval.of(17, 40));
        assertEquals(0.95, WilsonInterval.of(17, 40).level());
    }

    @Test
    void refusesImpossibleCountsAndLevels() {
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(-1, 10));
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(11, 10));
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(0, -1));
        for (double level : new double[] {0, 1, -0.5, 1.5, 95, Double.NaN}) {
            assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(5, 10, level), "level " + level);
            assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(0, 0, level), "level " + level);
        }
    }

    /**
     * Invariants on random inputs: the interval holds the estimate, lies in [0, 1], mirrors x -> n - x,
     * widens with the level, and (as R) is exactly 0 at x = 0 and exactly 1 at x = n.
     */
    @Test
    void invariantsOnRandomCounts() {
        Random random = new Random(20240517L);
        for (int trial = 0; trial < 10_000; trial++) {
            long n = 1 + (trial % 3 == 0 ? random.nextInt(20) : random.nextInt(1_000_000));
            long x = random.nextLong(n + 1);
            double p = (double) x / n;
            ConfidenceInterval interval = WilsonInterval.of(x, n);
            ConfidenceInterval mirror = WilsonInterval.of(n - x, n);
            ConfidenceInterval wider = WilsonInterval.of(x, n, 0.99);
            String at = x + "/" + n;
            assertTrue(0 <= interval.lower() && interval.lower() <= p && p <= interval.upper() && interval.upper() <= 1, at);
            assertEquals(interval.lower(), 1 - mirror.upper(), 1e-14, at);
            assertTrue(wider.lower() <= interval.lower() && interval.upper() <= wider.upper(), at);
            assertTrue(x == 0 ? interval.lower() == 0 : interval.lower() > 0, at);
            assertTrue(x == n ? interval.upper() == 1 : interval.upper() < 1, at);
        }
    }

    @Test
    void confidenceIntervalRefusesReversedOrHalfDefinedBounds() {
        assertThrows(IllegalArgumentException.class, () -> new ConfidenceInterval(0.6, 0.4, 0.95));
        assertThrows(IllegalArgumentException.class, () -> new ConfidenceInterval(Double.NaN, 0.4, 0.95));
        assertThrows(IllegalArgumentException.class, () -> new ConfidenceInterval(0.1, 0.4, 1));
        assertTrue(new ConfidenceInterval(0.4, 0.4, 0.5).isDefined());
    }
}
