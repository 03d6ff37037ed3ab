package ladder.models.multilevel;

/**
 * How the integral over each group's random intercept is approximated in the marginal
 * likelihood, as lme4's {@code glmer} argument {@code nAGQ}.
 */
public enum Approximation {
    /**
     * The Laplace approximation ({@code nAGQ = 1}, lme4's default): the integrand replaced by the
     * Gaussian at its mode with the curvature there (Bates et al. 2015, JSS 67(1); Pinheiro and
     * Bates 1995).
     */
    LAPLACE,
    /**
     * Adaptive Gauss-Hermite quadrature with k points ({@code nAGQ = k}): the Gauss-Hermite rule
     * centred at each group's mode and scaled by its conditional SD (Liu and Pierce 1994,
     * Biometrika 81, 624-629). With one scalar random effect per group the integral factorises
     * over groups, so the quadrature is one-dimensional per group and converges to the exact
     * likelihood as k grows; k = 1 is the Laplace approximation.
     */
    ADAPTIVE_GAUSS_HERMITE
}
