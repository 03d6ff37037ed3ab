package ladder.models.contingency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import ladder.engine.LadderException;
import ladder.models.result.ResultTable;
import org.junit.jupiter.api.Test;

/** Zero cells, empty margins, results and sentences: what no R reference pins down. */
class ContingencyBehaviourTest {

    @Test
    void zeroCellsGiveZeroOrInfinityAndNoWoolfInterval() {
        Estimate zero = OddsRatio.of(new TwoByTwo(0, 10, 5, 7), OddsRatioInterval.WOOLF, 0.95);
        assertEquals(0.0, zero.estimate());
        assertNull(zero.lower());
        assertTrue(zero.reason().contains("a = 0"));
        Estimate infinite = OddsRatio.of(new TwoByTwo(8, 0, 5, 7), OddsRatioInterval.WOOLF, 0.95);
        assertEquals(Double.POSITIVE_INFINITY, infinite.estimate());
        Estimate exact = OddsRatio.of(new TwoByTwo(8, 0, 5, 7), OddsRatioInterval.EXACT, 0.95);
        assertEquals(Double.POSITIVE_INFINITY, exact.estimate());
        assertEquals(Double.POSITIVE_INFINITY, exact.upper());
        assertTrue(exact.lower() > 0 && exact.lower() < Double.POSITIVE_INFINITY);
        assertNotNull(exact.reason());
    }

    @Test
    void noNaNReachesATableEvenForEmptyMargins() {
        for (double[] cells : new double[][] {{0, 0, 5, 7}, {0, 10, 0, 7}, {0, 0, 0, 0}, {3, 4, 0, 0}, {5, 0, 6, 0}}) {
            TwoByTwoAnalysis a = TwoByTwoAnalysis.of(TwoByTwo.of(cells), Labels.generic(), 0.95);
            for (ResultTable t : a.tables()) {
                for (List<Object> row : t.rows()) {
                    for (Object v : row) {
                        assertFalse(v instanceof Double d && d.isNaN(), () -> "NaN in " + t.name() + " for "
                                + java.util.Arrays.toString(cells));
                    }
                }
            }
            assertNotNull(a.headline());
        }
        Estimate none = OddsRatio.of(new TwoByTwo(0, 0, 5, 7), OddsRatioInterval.EXACT, 0.95);
        assertNull(none.estimate());
        assertTrue(none.reason().contains("no one at the exposure level"));
    }

    @Test
    void fractionalCountsHaveNoExactInterval() {
        Estimate e = OddsRatio.of(new TwoByTwo(2.5, 3, 4, 5), OddsRatioInterval.EXACT, 0.95);
        assertNull(e.estimate());
        assertNotNull(OddsRatio.of(new TwoByTwo(2.5, 3, 4, 5), OddsRatioInterval.WOOLF, 0.95).lower());
    }

    @Test
    void mistakesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TwoByTwo(-1, 2, 3, 4));
        assertThrows(IllegalArgumentException.class, () -> new TwoByTwo(Double.NaN, 2, 3, 4));
        assertThrows(IllegalArgumentException.class, () -> OddsRatio.of(new TwoByTwo(1, 2, 3, 4),
                OddsRatioInterval.WOOLF, 1.5));
        assertThrows(LadderException.class, () -> StratifiedAnalysis.of(new double[][] {{1, 2, 3, 4}}, List.of(),
                Labels.generic(), 0.95));
    }

    @Test
    void theHeadlineReadsAsASentence() {
        Labels labels = new Labels("People from working-class backgrounds", "those from professional backgrounds",
                "reaching grade 4 or above", "employer", "employers");
        StratifiedAnalysis s = StratifiedAnalysis.of(StratifiedAgainstRTest.CASES[1],
                List.of("E1", "E2", "E3", "E4", "E5"), labels, 0.95);
        Estimate or = s.oddsRatio();
        assertEquals("People from working-class backgrounds had " + Headline.number(or.estimate())
                + " times the odds of reaching grade 4 or above of those from professional backgrounds in the same"
                + " employer (95% CI " + Headline.number(or.lower()) + " to " + Headline.number(or.upper())
                + "; Mantel-Haenszel, 5 employers).", s.headline());
        assertEquals("0.63", Headline.number(0.6349));
        assertEquals("0.012", Headline.number(0.01234));
        assertEquals("1,235", Headline.number(1234.6));
    }

    @Test
    void resultTablesCarryTheColumnsTheBriefNames() {
        StratifiedAnalysis s = StratifiedAgainstRTest.analysis(StratifiedAgainstRTest.CASES[2]);
        ResultTable strata = s.tables().get(2);
        assertEquals("strata", strata.name());
        assertEquals(7, strata.rows().size());
        assertEquals("excluded", strata.get(1, "use"));
        ResultTable estimates = s.tables().get(0);
        for (String c : List.of("measure", "method", "estimate", "lower", "upper", "p_value")) {
            assertTrue(estimates.column(c) >= 0, c);
        }
        assertTrue(s.notes().stream().anyMatch(n -> n.startsWith("2 of 7 strata left out")));
        TwoByTwoAnalysis t = TwoByTwoAnalysis.of(new TwoByTwo(47, 53, 32, 78), Labels.generic(), 0.95);
        assertEquals("cells", t.tables().get(0).name());
        assertEquals(47.0 / 100, t.tables().get(0).get(0, "risk"));
    }
}
