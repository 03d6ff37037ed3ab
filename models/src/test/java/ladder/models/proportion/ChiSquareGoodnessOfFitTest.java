package ladder.models.proportion;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import ladder.models.RReference;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

class ChiSquareGoodnessOfFitTest {

    private static final Pattern CHISQ_TEST = Pattern.compile("chisq\\.test\\(c\\(([^)]*)\\), p = c\\(([^)]*)\\)\\)");

    private static final double[] BENCHMARK = {0.34, 0.24, 0.42};

    /**
     * Every chisq.test call in composition_reference.csv: R version 4.2.2 Patched (2022-11-10 r83330),
     * {@code chisq.test(c(x1, ..., xk), p = c(p1, ..., pk))}, the inputs read back from the call;
     * statistic, p-value, expected counts and residuals to 1e-9 relative, df exactly, and the
     * "Chi-squared approximation may be incorrect" warning as the smallExpected flag.
     */
    @TestFactory
    Stream<DynamicTest> matchesRChisqTest() {
        return RReference.calls().keySet().stream().filter(call -> call.startsWith("chisq.test")).map(call ->
                DynamicTest.dynamicTest(call, () -> {
                    Matcher m = CHISQ_TEST.matcher(call);
                    assertTrue(m.matches(), "unparsed call " + call);
                    long[] counts = Arrays.stream(m.group(1).split(", ")).mapToLong(Long::parseLong).toArray();
                    double[] p = Arrays.stream(m.group(2).split(", ")).mapToDouble(Double::parseDouble).toArray();
                    GoodnessOfFit fit = ChiSquareGoodnessOfFit.test(counts, p);
                    List<Executable> checks = new ArrayList<>(List.of(
                            () -> RReference.assertRelative(RReference.value(call, "statistic"), fit.statistic(), "statistic"),
                            () -> assertEquals(RReference.value(call, "parameter"), fit.df(), "df"),
                            () -> RReference.assertRelative(RReference.value(call, "p.value"), fit.pValue(), "p.value"),
                            () -> assertEquals(RReference.warned(call), fit.smallExpected(), "small expected warning")));
                    for (int i = 0; i < counts.length; i++) {
                        int at = i;
                        checks.add(() -> RReference.assertRelative(
                                RReference.value(call, "expected[" + (at + 1) + "]"), fit.expected()[at], "expected " + (at + 1)));
                        checks.add(() -> RReference.assertRelative(
                                RReference.value(call, "residuals[" + (at + 1) + "]"), fit.residuals()[at], "residual " + (at + 1)));
                    }
                    assertAll(call, checks.stream());
                }));
    }

    @Test
    void theReferenceFileHoldsTheRequiredCases() {
        long[][] required = {{120, 80, 200}, {0, 5, 7}, {3, 0, 0}, {1, 1, 1}, {5000, 3400, 6100}, {1, 0, 0}};
        for (long[] x : required) {
            RReference.value(RReference.chisqTestBenchmark(x[0], x[1], x[2]), "statistic");
        }
    }

    @Test
    void aWorkedExample() {
        // By hand: n = 400, E = (136, 96, 168), X^2 = 16^2/136 + 16^2/96 + 32^2/168, and for df = 2 the
        // upper tail is exp(-X^2 / 2). R version 4.2.2, chisq.test(c(120, 80, 200), p = c(0.34, 0.24, 0.42))
        // gives statistic 10.644257703081232 and p.value 0.0048823488580719753.
        GoodnessOfFit fit = ChiSquareGoodnessOfFit.test(new long[] {120, 80, 200}, BENCHMARK);
        double statistic = 256.0 / 136 + 256.0 / 96 + 1024.0 / 168;
        RReference.assertRelative(statistic, fit.statistic(), "statistic by hand");
        RReference.assertRelative(Math.exp(-statistic / 2), fit.pValue(), "p-value by hand");
        RReference.assertRelative(10.644257703081232, fit.statistic(), "statistic, R");
        RReference.assertRelative(0.0048823488580719753, fit.pValue(), "p-value, R");
        assertEquals(2, fit.df());
        assertArrayEquals(new double[] {136, 96, 168}, fit.expected(), 1e-12);
        assertArrayEquals(new double[] {-16 / Math.sqrt(136), -16 / Math.sqrt(96), 32 / Math.sqrt(168)},
                fit.residuals(), 1e-12);
    }

