package ladder.models.regression;

import static ladder.models.regression.LogisticReference.assertClose;
import static ladder.models.regression.LogisticReference.statsmodels;

import org.junit.jupiter.api.Test;

/**
 * CR1 against statsmodels: {@code smf.glm(formula, rows, family=sm.families.Binomial())
 * .fit(cov_type='cluster', cov_kwds={'groups': rows.employer}, tol=1e-14)} (statsmodels 0.13.5,
 * whose default correction is G/(G-1) (N-1)/(N-k)), to 1e-6 relative.
 */
class StatsmodelsCrossCheckTest {

    private static void check(String formula) {
        String call = "smf.glm('" + formula + "', rows, family=sm.families.Binomial()).fit(cov_type='cluster',"
                + " cov_kwds={'groups': rows.employer}, tol=1e-14)";
        LogisticModel fit = LogisticRegression.of(formula, TestData.rows()).covariance(CovarianceType.CR1).fit();
        for (Coefficient c : fit.coefficients()) {
            assertClose(statsmodels(call, "coef:" + c.name()), c.estimate(), c.name());
            assertClose(statsmodels(call, "se_cluster:" + c.name()), c.se(), "cluster SE of " + c.name());
        }
        assertClose(statsmodels(call, "llf"), fit.statistics().logLikelihood(), "llf");
    }

    @Test
    void allCategorical() {
        check("promoted ~ seb + gender + ethnicity + C(year)");
    }

    @Test
    void interactionAndNumber() {
        check("promoted ~ seb * gender + months_in_grade + C(year)");
    }
}
