package ladder.models.multilevel;

/** How the covariance matrix of the fixed effects is computed, as lme4's {@code vcov.merMod}. */
public enum CovarianceMethod {
    /**
     * 2 [H<sup>-1</sup>]<sub>&beta;&beta;</sub>, H the central finite-difference Hessian (step
     * 10<sup>-4</sup>, lme4's {@code deriv12}) of the objective over (&theta;, &beta;) at the optimum:
     * the observed information including &theta;. This is lme4 1.1.31's default
     * ({@code use.hessian = TRUE} whenever {@code glmer} computed derivatives); where H is not
     * positive definite lme4, and this class, fall back to {@link #RX}.
     */
    HESSIAN,
    /**
     * (R<sub>X</sub>'R<sub>X</sub>)<sup>-1</sup> from the penalised IRLS at the optimum:
     * the inverse of X'WX - &Sigma;<sub>j</sub> &theta;&sup2; s<sub>j</sub>s<sub>j</sub>' / L<sub>j</sub>&sup2;
     * with s<sub>j</sub> = &Sigma;<sub>i in j</sub> w<sub>i</sub>x<sub>i</sub>, which treats &theta; as known
     * (lme4's {@code vcov(fit, use.hessian = FALSE)}).
     */
    RX
}
