package ladder.models.trend;

import java.util.Optional;
import ladder.models.proportion.ChiSquareTest;
import ladder.models.proportion.ConfidenceInterval;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * A logistic trend in grouped binomial data: the maximum-likelihood fit of
 * logit(&pi;<sub>i</sub>) = &alpha; + &beta; s<sub>i</sub> to x<sub>i</sub> events of n<sub>i</sub>
 * trials at score s<sub>i</sub>, as R's {@code glm(cbind(x, n - x) ~ score, family = binomial)}.
 *
 * <p>Fitted by iteratively reweighted least squares (Newton-Raphson for the canonical link;
 * McCullagh and Nelder (1989), Generalized Linear Models, 2nd ed., section 4.4) on the score
 * centred at its mean, which keeps the 2x2 normal equations well conditioned for scores such as
 * years; the intercept and its standard error are then given at score 0, as R reports them.
 * The slope's odds ratio per unit of score is e<sup>&beta;</sup> with the Wald interval
 * e<sup>&beta; &plusmn; z se(&beta;)</sup> (R's {@code exp(confint.default(fit))}); the likelihood-ratio
 * test against the intercept-only model is the drop in deviance on 1 df
 * ({@code anova(fit, test = "Chisq")}).
 *
 * @param intercept &alpha;, the log-odds at score 0
 * @param interceptSe its standard error
 * @param slope &beta;, the change in log-odds per unit of score
 * @param slopeSe its standard error, from the inverse Fisher information
 * @param oddsRatio e<sup>&beta;</sup>
 * @param oddsRatioInterval the Wald interval of the odds ratio
 * @param deviance the residual deviance, 2 &Sigma; [x log(x/&mu;) + (n - x) log((n - x)/(n - &mu;))]
 * @param nullDeviance the deviance of the intercept-only model
 * @param likelihoodRatio the test of &beta; = 0: nullDeviance - deviance on 1 df
 * @param iterations Newton steps taken
 * @param centred the fit on the score centred at its trial-weighted mean, where the estimates are well conditioned
 */
public record LogisticTrend(
        double intercept, double interceptSe, double slope, double slopeSe, double oddsRatio,
        ConfidenceInterval oddsRatioInterval, double deviance, double nullDeviance, ChiSquareTest likelihoodRatio,
        int iterations, Centred centred) {

    /**
     * The fit as logit(&pi;) = a + &beta; (s - centre), with the inverse Fisher information of (a, &beta;):
     * what a solve for the score at a given share needs without the cancellation of an intercept at
     * score 0 (years are about 2,000 units from 0).
     *
     * @param centre the trial-weighted mean score
     * @param intercept a, the log-odds at the centre
     * @param interceptVariance var(a)
     * @param covariance cov(a, &beta;)
     * @param slopeVariance var(&beta;)
     */
    public record Centred(double centre, double intercept, double interceptVariance, double covariance,
            double slopeVariance) {
    }

    /** Newton steps before giving up; a fit that exists converges in well under 30. */
    static final int MAX_ITERATIONS = 100;

    /** Relative change in deviance at which the iteration stops (R's glm stops at 1e-8); the
     * iteration takes one step more once it is reached. */
    static final double TOLERANCE = 1e-10;

    /**
     * The fit, or empty when the maximum-likelihood estimate does not exist: fewer than two
     * distinct scores among periods with trials, no events or no non-events at all, or the
     * events and non-events separated by score (every event at a score at least as high as every
     * non-event, or the reverse), when &beta; runs to &plusmn;&infin; (R's glm then warns
     * "fitted probabilities numerically 0 or 1 occurred" and reports a huge coefficient).
     */
    public static Optional<LogisticTrend> fit(double[] scores, double[] events, double[] totals, double level) {
        if (separated(scores, events, totals)) {
            return Optional.empty();
        }
        int k = scores.length;
        double n = 0, centre = 0, x = 0;
        for (int i = 0; i < k; i++) {
            n += totals[i];
            x += events[i];
        }
        for (int i = 0; i < k; i++) {
            centre += totals[i] * scores[i] / n;
        }
        double[] s = new double[k];
        for (int i = 0; i < k; i++) {
            s[i] = scores[i] - centre;
        }
        double a = Math.log(x / (n - x));
        double b = 0;
        double deviance = deviance(events, totals, s, a, b);
        double saa = 0, sab = 0, sbb = 0;
        int iteration = 0;
        int settled = 0;
        while (true) {
            // Score vector and Fisher information of (a, b).
            double ua = 0, ub = 0;
            saa = 0;
            sab = 0;
            sbb = 0;
            for (int i = 0; i < k; i++) {
                if (totals[i] == 0) {
                    continue;
                }
                double mu = 1 / (1 + Math.exp(-(a + b * s[i])));
                double w = totals[i] * mu * (1 - mu);
                double r = events[i] - totals[i] * mu;
                ua += r;
                ub += r * s[i];
                saa += w;
                sab += w * s[i];
                sbb += w * s[i] * s[i];
            }
            if (iteration == MAX_ITERATIONS) {
                return Optional.empty();
            }
            double det = saa * sbb - sab * sab;
            double da = (sbb * ua - sab * ub) / det;
            double db = (saa * ub - sab * ua) / det;
            a += da;
            b += db;
            iteration++;
            double next = deviance(events, totals, s, a, b);
            // Newton converges quadratically: one step after the deviance settles leaves the
            // coefficients at the optimum to rounding.
            settled = Math.abs(next - deviance) <= TOLERANCE * (Math.abs(next) + 0.1) ? settled + 1 : 0;
            deviance = next;
            if (settled == 2) {
                break;
            }
        }
        // Information at the final estimate gives the covariance.
        saa = 0;
        sab = 0;
        sbb = 0;
        for (int i = 0; i < k; i++) {
            double mu = 1 / (1 + Math.exp(-(a + b * s[i])));
            double w = totals[i] * mu * (1 - mu);
            saa += w;
            sab += w * s[i];
            sbb += w * s[i] * s[i];
        }
        double det = saa * sbb - sab * sab;
        double varA = sbb / det, varB = saa / det, covAB = -sab / det;
        double intercept = a - b * centre;
        double varIntercept = varA + centre * centre * varB - 2 * centre * covAB;
        double slopeSe = Math.sqrt(varB);
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability((1 + level) / 2);
        ConfidenceInterval interval = new ConfidenceInterval(Math.exp(b - z * slopeSe), Math.exp(b + z * slopeSe), level);
        double nullDeviance = deviance(events, totals, s, Math.log(x / (n - x)), 0);
        double lr = Math.max(0, nullDeviance - deviance);
        return Optional.of(new LogisticTrend(intercept, Math.sqrt(Math.max(0, varIntercept)), b, slopeSe, Math.exp(b),
                interval, deviance, nullDeviance,
                new ChiSquareTest(lr, 1, ChiSquaredDistribution.of(1).survivalProbability(lr)), iteration,
                new Centred(centre, a, varA, covAB, varB)));
    }

    private static double deviance(double[] events, double[] totals, double[] s, double a, double b) {
        double d = 0;
        for (int i = 0; i < s.length; i++) {
            if (totals[i] == 0) {
                continue;
            }
            double mu = totals[i] / (1 + Math.exp(-(a + b * s[i])));
            double x = events[i], y = totals[i] - events[i];
            if (x > 0) {
                d += x * Math.log(x / mu);
            }
            if (y > 0) {
                d += y * Math.log(y / (totals[i] - mu));
            }
        }
        return 2 * d;
    }

    /** Whether the maximum-likelihood estimate fails to exist (see {@link #fit}). */
    private static boolean separated(double[] scores, double[] events, double[] totals) {
        double minEvent = Double.POSITIVE_INFINITY, maxEvent = Double.NEGATIVE_INFINITY;
        double minNon = Double.POSITIVE_INFINITY, maxNon = Double.NEGATIVE_INFINITY;
        double minScore = Double.POSITIVE_INFINITY, maxScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < scores.length; i++) {
            if (totals[i] == 0) {
                continue;
            }
            minScore = Math.min(minScore, scores[i]);
            maxScore = Math.max(maxScore, scores[i]);
            if (events[i] > 0) {
                minEvent = Math.min(minEvent, scores[i]);
                maxEvent = Math.max(maxEvent, scores[i]);
            }
            if (events[i] < totals[i]) {
                minNon = Math.min(minNon, scores[i]);
                maxNon = Math.max(maxNon, scores[i]);
            }
        }
        boolean noEvents = minEvent == Double.POSITIVE_INFINITY, noNonEvents = minNon == Double.POSITIVE_INFINITY;
        return !(minScore < maxScore) || noEvents || noNonEvents || maxNon <= minEvent || maxEvent <= minNon;
    }
}
