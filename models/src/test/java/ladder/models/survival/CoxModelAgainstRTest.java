package ladder.models.survival;

import static ladder.models.survival.SurvivalReference.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Cox models against R 4.2.2 / survival 3.5-3 (survival_reference.R), to 1e-6 relative:
 * {@code coxph(Surv(time, status) ~ <rhs>, data = <data>, ties = <ties> [, cluster = cluster])}
 * (coef, se, robust se, loglik, summary's three tests and robust score test, iterations) and
 * {@code cox.zph(<that fit>)} (chisq, df, p per term and GLOBAL).
 */
class CoxModelAgainstRTest {

    private static final double TOLERANCE = 1e-6;
    private static final List<String> GROUPS = List.of("professional", "intermediate", "working");
    private static final List<String> SEXES = List.of("female", "male");

    @ParameterizedTest
    @CsvSource({"three_groups,EFRON,false,false,group", "three_groups,BRESLOW,false,false,group",
            "not_reached,EFRON,false,false,group", "not_reached,BRESLOW,false,false,group",
            "stratified,EFRON,true,false,group + sex + strata(stratum)",
            "stratified,BRESLOW,true,false,group + sex + strata(stratum)",
            "clustered,EFRON,false,true,group + sex", "clustered,BRESLOW,false,true,group + sex"})
    void matchesCoxph(String data, Ties ties, boolean stratified, boolean robust, String rhs) {
        boolean sex = rhs.contains("sex");
        CoxModel fit = CoxModel.fit(sex ? List.of("group", "sex") : List.of("group"),
                sex ? List.of(GROUPS, SEXES) : List.of(GROUPS), SurvivalReference.cells(data, sex),
                new CoxModel.Options(ties, stratified, robust, 0.95));
        String call = "coxph(Surv(time, status) ~ " + rhs + ", data = " + data + ", ties = \"" + ties.rName() + "\""
                + (robust ? ", cluster = cluster" : "") + ")";
        for (CoxModel.Coefficient c : fit.coefficients()) {
            String t = "[" + c.term() + "]";
            assertClose(SurvivalReference.value(call, "coef" + t), c.coef(), TOLERANCE, call + " coef" + t);
            assertClose(SurvivalReference.value(call, "se" + t), c.se(), TOLERANCE, call + " se" + t);
            if (robust) {
                assertClose(SurvivalReference.value(call, "robust.se" + t), c.robustSe(), TOLERANCE, call + " robust" + t);
            } else {
                assertNull(c.robustSe());
            }
            assertClose(SurvivalReference.value(call, "p" + t), c.pValue(), TOLERANCE, call + " p" + t);
            assertClose(SurvivalReference.value(call, "lower.95" + t), c.lower(), TOLERANCE, call + " lower" + t);
            assertClose(SurvivalReference.value(call, "upper.95" + t), c.upper(), TOLERANCE, call + " upper" + t);
        }
        assertEquals(SurvivalReference.quantities(call).keySet().stream().filter(q -> q.startsWith("coef[")).count(),
                fit.coefficients().size());
        assertClose(SurvivalReference.value(call, "loglik.null"), fit.logLikNull(), TOLERANCE, call + " loglik0");
        assertClose(SurvivalReference.value(call, "loglik"), fit.logLik(), TOLERANCE, call + " loglik");
        assertEquals(SurvivalReference.value(call, "iter"), fit.iterations(), call + " iterations");
        String[] names = {"logtest", "waldtest", "sctest"};
        for (int i = 0; i < 3; i++) {
            CoxModel.Test test = fit.tests().get(i);
            assertClose(SurvivalReference.value(call, names[i]), test.statistic(), TOLERANCE, call + " " + names[i]);
            assertClose(SurvivalReference.value(call, names[i] + ".p"), test.pValue(), TOLERANCE, call + " " + names[i]);
            assertEquals(SurvivalReference.value(call, "df"), test.df());
        }
        if (robust) {
            assertClose(SurvivalReference.value(call, "robscore"), fit.tests().get(3).statistic(), TOLERANCE,
                    call + " robust score");
        } else {
            assertEquals(3, fit.tests().size());
        }
        String zcall = "cox.zph(" + call + ")";
        for (ProportionalHazardsTest.Term term : fit.proportionalHazards().terms()) {
            String t = "[" + term.term() + "]";
            assertClose(SurvivalReference.value(zcall, "chisq" + t), term.chiSquare(), TOLERANCE, zcall + t);
            assertEquals(SurvivalReference.value(zcall, "df" + t), term.df(), zcall + t);
            assertClose(SurvivalReference.value(zcall, "p" + t), term.pValue(), TOLERANCE, zcall + " p" + t);
        }
        assertEquals(SurvivalReference.quantities(zcall).size(), 3 * fit.proportionalHazards().terms().size());
    }
}
