package ladder.models.multilevel;

import java.util.Arrays;
import ladder.models.proportion.ConfidenceInterval;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * The profile-likelihood interval of the random-intercept SD &theta;: the &theta; at which the profile
 * objective d(&theta;) = min<sub>&beta;</sub> objective(&theta;, &beta;) exceeds its minimum by
 * &chi;&sup2;<sub>1</sub>(level) (3.84 at 95%), as lme4's {@code confint(fit, parm = "theta_", method =
 * "profile")}, which interpolates a spline through a profiled grid where this finds the roots by
 * Brent's method. The lower bound is 0 where d(0) is within the critical value: the data are
 * compatible with no between-group variance. As lme4, the &chi;&sup2;<sub>1</sub> reference is used at
 * the boundary too (no 50:50 mixture), which makes the interval conservative there.
 *
 * <p>The inner minimisation over &beta; takes Newton-like steps -H<sub>&beta;&beta;</sub><sup>-1</sup>g with g the
 * central-difference gradient and H<sub>&beta;&beta;</sub> the Hessian block at the optimum, a fixed metric
 * that changes little with &theta;, halving a step that raises the objective.
 */
final class ProfileInterval {

    private final MarginalDeviance deviance;
    private final RealMatrix metric;
    private double[] beta;

    private ProfileInterval(MarginalDeviance deviance, RealMatrix metric, double[] beta) {
        this.deviance = deviance;
        this.metric = metric;
        this.beta = beta.clone();
    }

    /**
     * The interval.
     *
     * @param hessianBetaInverse the inverse of the objective's Hessian block over &beta; at the optimum
     * @return the interval; its upper bound is +Infinity when the profile never rises enough
     *     within &theta; &le; 1000
     */
    static ConfidenceInterval of(MarginalDeviance deviance, double theta, double[] beta, double minimum,
            RealMatrix hessianBetaInverse, double level) {
        ProfileInterval profile = new ProfileInterval(deviance, hessianBetaInverse, beta);
        double critical = minimum + ChiSquaredDistribution.of(1).inverseCumulativeProbability(level);
        // relative 1e-12, absolute 1e-8 in theta: far inside any reported precision
        BrentSolver brent = new BrentSolver(1e-12, 1e-8);
        double hi = 2 * theta + 0.1;
        while (profile.at(hi) < critical) {
            if (hi > 1000) {
                return new ConfidenceInterval(lowerBound(profile, theta, beta, critical, brent), Double.POSITIVE_INFINITY,
                        level);
            }
            hi *= 2;
        }
        profile.beta = beta.clone();
        double upper = brent.solve(200, t -> profile.at(t) - critical, theta, hi);
        return new ConfidenceInterval(lowerBound(profile, theta, beta, critical, brent), upper, level);
    }

    private static double lowerBound(ProfileInterval profile, double theta, double[] beta, double critical,
            BrentSolver brent) {
        profile.beta = beta.clone();
        if (theta == 0 || profile.at(0) <= critical) {
            return 0;
        }
        profile.beta = beta.clone();
        return brent.solve(200, t -> profile.at(t) - critical, 0, theta);
    }

    /** d(&theta;), warm-started from the last &beta;. */
    private double at(double theta) {
        double delta = RandomInterceptLogit.DERIVATIVE_STEP;
        double f = value(theta, beta);
        for (int it = 0; it < 100; it++) {
            double[] g = new double[beta.length];
            for (int j = 0; j < beta.length; j++) {
                double[] a = beta.clone(), b = beta.clone();
                a[j] += delta;
                b[j] -= delta;
                g[j] = (value(theta, a) - value(theta, b)) / (2 * delta);
            }
            double[] step = metric.operate(g);
            double size = 0;
            for (int j = 0; j < step.length; j++) {
                step[j] = -step[j];
                size = Math.max(size, Math.abs(step[j]));
            }
            double[] next = add(beta, step, 1);
            double fNext = value(theta, next);
            for (int h = 0; h < 30 && fNext > f + 1e-12 * Math.abs(f); h++) {
                next = add(beta, step, Math.pow(0.5, h + 1));
                fNext = value(theta, next);
            }
            if (fNext <= f) {
                beta = next;
                f = fNext;
            }
            // an error e in beta moves d(theta) by ~H e^2: 1e-6 leaves it ~1e-10 off
            if (size < 1e-6) {
                break;
            }
        }
        return f;
    }

    private static double[] add(double[] x, double[] step, double factor) {
        double[] y = x.clone();
        for (int j = 0; j < y.length; j++) {
            y[j] += factor * step[j];
        }
        return y;
    }

    private double value(double theta, double[] b) {
        return deviance.at(theta, Arrays.copyOf(b, b.length)).objective();
    }
}
