package ladder.models.survival;

import static ladder.models.survival.SurvivalReference.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Kaplan-Meier curves, quantiles and S at chosen months against R 4.2.2 / survival 3.5-3
 * (survival_reference.R), to 1e-8 relative: every closed form here is a few hundred products.
 */
class KaplanMeierAgainstRTest {

    private static final double TOLERANCE = 1e-8;

    private static String call(String data, ConfidenceType type) {
        return "survfit(Surv(time, status) ~ group, data = " + data + ", conf.type = \"" + type.rName() + "\")";
    }

    /** survfit(Surv(time, status) ~ group, data = <data>, conf.type = <type>): every time of every group. */
    @ParameterizedTest
    @CsvSource({"three_groups,LOG", "three_groups,LOG_LOG", "three_groups,PLAIN", "not_reached,LOG",
            "not_reached,LOG_LOG", "stratified,LOG", "flat,LOG", "flat,LOG_LOG", "flat,PLAIN"})
    void curvesMatchSurvfit(String data, ConfidenceType type) {
        KaplanMeier km = KaplanMeier.of(SurvivalReference.cells(data, false), type, 0.95, KaplanMeier.DEFAULT_TIMES);
        String call = call(data, type);
        int compared = 0;
        for (KaplanMeierCurve curve : km.curves()) {
            for (KaplanMeierCurve.Point p : curve.points()) {
                String key = curve.group() + "," + p.time() + "]";
                String what = call + " " + key;
                assertEquals(SurvivalReference.value(call, "n.risk[" + key), p.nRisk(), what);
                assertEquals(SurvivalReference.value(call, "n.event[" + key), p.nEvent(), what);
                assertEquals(SurvivalReference.value(call, "n.censor[" + key), p.nCensor(), what);
                assertClose(SurvivalReference.value(call, "surv[" + key), p.survival(), TOLERANCE, "surv " + what);
                Double se = SurvivalReference.value(call, "std.err[" + key);
                // R's NaN (0 * Inf) once S = 0 is null here.
                assertClose(se == null || se.isNaN() ? null : se, p.se(), TOLERANCE, "se " + what);
                Double lower = SurvivalReference.value(call, "lower[" + key);
                Double upper = SurvivalReference.value(call, "upper[" + key);
                if (lower == null && p.survival() == 1) {
                    // log-log before the first promotion: R gives NA, Ladder the degenerate [1, 1].
                    assertEquals(1.0, p.lower(), what);
                    assertEquals(1.0, p.upper(), what);
                } else {
                    assertClose(lower, p.lower(), TOLERANCE, "lower " + what);
                    assertClose(upper, p.upper(), TOLERANCE, "upper " + what);
                }
                compared++;
            }
        }
        long inR = SurvivalReference.quantities(call).keySet().stream().filter(q -> q.startsWith("surv[")).count();
        assertEquals(inR, compared, "every time of every curve");
    }

    /** quantile(survfit(...), probs = c(0.25, 0.5)): quantile, lower, upper, NA as null with a reason. */
    @ParameterizedTest
    @CsvSource({"three_groups,LOG", "three_groups,LOG_LOG", "three_groups,PLAIN", "not_reached,LOG",
            "not_reached,LOG_LOG", "stratified,LOG", "flat,LOG", "flat,LOG_LOG", "flat,PLAIN"})
    void quantilesMatchQuantileSurvfit(String data, ConfidenceType type) {
        KaplanMeier km = KaplanMeier.of(SurvivalReference.cells(data, false), type, 0.95, KaplanMeier.DEFAULT_TIMES);
        String call = "quantile(" + call(data, type) + ", probs = c(0.25, 0.5))";
        for (KaplanMeierCurve curve : km.curves()) {
            List<SurvivalQuantile> q = curve.quantiles(KaplanMeier.PROBABILITIES);
            for (int j = 0; j < 2; j++) {
                String key = curve.group() + "," + (j == 0 ? "25" : "50") + "]";
                SurvivalQuantile s = q.get(j);
                assertClose(SurvivalReference.value(call, "quantile[" + key), s.time(), TOLERANCE, call + key);
                assertClose(SurvivalReference.value(call, "lower[" + key), s.lower(), TOLERANCE, call + key);
                assertClose(SurvivalReference.value(call, "upper[" + key), s.upper(), TOLERANCE, call + key);
                assertEquals(s.time() == null || s.lower() == null || s.upper() == null, s.reason() != null);
            }
        }
    }

    /** summary(survfit(...), times = c(6, 12, 24, 36, 48, 60, 120)). */
    @ParameterizedTest
    @CsvSource({"three_groups,LOG", "three_groups,LOG_LOG", "three_groups,PLAIN", "not_reached,LOG",
            "not_reached,LOG_LOG", "stratified,LOG"})
    void survivalAtTimesMatchesSummary(String data, ConfidenceType type) {
        KaplanMeier km = KaplanMeier.of(SurvivalReference.cells(data, false), type, 0.95, KaplanMeier.DEFAULT_TIMES);
        String call = "summary(" + call(data, type) + ", times = c(6, 12, 24, 36, 48, 60, 120))";
        for (KaplanMeierCurve curve : km.curves()) {
            int previous = -1;
            for (int t : KaplanMeier.DEFAULT_TIMES) {
                KaplanMeierCurve.SurvivalAt s = curve.at(t, previous);
                String key = curve.group() + "," + t + "]";
                if (!SurvivalReference.has(call, "surv[" + key)) {
                    assertNull(s, "R drops a time after the last follow-up: " + key);
                    continue;
                }
                previous = t;
                assertEquals(SurvivalReference.value(call, "n.risk[" + key), s.nRisk(), key);
                assertEquals(SurvivalReference.value(call, "n.event[" + key), s.nEvent(), key);
                assertClose(SurvivalReference.value(call, "surv[" + key), s.survival(), TOLERANCE, key);
                assertClose(SurvivalReference.value(call, "std.err[" + key), s.se(), TOLERANCE, key);
                assertClose(SurvivalReference.value(call, "lower[" + key), s.lower(), TOLERANCE, key);
                assertClose(SurvivalReference.value(call, "upper[" + key), s.upper(), TOLERANCE, key);
            }
        }
    }

    /** The working group of not_reached stays above 0.5: no median, a reason, and a sentence that says so. */
    @org.junit.jupiter.api.Test
    void medianNotReachedIsNullWithAReason() {
        KaplanMeier km = KaplanMeier.of(SurvivalReference.cells("not_reached", false));
        SurvivalQuantile median = km.curve("working").quantiles(new double[] {0.5}).get(0);
        assertNull(median.time());
        assertTrue(median.reason().contains("not reached"), median.reason());
        assertTrue(km.notes().stream().anyMatch(n -> n.startsWith("Fewer than half of the working group")),
                km.notes().toString());
        int row = 0;
        var quantiles = km.tables().get(1);
        while (!(quantiles.get(row, "group").equals("working") && quantiles.get(row, "quantile").equals("median"))) {
            row++;
        }
        assertNull(quantiles.get(row, "months"));
        assertTrue(((String) quantiles.get(row, "reason")).contains("not reached"));
        assertTrue(km.notes().stream().anyMatch(n -> n.matches("Half of the professional group were promoted within"
                + " 11 months \\(95% CI 9 to 13\\)\\.")), km.notes().toString());
    }
}
