package ladder.models.composition;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import ladder.engine.contract.Seb;
import ladder.models.RReference;
import ladder.models.proportion.ConfidenceInterval;
import ladder.models.proportion.GoodnessOfFit;
import ladder.models.proportion.WilsonInterval;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

class CompositionStatisticsTest {

    /**
     * (professional, intermediate, working class, excluded, missing): the `cells` of
     * composition_reference.R, whose R values (R version 4.2.2 Patched (2022-11-10 r83330)) are
     * {@code prop.test(n, N, conf.level = level, correct = FALSE)$conf.int} for the response rate,
     * {@code prop.test(count, n, conf.level = level, correct = FALSE)$conf.int} for each share and
     * {@code chisq.test(c(p, i, w), p = c(0.34, 0.24, 0.42))} for the fit, at levels 0.95 and 0.9.
     */
    private static final long[][] CELLS = {
        {120, 80, 200, 30, 70},
        {0, 5, 7, 1, 2},
        {3, 0, 0, 0, 0},
        {1, 1, 1, 0, 0},
        {5000, 3400, 6100, 800, 1700},
        {1, 0, 0, 0, 4},
        {0, 0, 0, 4, 6},
        {34, 24, 42, 0, 0},
    };

    @TestFactory
    Stream<DynamicTest> matchesR() {
        return Stream.of(0.95, 0.9).flatMap(level -> Stream.of(CELLS).map(c -> DynamicTest.dynamicTest(
                "composition of " + Arrays.toString(c) + " at " + level, () -> {
                    CompositionCell cell = CompositionStatistics.of(c[0], c[1], c[2], c[3], c[4], level);
                    long n = c[0] + c[1] + c[2];
                    long total = n + c[3] + c[4];
                    List<Executable> checks = new ArrayList<>(List.of(
                            () -> assertEquals(n, cell.classifiable(), "classifiable"),
                            () -> assertEquals(total, cell.total(), "total"),
                            () -> assertEquals((double) n / total, cell.responseRate(), "response rate"),
                            () -> assertInterval(n, total, level, cell.responseRateInterval())));
                    for (Seb group : Seb.CLASSIFIABLE) {
                        long count = c[group.ordinal()];
                        GroupShare share = cell.group(group);
                        checks.add(() -> assertEquals(count, share.count(), group.level()));
                        checks.add(() -> assertEquals((double) count / n, share.share(), group.level()));
                        checks.add(() -> assertInterval(count, n, level, share.interval()));
                    }
                    if (n > 0) {
                        checks.add(() -> assertFit(RReference.chisqTestBenchmark(c[0], c[1], c[2]),
                                cell.goodnessOfFit().orElseThrow()));
                    }
                    assertAll(checks.stream());
                })));
    }

    @Test
    void sharesSumToOneAndRatiosAreShareOverNationalShare() {
        Random random = new Random(7L);
        for (int trial = 0; trial < 2000; trial++) {
            CompositionCell cell = CompositionStatistics.of(random.nextInt(5000), random.nextInt(5000),
                    1 + random.nextInt(5000), random.nextInt(500), random.nextInt(500), 0.95);
            double sum = 0;
            for (GroupShare share : cell.groups()) {
                sum += share.share();
                assertEquals(NationalBenchmark.workingPopulationShare(share.group()), share.nationalShare());
                assertEquals(share.share() / share.nationalShare(), share.representationRatio());
                assertTrue(share.interval().lower() <= share.share() && share.share() <= share.interval().upper());
            }
            assertEquals(1, sum, 1e-14, cell.toString());
            assertTrue(cell.responseRate() > 0 && cell.responseRate() <= 1);
        }
    }

    @Test
    void representationRatioIsOneAtTheNationalComposition() {
        // 34 / 24 / 42 of 100 is the working population exactly; R version 4.2.2,
        // chisq.test(c(34, 24, 42), p = c(0.34, 0.24, 0.42)) gives statistic 0 and p.value 1.
        CompositionCell cell = CompositionStatistics.of(34, 24, 42, 0, 0, 0.95);
        for (GroupShare share : cell.groups()) {
            assertEquals(1, share.representationRatio(), 1e-15, share.group().level());
        }
        GoodnessOfFit fit = cell.goodnessOfFit().orElseThrow();
        assertEquals(0, fit.statistic(), 1e-12);
        assertEquals(1, fit.pValue(), 1e-12);
        assertEquals(1.0, cell.responseRate());
    }

    @Test
    void overAndUnderRepresentation() {
        // 200 working class of 400 classifiable: share 0.5 against 0.42 nationally.
        CompositionCell cell = CompositionStatistics.of(120, 80, 200, 30, 70, 0.95);
        assertEquals(0.5 / 0.42, cell.group(Seb.WORKING_CLASS).representationRatio(), 1e-15);
        assertTrue(cell.group(Seb.WORKING_CLASS).representationRatio() > 1);
        assertEquals(0.3 / 0.34, cell.group(Seb.PROFESSIONAL).representationRatio(), 1e-15);
        assertEquals(0.8, cell.responseRate(), 1e-15, "400 classifiable of 500 rows");
    }

