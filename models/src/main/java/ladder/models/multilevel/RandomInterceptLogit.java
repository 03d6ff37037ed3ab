package ladder.models.multilevel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import ladder.engine.LadderException;
import ladder.models.proportion.ConfidenceInterval;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * A binomial-logit model with one random intercept per group, logit(&mu;<sub>i</sub>) =
 * x<sub>i</sub>&beta; + b<sub>g(i)</sub>, b<sub>g</sub> ~ N(0, &sigma;&sup2;), fitted by maximum likelihood as R's
 * {@code glmer(cbind(y, n - y) ~ x + (1 | group), family = binomial, nAGQ = k)} (lme4 1.1.31;
 * Bates, M&auml;chler, Bolker and Walker 2015, JSS 67(1)), the integral over each b<sub>g</sub> by the
 * Laplace approximation (k = 1) or adaptive Gauss-Hermite quadrature ({@link Approximation},
 * objective in {@link MarginalDeviance}).
 *
 * <p>The objective is minimised jointly over (&theta; = &sigma; &ge; 0, &beta;) by BOBYQA (Powell 2009;
 * Commons Math) to a trust-region radius of 10<sup>-8</sup>, from &theta; = 1 and the GLM estimate
 * of &beta;, then polished by Newton steps on central-difference derivatives (BOBYQA alone stops
 * ~1e-5 relative from the optimum along &theta;, where the objective is flat). This is the optimum
 * lme4 aims at: its {@code glmer} first optimises &theta; with &beta; profiled by penalised IRLS
 * (nAGQ = 0) only to find a start, then optimises (&theta;, &beta;) jointly (Nelder-Mead), for
 * nAGQ = 1 and nAGQ &gt; 1 alike (the fixed effects are not profiled in its final stage). With
 * default control lme4 stops short of it (by up to 3e-4 relative in &theta; on the test data);
 * with tight control it agrees to 1e-5. Where the optimiser ends within 10<sup>-5</sup> of
 * &theta; = 0 the boundary fit (&theta; = 0, &beta; the GLM estimate, which is exact there) is taken if
 * no worse (to 1e-10 relative, the objective's rounding), as lme4's {@code check.boundary}
 * ({@code boundary.tol = 1e-5}); lme4's result is then "boundary (singular) fit".
 *
 * <p>Standard errors by {@link CovarianceMethod}, by default as lme4 1.1.31's {@code vcov}
 * (the finite-difference Hessian over (&theta;, &beta;)).
 *
 * @param names the fixed effects' names, "(Intercept)" first
 * @param theta &sigma;&#770;, the random-intercept SD (lme4's {@code getME(fit, "theta")})
 * @param thetaInterval its profile-likelihood interval ({@link ProfileInterval}; lme4's
 *     {@code confint(fit, parm = "theta_", method = "profile")}), undefined (NaN bounds) only when
 *     the Hessian over &beta; at the optimum is not positive definite
 * @param objective the minimised objective, lme4's {@code fit@devcomp$cmp[["dev"]]} (for AGQ it
 *     omits the saturated log-likelihood, see {@link MarginalDeviance})
 * @param logLik the binomial-scale log-likelihood, log C(n, y) included: lme4's {@code logLik} of
 *     {@code glmer(cbind(y, n - y) ~ ...)} for Laplace; for AGQ lme4 reports -objective / 2
 *     instead, which is this minus the saturated log-likelihood
 * @param logLikBernoulli the log-likelihood of the people as 0/1 rows, logLik - &Sigma; log C(n, y):
 *     lme4's {@code logLik} of {@code glmer(y ~ ...)} on one row per person (Laplace)
 * @param covariance the fixed effects' covariance matrix (p x p)
 * @param covarianceMethod how it was computed (RX where the Hessian was asked for but is not positive definite)
 * @param groups per group, in the data's order of first appearance
 * @param rows the distinct binomial rows fitted
 * @param level the level of the Wald and profile intervals
 */
