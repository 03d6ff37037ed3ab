package ladder.models.multilevel;

/**
 * A group's random intercept in a fitted random-intercept logit.
 *
 * @param group the group's label
 * @param trials its trials n
 * @param events its events y
 * @param linearPredictor x<sub>g</sub>&beta;, the fixed part of the log-odds of the group's first row
 *     (for a MAIHDA stratum, the stratum's covariates)
 * @param mode b&#770;<sub>g</sub> = &theta;&ucirc;<sub>g</sub>, the conditional mode of the random intercept
 *     (lme4's {@code ranef})
 * @param conditionalSd &theta; / L<sub>g</sub>, its SD from the Laplace approximation to its posterior
 *     given &theta; and &beta; (lme4's {@code sqrt(attr(ranef(fit, condVar = TRUE)[[1]], "postVar"))},
 *     arm's {@code se.ranef})
 * @param predictionSd the SD of x<sub>g</sub>&beta;&#770; + b&#770;<sub>g</sub> from the inverse of the joint
 *     penalised information of (&beta;, u) at the optimum, &theta; held: &radic;(&theta;&sup2;/L&sup2; +
 *     c'V<sub>RX</sub>c), c = x<sub>g</sub> - &theta;&sup2;s<sub>g</sub>/L<sub>g</sub>&sup2;, which adds the
 *     fixed effects' uncertainty and their covariance with the mode to the conditional SD
 */
public record GroupEffect(String group, double trials, double events, double linearPredictor, double mode,
        double conditionalSd, double predictionSd) {

    /** events / trials. */
    public double observedRate() {
        return events / trials;
    }
}
