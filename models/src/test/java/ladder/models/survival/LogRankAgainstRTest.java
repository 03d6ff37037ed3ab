package ladder.models.survival;

import static ladder.models.survival.SurvivalReference.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Log-rank and Peto-Peto tests against R 4.2.2 / survival 3.5-3 (survival_reference.R):
 * {@code survdiff(Surv(time, status) ~ group [+ strata(stratum)], data = <data>, rho = <rho>)},
 * observed, expected, variance matrix, chi-square, df and p to 1e-8 relative.
 */
class LogRankAgainstRTest {

    private static final double TOLERANCE = 1e-8;

    @ParameterizedTest
    @CsvSource({"three_groups,0,false", "three_groups,1,false", "not_reached,0,false", "not_reached,1,false",
            "stratified,0,true", "stratified,1,true"})
    void matchesSurvdiff(String data, int rho, boolean stratified) {
        LogRank test = LogRank.of(SurvivalReference.cells(data, false), rho, stratified);
        String call = "survdiff(Surv(time, status) ~ group" + (stratified ? " + strata(stratum)" : "") + ", data = "
                + data + ", rho = " + rho + ")";
        for (int g = 0; g < test.groups().size(); g++) {
            LogRank.Group group = test.groups().get(g);
            String name = group.group();
            assertEquals(SurvivalReference.value(call, "n[" + name + "]"), group.n(), call);
            assertClose(SurvivalReference.value(call, "observed[" + name + "]"), group.observed(), TOLERANCE, call);
            assertClose(SurvivalReference.value(call, "expected[" + name + "]"), group.expected(), TOLERANCE, call);
            for (int h = 0; h < test.groups().size(); h++) {
                String key = "var[" + name + "," + test.groups().get(h).group() + "]";
                assertClose(SurvivalReference.value(call, key), test.variance().get(g).get(h), TOLERANCE, call + key);
            }
        }
        assertClose(SurvivalReference.value(call, "chisq"), test.chiSquare(), TOLERANCE, call + " chisq");
        assertEquals(SurvivalReference.value(call, "df"), test.df());
        assertClose(SurvivalReference.value(call, "p"), test.pValue(), TOLERANCE, call + " p");
    }
}
