package ladder.models.trend;

import static ladder.models.trend.TrendReference.assertClose;
import static ladder.models.trend.TrendReference.assertR;
import static ladder.models.trend.TrendReference.c;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import ladder.engine.LadderException;
import ladder.models.proportion.ChiSquareTest;
import ladder.models.proportion.ProportionDifference;
import ladder.models.result.ResultTable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class TrendTest {

    /** The `trends` of trend_reference.R: {x, n, score}. */
    private static final double[][][] TRENDS = {
        {{120, 131, 150, 108, 141}, {400, 420, 450, 300, 380}, {2019, 2020, 2021, 2022, 2023}},
        {{83, 90, 129, 70}, {86, 93, 136, 82}, {1, 2, 3, 4}},
        {{0, 2, 5, 9}, {20, 25, 30, 28}, {2015, 2017, 2018, 2021}},
        {{30, 30, 30}, {100, 100, 100}, {1, 2, 3}},
    };

    private static Trend trend(double[][] t, double benchmark) {
        List<String> labels = IntStream.range(0, t[0].length).mapToObj(i -> "p" + i).toList();
        return Trend.of("working class", labels, t[2], t[0], t[1], benchmark, 0.95);
    }

    /** R: prop.trend.test(x, n, score): $statistic, $parameter, $p.value; tolerance 1e-8 relative. */
    @TestFactory
    Stream<DynamicTest> cochranArmitageMatchesR() {
        return Stream.of(TRENDS).map(t -> DynamicTest.dynamicTest(c(t[0]), () -> {
            String call = "prop.trend.test(" + c(t[0]) + ", " + c(t[1]) + ", " + c(t[2]) + ")";
            ChiSquareTest test = CochranArmitage.test(t[2], t[0], t[1]).orElseThrow();
            assertR(call, "statistic", test.statistic());
            assertR(call, "p.value", test.pValue());
            assertEquals(TrendReference.value(call, "parameter"), test.df());
        }));
    }

    /**
     * R: fit <- glm(cbind(x, n - x) ~ score, family = binomial, control = glm.control(epsilon = 1e-14,
     * maxit = 100)): summary(fit)$coefficients,
     * fit$deviance, fit$null.deviance, exp(confint.default(fit, 2)), anova(fit, test = "Chisq");
     * tolerance 1e-6 relative, as for any iterative fit (at R's default epsilon of 1e-8 its standard
     * errors are a few 1e-6 from the optimum's, hence the tighter epsilon).
     */
    @TestFactory
    Stream<DynamicTest> logisticTrendMatchesR() {
        return Stream.of(TRENDS).map(t -> DynamicTest.dynamicTest(c(t[0]), () -> {
            String call = "glm(cbind(" + c(t[0]) + ", " + c(t[1]) + " - " + c(t[0]) + ") ~ " + c(t[2])
                    + ", family = binomial, control = glm.control(epsilon = 1e-14, maxit = 100))";
            LogisticTrend fit = LogisticTrend.fit(t[2], t[0], t[1], 0.95).orElseThrow();
            check(call, "intercept", fit.intercept());
            check(call, "intercept.se", fit.interceptSe());
            check(call, "slope", fit.slope());
            check(call, "slope.se", fit.slopeSe());
            check(call, "deviance", fit.deviance());
            check(call, "null.deviance", fit.nullDeviance());
            check(call, "exp.confint.default.lower", fit.oddsRatioInterval().lower());
            check(call, "exp.confint.default.upper", fit.oddsRatioInterval().upper());
            check(call, "anova.Deviance", fit.likelihoodRatio().statistic());
            check(call, "anova.p", fit.likelihoodRatio().pValue());
            assertEquals(Math.exp(fit.slope()), fit.oddsRatio());
        }));
    }

    private static void check(String call, String quantity, double actual) {
        // R's deviances of the flat series are rounding noise about 0 (|d| ~ 1e-15).
        double expected = TrendReference.value(call, quantity);
        if (Math.abs(expected) < 1e-9) {
            assertEquals(expected, actual, 1e-9, call + " " + quantity);
        } else {
            assertClose(expected, actual, 1e-6, call + " " + quantity);
        }
    }

    /**
     * R: prop.test(c(x2, x1), c(n2, n1), correct = FALSE): $conf.int, $statistic, $p.value; and
     * Newcombe's method 10 written out in trend_reference.R from prop.test's Wilson intervals;
     * prop.test(x, n, correct = FALSE)$conf.int for the shares. Tolerance 1e-8 relative.
     */
    @TestFactory
    Stream<DynamicTest> periodsAndChangesMatchR() {
        return Stream.of(TRENDS).map(t -> DynamicTest.dynamicTest(c(t[0]), () -> {
            Trend trend = trend(t, 0.42);
            for (Trend.Period p : trend.periods()) {
                String call = TrendReference.propTest(p.events(), p.total());
                assertR(call, "lower", p.interval().lower());
                assertR(call, "upper", p.interval().upper());
                assertEquals(p.interval().lower() - 0.42, p.gapInterval().lower(), 1e-15);
                assertEquals(p.share() - 0.42, p.gap(), 1e-15);
            }
            assertEquals(t[0].length - 1, trend.changes().size());
            for (int i = 1; i < t[0].length; i++) {
                ProportionDifference d = trend.changes().get(i - 1).difference();
                String pair = "c(" + (long) t[0][i] + ", " + (long) t[0][i - 1] + "), c(" + (long) t[1][i] + ", "
                        + (long) t[1][i - 1] + ")";
                String call = "prop.test(" + pair + ", correct = FALSE)";
                assertR(call, "lower", d.wald().lower());
                assertR(call, "upper", d.wald().upper());
                if (d.test().isPresent()) {
                    assertR(call, "statistic", d.test().get().statistic());
                    assertR(call, "p.value", d.test().get().pValue());
                } else {
                    assertTrue(Double.isNaN(TrendReference.value(call, "statistic")), "R gives NaN");
                }
                String newcombe = "newcombe hybrid score (formula) " + pair;
                assertR(newcombe, "lower", d.newcombe().lower());
                assertR(newcombe, "upper", d.newcombe().upper());
                assertEquals(t[0][i] / t[1][i] - t[0][i - 1] / t[1][i - 1], d.difference(), 1e-15);
            }
        }));
    }

    @Test
    void separatedDataHaveNoLogisticEstimateAndSayWhy() {
        // Events only after non-events end: the slope's MLE is +infinity.
        Trend trend = Trend.of("x", List.of("a", "b", "c"), new double[] {1, 2, 3}, new double[] {0, 0, 5},
                new double[] {10, 10, 5}, Double.NaN, 0.95);
        assertTrue(trend.logistic().isEmpty());
        assertTrue(trend.cochranArmitage().isPresent());
        assertTrue(trend.notes().stream().anyMatch(n -> n.contains("no maximum-likelihood estimate")));
        ResultTable tests = trend.tables().get(2);
        assertNull(tests.get(1, "estimate"));
        // No events at all: neither test is defined, and no NaN reaches the tables.
        Trend none = Trend.of("x", List.of("a", "b"), new double[] {1, 2}, new double[] {0, 0},
                new double[] {10, 0}, 0.3, 0.95);
        assertTrue(none.cochranArmitage().isEmpty() && none.logistic().isEmpty() && none.changes().isEmpty());
        for (ResultTable table : none.tables()) {
            for (List<Object> row : table.rows()) {
                row.forEach(v -> assertTrue(!(v instanceof Double d) || !d.isNaN(), table.name() + " " + row));
            }
        }
    }

    @Test
    void userMistakesSayWhat() {
        assertThrows(LadderException.class, () -> Trend.of("x", List.of("a", "b"), new double[] {2, 1},
                new double[] {1, 1}, new double[] {2, 2}, Double.NaN, 0.95));
        assertThrows(LadderException.class, () -> Trend.of("x", List.of("a", "b"), new double[] {1, 2},
                new double[] {1.5, 1}, new double[] {2, 2}, Double.NaN, 0.95));
        assertThrows(LadderException.class, () -> Trend.of("x", List.of("a", "b"), new double[] {1, 2},
                new double[] {3, 1}, new double[] {2, 2}, Double.NaN, 0.95));
    }
}
