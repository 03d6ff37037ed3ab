package ladder.models.multilevel;

import java.util.List;

/**
 * How the optimisation of a random-intercept logit ended.
 *
 * @param converged whether the optimiser finished within its budget, every conditional mode
 *     settled, and the scaled gradient passed lme4's check ({@code check.conv.grad}: max |R<sup>-1</sup>g| &lt; 0.002,
 *     H = R'R the Hessian; at a boundary fit &theta; = 0 the &theta; component is 0, the objective being even in &theta;)
 * @param evaluations objective evaluations by the optimiser
 * @param gradient the central-difference gradient of the objective over (&theta;, &beta;) at the optimum
 * @param scaledGradient max |R<sup>-1</sup>g|: +Infinity when the Hessian is not positive definite
 * @param message a sentence for the notes
 */
public record Convergence(boolean converged, int evaluations, List<Double> gradient, double scaledGradient,
        String message) {
    public Convergence {
        gradient = List.copyOf(gradient);
    }
}
