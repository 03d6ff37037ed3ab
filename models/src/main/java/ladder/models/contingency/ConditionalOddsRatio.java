package ladder.models.contingency;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * The conditional maximum-likelihood odds ratio of a 2x2 table and its exact and mid-p intervals,
 * from the distribution of a given the margins ({@link NoncentralHypergeometric}).
 *
 * <ul>
 * <li>Conditional MLE: the &theta; at which E(X; &theta;) = a, as R's {@code fisher.test}
 * {@code $estimate}; 0 when a is at the bottom of its range, +Infinity at the top.</li>
 * <li>Exact interval (Cornfield 1956; R's {@code fisher.test} {@code $conf.int}): the lower bound
 * solves P(X &gt;= a; &theta;) = &alpha;/2, the upper P(X &lt;= a; &theta;) = &alpha;/2; the lower is
 * 0 when a is at the bottom of its range and the upper +Infinity at the top.</li>
 * <li>Mid-p interval (Lancaster 1961; Rothman and Greenland, Modern Epidemiology; R's
 * {@code epitools::oddsratio.midp}): the same with half the probability of the observed table,
 * P(X &gt; a) + P(X = a)/2 = &alpha;/2 and P(X &lt; a) + P(X = a)/2 = &alpha;/2.</li>
 * </ul>
 * Each equation is monotone in &theta;; it is solved in log &theta; by Brent's method to about
 * 1e-14 relative, where R's {@code uniroot} stops at its default tolerance (about 1e-4).
 */
final class ConditionalOddsRatio {

    private static final double LOG_LIMIT = 700;

    private ConditionalOddsRatio() {
    }

    /** The conditional MLE of the odds ratio; the margins must all be positive. */
    static double mle(TwoByTwo table) {
        NoncentralHypergeometric dist = new NoncentralHypergeometric(table);
        double x = table.a();
        if (x == dist.lo) {
            return 0;
        }
        if (x == dist.hi) {
            return Double.POSITIVE_INFINITY;
        }
        return root(theta -> x - dist.at(theta, NoncentralHypergeometric.FOR_ROOTS).mean(), start(table, 0));
    }

    /** The exact (mid-p when {@code midP}) interval at confidence {@code level}, as {lower, upper}. */
    static double[] interval(TwoByTwo table, double level, boolean midP) {
        NoncentralHypergeometric dist = new NoncentralHypergeometric(table);
        double x = table.a();
        double alpha = (1 - level) / 2;
        double half = midP ? 0.5 : 1;
        // P(X >= x) counts the observed table fully (exact) or half (mid-p); both increase with theta.
        double z = Wald.z(level);
        double lower = x == dist.lo ? 0 : root(theta -> {
            NoncentralHypergeometric.Weights w = dist.at(theta, NoncentralHypergeometric.FOR_ROOTS);
            return alpha - (w.atLeast(x + 1) + half * w.probability(x));
        }, start(table, -z));
        double upper = x == dist.hi ? Double.POSITIVE_INFINITY : root(theta -> {
            NoncentralHypergeometric.Weights w = dist.at(theta, NoncentralHypergeometric.FOR_ROOTS);
            return w.atMost(x - 1) + half * w.probability(x) - alpha;
        }, start(table, z));
        return new double[] {lower, upper};
    }

    /**
     * The two-sided mid-p value of no association: 2 min(P(X &lt; a) + P(X = a)/2, P(X &gt; a) + P(X = a)/2)
     * at &theta; = 1 (as {@code epitools::ormidp.test}).
     */
    static double midPValue(TwoByTwo table) {
        NoncentralHypergeometric.Weights w = new NoncentralHypergeometric(table).at(1);
        double x = table.a();
        double half = w.probability(x) / 2;
        return Math.min(1, 2 * Math.min(w.atMost(x - 1) + half, w.atLeast(x + 1) + half));
    }

    /**
     * Where the search for a root starts, in log theta, and its first step: the Woolf estimate (at
     * {@code z} standard errors) of a table without a zero cell, which lies close to the conditional
     * one for all but small tables, so the bracket is narrow; theta = 1 and a step of 1 otherwise.
     */
    private static double[] start(TwoByTwo t, double z) {
        if (t.a() > 0 && t.b() > 0 && t.c() > 0 && t.d() > 0) {
            double se = Math.sqrt(1 / t.a() + 1 / t.b() + 1 / t.c() + 1 / t.d());
            return new double[] {Math.log(t.a() * t.d() / (t.b() * t.c())) + z * se, Math.max(1e-3, se / 4)};
        }
        return new double[] {0, 1};
    }

    /**
     * The root in theta of {@code f}, which decreases in theta and changes sign on (0, infinity):
     * a bracket is found by doubling steps in log theta from {@code start} ({@link #start}), then
     * refined by Brent.
     */
    private static double root(DoubleUnaryOperator f, double[] start) {
        DoubleUnaryOperator g = u -> f.applyAsDouble(Math.exp(u));
        double at0 = g.applyAsDouble(start[0]);
        if (at0 == 0) {
            return Math.exp(start[0]);
        }
        double step = at0 > 0 ? start[1] : -start[1];
        double inner = start[0];
        double outer = start[0] + step;
        while (Math.signum(g.applyAsDouble(outer)) == Math.signum(at0)) {
            if (Math.abs(outer) >= LOG_LIMIT) {
                // The root lies beyond e^700: report the limit it tends to.
                return step > 0 ? Double.POSITIVE_INFINITY : 0;
            }
            inner = outer;
            step *= 2;
            outer = Math.max(-LOG_LIMIT, Math.min(LOG_LIMIT, outer + step));
        }
        BrentSolver solver = new BrentSolver(1e-15, 1e-15, 0);
        double u = solver.solve(1000, g::applyAsDouble, Math.min(inner, outer), Math.max(inner, outer));
        return Math.exp(u);
    }
}
