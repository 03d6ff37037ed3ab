package ladder.models.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import ladder.engine.LadderException;
import ladder.models.result.Result;
import ladder.models.result.ResultTable;
import org.junit.jupiter.api.Test;

/** User mistakes give one clear LadderException; degenerate data give defined values, never NaN. */
class BadInputTest {

    private static final List<String> GROUPS = List.of("professional", "intermediate", "working");

    @Test
    void negativeTimeIsRefused() {
        LadderException e = assertThrows(LadderException.class, () -> SurvivalCell.of("working", -1, 1, 0));
        assertTrue(e.getMessage().contains("whole months from 0 to 600, got -1"), e.getMessage());
        assertThrows(LadderException.class, () -> SurvivalCell.of("working", 601, 1, 0));
    }

    @Test
    void eventsThatAreNotCountsOfZeroOneRowsAreRefused() {
        for (double bad : new double[] {0.5, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            LadderException e = assertThrows(LadderException.class, () -> SurvivalCell.of("working", 3, bad, 0));
            assertTrue(e.getMessage().contains("coded other than 0/1"), e.getMessage());
            assertThrows(LadderException.class, () -> SurvivalCell.of("working", 3, 0, bad));
        }
    }

    /** Three groups, the working group never promoted. */
    private static List<SurvivalCell> noPromotionsInOneGroup() {
        List<SurvivalCell> cells = new ArrayList<>();
        for (int t = 1; t <= 20; t++) {
            cells.add(SurvivalCell.of("professional", t, t % 2, 1));
            cells.add(SurvivalCell.of("intermediate", t, t % 3 == 0 ? 1 : 0, 1));
            cells.add(SurvivalCell.of("working", t, 0, 2));
        }
        return cells;
    }

    @Test
    void aGroupWithNoPromotionsHasAFlatCurveAndNoMedian() {
        KaplanMeier km = KaplanMeier.of(noPromotionsInOneGroup());
        KaplanMeierCurve working = km.curve("working");
        for (KaplanMeierCurve.Point p : working.points()) {
            assertEquals(1.0, p.survival());
            assertEquals(0.0, p.se());
            assertEquals(1.0, p.lower());
            assertEquals(1.0, p.upper());
        }
        SurvivalQuantile median = working.quantiles(new double[] {0.5}).get(0);
        assertNull(median.time());
        assertNull(median.lower());
        assertNull(median.upper());
        assertTrue(median.reason().contains("not reached"));
        assertNoNaN(km);
    }

    @Test
    void aGroupWithNoPromotionsStillEntersTheLogRankTest() {
        LogRank test = LogRank.of(noPromotionsInOneGroup());
        assertEquals(0.0, test.groups().get(2).observed());
        assertTrue(test.groups().get(2).expected() > 0);
        assertEquals(2, test.df());
        assertTrue(test.chiSquare() > 0);
        assertNoNaN(test);
    }

    @Test
    void aCoxModelWithALevelNeverPromotedIsRefused() {
        LadderException e = assertThrows(LadderException.class,
                () -> CoxModel.fit(List.of("group"), List.of(GROUPS), noPromotionsInOneGroup()));
        assertTrue(e.getMessage().contains("nobody at level working of group was promoted"), e.getMessage());
    }

    @Test
    void otherMistakesAreRefused() {
        List<SurvivalCell> one = List.of(SurvivalCell.of("working", 3, 1, 0), SurvivalCell.of("working", 5, 1, 1));
        assertThrows(LadderException.class, () -> LogRank.of(one));
        assertThrows(LadderException.class, () -> LogRank.of(noPromotionsInOneGroup(), 0, true)); // no strata
        assertThrows(LadderException.class, () -> CoxModel.fit(List.of("group"), List.of(List.of("working", "other")),
                noPromotionsInOneGroup())); // an unknown level
        assertThrows(LadderException.class, () -> CoxModel.fit(List.of("group"), List.of(GROUPS),
                noPromotionsInOneGroup(), new CoxModel.Options(Ties.EFRON, false, true, 0.95))); // no clusters
        assertThrows(LadderException.class, () -> KaplanMeier.of(List.of(SurvivalCell.of("working", 3, 0, 0))));
    }

    @Test
    void everyoneAtRiskPromotedGivesSZeroWithNullSeAndInterval() {
        List<SurvivalCell> cells = List.of(SurvivalCell.of("a", 2, 1, 1), SurvivalCell.of("a", 4, 2, 0));
        KaplanMeier km = KaplanMeier.of(cells, ConfidenceType.LOG_LOG, 0.95, List.of(1, 3, 4, 5));
        KaplanMeierCurve.Point last = km.curve("a").points().get(1);
        assertEquals(0.0, last.survival());
        assertNull(last.se());
        assertNull(last.lower());
        assertEquals(Double.POSITIVE_INFINITY, last.seLog());
        assertNoNaN(km);
    }

    @Test
    void resultsCarryTheirTablesAndNotes() {
        List<SurvivalCell> cells = SurvivalReference.cells("clustered", true);
        CoxModel cox = CoxModel.fit(List.of("group", "sex"), List.of(GROUPS, List.of("female", "male")), cells,
                new CoxModel.Options(Ties.EFRON, false, true, 0.95));
        assertEquals(List.of("cox_coefficients", "cox_tests", "proportional_hazards"),
                cox.tables().stream().map(ResultTable::name).toList());
        assertEquals(List.of("covariate", "level", "term", "coef", "se", "robust_se", "hazard_ratio", "lower", "upper",
                "z", "p_value"), cox.tables().get(0).columns().stream().map(ResultTable.ColumnSpec::name).toList());
        assertTrue(cox.notes().stream().anyMatch(n -> n.contains("Lin and Wei 1989")));
        assertTrue(cox.notes().stream().anyMatch(n -> n.contains("Grambsch and Therneau 1994")));
        assertTrue(cox.notes().stream().anyMatch(n -> n.contains("Efron 1977")));
        assertNoNaN(cox);
        KaplanMeier km = KaplanMeier.of(SurvivalReference.cells("three_groups", false));
        assertEquals(List.of("survival_curve", "quantiles", "survival_at"),
                km.tables().stream().map(ResultTable::name).toList());
        assertEquals(List.of("group", "time", "n_risk", "n_event", "n_censor", "survival", "se", "lower", "upper"),
                km.tables().get(0).columns().stream().map(ResultTable.ColumnSpec::name).toList());
        assertTrue(km.notes().stream().anyMatch(n -> n.contains("Greenwood 1926") && n.contains("Kaplan and Meier 1958")));
        assertNoNaN(km);
        LogRank lr = LogRank.of(SurvivalReference.cells("three_groups", false), 1, false);
        assertTrue(lr.notes().stream().anyMatch(n -> n.contains("Peto-Peto")));
        assertNoNaN(lr);
    }

    private static void assertNoNaN(Result result) {
        for (ResultTable table : result.tables()) {
            for (List<Object> row : table.rows()) {
                for (Object v : row) {
                    assertTrue(!(v instanceof Double d) || !d.isNaN(), () -> table.name() + " has NaN: " + row);
                }
            }
        }
    }
}
