package ladder.models.survival;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * The Kaplan-Meier estimate of one group's survival curve (Kaplan and Meier 1958) at every
 * distinct month at which someone in the group was promoted or censored, with Greenwood's
 * standard error (Greenwood 1926), as R's {@code survfit(Surv(time, status) ~ 1)}:
 * <pre>
 *   S(t) = &prod;_{t_j &lt;= t} (1 - d_j / n_j),      Var(log S(t)) = &Sigma;_{t_j &lt;= t} d_j / (n_j (n_j - d_j))
 * </pre>
 * with n_j the number still in grade and unpromoted just before t_j (censored at t_j counted at
 * risk) and d_j the promotions at t_j. The standard error reported is that of S, S &middot; se(log S)
 * (as {@code summary(fit)} prints it).
 *
 * @param group the group's label
 * @param points one per distinct time, ascending
 */
public record KaplanMeierCurve(String group, List<Point> points) {

    /**
     * The curve at one time.
     *
     * @param se the Greenwood standard error of S(t), or null once S = 0 (undefined)
     * @param lower lower confidence limit, or null once S = 0
     * @param upper upper confidence limit, or null once S = 0
     * @param seLog the standard error of log S(t) (R's {@code fit$std.err}); +Infinity once S = 0
     */
    public record Point(int time, double nRisk, double nEvent, double nCensor, double survival, Double se,
            Double lower, Double upper, double seLog) {
    }

    public KaplanMeierCurve {
        points = List.copyOf(points);
    }

    /** The curve of a group from its counts by month: {events, censored} per time. */
    static KaplanMeierCurve of(String group, SortedMap<Integer, double[]> counts, ConfidenceType type, double z) {
        double atRisk = counts.values().stream().mapToDouble(c -> c[0] + c[1]).sum();
        double s = 1;
        double variance = 0;
        List<Point> points = new ArrayList<>(counts.size());
        for (var entry : counts.entrySet()) {
            double d = entry.getValue()[0];
            double c = entry.getValue()[1];
            if (d > 0) {
                s *= (atRisk - d) / atRisk;
                variance += d / (atRisk * (atRisk - d)); // +Infinity when everyone left has the event
            }
            double seLog = Math.sqrt(variance);
            double[] ci = type.interval(s, seLog, z);
            points.add(new Point(entry.getKey(), atRisk, d, c, s, s == 0 ? null : s * seLog,
                    ci == null ? null : ci[0], ci == null ? null : ci[1], seLog));
            atRisk -= d + c;
        }
        return new KaplanMeierCurve(group, points);
    }

    /** The distinct times, ascending. */
    int[] times() {
        return points.stream().mapToInt(Point::time).toArray();
    }

    /** The last follow-up time of the group (promotion or censoring). */
    public int lastTime() {
        return points.get(points.size() - 1).time();
    }

    /** The quantiles {@code probabilities} of the time to the event (see {@link SurvivalQuantile}). */
    public List<SurvivalQuantile> quantiles(double[] probabilities) {
        return SurvivalQuantile.of(probabilities, times(), points.stream().mapToDouble(Point::survival).toArray(),
                points.stream().map(Point::lower).toArray(Double[]::new),
                points.stream().map(Point::upper).toArray(Double[]::new));
    }

    /**
     * The curve at month t as R's {@code summary(fit, times = t)}: S, se and limits of the last
     * time &lt;= t (1, 0, [1, 1] before the first), people at risk at t, promotions in
     * (previous, t]; null after the group's last follow-up (R drops such times).
     */
    public SurvivalAt at(int t, int previous) {
        if (t > lastTime()) {
            return null;
        }
        Point last = null;
        Point next = null; // the first time >= t: its risk set is the one at t
        double events = 0;
        for (Point p : points) {
            if (p.time() <= t) {
                last = p;
                events += p.time() > previous ? p.nEvent() : 0;
            }
            if (next == null && p.time() >= t) {
                next = p;
            }
        }
        double atRisk = next.nRisk();
        if (last == null) {
            return new SurvivalAt(t, points.get(0).nRisk(), 0, 1, 0.0, 1.0, 1.0);
        }
        return new SurvivalAt(t, atRisk, events, last.survival(), last.se(), last.lower(), last.upper());
    }

    /**
     * S at a chosen month.
     *
     * @param nRisk people at risk at {@code time}
     * @param nEvent promotions since the previous chosen month (all up to {@code time} for the first)
     */
    public record SurvivalAt(int time, double nRisk, double nEvent, double survival, Double se, Double lower,
            Double upper) {
    }
}