public record RandomInterceptLogit(Approximation approximation, int points, List<String> names,
        List<FixedEffect> fixedEffects, List<List<Double>> covariance, CovarianceMethod covarianceMethod, double theta,
        ConfidenceInterval thetaInterval, double objective, double logLik, double logLikBernoulli,
        List<GroupEffect> groups, Convergence convergence, int rows, double level) {

    /** lme4's {@code isSingular} tolerance on &theta;. */
    public static final double SINGULAR_TOLERANCE = 1e-4;

    /** lme4's {@code glmerControl(boundary.tol = 1e-5)}. */
    static final double BOUNDARY_TOLERANCE = 1e-5;

    /** lme4's {@code deriv12} step. */
    static final double DERIVATIVE_STEP = 1e-4;

    public RandomInterceptLogit {
        names = List.copyOf(names);
        fixedEffects = List.copyOf(fixedEffects);
        covariance = covariance.stream().map(List::copyOf).toList();
        groups = List.copyOf(groups);
    }

    /** The Laplace fit (lme4's default) with Hessian-based standard errors and 95% Wald intervals. */
    public static RandomInterceptLogit laplace(GroupedBinomial data) {
        return fit(data, Approximation.LAPLACE, 1, CovarianceMethod.HESSIAN, 0.95);
    }

    /**
     * The fit.
     *
     * @param points Gauss-Hermite points for {@link Approximation#ADAPTIVE_GAUSS_HERMITE} (1..100;
     *     1 is the Laplace approximation); ignored for Laplace
     * @param level the level of the fixed effects' Wald intervals
     * @throws LadderException when the data have no events or only events, a covariate level does,
     *     or the fixed effects' information is singular
     */
    public static RandomInterceptLogit fit(GroupedBinomial data, Approximation approximation, int points,
            CovarianceMethod covarianceMethod, double level) {
        requireFiniteLogOdds(data);
        int k = approximation == Approximation.LAPLACE ? 1 : points;
        MarginalDeviance deviance = new MarginalDeviance(data, approximation, k);
        int p = data.columns();
        int d = 1 + p;
        double[] glm = glm(data);

        double[] start = new double[d];
        double[] lower = new double[d];
        double[] upper = new double[d];
        start[0] = 1;
        upper[0] = 1e3;
        for (int j = 0; j < p; j++) {
            start[j + 1] = glm[j];
            lower[j + 1] = glm[j] - 1e3;
            upper[j + 1] = glm[j] + 1e3;
        }
        int[] evaluations = {0};
        ObjectiveFunction function = new ObjectiveFunction(par -> {
            evaluations[0]++;
            return deviance.at(par[0], Arrays.copyOfRange(par, 1, d)).objective();
        });
        double[] optimum;
        double value;
        boolean finished = true;
        try {
            PointValuePair result = new BOBYQAOptimizer(2 * d + 1, 0.2, 1e-8).optimize(new MaxEval(200_000), function,
                    GoalType.MINIMIZE, new InitialGuess(start), new SimpleBounds(lower, upper));
            optimum = result.getPoint();
            value = result.getValue();
        } catch (TooManyEvaluationsException e) {
            // keep the start: reported as not converged
            finished = false;
            optimum = start;
            value = deviance.at(start[0], Arrays.copyOfRange(start, 1, d)).objective();
        }
        if (finished) {
            optimum = polish(deviance, optimum);
            value = value(deviance, optimum);
        }
        if (optimum[0] < BOUNDARY_TOLERANCE) {
            double atBoundary = deviance.at(0, glm).objective();
            // Within rounding of the boundary's objective (theta this small changes it by ~theta^2) the
            // boundary is the optimum, as lme4's bounded BOBYQA would land on it.
            if (atBoundary <= value + 1e-10 * Math.abs(value)) {
                optimum = new double[d];
                System.arraycopy(glm, 0, optimum, 1, p);
                value = atBoundary;
            }
        }
        double theta = optimum[0];
        double[] beta = Arrays.copyOfRange(optimum, 1, d);
        MarginalDeviance.Evaluation at = deviance.at(theta, beta);

        // Central differences over (theta, beta), as lme4's deriv12.
        double[] gradient = new double[d];
        double[][] hessian = new double[d][d];
        derivatives(deviance, optimum, at.objective(), gradient, hessian);
        RealMatrix h = new Array2DRowRealMatrix(hessian);
        double scaled;
        RealMatrix hessianInverse = null;
        try {
            CholeskyDecomposition chol = new CholeskyDecomposition(h, 1e-12, 1e-14);
            // lme4: solve(chol(H), g), chol(H) the upper factor R with H = R'R
            RealVector s = MatrixUtils.inverse(chol.getLT()).operate(new ArrayRealVector(gradient));
            scaled = s.getLInfNorm();
            hessianInverse = chol.getSolver().getInverse();
        } catch (NonPositiveDefiniteMatrixException | org.apache.commons.math3.linear.SingularMatrixException e) {
            scaled = Double.POSITIVE_INFINITY;
        }

        RealMatrix rx;
        try {
            rx = rxCovariance(data, theta, beta, at);
        } catch (org.apache.commons.math3.linear.SingularMatrixException e) {
            throw new LadderException("the fixed effects are not estimable from these data: their information matrix is"
                    + " singular (the outcome separated by a combination of levels)");
        }
        RealMatrix v = rx;
        CovarianceMethod used = CovarianceMethod.RX;
        if (covarianceMethod == CovarianceMethod.HESSIAN && hessianInverse != null) {
            RealMatrix block = hessianInverse.getSubMatrix(1, p, 1, p).scalarMultiply(2);
            if (positiveDefinite(block)) {
                v = block;
                used = CovarianceMethod.HESSIAN;
            }
        }

        List<FixedEffect> effects = new ArrayList<>();
        List<List<Double>> cov = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            effects.add(FixedEffect.of(data.names().get(j), beta[j], Math.sqrt(v.getEntry(j, j)), level));
            List<Double> row = new ArrayList<>();
            for (int l = 0; l < p; l++) {
                row.add(v.getEntry(j, l));
            }
            cov.add(row);
        }
        List<GroupEffect> groups = new ArrayList<>();
        for (int g = 0; g < data.groups().size(); g++) {
            double l2 = at.l2()[g];
            double[] c = data.x(data.rowsOf(g)[0]).clone();
            double[] s = weightedSum(data, g, theta, beta, at.modes()[g]);
            for (int j = 0; j < p; j++) {
                c[j] -= theta * theta * s[j] / l2;
            }
            RealVector cv = new ArrayRealVector(c);
            double pev = theta * theta / l2 + cv.dotProduct(rx.operate(cv));
            groups.add(new GroupEffect(data.groups().get(g), data.trials(g), data.events(g),
                    MarginalDeviance.dot(data.x(data.rowsOf(g)[0]), beta), theta * at.modes()[g], theta / Math.sqrt(l2),
                    Math.sqrt(pev)));
        }
        boolean converged = finished && at.converged() && scaled < 0.002;
        String message = !finished ? "the optimiser used its 200000 evaluations without converging"
                : !at.converged() ? "a conditional mode did not settle"
                : scaled == Double.POSITIVE_INFINITY ? "the Hessian at the optimum is not positive definite"
                : scaled >= 0.002 ? String.format("the scaled gradient %.3g exceeds lme4's tolerance 0.002", scaled)
                : String.format("converged in %d evaluations (scaled gradient %.2g)", evaluations[0], scaled);
        ConfidenceInterval thetaInterval = ConfidenceInterval.undefined(level);
        RealMatrix hBeta = h.getSubMatrix(1, p, 1, p);
        if (positiveDefinite(hBeta)) {
            thetaInterval = ProfileInterval.of(deviance, theta, beta, at.objective(),
                    new CholeskyDecomposition(hBeta, 1e-10, 1e-300).getSolver().getInverse(), level);
        }
        List<Double> g = Arrays.stream(gradient).boxed().toList();
        double logLik = -at.minus2LogLik() / 2;
        return new RandomInterceptLogit(approximation, k, data.names(), effects, cov, used, theta, thetaInterval,
                at.objective(), logLik,
                logLik - data.logChoose(), groups, new Convergence(converged, evaluations[0], g, scaled, message),
                data.rows(), level);
    }

    /** &sigma;&#770;&sup2; = &theta;&sup2;, the random-intercept variance (lme4's {@code VarCorr}). */
    public double sigma2() {
        return theta * theta;
    }

    /** Parameters counted by AIC: the p fixed effects and &theta;. */
    public int parameters() {
        return names.size() + 1;
    }

    /** AIC on the binomial scale, -2 logLik + 2 (p + 1) (lme4's {@code AIC} for Laplace fits of cbind(y, n - y)). */
    public double aic() {
        return -2 * logLik + 2 * parameters();
    }

    /** AIC on the Bernoulli (person) scale, lme4's {@code AIC} of the fit to 0/1 rows. */
    public double aicBernoulli() {
        return -2 * logLikBernoulli + 2 * parameters();
    }

    /** Whether &theta; is at the boundary 0 (exactly: the boundary fit was taken). */
    public boolean boundary() {
        return theta == 0;
    }

    /** Whether the fit is singular as lme4's {@code isSingular}: &theta; &lt; 10<sup>-4</sup>. */
    public boolean singular() {
        return theta < SINGULAR_TOLERANCE;
    }

    /** The fixed effect named {@code name}. */
    public FixedEffect fixedEffect(String name) {
        return fixedEffects.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no fixed effect " + name + " in " + names));
    }

    /** The group labelled {@code label}. */
    public GroupEffect group(String label) {
        return groups.stream().filter(f -> f.group().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no group " + label));
    }

    /**
     * Refuses data whose log-odds run to infinity: no events or only events at all, or a
     * covariate level whose people all have, or all lack, the outcome (glmer then reports a huge
     * coefficient with a convergence warning).
     */
    private static void requireFiniteLogOdds(GroupedBinomial data) {
        for (int j = 0; j < data.columns(); j++) {
            double n = 0, y = 0;
            for (int i = 0; i < data.rows(); i++) {
                if (data.x(i)[j] != 0) {
                    n += data.n(i);
                    y += data.y(i);
                }
            }
            if (y == 0 || y == n) {
                String what = j == 0 ? "the data have" : "the people at " + data.names().get(j) + " have";
                throw new LadderException(what + (y == 0 ? " no events" : " only events") + " (" + y + " of " + n
                        + "): the log-odds are infinite and the model cannot be fitted; merge or drop that level");
            }
        }
    }

    /** The maximum-likelihood logistic regression (&theta; = 0) by Newton-Raphson, the start and the boundary fit. */
    static double[] glm(GroupedBinomial data) {
        int p = data.columns();
        double[] beta = new double[p];
        double[] previous = null;
        for (int it = 0; it < 100; it++) {
            double[][] info = new double[p][p];
            double[] score = new double[p];
            for (int i = 0; i < data.rows(); i++) {
                double[] x = data.x(i);
                double mu = MarginalDeviance.expit(MarginalDeviance.dot(x, beta));
                double w = data.n(i) * mu * (1 - mu);
                double r = data.y(i) - data.n(i) * mu;
                for (int j = 0; j < p; j++) {
                    score[j] += r * x[j];
                    for (int l = 0; l < p; l++) {
                        info[j][l] += w * x[j] * x[l];
                    }
                }
            }
            double[] step;
            try {
                step = new CholeskyDecomposition(new Array2DRowRealMatrix(info, false), 1e-12, 1e-300).getSolver()
                        .solve(new ArrayRealVector(score)).toArray();
            } catch (NonPositiveDefiniteMatrixException e) {
                // fitted probabilities at 0 or 1 (separation): stop where we are
                break;
            }
            double max = 0;
            for (int j = 0; j < p; j++) {
                beta[j] += step[j];
                max = Math.max(max, Math.abs(step[j]));
            }
            if (max < 1e-12 || (previous != null && Arrays.equals(previous, beta))) {
                break;
            }
            previous = beta.clone();
        }
        return beta;
    }

    /** s<sub>g</sub> = &Sigma;<sub>i in g</sub> w<sub>i</sub>x<sub>i</sub>, w = n&mu;(1-&mu;) at the mode. */
    private static double[] weightedSum(GroupedBinomial data, int g, double theta, double[] beta, double mode) {
        double[] s = new double[data.columns()];
        for (int i : data.rowsOf(g)) {
            double[] x = data.x(i);
            double mu = MarginalDeviance.expit(MarginalDeviance.dot(x, beta) + theta * mode);
            double w = data.n(i) * mu * (1 - mu);
            for (int j = 0; j < s.length; j++) {
                s[j] += w * x[j];
            }
        }
        return s;
    }

    /** (R<sub>X</sub>'R<sub>X</sub>)<sup>-1</sup> = (X'WX - &Sigma;<sub>g</sub> &theta;&sup2; s<sub>g</sub>s<sub>g</sub>' / L<sub>g</sub>&sup2;)<sup>-1</sup>. */
    private static RealMatrix rxCovariance(GroupedBinomial data, double theta, double[] beta,
            MarginalDeviance.Evaluation at) {
        int p = data.columns();
        double[][] m = new double[p][p];
        for (int g = 0; g < data.groups().size(); g++) {
            double mode = at.modes()[g];
            for (int i : data.rowsOf(g)) {
                double[] x = data.x(i);
                double mu = MarginalDeviance.expit(MarginalDeviance.dot(x, beta) + theta * mode);
                double w = data.n(i) * mu * (1 - mu);
                for (int j = 0; j < p; j++) {
                    for (int l = 0; l < p; l++) {
                        m[j][l] += w * x[j] * x[l];
                    }
                }
            }
            double[] s = weightedSum(data, g, theta, beta, mode);
            double f = theta * theta / at.l2()[g];
            for (int j = 0; j < p; j++) {
                for (int l = 0; l < p; l++) {
                    m[j][l] -= f * s[j] * s[l];
                }
            }
        }
        return MatrixUtils.inverse(new Array2DRowRealMatrix(m, false));
    }

    private static boolean positiveDefinite(RealMatrix m) {
        try {
            new CholeskyDecomposition(m, 1e-10, 1e-300);
            return true;
        } catch (NonPositiveDefiniteMatrixException | org.apache.commons.math3.linear.NonSymmetricMatrixException e) {
            return false;
        }
    }

    /** lme4's deriv12: central first and second differences with step 1e-4 (theta may step below 0: the objective is even in it). */
    private static void derivatives(MarginalDeviance deviance, double[] x, double fx, double[] gradient,
            double[][] hessian) {
        int d = x.length;
        double delta = DERIVATIVE_STEP;
        for (int j = 0; j < d; j++) {
            double add = value(deviance, shift(x, j, delta, -1, 0));
            double sub = value(deviance, shift(x, j, -delta, -1, 0));
            hessian[j][j] = (add - 2 * fx + sub) / (delta * delta);
            gradient[j] = (add - sub) / (2 * delta);
            for (int i = 0; i < j; i++) {
                double aa = value(deviance, shift(x, i, delta, j, delta));
                double as = value(deviance, shift(x, i, delta, j, -delta));
                double sa = value(deviance, shift(x, i, -delta, j, delta));
                double ss = value(deviance, shift(x, i, -delta, j, -delta));
                hessian[i][j] = hessian[j][i] = (aa - as - sa + ss) / (4 * delta * delta);
            }
        }
    }

    /**
     * Newton steps on the central-difference gradient and Hessian from BOBYQA's end point, which a
     * derivative-free search leaves ~1e-5 relative from the optimum along the flat direction of
     * &theta;. A step is kept only if the objective does not rise; a step to &theta; &lt; 0 is reflected
     * to |&theta;|, the objective being even in &theta;.
     */
    private static double[] polish(MarginalDeviance deviance, double[] start) {
        double[] x = start.clone();
        double fx = value(deviance, x);
        int d = x.length;
        for (int it = 0; it < 8; it++) {
            double[] g = new double[d];
            double[][] h = new double[d][d];
            derivatives(deviance, x, fx, g, h);
            double[] step;
            try {
                step = new CholeskyDecomposition(new Array2DRowRealMatrix(h, false), 1e-10, 1e-14).getSolver()
                        .solve(new ArrayRealVector(g)).mapMultiply(-1).toArray();
            } catch (NonPositiveDefiniteMatrixException e) {
                return x;
            }
            double[] next = new double[d];
            double size = 0;
            for (int j = 0; j < d; j++) {
                next[j] = x[j] + step[j];
                size = Math.max(size, Math.abs(step[j]));
            }
            next[0] = Math.abs(next[0]);
            double fNext = value(deviance, next);
            if (!(fNext <= fx + 1e-12 * Math.abs(fx))) {
                return x;
            }
            x = next;
            fx = fNext;
            if (size < 1e-10) {
                break;
            }
        }
        return x;
    }

    private static double[] shift(double[] x, int i, double di, int j, double dj) {
        double[] y = x.clone();
        y[i] += di;
        if (j >= 0) {
            y[j] += dj;
        }
        return y;
    }

    private static double value(MarginalDeviance deviance, double[] par) {
        return deviance.at(par[0], Arrays.copyOfRange(par, 1, par.length)).objective();
    }
}
