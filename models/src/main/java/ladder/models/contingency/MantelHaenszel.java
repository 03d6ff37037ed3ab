package ladder.models.contingency;

import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Mantel-Haenszel pooled measures over K strata of 2x2 tables (a<sub>k</sub>, b<sub>k</sub>,
 * c<sub>k</sub>, d<sub>k</sub>; n<sub>1k</sub> = a + b exposed, n<sub>0k</sub> = c + d reference,
 * m<sub>1k</sub> = a + c events, N<sub>k</sub> the stratum's total), and the Cochran-Mantel-Haenszel
 * test. Margin products are formed in doubles (they pass 10<sup>18</sup> in a pool of 100M).
 *
 * <ul>
 * <li>Odds ratio (Mantel and Haenszel 1959): OR = &Sigma; a d / N &divide; &Sigma; b c / N, with the
 * Robins-Breslow-Greenland variance of log OR (Robins, Breslow and Greenland 1986):
 * &Sigma; P R / (2 (&Sigma;R)<sup>2</sup>) + &Sigma; (P S + Q R) / (2 &Sigma;R &Sigma;S) + &Sigma; Q S / (2 (&Sigma;S)<sup>2</sup>),
 * R = ad/N, S = bc/N, P = (a + d)/N, Q = (b + c)/N; as R's {@code mantelhaen.test} and
 * {@code epiR::epi.2by2} {@code OR.mh.wald}.</li>
 * <li>Risk ratio: &Sigma; a n<sub>0</sub> / N &divide; &Sigma; c n<sub>1</sub> / N with the
 * Greenland-Robins (1985) variance of log RR,
 * &Sigma; (n<sub>1</sub> n<sub>0</sub> m<sub>1</sub> / N<sup>2</sup> - a c / N) / (&Sigma; a n<sub>0</sub>/N &Sigma; c n<sub>1</sub>/N);
 * {@code epiR} {@code RR.mh.wald}.</li>
 * <li>Risk difference: &Sigma; (a n<sub>0</sub> - c n<sub>1</sub>) / N &divide; &Sigma; W, W = n<sub>1</sub> n<sub>0</sub> / N,
 * with Sato's (1989) variance (RD &Sigma;P + &Sigma;Q) / (&Sigma;W)<sup>2</sup>,
 * P = (n<sub>1</sub><sup>2</sup> c - n<sub>0</sub><sup>2</sup> a + n<sub>1</sub> n<sub>0</sub> (n<sub>0</sub> - n<sub>1</sub>)/2) / N<sup>2</sup>,
 * Q = (a (n<sub>0</sub> - c) + c (n<sub>1</sub> - a)) / (2N); {@code epiR} {@code ARisk.mh.sato}.</li>
 * <li>Test (Mantel and Haenszel 1959; Cochran 1954): (|&Sigma; a - &Sigma; E a| - Y)<sup>2</sup> / &Sigma; Var a,
 * E a = n<sub>1</sub> m<sub>1</sub> / N, Var a = n<sub>1</sub> n<sub>0</sub> m<sub>1</sub> m<sub>0</sub> / (N<sup>2</sup>(N - 1)),
 * on 1 df; as R's {@code mantelhaen.test}, the correction Y is 0.5 when asked for and
 * |&Sigma; a - &Sigma; E a| &gt;= 0.5, else 0.</li>
 * </ul>
 * The methods take the strata to pool: each needs N &gt;= 2 (R refuses fewer). A stratum with an
 * empty margin adds nothing to the odds ratio or the test; see {@link StratifiedAnalysis} for which
 * strata it pools.
 */
public final class MantelHaenszel {

    static final String OR_METHOD = "Mantel-Haenszel, Robins-Breslow-Greenland interval";
    static final String RR_METHOD = "Mantel-Haenszel, Greenland-Robins interval";
    static final String RD_METHOD = "Mantel-Haenszel, Sato interval";

    private MantelHaenszel() {
    }

    /** The Mantel-Haenszel common odds ratio with the Robins-Breslow-Greenland interval. */
    public static Estimate oddsRatio(List<TwoByTwo> strata, double level) {
        Wald.z(level);
        double sumR = 0, sumS = 0, sumPR = 0, sumPSQR = 0, sumQS = 0;
        for (TwoByTwo t : checked(strata)) {
            double n = t.total();
            double r = t.a() * t.d() / n;
            double s = t.b() * t.c() / n;
            double p = (t.a() + t.d()) / n;
            double q = (t.b() + t.c()) / n;
            sumR += r;
            sumS += s;
            sumPR += p * r;
            sumPSQR += p * s + q * r;
            sumQS += q * s;
        }
        if (sumR == 0 && sumS == 0) {
            return Estimate.undefined(Measure.ODDS_RATIO, OR_METHOD, level, "no stratum with information on the odds ratio");
        }
        if (sumR == 0 || sumS == 0) {
            return new Estimate(Measure.ODDS_RATIO, OR_METHOD, sumR == 0 ? 0.0 : Double.POSITIVE_INFINITY, null, null,
                    null, level, (sumR == 0 ? "every stratum has ad = 0: the pooled odds ratio is 0"
                    : "every stratum has bc = 0: the pooled odds ratio is infinite")
                    + " and has no Robins-Breslow-Greenland interval");
        }
        double variance = sumPR / (2 * sumR * sumR) + sumPSQR / (2 * sumR * sumS) + sumQS / (2 * sumS * sumS);
        return Wald.ratio(Measure.ODDS_RATIO, OR_METHOD, sumR / sumS, Math.sqrt(variance), level);
    }

    /** The Mantel-Haenszel risk ratio with the Greenland-Robins interval. */
    public static Estimate riskRatio(List<TwoByTwo> strata, double level) {
        Wald.z(level);
        double numerator = 0, denominator = 0, covariance = 0;
        for (TwoByTwo t : checked(strata)) {
            double n = t.total();
            numerator += t.a() * t.reference() / n;
            denominator += t.c() * t.exposed() / n;
            covariance += t.exposed() * t.reference() * t.events() / (n * n) - t.a() * t.c() / n;
        }
        if (numerator == 0 && denominator == 0) {
            return Estimate.undefined(Measure.RISK_RATIO, RR_METHOD, level, "no events in any stratum with both levels");
        }
        if (numerator == 0 || denominator == 0) {
            return new Estimate(Measure.RISK_RATIO, RR_METHOD, numerator == 0 ? 0.0 : Double.POSITIVE_INFINITY, null,
                    null, null, level, (numerator == 0 ? "no events at the exposure level: the pooled risk ratio is 0"
                    : "no events at the reference level: the pooled risk ratio is infinite")
                    + " and has no Greenland-Robins interval");
        }
        double ratio = numerator / denominator;
        double variance = covariance / (numerator * denominator);
        if (!(variance > 0)) {
            return new Estimate(Measure.RISK_RATIO, RR_METHOD, ratio, null, null, null, level,
                    "the Greenland-Robins variance is 0 (everyone had the event): no interval");
        }
        return Wald.ratio(Measure.RISK_RATIO, RR_METHOD, ratio, Math.sqrt(variance), level);
    }

    /** The Mantel-Haenszel risk difference with Sato's interval. */
    public static Estimate riskDifference(List<TwoByTwo> strata, double level) {
        Wald.z(level);
        double numerator = 0, sumW = 0, sumP = 0, sumQ = 0;
        for (TwoByTwo t : checked(strata)) {
            double n = t.total();
            double n1 = t.exposed();
            double n0 = t.reference();
            double a = t.a();
            double c = t.c();
            numerator += (a * n0 - c * n1) / n;
            sumW += n1 * n0 / n;
            sumP += (n1 * n1 * c - n0 * n0 * a + 0.5 * n1 * n0 * (n0 - n1)) / (n * n);
            sumQ += (a * (n0 - c) + c * (n1 - a)) / (2 * n);
        }
        if (sumW == 0) {
            return Estimate.undefined(Measure.RISK_DIFFERENCE, RD_METHOD, level,
                    "no stratum has people at both levels");
        }
        double difference = numerator / sumW;
        double variance = (difference * sumP + sumQ) / (sumW * sumW);
        if (!(variance > 0)) {
            return new Estimate(Measure.RISK_DIFFERENCE, RD_METHOD, difference, null, null, null, level,
                    "Sato's variance is 0 (every risk is 0 or 1): no interval");
        }
        return Wald.difference(Measure.RISK_DIFFERENCE, RD_METHOD, difference, Math.sqrt(variance), level);
    }

    /** The Cochran-Mantel-Haenszel test of no association, with R's continuity correction when {@code correct}. */
    public static HypothesisTest test(List<TwoByTwo> strata, boolean correct) {
        String method = correct ? "Cochran-Mantel-Haenszel chi-squared with continuity correction (R mantelhaen.test)"
                : "Cochran-Mantel-Haenszel chi-squared (R mantelhaen.test, correct = FALSE)";
        double delta = 0, variance = 0;
        for (TwoByTwo t : checked(strata)) {
            double n = t.total();
            delta += t.a() - t.exposed() * t.events() / n;
            variance += t.exposed() * t.reference() * t.events() * t.nonEvents() / (n * n * (n - 1));
        }
        if (variance == 0) {
            return HypothesisTest.undefined("association", method, "no stratum with information on the association");
        }
        double yates = correct && Math.abs(delta) >= 0.5 ? 0.5 : 0;
        double deviation = Math.abs(delta) - yates;
        double statistic = deviation * deviation / variance;
        return new HypothesisTest("association", method, statistic, 1L,
                ChiSquaredDistribution.of(1).survivalProbability(statistic), null);
    }

    private static List<TwoByTwo> checked(List<TwoByTwo> strata) {
        for (TwoByTwo t : strata) {
            if (t.total() < 2) {
                throw new IllegalArgumentException("a stratum needs at least 2 people to pool (as R's mantelhaen.test): "
                        + t);
            }
        }
        return strata;
    }
}
