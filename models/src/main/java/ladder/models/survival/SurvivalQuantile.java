package ladder.models.survival;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A quantile of the time to the event read off a Kaplan-Meier curve, with the interval read off
 * its pointwise confidence limits, as R's {@code quantile.survfit} (survival 3.5-3, which
 * {@code print(survfit)} uses for the median and its 0.95LCL / 0.95UCL).
 *
 * <p>The p-th quantile is the smallest time t with 1 - S(t) &gt;= p, i.e. the median is the
 * first month at which S(t) &lt;= 0.5. When the curve has a flat stretch at exactly 1 - p (within
 * &radic;&epsilon; = 1.49e-8), the quantile is the midpoint of that stretch: the mean of the time
 * the curve reached 1 - p and the time it next dropped, or the last follow-up time if it never
 * did. The lower limit is where the lower confidence curve crosses 1 - p and the upper limit
 * where the upper one does (Brookmeyer and Crowley 1982's construction as survival implements it).
 *
 * <p>A curve that does not fall to 1 - p within follow-up has no quantile: {@link #time()} is
 * null and {@link #reason()} says so ("not reached"); the same for a limit.
 *
 * @param probability p, e.g. 0.5 for the median
 * @param time the quantile in months, or null when not reached
 * @param lower the lower confidence limit, or null when not reached
 * @param upper the upper confidence limit, or null when not reached
 * @param reason why a value is null, or null when all three are numbers
 */
public record SurvivalQuantile(double probability, Double time, Double lower, Double upper, String reason) {

    // R's default tolerance for a flat stretch at the quantile: sqrt(.Machine$double.eps).
    private static final double TOLERANCE = Math.sqrt(Math.ulp(1.0));

    /**
     * The quantiles {@code probabilities} of a curve given at its times (ascending, every distinct
     * time of the group), from its survival and confidence limits (null where undefined).
     */
    static List<SurvivalQuantile> of(double[] probabilities, int[] times, double[] survival, Double[] lower,
            Double[] upper) {
        Double[] s = new Double[survival.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = survival[i];
        }
        List<SurvivalQuantile> quantiles = new ArrayList<>();
        for (double p : probabilities) {
            Double t = find(p, probabilities, times, s);
            // The lower survival curve falls first, so it gives the lower limit of the time.
            Double lo = find(p, probabilities, times, lower);
            Double hi = find(p, probabilities, times, upper);
            List<String> missing = new ArrayList<>();
            String level = String.format(Locale.ROOT, "%.2f", 1 - p);
            if (t == null) {
                missing.add("S(t) does not fall to " + level + " within follow-up (" + times[times.length - 1]
                        + " months): not reached");
            }
            if (lo == null) {
                missing.add("the lower confidence limit of S(t) does not fall to " + level
                        + ": lower limit not reached");
            }
            if (hi == null) {
                missing.add("the upper confidence limit of S(t) does not fall to " + level
                        + ": upper limit not reached");
            }
            quantiles.add(new SurvivalQuantile(p, t, lo, hi, missing.isEmpty() ? null : String.join("; ", missing)));
        }
        return quantiles;
    }

    /**
     * R's {@code findq}: the curve is y = 1 - value at (0, times); repeated values (censoring
     * times, and null for an undefined limit) keep their first time; nulls are then skipped.
     */
    private static Double find(double p, double[] probabilities, int[] times, Double[] value) {
        List<Double> ys = new ArrayList<>();
        List<Integer> xs = new ArrayList<>();
        ys.add(0.0);
        xs.add(0);
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < times.length; i++) {
            Double y = value[i] == null ? null : 1 - value[i];
            if (y != null) {
                max = Math.max(max, y);
            }
            if (!ys.contains(y)) {
                ys.add(y);
                xs.add(times[i]);
            }
        }
        // R gives up on the whole curve when it stays above every requested quantile.
        if (max < Arrays.stream(probabilities).min().orElseThrow()) {
            return null;
        }
        // approx(y + tol, 1:n, p, "constant", f = 1) picks the point of smallest y with y >= p - tol.
        int first = smallestAtLeast(ys, p - TOLERANCE);
        int second = smallestAtLeast(ys, p + TOLERANCE);
        Double last = ys.get(ys.size() - 1);
        if (first >= 0 && last != null && Math.abs(p - last) < TOLERANCE) {
            // The curve ends on a flat stretch at p: the midpoint up to the last follow-up.
            return (xs.get(first) + (double) times[times.length - 1]) / 2;
        }
        if (first < 0 || second < 0) {
            return null;
        }
        return (xs.get(first) + (double) xs.get(second)) / 2;
    }

    private static int smallestAtLeast(List<Double> ys, double threshold) {
        int best = -1;
        for (int i = 0; i < ys.size(); i++) {
            Double y = ys.get(i);
            if (y != null && y >= threshold && (best < 0 || y < ys.get(best))) {
                best = i;
            }
        }
        return best;
    }
}
