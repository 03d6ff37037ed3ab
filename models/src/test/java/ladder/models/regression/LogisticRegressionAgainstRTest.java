package ladder.models.regression;

import static ladder.models.regression.LogisticReference.assertClose;
import static ladder.models.regression.LogisticReference.glm;
import static ladder.models.regression.LogisticReference.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fits against R's glm and sandwich::vcovCL on the data logistic_reference.R generated, to 1e-6
 * relative. The R calls are those named in each assertion (the keys of logistic_reference.csv);
 * R writes Ladder's C(year) as factor(year).
 */
class LogisticRegressionAgainstRTest {

    private static final BinomialData ROWS = TestData.rows();

    /**
     * Checks every coefficient, its model SE (R: summary(fit)$coefficients[, 2]), CR1 SE
     * (vcovCL(fit, cluster = ~employer_id, type = "HC1")), HC0 SE (type = "HC0", cadjust = FALSE),
     * G/(G-1)-only SE (type = "HC0", cadjust = TRUE), and logLik, deviance, null deviance,
     * df.residual, AIC, BIC of {@code call}.
     */
    static LogisticModel check(String call, LogisticModel fit) {
        List<String> names = LogisticReference.coefficients(call);
        assertEquals(new HashSet<>(names), new HashSet<>(fit.covariances().names()), "estimated coefficients of " + call);
        Map<CovarianceType, double[][]> v = Map.of(CovarianceType.HC0, fit.covariances().matrix(CovarianceType.HC0),
                CovarianceType.CLUSTER_ONLY, fit.covariances().matrix(CovarianceType.CLUSTER_ONLY));
        for (String name : names) {
            Coefficient c = fit.coefficient(name);
            assertClose(value(call, "coef:" + name), c.estimate(), name + " of " + call);
            assertClose(value(call, "se_model:" + name), c.modelSe(), "model SE of " + name);
            assertEquals(CovarianceType.CR1, fit.covariance());
            assertClose(value(call, "se_cr1:" + name), c.se(), "CR1 SE of " + name);
            int k = fit.covariances().names().indexOf(name);
            assertClose(value(call, "se_hc0:" + name), Math.sqrt(v.get(CovarianceType.HC0)[k][k]), "HC0 SE of " + name);
            assertClose(value(call, "se_cluster_only:" + name), Math.sqrt(v.get(CovarianceType.CLUSTER_ONLY)[k][k]),
                    "G/(G-1) SE of " + name);
            assertClose(c.estimate() / c.se(), c.z(), "z");
            assertClose(Math.exp(c.estimate() - 1.959963984540054 * c.se()), c.oddsRatioLower(), "OR lower");
        }
        FitStatistics s = fit.statistics();
        assertClose(value(call, "logLik"), s.logLikelihood(), "logLik of " + call);
        assertClose(value(call, "deviance"), s.deviance(), "deviance");
        assertClose(value(call, "null.deviance"), s.nullDeviance(), "null deviance");
        assertEquals(value(call, "df.residual"), s.residualDf(), "df.residual");
        assertClose(value(call, "AIC"), s.aic(), "AIC");
        assertClose(value(call, "BIC"), s.bic(), "BIC");
        assertTrue(s.converged());
        return fit;
    }

    static LogisticModel fit(String formula, BinomialData data) {
        return LogisticRegression.of(formula, data).fit();
    }

    @Test
    void allCategoricalWithThirtyEmployers() {
        // glm(promoted ~ seb + gender + ethnicity + factor(year), family = binomial, data = rows_a, control = ...)
        LogisticModel fit = check(glm("promoted ~ seb + gender + ethnicity + factor(year)", "rows_a"),
                fit("promoted ~ seb + gender + ethnicity + C(year)", ROWS));
        assertEquals(30, fit.statistics().clusters());
        assertEquals(3000, fit.statistics().people());
    }

    @Test
    void interaction() {
        check(glm("promoted ~ seb * gender + ethnicity + factor(year)", "rows_a"),
                fit("promoted ~ seb * gender + ethnicity + C(year)", ROWS));
    }

    @Test
    void numericCovariate() {
        check(glm("promoted ~ seb + gender + months_in_grade + factor(year)", "rows_a"),
                fit("promoted ~ seb + gender + months_in_grade + C(year)", ROWS));
    }

    @Test
    void thousandEmployersFromCells() {
        // R fits the 40,000 people (the cells expanded to 0/1 rows); Ladder the 5,983 cells.
        LogisticModel fit = check(glm("promoted ~ seb + gender", "people_d"), fit("promoted ~ seb + gender", TestData.cells()));
        assertEquals(1000, fit.statistics().clusters());
        assertEquals(40000, fit.statistics().people());
        assertEquals(5983, fit.statistics().cells());
    }

