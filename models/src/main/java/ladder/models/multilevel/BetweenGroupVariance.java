package ladder.models.multilevel;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The between-group variance of a random-intercept logit on the latent (log-odds) scale and the
 * two usual readings of it.
 *
 * <ul>
 * <li>VPC = &sigma;&sup2; / (&sigma;&sup2; + &pi;&sup2;/3): the share of the variance of a latent logistic
 *     propensity that lies between groups (the latent-variable method of Snijders and Bosker 1999;
 *     Goldstein, Browne and Rasbash 2002, Understanding Statistics 1, 223-231); in MAIHDA the
 *     intra-stratum correlation.</li>
 * <li>MOR = exp(&radic;(2&sigma;&sup2;) &Phi;<sup>-1</sup>(0.75)): the median odds ratio between the
 *     higher- and lower-risk of two people with the same covariates drawn from two random groups
 *     (Larsen and Merlo 2005, Am J Epidemiol 161, 81-88); 1 when &sigma;&sup2; = 0.</li>
 * </ul>
 *
 * @param sigma2 &sigma;&sup2;, 0 at the boundary
 */
public record BetweenGroupVariance(double sigma2, double sd, double vpc, double mor) {

    /** The variance of a standard logistic variable, &pi;&sup2;/3. */
    public static final double LOGISTIC_VARIANCE = Math.PI * Math.PI / 3;

    public static BetweenGroupVariance of(double theta) {
        double sigma2 = theta * theta;
        double q = NormalDistribution.of(0, 1).inverseCumulativeProbability(0.75);
        return new BetweenGroupVariance(sigma2, Math.abs(theta), sigma2 / (sigma2 + LOGISTIC_VARIANCE),
                Math.exp(Math.sqrt(2 * sigma2) * q));
    }
}