    @Test
    void refusesProportionsThatDoNotSumToOne() {
        long[] counts = {10, 20, 30};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChiSquareGoodnessOfFit.test(counts, new double[] {0.34, 0.24, 0.41}));
        assertTrue(e.getMessage().contains("sum to 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ChiSquareGoodnessOfFit.test(counts, new double[] {0.34, 0.24, 0.42 + 2e-9}));
        assertThrows(IllegalArgumentException.class,
                () -> ChiSquareGoodnessOfFit.test(counts, new double[] {34, 24, 42}));
        // Within the tolerance is accepted.
        ChiSquareGoodnessOfFit.test(counts, new double[] {0.34, 0.24, 0.42 + 5e-10});
    }

    @Test
    void refusesMalformedInput() {
        assertAll(
                () -> assertThrows(IllegalArgumentException.class,
                        () -> ChiSquareGoodnessOfFit.test(new long[] {1, 2}, BENCHMARK), "length mismatch"),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> ChiSquareGoodnessOfFit.test(new long[] {5}, new double[] {1}), "k = 1"),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> ChiSquareGoodnessOfFit.test(new long[] {1, -1, 3}, BENCHMARK), "negative count"),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> ChiSquareGoodnessOfFit.test(new long[] {0, 0, 0}, BENCHMARK), "no counts"),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> ChiSquareGoodnessOfFit.test(new long[] {1, 2, 3}, new double[] {0, 0.5, 0.5}), "zero p"),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> ChiSquareGoodnessOfFit.test(new long[] {1, 2, 3}, new double[] {-0.1, 0.6, 0.5}), "negative p"),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> ChiSquareGoodnessOfFit.test(new long[] {1, 2, 3}, new double[] {Double.NaN, 0.5, 0.5}), "NaN p"));
    }

    @Test
    void smallExpectedFlagsAnyExpectedCountBelowFive() {
        // n = 14: expected 4.76, 3.36, 5.88
        assertTrue(ChiSquareGoodnessOfFit.test(new long[] {5, 4, 5}, BENCHMARK).smallExpected());
        // n = 25: expected 8.5, 6, 10.5
        assertEquals(false, ChiSquareGoodnessOfFit.test(new long[] {8, 6, 11}, BENCHMARK).smallExpected());
    }

    @Test
    void resultIsImmutableAndComparedByValue() {
        long[] counts = {120, 80, 200};
        GoodnessOfFit fit = ChiSquareGoodnessOfFit.test(counts, BENCHMARK);
        fit.expected()[0] = -1;
        fit.residuals()[0] = -1;
        assertEquals(136, fit.expected()[0], 1e-12);
        assertEquals(-16 / Math.sqrt(136), fit.residuals()[0], 1e-12);

        double[] expected = {1, 2};
        double[] residuals = {0.5, -0.5};
        GoodnessOfFit made = new GoodnessOfFit(0.5, 1, 0.48, expected, residuals, true);
        expected[0] = 99;
        residuals[0] = 99;
        assertArrayEquals(new double[] {1, 2}, made.expected());
        assertArrayEquals(new double[] {0.5, -0.5}, made.residuals());

        GoodnessOfFit same = ChiSquareGoodnessOfFit.test(counts, BENCHMARK);
        assertEquals(fit, same);
        assertEquals(fit.hashCode(), same.hashCode());
        assertNotEquals(fit, ChiSquareGoodnessOfFit.test(new long[] {121, 80, 200}, BENCHMARK));
        assertTrue(fit.toString().contains("expected=[136.0, 96.0, 168.0]"), fit.toString());
    }

    @Test
    void resultRefusesInconsistentShapes() {
        assertThrows(IllegalArgumentException.class,
                () -> new GoodnessOfFit(1, 2, 0.5, new double[] {1, 2, 3}, new double[] {1, 2}, false));
        assertThrows(IllegalArgumentException.class,
                () -> new GoodnessOfFit(1, 3, 0.5, new double[] {1, 2, 3}, new double[] {1, 2, 3}, false));
    }
}
