package ladder.datasets;

import java.util.HashMap;
import java.util.Map;

/**
 * The Mantel-Haenszel common odds ratio over strata of 2x2 tables, with the variance of its log by
 * Robins, Breslow and Greenland (1986). A test-side reference, kept apart from the models module
 * (which datasets may not depend on) so that the generator's effects can be checked here.
 */
final class MantelHaenszel {
    /** Per stratum: exposed with event, exposed without, unexposed with, unexposed without. */
    private final Map<String, long[]> strata = new HashMap<>();

    void add(String stratum, boolean exposed, boolean event) {
        long[] table = strata.computeIfAbsent(stratum, s -> new long[4]);
        table[(exposed ? 0 : 2) + (event ? 0 : 1)]++;
    }

    /** log of the Mantel-Haenszel odds ratio. */
    double logOddsRatio() {
        double r = 0;
        double s = 0;
        for (long[] t : strata.values()) {
            double n = t[0] + t[1] + t[2] + t[3];
            r += t[0] * t[3] / n;
            s += t[1] * t[2] / n;
        }
        return Math.log(r / s);
    }

    /** Standard error of {@link #logOddsRatio()} (Robins, Breslow and Greenland 1986, eq. 9). */
    double standardError() {
        double sumR = 0;
        double sumS = 0;
        double pr = 0;
        double psqr = 0;
        double qs = 0;
        for (long[] t : strata.values()) {
            double n = t[0] + t[1] + t[2] + t[3];
            double r = t[0] * t[3] / n;
            double s = t[1] * t[2] / n;
            double p = (t[0] + t[3]) / n;
            double q = (t[1] + t[2]) / n;
            sumR += r;
            sumS += s;
            pr += p * r;
            psqr += p * s + q * r;
            qs += q * s;
        }
        return Math.sqrt(pr / (2 * sumR * sumR) + psqr / (2 * sumR * sumS) + qs / (2 * sumS * sumS));
    }
}