    @Test
    void noClassifiableAnswersLeaveSharesUndefinedAndNoTest() {
        CompositionCell cell = CompositionStatistics.of(0, 0, 0, 4, 6, 0.95);
        assertEquals(Optional.empty(), cell.goodnessOfFit());
        assertEquals(0.0, cell.responseRate());
        assertEquals(0.0, cell.responseRateInterval().lower());
        for (GroupShare share : cell.groups()) {
            assertTrue(Double.isNaN(share.share()));
            assertTrue(Double.isNaN(share.representationRatio()));
            assertFalse(share.interval().isDefined());
            assertEquals(0.95, share.interval().level());
        }
    }

    @Test
    void anEmptyCellIsUndefinedThroughout() {
        CompositionCell cell = CompositionStatistics.of(0, 0, 0, 0, 0, 0.9);
        assertEquals(0, cell.total());
        assertTrue(Double.isNaN(cell.responseRate()));
        assertFalse(cell.responseRateInterval().isDefined());
        assertEquals(0.9, cell.responseRateInterval().level());
        assertTrue(cell.goodnessOfFit().isEmpty());
    }

    @Test
    void refusesNegativeCountsAndBadLevels() {
        assertThrows(IllegalArgumentException.class, () -> CompositionStatistics.of(-1, 0, 0, 0, 0, 0.95));
        assertThrows(IllegalArgumentException.class, () -> CompositionStatistics.of(1, 0, 0, 0, -2, 0.95));
        assertThrows(IllegalArgumentException.class, () -> CompositionStatistics.of(1, 2, 3, 0, 0, 95));
        assertThrows(IllegalArgumentException.class, () -> CompositionStatistics.of(0, 0, 0, 0, 0, 0));
        assertThrows(ArithmeticException.class,
                () -> CompositionStatistics.of(Long.MAX_VALUE, 1, 0, 0, 0, 0.95));
    }

    @Test
    void groupLookupIsByClassifiableGroupOnly() {
        CompositionCell cell = CompositionStatistics.of(5, 6, 7, 1, 1, 0.95);
        assertEquals(6, cell.group(Seb.INTERMEDIATE).count());
        assertThrows(IllegalArgumentException.class, () -> cell.group(Seb.EXCLUDED));
        assertThrows(IllegalArgumentException.class, () -> cell.group(Seb.MISSING));
        assertThrows(UnsupportedOperationException.class, () -> cell.groups().clear());
    }

    @Test
    void recordsRefuseInconsistentValues() {
        CompositionCell cell = CompositionStatistics.of(5, 6, 7, 1, 1, 0.95);
        ConfidenceInterval any = WilsonInterval.of(5, 18);
        assertThrows(IllegalArgumentException.class,
                () -> new GroupShare(Seb.PROFESSIONAL, 5, 5.0 / 18, any, 0.34, 5.0 / 18),
                "ratio that is not share / national share");
        assertThrows(IllegalArgumentException.class,
                () -> new GroupShare(Seb.MISSING, 5, 5.0 / 18, any, 0.34, 5.0 / 18 / 0.34));
        assertThrows(IllegalArgumentException.class, () -> new CompositionCell(5, 6, 7, 1, 1, 18, 21,
                18.0 / 21, cell.responseRateInterval(), cell.groups(), cell.goodnessOfFit()), "wrong total");
        assertThrows(IllegalArgumentException.class, () -> new CompositionCell(5, 6, 7, 1, 1, 18, 20,
                18.0 / 20, cell.responseRateInterval(), cell.groups().subList(0, 2), cell.goodnessOfFit()),
                "two groups");
        assertThrows(IllegalArgumentException.class, () -> new CompositionCell(5, 6, 7, 1, 1, 18, 20,
                18.0 / 20, cell.responseRateInterval(), cell.groups(), Optional.empty()), "missing test");
        List<GroupShare> swapped = List.of(cell.groups().get(1), cell.groups().get(0), cell.groups().get(2));
        assertThrows(IllegalArgumentException.class, () -> new CompositionCell(5, 6, 7, 1, 1, 18, 20,
                18.0 / 20, cell.responseRateInterval(), swapped, cell.goodnessOfFit()), "groups out of order");
    }

    /** The Wilson interval of x / n against R's prop.test, or undefined where R stops (n = 0). */
    private static void assertInterval(long x, long n, double level, ConfidenceInterval actual) {
        if (n == 0) {
            assertFalse(actual.isDefined(), x + " / 0 is undefined");
            assertEquals(level, actual.level());
            return;
        }
        String call = RReference.propTest(x, n, level);
        assertAll(call,
                () -> assertEquals(RReference.value(call, "lower"), actual.lower(), 1e-12, "lower"),
                () -> assertEquals(RReference.value(call, "upper"), actual.upper(), 1e-12, "upper"),
                () -> assertEquals(RReference.value(call, "conf.level"), actual.level(), "level"));
    }

    private static void assertFit(String call, GoodnessOfFit fit) {
        assertAll(call,
                () -> RReference.assertRelative(RReference.value(call, "statistic"), fit.statistic(), "statistic"),
                () -> assertEquals(RReference.value(call, "parameter"), fit.df(), "df"),
                () -> RReference.assertRelative(RReference.value(call, "p.value"), fit.pValue(), "p.value"),
                () -> assertEquals(RReference.warned(call), fit.smallExpected(), "small expected"));
    }
}
