package ladder.models.benchmark;

import java.util.List;
import java.util.Map;
import ladder.engine.contract.Seb;
import ladder.engine.cube.Cube;
import ladder.models.contingency.Estimate;
import ladder.models.contingency.OddsRatio;
import ladder.models.contingency.OddsRatioInterval;
import ladder.models.contingency.TwoByTwo;
import ladder.models.proportion.ConfidenceInterval;
import ladder.models.proportion.WilsonInterval;

/**
 * The counts behind an employer's key figures, for a set of rows (one employer, its sector, the
 * coalition): rows by SEB group (the three classes, then those not classifiable: excluded or
 * missing), the classifiable at grade 4 or above by class, and the promoted and not promoted by
 * SEB group. Read from a cube over (seb, grade, promoted), with the rows' other dimensions summed.
 *
 * @param seb rows by group: professional, intermediate, working class, not classifiable
 * @param bands rows by grade band (grades 1-3, then 4-6) and group (as {@code seb})
 * @param promoted rows by group (as {@code seb}) and promoted (1, then 0)
 */
record KeyCounts(long[] seb, long[][] bands, long[][] promoted) {

    /** The grade bands of {@link #bands}. */
    static final List<String> BANDS = List.of("1-3", "4-6");

    /** The SEB groups of {@link #seb}: the three classes, then the rest. */
    static final List<String> GROUPS = List.of("professional", "intermediate", "working_class", "not_classifiable");

    /** The index into {@link #GROUPS} of an seb level: the three classes, then excluded and missing together. */
    static int group(String seb) {
        return Math.min(3, Seb.LEVELS.indexOf(seb));
    }

    /** The counts of {@code cube}'s rows (it has seb, grade and promoted among its dimensions). */
    static KeyCounts of(Cube cube) {
        long[] seb = new long[4];
        long[][] bands = new long[2][4];
        long[][] promoted = new long[4][2];
        int s = cube.dimension("seb"), g = cube.dimension("grade"), p = cube.dimension("promoted");
        for (int c = 0; c < cube.size(); c++) {
            int group = group(cube.label(c, s));
            long n = cube.count(c);
            seb[group] += n;
            bands[Integer.parseInt(cube.label(c, g)) >= 4 ? 1 : 0][group] += n;
            promoted[group][cube.label(c, p).equals("1") ? 0 : 1] += n;
        }
        return new KeyCounts(seb, bands, promoted);
    }

    /** The sum of {@code parts}, cell by cell. */
    static KeyCounts sum(List<KeyCounts> parts) {
        long[] seb = new long[4];
        long[][] bands = new long[2][4];
        long[][] promoted = new long[4][2];
        for (KeyCounts k : parts) {
            for (int i = 0; i < 4; i++) {
                seb[i] += k.seb[i];
                bands[0][i] += k.bands[0][i];
                bands[1][i] += k.bands[1][i];
                promoted[i][0] += k.promoted[i][0];
                promoted[i][1] += k.promoted[i][1];
            }
        }
        return new KeyCounts(seb, bands, promoted);
    }

    long classifiable() {
        return seb[0] + seb[1] + seb[2];
    }

    long rows() {
        return classifiable() + seb[3];
    }

    /** The value of {@code figure} with its interval; {@link Value#NONE} when the rows cannot give it. */
    Value value(KeyFigure figure, double level) {
        return switch (figure) {
            case PROFESSIONAL_SHARE, INTERMEDIATE_SHARE, WORKING_CLASS_SHARE ->
                    Value.share(seb[figure.ordinal()], classifiable(), level);
            case RESPONSE_RATE -> Value.share(classifiable(), rows(), level);
            case WORKING_CLASS_SHARE_SENIOR -> Value.share(bands[1][2], bands[1][0] + bands[1][1] + bands[1][2], level);
            case PROMOTION_PROFESSIONAL, PROMOTION_INTERMEDIATE, PROMOTION_WORKING_CLASS -> {
                long[] pr = promoted[figure.ordinal() - KeyFigure.PROMOTION_PROFESSIONAL.ordinal()];
                yield Value.share(pr[0], pr[0] + pr[1], level);
            }
            case PROMOTION_ODDS_RATIO -> Value.oddsRatio(promoted[2], promoted[0], level);
        };
    }

    /**
     * A figure's estimate, interval and the people it rests on.
     *
     * @param estimate the value, or null when the rows cannot give it
     * @param lower the interval's lower end, or null
     * @param upper its upper end, or null
     * @param n the people the value rests on (the denominator; for an odds ratio the people in its 2x2 table)
     * @param cells the counts it rests on (event and non-event; an odds ratio's four cells)
     */
    record Value(Double estimate, Double lower, Double upper, long n, long[] cells) {
        static final Value NONE = new Value(null, null, null, 0, new long[0]);

        /** x / n with its Wilson interval (R's prop.test(x, n, correct = FALSE)). */
        static Value share(long x, long n, double level) {
            if (n == 0) {
                return new Value(null, null, null, 0, new long[] {x, n - x});
            }
            ConfidenceInterval ci = WilsonInterval.of(x, n, level);
            return new Value((double) x / n, ci.lower(), ci.upper(), n, new long[] {x, n - x});
        }

        /** The odds ratio of promotion, exposed (promoted, not) against reference, with the Woolf interval. */
        static Value oddsRatio(long[] exposed, long[] reference, double level) {
            long[] cells = {exposed[0], exposed[1], reference[0], reference[1]};
            Estimate e = OddsRatio.of(TwoByTwo.of(new double[] {cells[0], cells[1], cells[2], cells[3]}),
                    OddsRatioInterval.WOOLF, level);
            boolean defined = e.isDefined() && Double.isFinite(e.estimate()) && e.estimate() > 0;
            return new Value(defined ? e.estimate() : null, defined ? e.lower() : null, defined ? e.upper() : null,
                    cells[0] + cells[1] + cells[2] + cells[3], cells);
        }

        boolean defined() {
            return estimate != null;
        }
    }

    /** The counts as the interior of a suppression-plan table, in {@link KeyFigure#tables()} order. */
    Map<String, long[]> planCells() {
        long[] promotion = new long[8];
        for (int i = 0; i < 4; i++) {
            promotion[2 * i] = promoted[i][0];
            promotion[2 * i + 1] = promoted[i][1];
        }
        long[] grades = new long[8];
        System.arraycopy(bands[0], 0, grades, 0, 4);
        System.arraycopy(bands[1], 0, grades, 4, 4);
        return Map.of("seb", seb.clone(), "senior", grades, "promotion", promotion);
    }
}
