package ladder.models.contingency;

import static ladder.models.contingency.ContingencyReference.assertClose;
import static ladder.models.contingency.ContingencyReference.has;
import static ladder.models.contingency.ContingencyReference.list;
import static ladder.models.contingency.ContingencyReference.matrix;
import static ladder.models.contingency.ContingencyReference.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The 2x2 statistics against R (contingency_reference.R, R 4.2.2, epiR 2.0.57, epitools 0.5-10.1),
 * for the tables of the script's {@code tables_2x2}: closed forms to {@value #CLOSED} relative,
 * the conditional MLE and the exact and mid-p bounds to {@value #ROOTS} against R's own algorithm
 * solved with uniroot(tol = .Machine$double.eps^2) ({@code fisher_precise}, {@code midp_precise}),
 * and to {@value #UNIROOT} against plain {@code fisher.test} and {@code epitools::or.midp}, whose
 * uniroot stops at its default tolerance, absolute on the scale it solves on (theta below 1,
 * 1/theta above).
 */
class TwoByTwoAgainstRTest {

    static final double CLOSED = 1e-10;
    static final double ROOTS = 1e-8;
    /** uniroot's default tol, .Machine$double.eps^0.25, absolute on the scale it solves on. */
    static final double UNIROOT = 1.220703125e-4;

    /** The script's tables_2x2, in its order. */
    static final double[][] TABLES = {
            {47, 53, 32, 78}, {12, 5, 7, 20}, {2, 1, 1, 3},
            {0, 10, 5, 7}, {8, 0, 5, 7}, {8, 10, 0, 7}, {8, 10, 5, 0},
            {0, 10, 5, 0}, {8, 0, 0, 7}, {0, 10, 0, 7}, {0, 0, 5, 7},
            {310000, 2690000, 420000, 2580000}};

    @TestFactory
    Stream<DynamicTest> matchesR() {
        List<DynamicTest> tests = new ArrayList<>();
        for (double[] cells : TABLES) {
            tests.add(DynamicTest.dynamicTest(Arrays.toString(cells), () -> check(cells, 0.95)));
        }
        tests.add(DynamicTest.dynamicTest("level 0.9", () -> check(TABLES[0], 0.9)));
        return tests.stream();
    }

    @org.junit.jupiter.api.Test
    void theAnalysisLeavesTheConditionalMethodsOutForTablesPastTheLimitAndSaysWhy() {
        TwoByTwoAnalysis big = TwoByTwoAnalysis.of(TwoByTwo.of(TABLES[TABLES.length - 1]), Labels.generic(), 0.95);
        for (OddsRatioInterval m : List.of(OddsRatioInterval.EXACT, OddsRatioInterval.MID_P)) {
            org.junit.jupiter.api.Assertions.assertNull(big.oddsRatio(m).estimate());
            org.junit.jupiter.api.Assertions.assertTrue(big.oddsRatio(m).reason().startsWith("not computed"));
        }
        org.junit.jupiter.api.Assertions.assertNotNull(big.oddsRatio(OddsRatioInterval.WOOLF).estimate());
        org.junit.jupiter.api.Assertions.assertTrue(big.headline().contains("Woolf"), big.headline());
        TwoByTwoAnalysis small = TwoByTwoAnalysis.of(TwoByTwo.of(TABLES[0]), Labels.generic(), 0.95);
        org.junit.jupiter.api.Assertions.assertNotNull(small.oddsRatio(OddsRatioInterval.EXACT).estimate());
    }

    private static void check(double[] cells, double level) {
        TwoByTwo t = TwoByTwo.of(cells);
        TwoByTwoAnalysis analysis = TwoByTwoAnalysis.of(t, Labels.generic(), level);
        String m = matrix(cells);
        String lvl = level == 0.95 ? "" : ", conf.level = " + level;
        boolean informative = t.emptyMargin() == null;

        // fisher.test(M) and R's algorithm solved precisely: fisher_precise(M), midp_precise(M), midp_p(M).
        // The methods themselves, on every table; the analysis leaves them out past EXACT_LIMIT (tested below).
        Estimate exact = OddsRatio.of(t, OddsRatioInterval.EXACT, level);
        Estimate midP = OddsRatio.of(t, OddsRatioInterval.MID_P, level);
        String fisher = "fisher.test(" + m + lvl + ")";
        assertClose(fisher, "p.value", FisherExactTest.test(t).pValue(), CLOSED);
        if (informative) {
            assertClose(fisher, "p.value", exact.pValue(), CLOSED);
            for (String q : new String[] {"estimate", "lower", "upper"}) {
                Double ours = q.equals("estimate") ? exact.estimate() : q.equals("lower") ? exact.lower() : exact.upper();
                assertUniroot(value(fisher, q), ours, fisher + " " + q);
                assertClose("fisher_precise(" + m + lvl + ")", q, ours, ROOTS);
            }
            assertClose("midp_precise(" + m + lvl + ")", "lower", midP.lower(), ROOTS);
            assertClose("midp_precise(" + m + lvl + ")", "upper", midP.upper(), ROOTS);
            assertClose("midp_p(" + m + ")", "p.value", midP.pValue(), CLOSED);
            assertEquals(exact.estimate(), midP.estimate());
        } else {
            // R gives 0 and [0, Inf] for a table with an empty margin; Ladder says there is no information.
            assertEquals(0, value(fisher, "estimate"));
            assertEquals(Double.POSITIVE_INFINITY, value(fisher, "upper"));
            assertNull(exact.estimate());
            assertNotNull(exact.reason());
        }
        String orMidp = "epitools::or.midp(" + m + lvl + ")$conf.int";
        if (has(orMidp)) {
            assertUniroot(value(orMidp, "lower"), midP.lower(), orMidp + " lower");
            assertUniroot(value(orMidp, "upper"), midP.upper(), orMidp + " upper");
        }

        // epiR::epi.2by2(as.table(M), method = 'cohort.count', conf.level = level, units = 1)$massoc.detail
        String epi = "epiR::epi.2by2(as.table(" + m + "), method = 'cohort.count', conf.level = " + level
                + ", units = 1)$massoc.detail";
        if (has(epi)) {
            assertEstimate(epi, "OR.strata.wald", analysis.oddsRatio(OddsRatioInterval.WOOLF));
            assertEstimate(epi, "RR.strata.wald", analysis.riskRatio());
            // epiR does not clip the risk difference's Wald bounds to [-1, 1]; prop.test and Ladder do.
            Estimate rd = analysis.riskDifference(RiskDifferenceInterval.WALD);
            assertClose(epi, "ARisk.strata.wald.est", rd.estimate(), CLOSED);
            assertClose(Math.max(-1, value(epi, "ARisk.strata.wald.lower")), rd.lower(), CLOSED, epi + " RD lower");
            assertClose(Math.min(1, value(epi, "ARisk.strata.wald.upper")), rd.upper(), CLOSED, epi + " RD upper");
            assertClose("woolf_p(" + m + ")", "p.value", analysis.oddsRatio(OddsRatioInterval.WOOLF).pValue(), CLOSED);
            assertClose("katz_p(" + m + ")", "p.value", analysis.riskRatio().pValue(), CLOSED);
        }
        if (!informative) {
            return;
        }
        // haldane(M): the formula in the script.
        Estimate haldane = analysis.oddsRatio(OddsRatioInterval.HALDANE_ANSCOMBE);
        String h = "haldane(" + m + lvl + ")";
        assertClose(h, "est", haldane.estimate(), CLOSED);
        assertClose(h, "lower", haldane.lower(), CLOSED);
        assertClose(h, "upper", haldane.upper(), CLOSED);
        assertClose(h, "p", haldane.pValue(), CLOSED);
        // chisq.test(M, correct = ) and prop.test(c(a, c), c(a + b, c + d), correct = ).
        for (boolean correct : new boolean[] {false, true}) {
            HypothesisTest chi = analysis.tests().get(correct ? 1 : 0);
            String call = "chisq.test(" + m + ", correct = " + (correct ? "TRUE" : "FALSE") + ")";
            assertClose(call, "statistic", chi.statistic(), CLOSED);
            assertClose(call, "p.value", chi.pValue(), CLOSED);
            String prop = "prop.test(c(" + list(t.a(), t.c()) + "), c(" + list(t.exposed(), t.reference())
                    + "), correct = " + (correct ? "TRUE" : "FALSE") + lvl + ")";
            Estimate rd = analysis.riskDifference(correct ? RiskDifferenceInterval.CONTINUITY_CORRECTED
                    : RiskDifferenceInterval.WALD);
            if (rd.lower() != null) {
                assertClose(prop, "lower", rd.lower(), CLOSED);
                assertClose(prop, "upper", rd.upper(), CLOSED);
            }
            if (correct) {
                assertClose(prop, "p.value", rd.pValue(), CLOSED);
            }
        }
        String rdp = "rd_wald_p(" + m + ")";
        if (has(rdp)) {
            assertClose(rdp, "p.value", analysis.riskDifference(RiskDifferenceInterval.WALD).pValue(), CLOSED);
        }
    }

    /** Agreement within uniroot's default tolerance: |theta - R| below 1, |1/theta - 1/R| above. */
    private static void assertUniroot(double r, Double ours, String what) {
        assertNotNull(ours, what);
        if (r == 0 || Double.isInfinite(r)) {
            assertEquals(r, ours, what);
        } else if (r <= 1) {
            assertEquals(r, ours, UNIROOT, what);
        } else {
            assertEquals(1 / r, 1 / ours, UNIROOT, what);
        }
    }

    private static void assertEstimate(String call, String name, Estimate e) {
        assertClose(call, name + ".est", e.estimate(), CLOSED);
        assertClose(call, name + ".lower", e.lower(), CLOSED);
        assertClose(call, name + ".upper", e.upper(), CLOSED);
    }
}
