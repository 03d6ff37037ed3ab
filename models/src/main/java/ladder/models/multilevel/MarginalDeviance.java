package ladder.models.multilevel;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * The objective lme4's {@code glmer} minimises for a binomial-logit model with one random
 * intercept per group, logit(&mu;<sub>i</sub>) = x<sub>i</sub>&beta; + &theta;u<sub>g(i)</sub>,
 * u<sub>g</sub> ~ N(0, 1) (&theta; the random-intercept SD), as a function of (&theta;, &beta;).
 *
 * <p>Because each group has one scalar random effect, the penalised deviance separates over
 * groups: for group g, f<sub>g</sub>(u) = u&sup2; + &Sigma;<sub>i in g</sub> d<sub>i</sub>(&mu;<sub>i</sub>(u)),
 * d<sub>i</sub> the binomial deviance residual 2[y log(y/n&mu;) + (n-y) log((n-y)/(n(1-&mu;)))].
 * Its conditional mode &ucirc;<sub>g</sub> (lme4's penalised IRLS with &beta; held) is a 1-D Newton
 * problem, convex, solved here to rounding; L<sub>g</sub>&sup2; = 1 + &theta;&sup2;&Sigma; n&mu;(1-&mu;) at the
 * mode is f''/2, lme4's diagonal Cholesky factor, and 1/L<sub>g</sub> the conditional SD of u.
 *
 * <p>Laplace (lme4's {@code glmResp::Laplace}): -2 log L &asymp; &Sigma;<sub>g</sub> [f<sub>g</sub>(&ucirc;) +
 * log L<sub>g</sub>&sup2;] - 2 &Sigma;<sub>i</sub> log dbinom(y<sub>i</sub>; n<sub>i</sub>, y<sub>i</sub>/n<sub>i</sub>),
 * which is lme4's ldL2 + ||u||&sup2; + aic (the binomial -2 log-likelihood, log C(n, y) included).
 *
 * <p>Adaptive Gauss-Hermite with k points (lme4's {@code glmerAGQ}): each group's integral
 * &int; exp(-f<sub>g</sub>(u)/2) du / &radic;(2&pi;) is taken with the standard-normal rule (z<sub>k</sub>, w<sub>k</sub>)
 * at u = &ucirc; + z<sub>k</sub>/L<sub>g</sub>, giving -2 log of it as f<sub>g</sub>(&ucirc;) + log L<sub>g</sub>&sup2;
 * - 2 log &Sigma;<sub>k</sub> w<sub>k</sub> exp(z<sub>k</sub>&sup2;/2 - [f<sub>g</sub>(&ucirc; + z<sub>k</sub>/L<sub>g</sub>) - f<sub>g</sub>(&ucirc;)]/2).
 * lme4's objective is the sum of these over groups without the saturated term (its deviance
 * residuals are relative to the saturated model), so lme4's {@code logLik} for nAGQ &gt; 1 is not
 * the log-likelihood; {@link Evaluation#minus2LogLik()} adds the saturated term back.
 *
 * <p>The objective is even in &theta; (u &rarr; -u), so it is defined, and evaluated, for &theta; &lt; 0
 * too, which the central differences at a boundary fit &theta; = 0 need (as lme4's {@code deriv12}).
 */
final class MarginalDeviance {

    /** Newton steps for a conditional mode; the problem is convex and converges in under 10. */
    private static final int MAX_NEWTON = 60;

    private final GroupedBinomial data;
    private final Approximation approximation;
    private final double saturated;
    // per row: y log(y/n) + (n - y) log((n - y)/n), 0 log 0 = 0
    private final double[] saturatedRow;
    // standard-normal quadrature: nodes z and log(w) + z^2/2
    private final double[] z;
    private final double[] logWeight;

    MarginalDeviance(GroupedBinomial data, Approximation approximation, int points) {
        this.data = data;
        this.approximation = approximation;
        this.saturated = data.saturatedLogLik();
        saturatedRow = new double[data.rows()];
        for (int i = 0; i < saturatedRow.length; i++) {
            double n = data.n(i), y = data.y(i);
            saturatedRow[i] = (y > 0 ? y * Math.log(y / n) : 0) + (y < n ? (n - y) * Math.log((n - y) / n) : 0);
        }
        if (approximation == Approximation.ADAPTIVE_GAUSS_HERMITE) {
            if (points < 1 || points > 100) {
                throw new IllegalArgumentException("Gauss-Hermite points must be in 1..100 (lme4's limit), got " + points);
            }
            // Commons Math's rule is for the weight exp(-x^2): z = sqrt(2) x, w = W / sqrt(pi).
            GaussIntegrator rule = new GaussIntegratorFactory().hermite(points);
            z = new double[points];
            logWeight = new double[points];
            for (int k = 0; k < points; k++) {
                double x = rule.getPoint(k);
                z[k] = Math.sqrt(2) * x;
                logWeight[k] = Math.log(rule.getWeight(k) / Math.sqrt(Math.PI)) + x * x;
            }
        } else {
            z = new double[0];
            logWeight = new double[0];
        }
    }

    Approximation approximation() {
        return approximation;
    }

    /**
     * The objective and the conditional modes at (&theta;, &beta;).
     *
     * @param objective what lme4 minimises (its {@code devfun}); for Laplace equal to minus2LogLik
     * @param minus2LogLik -2 times the approximated binomial-scale log-likelihood
     * @param modes &ucirc;<sub>g</sub> on the unit scale (the random intercepts are &theta;&ucirc;)
     * @param l2 L<sub>g</sub>&sup2; = 1 + &theta;&sup2; &Sigma; n&mu;(1-&mu;) at the mode
     * @param converged whether every mode's Newton iteration settled
     */
    record Evaluation(double objective, double minus2LogLik, double[] modes, double[] l2, boolean converged) {
    }

    Evaluation at(double theta, double[] beta) {
        int groups = data.groups().size();
        double[] modes = new double[groups];
        double[] l2 = new double[groups];
        double total = 0;
        boolean converged = true;
        for (int g = 0; g < groups; g++) {
            int[] rows = data.rowsOf(g);
            double[] offset = new double[rows.length];
            for (int r = 0; r < rows.length; r++) {
                offset[r] = dot(data.x(rows[r]), beta);
            }
            double u = 0;
            double f = penalised(rows, offset, theta, u);
            boolean settled = false;
            for (int it = 0; it < MAX_NEWTON && !settled; it++) {
                double score = 0, info = 0;
                for (int r = 0; r < rows.length; r++) {
                    int i = rows[r];
                    double mu = expit(offset[r] + theta * u);
                    score += data.y(i) - data.n(i) * mu;
                    info += data.n(i) * mu * (1 - mu);
                }
                // f'/2 = u - theta * score, f''/2 = 1 + theta^2 * info
                double step = (theta * score - u) / (1 + theta * theta * info);
                double next = u + step;
                double fNext = penalised(rows, offset, theta, next);
                // Newton on a convex function can overshoot far from the mode; halve until f does
                // not increase. Near the mode f changes by less than its rounding, so a rise within
                // rounding is no reason to halve: a stalled step would leave u off the mode by up to
                // 1e-7, and log L^2, which is not stationary there, off by 1e-9, enough to spoil the
                // finite-difference Hessian.
                for (int h = 0; h < 30 && fNext > f + 1e-12 * Math.abs(f); h++) {
                    step /= 2;
                    next = u + step;
                    fNext = penalised(rows, offset, theta, next);
                }
                settled = Math.abs(step) <= 1e-12 * (1 + Math.abs(u));
                u = next;
                f = fNext;
            }
            converged &= settled;
            double info = 0;
            for (int r = 0; r < rows.length; r++) {
                double mu = expit(offset[r] + theta * u);
                info += data.n(rows[r]) * mu * (1 - mu);
            }
            double lsq = 1 + theta * theta * info;
            modes[g] = u;
            l2[g] = lsq;
            total += f + Math.log(lsq);
            if (approximation == Approximation.ADAPTIVE_GAUSS_HERMITE) {
                double sd = 1 / Math.sqrt(lsq);
                double[] terms = new double[z.length];
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < z.length; k++) {
                    terms[k] = logWeight[k] - 0.5 * (penalised(rows, offset, theta, u + z[k] * sd) - f);
                    max = Math.max(max, terms[k]);
                }
                double sum = 0;
                for (double t : terms) {
                    sum += Math.exp(t - max);
                }
                total -= 2 * (max + Math.log(sum));
            }
        }
        double minus2LogLik = total - 2 * saturated;
        double objective = approximation == Approximation.LAPLACE ? minus2LogLik : total;
        return new Evaluation(objective, minus2LogLik, modes, l2, converged);
    }

    /**
     * f(u) = u^2 + the group's deviance residuals at random effect theta * u, the residual of row
     * i being 2[s_i - y log mu - (n - y) log(1 - mu)] with s_i = y log(y/n) + (n-y) log((n-y)/n).
     */
    private double penalised(int[] rows, double[] offset, double theta, double u) {
        double f = u * u;
        for (int r = 0; r < rows.length; r++) {
            int i = rows[r];
            double eta = offset[r] + theta * u;
            // log mu = -log1p(e^-eta) without overflow, and log(1 - mu) = log mu - eta
            double logMu = -log1pExp(-eta);
            f += 2 * (saturatedRow[i] - data.y(i) * logMu - (data.n(i) - data.y(i)) * (logMu - eta));
        }
        return f;
    }

    static double expit(double eta) {
        return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
    }

    private static double log1pExp(double x) {
        return x > 35 ? x : Math.log1p(Math.exp(x));
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }
}
