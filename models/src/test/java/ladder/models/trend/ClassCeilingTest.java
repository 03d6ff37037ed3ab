package ladder.models.trend;

import static ladder.models.trend.TrendReference.assertR;
import static ladder.models.trend.TrendReference.c;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import ladder.engine.contract.Seb;
import ladder.models.result.ResultTable;
import org.junit.jupiter.api.Test;

class ClassCeilingTest {

    private static final List<String> GRADES = List.of("1", "2", "3", "4", "5", "6");

    /** The `ceiling` array of trend_reference.R: counts[employer][grade][group]. */
    private static final long[][][] COUNTS = new long[2][6][3];

    static {
        long[][] first = {{40, 35, 30, 22, 15, 9}, {30, 25, 18, 12, 7, 3}, {60, 45, 30, 15, 8, 2}};
        long[][] second = {{80, 70, 55, 40, 30, 20}, {50, 40, 30, 20, 12, 5}, {90, 70, 45, 25, 10, 4}};
        for (int g = 0; g < 6; g++) {
            for (int j = 0; j < 3; j++) {
                COUNTS[0][g][j] = first[j][g];
                COUNTS[1][g][j] = second[j][g];
            }
        }
    }

    /**
     * R: prop.test(a, b, correct = FALSE)$conf.int for each share; the delta-method variance of
     * the log representation ratio computed in trend_reference.R as t(grad) %*% V %*% grad with the
     * multinomial covariance V = (diag(pi) - pi pi') / N (not the closed form used here). 1e-8 relative.
     */
    @Test
    void compositionMatchesR() {
        ClassCeiling ceiling = ClassCeiling.of(GRADES, List.of("A", "B"), COUNTS, 0.95);
        long n = ceiling.composition().stream().mapToLong(ClassCeiling.GradeGroup::count).sum();
        assertEquals(18, ceiling.composition().size());
        for (ClassCeiling.GradeGroup r : ceiling.composition()) {
            assertR(TrendReference.propTest(r.count(), r.gradeTotal()), "lower", r.interval().lower());
            assertR(TrendReference.propTest(r.count(), r.gradeTotal()), "upper", r.interval().upper());
            long c = Math.round(r.workforceShare() * n);
            String call = "delta-method var of log representation ratio (formula) a = " + r.count() + ", b = "
                    + r.gradeTotal() + ", c = " + c + ", N = " + n;
            assertR(call, "ratio", r.workforceRatio());
            assertR(call, "variance", ClassCeiling.logRatioVariance(r.count(), r.gradeTotal(), c, n));
            double sd = Math.sqrt(TrendReference.value(call, "variance"));
            assertEquals(r.workforceRatio() * Math.exp(1.959963984540054 * sd), r.workforceInterval().upper(), 1e-12);
            double national = r.group() == Seb.PROFESSIONAL ? 0.34 : r.group() == Seb.INTERMEDIATE ? 0.24 : 0.42;
            assertEquals(r.interval().lower() / national, r.nationalInterval().lower(), 1e-15);
            assertEquals(r.share() / national, r.nationalRatio(), 1e-15);
        }
    }

    /**
     * R: mantelhaen.test(array(c(a1, c1, b1, d1, a2, c2, b2, d2), dim = c(2, 2, 2)), correct = FALSE)
     * $estimate and $conf.int; the crude Woolf interval written out in trend_reference.R
     * (exp(log(or) +- qnorm(0.975) * sqrt(sum(1 / table)))). 1e-8 relative.
     */
    @Test
    void ceilingOddsMatchR() {
        ClassCeiling ceiling = ClassCeiling.of(GRADES, List.of("A", "B"), COUNTS, 0.95);
        assertEquals(10, ceiling.odds().size());
        for (ClassCeiling.CeilingOdds o : ceiling.odds()) {
            int cut = GRADES.indexOf(o.cut());
            int j = o.group().ordinal();
            long[] strata = new long[8];
            for (int k = 0; k < 2; k++) {
                for (int g = 0; g < 6; g++) {
                    int col = g >= cut ? 0 : 2;
                    strata[4 * k + col] += COUNTS[k][g][j];
                    strata[4 * k + col + 1] += COUNTS[k][g][0];
                }
            }
            String mh = "mantelhaen.test(array(" + c(strata) + ", dim = c(2, 2, 2)), correct = FALSE)";
            assertR(mh, "estimate", o.stratified().estimate());
            assertR(mh, "lower", o.stratified().lower());
            assertR(mh, "upper", o.stratified().upper());
            long[] crude = {strata[0] + strata[4], strata[1] + strata[5], strata[2] + strata[6], strata[3] + strata[7]};
            String woolf = "woolf (formula) matrix(" + c(crude) + ", 2)";
            assertR(woolf, "estimate", o.crude().estimate());
            assertR(woolf, "lower", o.crude().lower());
            assertR(woolf, "upper", o.crude().upper());
            long[] t = o.table();
            assertEquals(crude[0], t[0]);
            assertEquals(crude[1], t[2]);
        }
    }

    @Test
    void oneStratumGivesEqualCrudeAndStratifiedEstimates() {
        Random random = new Random(11);
        long[][] counts = new long[4][3];
        for (long[] row : counts) {
            for (int j = 0; j < 3; j++) {
                row[j] = 1 + random.nextInt(50);
            }
        }
        ClassCeiling ceiling = ClassCeiling.of(GRADES.subList(0, 4), counts, 0.95);
        for (ClassCeiling.CeilingOdds o : ceiling.odds()) {
            assertEquals(o.crude().estimate(), o.stratified().estimate(), 1e-12 * o.crude().estimate());
        }
        // The whole workforce at one grade: ratio 1 with no spread.
        assertEquals(0, ClassCeiling.logRatioVariance(30, 100, 30, 100), 1e-17);
    }

    @Test
    void emptyCellsGiveDefinedValuesAndNotes() {
        long[][] counts = {{10, 10, 10}, {5, 3, 0}};
        ClassCeiling ceiling = ClassCeiling.of(List.of("1", "2"), counts, 0.95);
        ClassCeiling.GradeGroup top = ceiling.composition().get(5);
        assertEquals(0, top.workforceRatio());
        assertFalse(top.workforceInterval().isDefined());
        ClassCeiling.CeilingOdds working = ceiling.odds().get(1);
        assertEquals(Seb.WORKING_CLASS, working.group());
        assertEquals(0.0, working.crude().estimate());
        ResultTable table = ceiling.tables().get(1);
        assertEquals(0.0, table.get(1, "odds_ratio"));
        assertNull(table.get(1, "lower"));
        assertTrue(ceiling.notes().stream().anyMatch(n -> n.contains("no log-scale interval")));
        assertTrue(ceiling.notes().stream().anyMatch(n -> n.contains("no 0.5 is added")));
    }
}
