package ladder.models.pay;

import static ladder.models.pay.PayReference.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OaxacaBlinderTest {

    private static final PayReference PY = PayReference.of("oaxaca_reference.csv");
    private static final String CALL = "OaxacaBlinder(log(pay_pence), professional vs working_class, two_fold_type='pooled')";

    /**
     * oaxaca_reference.py: statsmodels 0.13.5 {@code OaxacaBlinder(y, exog, bifurcate=<indicator>, hasconst=True)
     * .two_fold().params} (default two_fold_type="pooled") for gap, explained and unexplained on the professional and
     * working-class rows of pay_data.csv; the SEs by the script's own dense influence-function delta method. To 1e-6.
     */
    @Test
    void decompositionMatchesStatsmodelsAndStandardErrorsTheDenseDeltaMethod() {
        List<Factor> covariates = AdjustedPayGapTest.FACTORS.subList(1, AdjustedPayGapTest.FACTORS.size());
        AdjustedPayGapTest.Rows rows = AdjustedPayGapTest.Rows.of(AdjustedPayGapTest.FACTORS);
        int[] seb = rows.codes()[0];
        int[] group = new int[seb.length];
        for (int i = 0; i < seb.length; i++) {
            group[i] = seb[i] == 0 ? 0 : seb[i] == 2 ? 1 : -1;
        }
        int[][] codes = java.util.Arrays.copyOfRange(rows.codes(), 1, rows.codes().length);
        OaxacaBlinder o = OaxacaBlinder.of(new TreatmentCoding(covariates), codes, rows.pay(), group,
                List.of("professional", "working_class"), 0.95);
        assertEquals((long) PY.value(CALL, "n_professional"), o.nReference());
        assertEquals((long) PY.value(CALL, "n_working_class"), o.nGroup());
        assertClose(PY.value(CALL, "gap"), o.gap(), 1e-6, "gap");
        assertClose(PY.value(CALL, "explained"), o.explained(), 1e-6, "explained");
        assertClose(PY.value(CALL, "unexplained"), o.unexplained(), 1e-6, "unexplained");
        assertClose(PY.value(CALL, "se_gap"), o.seGap(), 1e-6, "se gap");
        assertClose(PY.value(CALL, "se_explained"), o.seExplained(), 1e-6, "se explained");
        assertClose(PY.value(CALL, "se_unexplained"), o.seUnexplained(), 1e-6, "se unexplained");
        for (int j = 0; j < o.names().size(); j++) {
            assertClose(PY.value(CALL, "beta_star:" + o.names().get(j)), o.referenceCoefficients()[j], 1e-6, o.names().get(j));
        }
        assertTrue(o.notes().get(0).startsWith("Of the gap of 0.167 log points in mean hourly pay between staff from"
                + " professional and working-class backgrounds, 0.117 (70%"), o.notes().get(0));
        assertEquals("explained", o.tables().get(0).get(1, "component"));
    }
}
