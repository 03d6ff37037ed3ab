package ladder.models.contingency;

/**
 * The odds ratio of a 2x2 {@link TwoByTwo} table, (a/b) / (c/d), by one of the
 * {@link OddsRatioInterval} methods, with its interval and the p-value that goes with it:
 * <ul>
 * <li>{@link OddsRatioInterval#WOOLF}: OR = ad / bc, se(log OR) = &radic;(1/a + 1/b + 1/c + 1/d),
 * Wald p-value of log OR / se (Woolf 1955; {@code epiR::epi.2by2} {@code OR.strata.wald}).</li>
 * <li>{@link OddsRatioInterval#HALDANE_ANSCOMBE}: the same after adding 0.5 to every cell
 * (Haldane 1956; Anscombe 1956).</li>
 * <li>{@link OddsRatioInterval#EXACT}: conditional MLE and exact interval with Fisher's exact
 * two-sided p-value (R {@code fisher.test}).</li>
 * <li>{@link OddsRatioInterval#MID_P}: conditional MLE and the mid-p interval with the mid-p
 * two-sided p-value ({@code epitools::oddsratio.midp}, {@code epitools::ormidp.test}).</li>
 * </ul>
 *
 * <p>Zero cells: the sample odds ratio is 0 (a = 0 or d = 0) or +Infinity (b = 0 or c = 0), and
 * has no Woolf interval (its standard error is infinite); the exact and mid-p intervals have lower
 * bound 0 or upper bound +Infinity, as R's {@code fisher.test} gives. A table with an empty margin
 * carries no information about the odds ratio: every method then gives null values with the reason.
 */
public final class OddsRatio {

    private OddsRatio() {
    }

    /** The odds ratio of {@code table} by {@code method} at confidence {@code level}. */
    public static Estimate of(TwoByTwo table, OddsRatioInterval method, double level) {
        Wald.z(level);
        String name = method.label();
        String empty = table.emptyMargin();
        if (empty != null) {
            return Estimate.undefined(Measure.ODDS_RATIO, name, level, "no information on the odds ratio: " + empty);
        }
        return switch (method) {
            case WOOLF -> woolf(table, name, level);
            case HALDANE_ANSCOMBE -> woolf(table.plus(0.5), name, level);
            case EXACT, MID_P -> conditional(table, method, level);
        };
    }

    private static Estimate woolf(TwoByTwo t, String method, double level) {
        double ad = t.a() * t.d();
        double bc = t.b() * t.c();
        if (ad == 0 || bc == 0) {
            // Margins are positive, so exactly one of ad, bc is zero.
            boolean zero = ad == 0;
            return new Estimate(Measure.ODDS_RATIO, method, zero ? 0.0 : Double.POSITIVE_INFINITY, null, null, null,
                    level, "zero cell (" + zeroCells(t) + "): the sample odds ratio is " + (zero ? "0" : "infinite")
                    + " and has no Woolf interval; see the exact, mid-p or Haldane-Anscombe estimates");
        }
        double se = Math.sqrt(1 / t.a() + 1 / t.b() + 1 / t.c() + 1 / t.d());
        return Wald.ratio(Measure.ODDS_RATIO, method, ad / bc, se, level);
    }

    private static Estimate conditional(TwoByTwo t, OddsRatioInterval method, double level) {
        if (!t.isWhole()) {
            return Estimate.undefined(Measure.ODDS_RATIO, method.label(), level,
                    "the exact methods need whole counts; this table has fractional cells");
        }
        boolean midP = method == OddsRatioInterval.MID_P;
        double estimate = ConditionalOddsRatio.mle(t);
        double[] bounds = ConditionalOddsRatio.interval(t, level, midP);
        double p = midP ? ConditionalOddsRatio.midPValue(t) : FisherExactTest.pValue(t);
        String reason = null;
        if (estimate == 0) {
            reason = "zero cell (" + zeroCells(t) + "): a is the smallest value its margins allow, so the estimate"
                    + " and the lower bound are 0";
        } else if (estimate == Double.POSITIVE_INFINITY) {
            reason = "zero cell (" + zeroCells(t) + "): a is the largest value its margins allow, so the estimate"
                    + " and the upper bound are infinite";
        }
        return new Estimate(Measure.ODDS_RATIO, method.label(), estimate, bounds[0], bounds[1], p, level, reason);
    }

    /** The names of the zero cells, e.g. "a = 0, d = 0". */
    static String zeroCells(TwoByTwo t) {
        StringBuilder s = new StringBuilder();
        String[] names = {"a", "b", "c", "d"};
        double[] cells = t.cells();
        for (int i = 0; i < 4; i++) {
            if (cells[i] == 0) {
                s.append(s.length() == 0 ? "" : ", ").append(names[i]).append(" = 0");
            }
        }
        return s.toString();
    }
}
