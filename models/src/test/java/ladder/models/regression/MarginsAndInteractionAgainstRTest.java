package ladder.models.regression;

import static ladder.models.regression.LogisticReference.assertClose;
import static ladder.models.regression.LogisticReference.glm;
import static ladder.models.regression.LogisticReference.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * Margins against logistic_reference.R's counterfactual average predictions (everyone set to the
 * level via model.matrix on a copy of the data, mean(plogis(X b)), analytic Jacobian
 * colMeans(p (1 - p) X), checked there against central differences), and the additive interaction
 * against epiR::epi.interaction. To 1e-6 relative.
 */
class MarginsAndInteractionAgainstRTest {

    private static final BinomialData ROWS = TestData.rows();

    private static void checkMargins(String call, String variable, LogisticModel model, LogisticModel cr1,
            String... levels) {
        Margins m = model.margins(variable);
        Margins c = cr1.margins(variable);
        assertEquals(levels[0], m.reference());
        for (String level : levels) {
            String at = "avg_prediction(" + call + ", " + variable + " = " + level + ")";
            assertClose(value(at, "probability"), m.prediction(level).probability(), "average prediction " + level);
            assertClose(value(at, "se_model"), m.prediction(level).se(), "its model delta-method SE");
            assertClose(value(at, "se_cr1"), c.prediction(level).se(), "its CR1 delta-method SE");
            if (!level.equals(levels[0])) {
                Margins.Contrast d = m.contrasts().stream().filter(x -> x.level().equals(level)).findFirst().orElseThrow();
                Margins.Contrast dc = c.contrasts().stream().filter(x -> x.level().equals(level)).findFirst().orElseThrow();
                assertClose(value(at, "difference"), d.difference(), "difference " + level);
                assertClose(value(at, "difference_se_model"), d.se(), "its model SE");
                assertClose(value(at, "difference_se_cr1"), dc.se(), "its CR1 SE");
                // The script's numerical-derivative version of the same SE agrees to about 1e-8.
                assertClose(value(at, "difference_se_numeric_cr1"), dc.se(), 1e-5, "numerical-Jacobian CR1 SE");
            }
        }
    }

    @Test
    void averagePredictionsOfSebWithInteraction() {
        String formula = "promoted ~ seb * gender + ethnicity + C(year)";
        LogisticModel model = LogisticRegression.of(formula, ROWS).covariance(CovarianceType.MODEL).margins("seb").fit();
        LogisticModel cr1 = LogisticRegression.of(formula, ROWS).margins("seb").threads(2).fit();
        checkMargins(glm("promoted ~ seb * gender + ethnicity + factor(year)", "rows_a"), "seb", model, cr1,
                "professional", "intermediate", "working_class");
        String sentence = cr1.margins("seb").sentence("working_class", "promotion",
                l -> l.equals("professional") ? "professional-background staff" : l.replace('_', '-') + " staff");
        assertEquals("working-class staff had a 12.8% chance of promotion against 25.5% for otherwise similar"
                + " professional-background staff (difference -12.7 percentage points, 95% CI "
                + String.format(java.util.Locale.ROOT, "%.1f to %.1f)",
                        100 * cr1.margins("seb").contrasts().get(1).lower(),
                        100 * cr1.margins("seb").contrasts().get(1).upper()), sentence);
    }

    @Test
    void averagePredictionsOfFourLevelEthnicity() {
        String formula = "promoted ~ seb + gender + ethnicity + C(year)";
        LogisticModel model = LogisticRegression.of(formula, ROWS).covariance(CovarianceType.MODEL).margins("ethnicity")
                .fit();
        LogisticModel cr1 = LogisticRegression.of(formula, ROWS).margins("ethnicity").fit();
        checkMargins(glm("promoted ~ seb + gender + ethnicity + factor(year)", "rows_a"), "ethnicity", model, cr1,
                "white", "asian", "black", "mixed_other");
    }

    @Test
    void additiveInteractionAsEpiR() {
        // epi.interaction(model = glm(promoted ~ wc * gender + factor(year), ...), coef = c(2, 3, 7),
        //                 param = 'product', conf.level = 0.95); epiR uses vcov(model): MODEL here.
        String call = "epi.interaction(model = " + glm("promoted ~ wc * gender + factor(year)", "rows_a")
                + ", coef = c(2, 3, 7), param = 'product', conf.level = 0.95)";
        LogisticModel fit = LogisticRegression.of("promoted ~ wc * gender + C(year)", ROWS)
                .covariance(CovarianceType.MODEL).interaction("wc=working_class", "gender=woman").fit();
        AdditiveInteraction ai = fit.interactions().get(0);
        assertEquals("wc=working_class:gender=woman", ai.product());
        assertClose(value(call, "reri_est"), ai.reri().estimate(), "RERI");
        assertClose(value(call, "reri_lower"), ai.reri().lower(), "RERI lower");
        assertClose(value(call, "reri_upper"), ai.reri().upper(), "RERI upper");
        assertClose(value(call, "apab_est"), ai.ap().estimate(), "AP");
        assertClose(value(call, "apab_lower"), ai.ap().lower(), "AP lower");
        assertClose(value(call, "apab_upper"), ai.ap().upper(), "AP upper");
        assertClose(value(call, "s_est"), ai.synergy().estimate(), "S");
        assertClose(value(call, "s_lower"), ai.synergy().lower(), "S lower (log scale)");
        assertClose(value(call, "s_upper"), ai.synergy().upper(), "S upper");
        assertClose(value(call, "multiplicative_est"), ai.multiplicative().estimate(), "multiplicative OR");
        assertClose(fit.coefficient("wc=working_class:gender=woman").oddsRatioLower(), ai.multiplicative().lower(),
                1e-12, "multiplicative interval is the coefficient's Wald interval");
        // Both contrasts lower the odds of promotion: epiR warns that RERI and AP are then invalid; so does Ladder.
        org.junit.jupiter.api.Assertions.assertNotNull(ai.caveat());
        org.junit.jupiter.api.Assertions.assertTrue(fit.notes().contains(ai.caveat()));
    }

    @Test
    void synergyIndexBelowZeroHasNoInterval() {
        // OR11 = e^(b1+b2+b3) < 1 < OR10 + OR01 - 1 makes S negative: log S undefined.
        java.util.List<String> names = java.util.List.of("a", "b", "a:b");
        double[][] v = {{0.01, 0, 0}, {0, 0.01, 0}, {0, 0, 0.02}};
        AdditiveInteraction ai = AdditiveInteraction.of(names, new double[] {0.5, 0.5, -1.5}, v, CovarianceType.MODEL,
                "a", "b", 0.95);
        assertEquals(true, ai.synergy().estimate() < 0);
        assertNull(ai.synergy().lower());
        assertNull(ai.synergy().se());
    }
}
