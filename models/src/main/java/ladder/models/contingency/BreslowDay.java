package ladder.models.contingency;

import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * The Breslow-Day test that the odds ratio is the same in every stratum (Breslow and Day 1980,
 * section 4.4), with Tarone's (1985) correction.
 *
 * <p>With &psi; the Mantel-Haenszel common odds ratio, each stratum's fitted ã solves
 * ã (n<sub>0</sub> - m<sub>1</sub> + ã) = &psi; (n<sub>1</sub> - ã)(m<sub>1</sub> - ã) inside its
 * range, i.e. (1 - &psi;) ã<sup>2</sup> + (n<sub>0</sub> - m<sub>1</sub> + &psi; (n<sub>1</sub> + m<sub>1</sub>)) ã - &psi; n<sub>1</sub> m<sub>1</sub> = 0
 * (solved without cancellation), with Var = 1 / (1/ã + 1/b̃ + 1/c̃ + 1/d̃). Then
 * X<sup>2</sup><sub>BD</sub> = &Sigma; (a - ã)<sup>2</sup> / Var, and Tarone's
 * X<sup>2</sup> = X<sup>2</sup><sub>BD</sub> - (&Sigma; a - &Sigma; ã)<sup>2</sup> / &Sigma; Var, each on K - 1 df;
 * as {@code DescTools::BreslowDayTest(x, correct = )} and statsmodels'
 * {@code StratifiedTable.test_equal_odds(adjust = )}, and (uncorrected) {@code epiR} {@code bOR.homog}.
 * Every stratum must have all four margins positive.
 */
public final class BreslowDay {

    private BreslowDay() {
    }

    /** The test over {@code strata} (every margin positive), with Tarone's correction when {@code tarone}. */
    public static HypothesisTest test(List<TwoByTwo> strata, boolean tarone) {
        String method = tarone ? "Breslow-Day with Tarone's correction" : "Breslow-Day";
        String subject = "homogeneity of odds ratios";
        for (TwoByTwo t : strata) {
            if (t.emptyMargin() != null) {
                throw new IllegalArgumentException("Breslow-Day needs every margin positive: " + t);
            }
        }
        if (strata.size() < 2) {
            return HypothesisTest.undefined(subject, method, "needs at least 2 strata with information, has "
                    + strata.size());
        }
        double psi = MantelHaenszel.oddsRatio(strata, 0.95).estimate();
        if (psi == 0 || psi == Double.POSITIVE_INFINITY) {
            return HypothesisTest.undefined(subject, method, "the common odds ratio is " + (psi == 0 ? "0" : "infinite")
                    + ": no fitted tables");
        }
        double statistic = 0, sumA = 0, sumFitted = 0, sumVariance = 0;
        for (TwoByTwo t : strata) {
            double fitted = fitted(t, psi);
            double variance = 1 / (1 / fitted + 1 / (t.exposed() - fitted) + 1 / (t.events() - fitted)
                    + 1 / (t.reference() - t.events() + fitted));
            double deviation = t.a() - fitted;
            statistic += deviation * deviation / variance;
            sumA += t.a();
            sumFitted += fitted;
            sumVariance += variance;
        }
        if (tarone) {
            statistic -= (sumA - sumFitted) * (sumA - sumFitted) / sumVariance;
        }
        long df = strata.size() - 1;
        return new HypothesisTest(subject, method, statistic, df,
                ChiSquaredDistribution.of(df).survivalProbability(statistic), null);
    }

    /** The a of the table with the margins of {@code t} and odds ratio {@code psi}. */
    static double fitted(TwoByTwo t, double psi) {
        double n1 = t.exposed();
        double m1 = t.events();
        double lo = Math.max(0, m1 - t.reference());
        double hi = Math.min(n1, m1);
        double qa = 1 - psi;
        double qb = t.reference() - m1 + psi * (n1 + m1);
        double qc = -psi * n1 * m1;
        if (qa == 0) {
            return -qc / qb;
        }
        // The two roots as q / qa and qc / q, q = -(qb + sign(qb) sqrt(disc)) / 2, avoid cancellation.
        double q = -(qb + Math.copySign(Math.sqrt(qb * qb - 4 * qa * qc), qb)) / 2;
        double first = q / qa;
        double second = qc / q;
        return distance(first, lo, hi) <= distance(second, lo, hi) ? first : second;
    }

    private static double distance(double x, double lo, double hi) {
        return x < lo ? lo - x : x > hi ? x - hi : 0;
    }
}
