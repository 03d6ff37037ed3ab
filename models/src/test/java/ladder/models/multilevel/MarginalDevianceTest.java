package ladder.models.multilevel;

import static ladder.models.multilevel.MaihdaReference.assertClose;

import java.util.List;
import ladder.models.pay.Factor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The objective itself against lme4's deviance function away from the optimum, so that the
 * Laplace and AGQ formulas are checked independently of any optimiser. R:
 * {@code glmer(<formula>, data = <data>, family = binomial[, nAGQ = 10], devFunOnly = TRUE)(c(theta, beta))}
 * at theta 0.4 (0.7 for the employer data) and the fitted fixed effects moved by 0.05 (-0.1).
 * lme4 stops its penalised IRLS at a relative change of 1e-7 in the penalised deviance
 * ({@code tolPwrss}), and its Laplace value takes log L&sup2; from the weights of the iterate before
 * the last, so its Laplace objectives sit a few 1e-8 relative above the value at the exact modes
 * (its AGQ values agree to 1e-9): the tolerance is 2e-7.
 */
class MarginalDevianceTest {

    @ParameterizedTest
    @CsvSource({
        "maihda_a, stratum, false, 1",
        "maihda_a, stratum, false, 10",
        "maihda_a, stratum, true, 1",
        "maihda_a, stratum, true, 10",
        "employer, employer, true, 1",
        "employer, employer, true, 10"})
    void objectiveMatchesLme4DevianceFunction(String name, String group, boolean covariates, int nAGQ) {
        List<Factor> factors = !covariates ? List.of()
                : group.equals("stratum") ? MaihdaReference.MAIN : List.of(MaihdaReference.SEB, MaihdaReference.GENDER);
        String formula = !covariates ? "cbind(y, n - y) ~ 1 + (1 | stratum)"
                : group.equals("stratum") ? "cbind(y, n - y) ~ seb + gender + ethnicity + age + (1 | stratum)"
                : "cbind(y, n - y) ~ seb + gender + (1 | employer)";
        GroupedBinomial data = GroupedBinomial.of(factors,
                MaihdaReference.rows(name, group, factors.stream().map(Factor::name).toList()));
        String call = MaihdaReference.devfun(formula, name, nAGQ);
        double theta = MaihdaReference.value(call, "par:1");
        double[] beta = new double[data.columns()];
        for (int j = 0; j < beta.length; j++) {
            beta[j] = MaihdaReference.value(call, "par:" + (j + 2));
        }
        MarginalDeviance deviance = new MarginalDeviance(data,
                nAGQ == 1 ? Approximation.LAPLACE : Approximation.ADAPTIVE_GAUSS_HERMITE, nAGQ);
        assertClose(MaihdaReference.value(call, "value"), deviance.at(theta, beta).objective(), 2e-7, 1e-8, call);
    }

    /** One Gauss-Hermite point is the Laplace approximation: the same -2 log-likelihood at any (theta, beta). */
    @org.junit.jupiter.api.Test
    void onePointIsLaplace() {
        GroupedBinomial data = GroupedBinomial.of(MaihdaReference.MAIN, MaihdaReference.rows("maihda_a", "stratum",
                MaihdaReference.MAIN.stream().map(Factor::name).toList()));
        double[] beta = RandomInterceptLogit.glm(data);
        MarginalDeviance.Evaluation laplace = new MarginalDeviance(data, Approximation.LAPLACE, 1).at(0.6, beta);
        MarginalDeviance.Evaluation agq = new MarginalDeviance(data, Approximation.ADAPTIVE_GAUSS_HERMITE, 1).at(0.6, beta);
        assertClose(laplace.minus2LogLik(), agq.minus2LogLik(), 1e-13, 0, "k = 1");
        // and 25 points agree with 10 to the accuracy of the quadrature (3e-9 relative here)
        MarginalDeviance.Evaluation k10 = new MarginalDeviance(data, Approximation.ADAPTIVE_GAUSS_HERMITE, 10).at(0.6, beta);
        MarginalDeviance.Evaluation k25 = new MarginalDeviance(data, Approximation.ADAPTIVE_GAUSS_HERMITE, 25).at(0.6, beta);
        assertClose(k25.minus2LogLik(), k10.minus2LogLik(), 1e-8, 0, "k = 10 vs 25");
    }
}