    @Test
    void likelihoodRatioTest() {
        // anova(a, b, test = "Chisq") of the models of allCategorical... and interaction.
        LikelihoodRatioTest lr = LikelihoodRatioTest.of(fit("promoted ~ seb + gender + ethnicity + C(year)", ROWS),
                fit("promoted ~ seb * gender + ethnicity + C(year)", ROWS));
        assertClose(value("anova(a, b, test = Chisq)", "deviance"), lr.chiSquare(), 1e-5, "LR statistic");
        assertEquals(value("anova(a, b, test = Chisq)", "df"), lr.df());
        assertClose(value("anova(a, b, test = Chisq)", "p"), lr.p(), 1e-5, "LR p");
    }

    @Test
    void jointWaldTests() {
        // t(b) %*% solve(V[cols, cols]) %*% b with V = vcov(fit) and vcovCL(fit, cluster = ~employer_id, type = "HC1").
        String a = glm("promoted ~ seb + gender + ethnicity + factor(year)", "rows_a");
        LogisticModel fit = fit("promoted ~ seb + gender + ethnicity + C(year)", ROWS);
        WaldTest model = test(fit, "seb", CovarianceType.MODEL);
        assertClose(value("wald(" + a + ", seb, vcov)", "chi_square"), model.chiSquare(), "Wald seb, model");
        assertClose(value("wald(" + a + ", seb, vcov)", "p"), model.p(), "Wald p, model");
        assertEquals(2, model.df());
        WaldTest cr1 = test(fit, "seb", CovarianceType.CR1);
        assertClose(value("wald(" + a + ", seb, vcovCL HC1)", "chi_square"), cr1.chiSquare(), "Wald seb, CR1");
        assertClose(value("wald(" + a + ", seb, vcovCL HC1)", "p"), cr1.p(), "Wald p, CR1");
        String b = glm("promoted ~ seb * gender + ethnicity + factor(year)", "rows_a");
        WaldTest interaction = test(fit("promoted ~ seb * gender + ethnicity + C(year)", ROWS), "seb:gender",
                CovarianceType.CR1);
        assertClose(value("wald(" + b + ", seb:gender, vcovCL HC1)", "chi_square"), interaction.chiSquare(),
                "Wald seb:gender, CR1");
    }

    private static WaldTest test(LogisticModel fit, String term, CovarianceType type) {
        return fit.tests().stream().filter(t -> t.term().equals(term) && t.covariance() == type).findFirst()
                .orElseThrow();
    }

    @Test
    void rankDeficientColumnIsAliasedAsRsNa() {
        // R's epsilon = 1e-10 (with 1e-14 its QR tolerance misses the aliasing), restarted at its own
        // estimate s0 so that its covariance is at the estimate: coefficient gender_copyf NA.
        String call = "glm(promoted ~ seb + gender + gender_copy, family = binomial, data = rows_a,"
                + " start = s0, control = glm.control(epsilon = 1e-10, maxit = 100))";
        Map<String, List<String>> c = TestData.read("logistic_rows.csv");
        String[] copy = c.get("gender").stream().map(g -> g.equals("woman") ? "f" : "m").toArray(String[]::new);
        BinomialData data = BinomialData.builder(TestData.numbers(c.get("promoted")))
                .categorical("seb", TestData.labels(c.get("seb")), TestData.SEB)
                .categorical("gender", TestData.labels(c.get("gender")), TestData.GENDER)
                .categorical("gender_copy", copy, List.of("m", "f"))
                .clusters(TestData.labels(c.get("employer_id"))).build();
        LogisticModel fit = check(call, fit("promoted ~ seb + gender + gender_copy", data));
        assertEquals(1.0, value(call, "aliased:gender_copy=f"));
        assertEquals(Coefficient.Status.ALIASED, fit.coefficient("gender_copy=f").status());
        assertTrue(fit.notes().stream().anyMatch(n -> n.contains("gender_copy=f is aliased")), fit.notes()::toString);
    }

    @Test
    void levelWithoutPeopleIsDroppedAndReported() {
        // glm(promoted ~ seb + ethnicity, data = rows_unused): ethnicity has an unused level "none",
        // which R's model.frame drops; Ladder drops it too and says so.
        Map<String, List<String>> c = TestData.read("logistic_rows.csv");
        BinomialData data = BinomialData.builder(TestData.numbers(c.get("promoted")))
                .categorical("seb", TestData.labels(c.get("seb")), TestData.SEB)
                .categorical("ethnicity", TestData.labels(c.get("ethnicity")),
                        List.of("white", "asian", "black", "mixed_other", "none"))
                .clusters(TestData.labels(c.get("employer_id"))).build();
        LogisticModel fit = check(glm("promoted ~ seb + ethnicity", "rows_unused"), fit("promoted ~ seb + ethnicity", data));
        assertEquals(List.of(new Design.DroppedLevel("ethnicity", "none")), fit.droppedLevels());
        assertEquals("ethnicity=none", fit.inputs().get("excluded_levels"));
        assertTrue(fit.notes().stream().anyMatch(n -> n.contains("'none' of ethnicity has no people")));
    }
}
