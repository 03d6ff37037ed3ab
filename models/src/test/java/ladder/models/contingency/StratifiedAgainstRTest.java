package ladder.models.contingency;

import static ladder.models.contingency.ContingencyReference.assertClose;
import static ladder.models.contingency.ContingencyReference.has;
import static ladder.models.contingency.ContingencyReference.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Stratified 2x2xK analyses, the generalised CMH test and several exposure levels against R
 * (contingency_reference.R, R 4.2.2, epiR 2.0.57): {@code mantelhaen.test(A, correct = )} on the
 * strata with n &gt;= 2, {@code epiR::epi.2by2(as.table(A), method = 'cohort.count', units = 1)$massoc.detail}
 * (OR.mh.wald, RR.mh.wald, ARisk.mh.sato), and the script's {@code breslow_day(I, correct = )} on
 * the strata with every margin positive (DescTools' formula, fitted cells by uniroot; cross-checked
 * against statsmodels by models/src/test/python/breslow_day_check.py). All to {@value #TOLERANCE} relative.
 */
class StratifiedAgainstRTest {

    static final double TOLERANCE = 1e-10;

    /** UCBAdmissions as (Male admitted, Male rejected, Female admitted, Female rejected) by department A-F. */
    static final double[][] UCB = {
            {512, 313, 89, 19}, {353, 207, 17, 8}, {120, 205, 202, 391},
            {138, 279, 131, 244}, {53, 138, 94, 299}, {22, 351, 24, 317}};

    /** The script's stratified_cases, then the two levels of levels3 against the reference. */
    static final double[][][] CASES = {
            UCB,
            {{3, 17, 8, 22}, {5, 15, 9, 21}, {2, 8, 1, 9}, {10, 30, 25, 35}, {6, 4, 7, 13}},
            {{10, 20, 15, 25}, {5, 3, 0, 0}, {0, 0, 0, 1}, {0, 12, 0, 9}, {4, 0, 6, 0}, {7, 13, 3, 17},
                    {12, 8, 9, 11}},
            {{5, 5, 5, 6}, {3, 7, 3, 7}},
            {{310000, 2690000, 420000, 2580000}, {120000, 880000, 150000, 850000}, {51000, 449000, 70000, 430000}},
            {{30, 170, 60, 140}, {12, 88, 25, 75}, {50, 450, 95, 405}, {8, 32, 14, 26}},
            {{45, 155, 60, 140}, {20, 80, 25, 75}, {70, 430, 95, 405}, {9, 31, 14, 26}}};

    /** levels3: strata x (working class, intermediate, professional) x (event, no event). */
    static final double[][][] LEVELS = {
            {{30, 170}, {45, 155}, {60, 140}},
            {{12, 88}, {20, 80}, {25, 75}},
            {{50, 450}, {70, 430}, {95, 405}},
            {{8, 32}, {9, 31}, {14, 26}}};

    @TestFactory
    Stream<DynamicTest> matchesR() {
        return Arrays.stream(CASES).map(c -> DynamicTest.dynamicTest(c.length + " strata, first " + Arrays.toString(c[0]),
                () -> check(analysis(c))));
    }

    static StratifiedAnalysis analysis(double[][] cells) {
        List<String> names = IntStream.range(0, cells.length).mapToObj(k -> "s" + (k + 1)).toList();
        return StratifiedAnalysis.of(cells, names, Labels.generic(), 0.95);
    }

    /** array(c(a, c, b, d, ...), c(2, 2, K)) as the script's arr(). */
    static String array(List<TwoByTwo> strata) {
        List<Double> v = new ArrayList<>();
        for (TwoByTwo t : strata) {
            v.addAll(List.of(t.a(), t.c(), t.b(), t.d()));
        }
        return "array(c(" + list(v.stream().mapToDouble(Double::doubleValue).toArray()) + "), c(2, 2, " + strata.size()
                + "))";
    }

    private static void check(StratifiedAnalysis s) {
        List<TwoByTwo> usable = s.strata().stream().map(Stratum::table).filter(t -> t.total() >= 2).toList();
        List<TwoByTwo> informative = s.strata().stream().filter(st -> st.use() == Stratum.Use.POOLED)
                .map(Stratum::table).toList();
        String a = array(usable);
        // mantelhaen.test(A, correct = FALSE) and (A, correct = TRUE)
        String mh = "mantelhaen.test(" + a + ", correct = FALSE)";
        assertClose(mh, "statistic", s.cochranMantelHaenszel(false).statistic(), TOLERANCE);
        assertClose(mh, "p.value", s.cochranMantelHaenszel(false).pValue(), TOLERANCE);
        assertClose(mh, "estimate", s.oddsRatio().estimate(), TOLERANCE);
        assertClose(mh, "lower", s.oddsRatio().lower(), TOLERANCE);
        assertClose(mh, "upper", s.oddsRatio().upper(), TOLERANCE);
        String mhc = "mantelhaen.test(" + a + ", correct = TRUE)";
        assertClose(mhc, "statistic", s.cochranMantelHaenszel(true).statistic(), TOLERANCE);
        assertClose(mhc, "p.value", s.cochranMantelHaenszel(true).pValue(), TOLERANCE);
        // epiR::epi.2by2(as.table(A), method = 'cohort.count', units = 1)$massoc.detail
        String epi = "epiR::epi.2by2(as.table(" + a + "), method = 'cohort.count', units = 1)$massoc.detail";
        if (has(epi)) {
            assertEstimate(epi, "OR.mh.wald.", s.oddsRatio());
            assertEstimate(epi, "RR.mh.wald.", s.riskRatio());
            assertEstimate(epi, "ARisk.mh.sato.", s.riskDifference());
        } else {
            // epi.2by2 stops on this table: epiR:::zMHRD.Sato(A, conf.level = 0.95, units = 1) and rr_mh(A),
            // the Greenland-Robins lines of epi.2by2.
            assertEstimate("epiR:::zMHRD.Sato(" + a + ", conf.level = 0.95, units = 1)", "", s.riskDifference());
            assertEstimate("rr_mh(" + a + ")", "", s.riskRatio());
        }
        // breslow_day(I, correct = FALSE / TRUE)
        if (informative.size() >= 2) {
            String i = array(informative);
            for (boolean tarone : new boolean[] {false, true}) {
                String bd = "breslow_day(" + i + ", correct = " + (tarone ? "TRUE" : "FALSE") + ")";
                HypothesisTest test = s.breslowDay(tarone);
                assertClose(bd, "statistic", test.statistic(), TOLERANCE);
                assertClose(bd, "df", (double) test.df(), 0);
                assertClose(bd, "p.value", test.pValue(), TOLERANCE);
            }
            String epiBd = "epiR::epi.2by2(as.table(" + i + "), method = 'cohort.count', units = 1)$res$bOR.homog";
            if (has(epiBd) && informative.size() == s.strata().size()) {
                assertClose(epiBd, "test.statistic", s.breslowDay(false).statistic(), TOLERANCE);
            }
        }
    }

    private static void assertEstimate(String call, String prefix, Estimate e) {
        assertClose(call, prefix + "est", e.estimate(), TOLERANCE);
        assertClose(call, prefix + "lower", e.lower(), TOLERANCE);
        assertClose(call, prefix + "upper", e.upper(), TOLERANCE);
    }

    @Test
    void strataWithoutInformationAreCountedWithTheirReasons() {
        StratifiedAnalysis s = analysis(CASES[2]);
        assertEquals(3, s.pooledStrata());
        assertEquals(2, s.outcomeConstantStrata());
        assertEquals(2, s.excludedStrata());
        assertEquals(Stratum.Use.EXCLUDED, s.strata().get(1).use());
        assertEquals("no one at the reference level", s.strata().get(1).reason());
        assertEquals("fewer than 2 people", s.strata().get(2).reason());
        assertEquals(Stratum.Use.OUTCOME_CONSTANT, s.strata().get(3).use());
        assertEquals(Stratum.Use.OUTCOME_CONSTANT, s.strata().get(4).use());
        assertEquals(2L, s.breslowDay(false).df(), "3 strata with every margin positive");
        assertEquals(2L, s.inputs().get("strata_excluded"));
        assertNull(s.strata().get(0).reason());
    }

    /** mantelhaen.test refuses one stratum; for K = 1 the MH OR and RBG interval are the Woolf ones, CMH = X^2 (n-1)/n. */
    @Test
    void aSingleStratumReducesToTheTwoByTwo() {
        double[] cells = {47, 53, 32, 78};
        StratifiedAnalysis s = analysis(new double[][] {cells});
        TwoByTwoAnalysis t = TwoByTwoAnalysis.of(TwoByTwo.of(cells), Labels.generic(), 0.95);
        Estimate woolf = t.oddsRatio(OddsRatioInterval.WOOLF);
        assertClose(woolf.estimate(), s.oddsRatio().estimate(), 1e-14, "OR");
        assertClose(woolf.lower(), s.oddsRatio().lower(), 1e-14, "lower");
        assertClose(woolf.upper(), s.oddsRatio().upper(), 1e-14, "upper");
        assertClose(t.tests().get(0).statistic() * 209 / 210, s.cochranMantelHaenszel(false).statistic(), 1e-13, "CMH");
        assertNull(s.breslowDay(false).pValue());
    }

    /** mantelhaen.test(array(c(...), c(R, C, K))) on the generalised path. */
    @Test
    void generalisedCmhMatchesR() {
        List<String> strata = List.of("s1", "s2", "s3", "s4");
        GeneralizedCmh g = GeneralizedCmh.of(LEVELS, List.of("working class", "intermediate", "professional"),
                List.of("event", "no event"), strata);
        String call = "mantelhaen.test(" + array3(LEVELS) + ")";
        assertClose(call, "statistic", g.statistic(), TOLERANCE);
        assertClose(call, "df", (double) g.df(), 0);
        assertClose(call, "p.value", g.pValue(), TOLERANCE);

        double[][][] x = {
                {{10, 12, 8}, {15, 9, 11}, {7, 14, 20}},
                {{22, 18, 9}, {12, 25, 14}, {6, 10, 19}},
                {{5, 7, 3}, {9, 4, 6}, {2, 8, 11}}};
        GeneralizedCmh h = GeneralizedCmh.of(x, List.of("r1", "r2", "r3"), List.of("c1", "c2", "c3"),
                List.of("s1", "s2", "s3"));
        call = "mantelhaen.test(" + array3(x) + ")";
        assertClose(call, "statistic", h.statistic(), TOLERANCE);
        assertClose(call, "df", (double) h.df(), 0);
        assertClose(call, "p.value", h.pValue(), TOLERANCE);
    }

    /** On 2x2xK the generalised statistic is the uncorrected CMH: mantelhaen.test(A, correct = FALSE). */
    @Test
    void generalisedCmhOnTwoByTwoStrataIsTheUncorrectedCmh() {
        double[][][] x = new double[UCB.length][][];
        for (int k = 0; k < UCB.length; k++) {
            x[k] = new double[][] {{UCB[k][0], UCB[k][1]}, {UCB[k][2], UCB[k][3]}};
        }
        GeneralizedCmh g = GeneralizedCmh.of(x, List.of("Male", "Female"), List.of("Admitted", "Rejected"),
                List.of("A", "B", "C", "D", "E", "F"));
        String call = "mantelhaen.test(" + array(analysis(UCB).strata().stream().map(Stratum::table).toList())
                + ", correct = FALSE)";
        assertClose(call, "statistic", g.statistic(), TOLERANCE);
        assertEquals(1, g.df());
    }

    /** Each level against the reference equals the stratified case the script built from levels3. */
    @Test
    void exposureLevelsAgainstTheReference() {
        Map<String, StratifiedAnalysis> byLevel = ExposureLevels.stratified(LEVELS,
                List.of("working class", "intermediate", "professional"), 2, List.of("s1", "s2", "s3", "s4"),
                Labels.generic(), 0.95, OddsRatioInterval.WOOLF);
        assertEquals(List.of("working class", "intermediate"), List.copyOf(byLevel.keySet()));
        check(byLevel.get("working class"));
        check(byLevel.get("intermediate"));
        assertEquals(analysis(CASES[5]).oddsRatio(), byLevel.get("working class").oddsRatio());
    }

    /** array(c(...), c(R, C, K)) filled column-major, as the script's arr3(). */
    static String array3(double[][][] x) {
        List<Double> v = new ArrayList<>();
        for (double[][] stratum : x) {
            for (int j = 0; j < stratum[0].length; j++) {
                for (double[] row : stratum) {
                    v.add(row[j]);
                }
            }
        }
        return "array(c(" + list(v.stream().mapToDouble(Double::doubleValue).toArray()) + "), c(" + x[0].length + ", "
                + x[0][0].length + ", " + x.length + "))";
    }
}
