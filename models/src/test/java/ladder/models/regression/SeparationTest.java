package ladder.models.regression;

import static ladder.models.regression.LogisticReference.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Quasi-complete separation: no working-class person in logistic_separation.csv was promoted. R's
 * {@code glm(promoted ~ seb + gender, family = binomial, data = people_sep)} "converges" after 18
 * iterations to a coefficient of -18 for sebworking_class (a point on the way to -infinity);
 * Ladder says the estimate diverges and names it.
 */
class SeparationTest {

    private static final String CALL = "glm(promoted ~ seb + gender, family = binomial, data = people_sep)";

    static BinomialData separated() {
        Map<String, List<String>> c = TestData.read("logistic_separation.csv");
        return BinomialData.builder(TestData.numbers(c.get("y"))).trials(TestData.numbers(c.get("n")))
                .categorical("seb", TestData.labels(c.get("seb")), TestData.SEB)
                .categorical("gender", TestData.labels(c.get("gender")), TestData.GENDER).build();
    }

    @Test
    void divergingCoefficientIsNamedAndWithheld() {
        LogisticModel fit = LogisticRegression.of("promoted ~ seb + gender", separated()).fit();
        assertTrue(value(CALL, "coef:seb=working_class") < -15, "R's estimate runs off towards -infinity");
        Coefficient wc = fit.coefficient("seb=working_class");
        assertEquals(Coefficient.Status.DIVERGES, wc.status());
        assertEquals(Double.NEGATIVE_INFINITY, wc.estimate());
        assertEquals(0.0, wc.oddsRatio());
        assertNull(wc.se());
        assertNull(wc.p());
        assertTrue(fit.notes().stream().anyMatch(n -> n.startsWith("separation") && n.contains("seb=working_class (to -infinity)")),
                fit.notes()::toString);
        for (String other : List.of("(Intercept)", "seb=intermediate", "gender=woman")) {
            assertEquals(Coefficient.Status.ESTIMATED, fit.coefficient(other).status(), other);
            // The other coefficients converge (to the fit without working-class staff); R stopped at 1e-8.
            LogisticReference.assertClose(value(CALL, "coef:" + other), fit.coefficient(other).estimate(), 1e-5, other);
        }
        assertTrue(fit.tests().stream().noneMatch(t -> t.term().equals("seb")), "no Wald test of a diverging term");
        assertTrue(fit.tests().stream().anyMatch(t -> t.term().equals("gender")));
    }

    @Test
    void noSeparationInOrdinaryData() {
        LogisticModel fit = LogisticRegression.of("promoted ~ seb + gender", TestData.cells()).fit();
        assertTrue(fit.separationChecked());
        assertTrue(fit.coefficients().stream().allMatch(c -> c.status() == Coefficient.Status.ESTIMATED));
        assertFalse(fit.notes().stream().anyMatch(n -> n.contains("separation")));
    }

    @Test
    void completeSeparationByANumber() {
        // Everyone with more than 5 months was promoted, nobody with fewer: x'b separates completely.
        double[] months = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] y = {0, 0, 0, 0, 0, 1, 1, 1, 1, 1};
        BinomialData data = BinomialData.builder(y).numeric("months", months).build();
        LogisticModel fit = LogisticRegression.of("promoted ~ months", data).fit();
        assertEquals(Coefficient.Status.DIVERGES, fit.coefficient("months").status());
        assertEquals(Double.POSITIVE_INFINITY, fit.coefficient("months").estimate());
    }
}
