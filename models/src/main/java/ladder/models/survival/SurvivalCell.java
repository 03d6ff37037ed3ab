package ladder.models.survival;

import java.util.List;
import ladder.engine.LadderException;

/**
 * The counts of one covariate pattern at one whole month: of the people with these covariate
 * levels (in this stratum and cluster) whose time in grade ended at {@code time}, {@code events}
 * were promoted then and {@code censored} were still unpromoted when last seen then. Every
 * statistic of this package is computed from such counts, never from rows; a person-level data
 * set is the cells with d = 1 or c = 1 (see the tests' row-level checks).
 *
 * <p>Censored at t means at risk at t: as in R's {@code Surv(time, status)}, someone censored
 * at month t is counted in the risk set of the promotions at t.
 *
 * @param levels one level per covariate, in the analysis's covariate order; for a Kaplan-Meier
 *     curve or a log-rank test the levels together name the group
 * @param stratum the stratum (e.g. employer) for stratified analyses, or null
 * @param cluster the cluster (e.g. employer) for cluster-robust standard errors, or null
 * @param time whole months in grade, 0 to {@value #MAX_MONTHS}
 * @param events people promoted at {@code time}: a whole number &gt;= 0
 * @param censored people last seen unpromoted at {@code time}: a whole number &gt;= 0
 */
public record SurvivalCell(List<String> levels, String stratum, String cluster, int time, double events,
        double censored) {

    /** The longest time in grade accepted, in months (50 years). */
    public static final int MAX_MONTHS = 600;

    public SurvivalCell {
        levels = List.copyOf(levels);
        if (time < 0 || time > MAX_MONTHS) {
            throw new LadderException("time in grade must be whole months from 0 to " + MAX_MONTHS + ", got "
                    + time + " for " + String.join(", ", levels));
        }
        checkCount(events, "promoted (events)", levels, time);
        checkCount(censored, "censored", levels, time);
    }

    /** A cell of one group, without stratum or cluster. */
    public static SurvivalCell of(String group, int time, double events, double censored) {
        return new SurvivalCell(List.of(group), null, null, time, events, censored);
    }

    /** The group a Kaplan-Meier curve or log-rank test puts this cell in: its levels joined by " / ". */
    public String group() {
        return String.join(" / ", levels);
    }

    /** People in the cell: events plus censored. */
    public double people() {
        return events + censored;
    }

    // Counts of people: an event indicator other than 0/1 per person shows up here as a count that
    // is negative or not whole, which no aggregation of 0/1 rows can give.
    private static void checkCount(double count, String what, List<String> levels, int time) {
        if (!(count >= 0) || count != Math.rint(count) || Double.isInfinite(count)) {
            throw new LadderException("the number " + what + " must be a whole number of people >= 0, got " + count
                    + " for " + String.join(", ", levels) + " at month " + time
                    + " (is the event column coded other than 0/1?)");
        }
    }
}
