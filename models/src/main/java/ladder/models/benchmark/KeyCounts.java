package ladder.models.benchmark;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import ladder.engine.contract.Seb;
import ladder.models.contingency.Estimate;
import ladder.models.contingency.MantelHaenszel;
import ladder.models.contingency.OddsRatio;
import ladder.models.contingency.OddsRatioInterval;
import ladder.models.contingency.RiskRatio;
import ladder.models.contingency.TwoByTwo;
import ladder.models.disclosure.SuppressionPlan;
import ladder.models.pay.MeanGap;
import ladder.models.pay.MeanGapMethod;
import ladder.models.pay.MedianGapBootstrap;
import ladder.models.pay.PayHistogram;
import ladder.models.pay.PersonMedianGapBootstrap;
import ladder.models.proportion.ConfidenceInterval;
import ladder.models.proportion.WilsonInterval;
import ladder.models.survival.KaplanMeierCurve;

/**
 * The counts behind an employer's key figures for a set of rows (one employer, the rest of its
 * sector, the coalition): the interior of each {@link KeyTable} read from the inputs, the hourly pay
 * of professionals and the working class as exact histograms, their months in grade to promotion or
 * censoring ({@link MonthCounts}), and, for a set of several employers,
 * each employer's own counts (the strata of the within-employer odds ratio and the clusters of the
 * median gap's bootstrap).
 *
 * @param tables the interior counts of each table the inputs give (row-major, last dimension fastest)
 * @param professionalPay the hourly pay of professionals (empty when the inputs have no hourly_pay dimension)
 * @param workingClassPay the hourly pay of the working class
 * @param professionalTime the months in grade and promotions of professionals (empty without months_in_grade)
 * @param workingClassTime those of the working class
 * @param employers each employer's counts, or empty for one employer's
 */
record KeyCounts(Map<KeyTable, long[]> tables, PayHistogram professionalPay, PayHistogram workingClassPay,
        MonthCounts professionalTime, MonthCounts workingClassTime, List<KeyCounts> employers) {

    /** The grade bands of the senior table. */
    static final List<String> BANDS = List.of("1-3", "4-6");

    /** The SEB groups: the three classes, then the rest. */
    static final List<String> GROUPS = List.of("professional", "intermediate", "working_class", "not_classifiable");

    /** The funnel's stages in order (the contract's stage_reached codes). */
    static final List<String> STAGES = ladder.engine.contract.Field.STAGE_REACHED.codebook().codes();

    /** The stages that hold an offer: offered and what follows it. */
    static final List<String> OFFER_STAGES = STAGES.subList(STAGES.indexOf("offered"), STAGES.size());

    /** The entry routes of the figures, then every other route (or none: {@code (missing)} in cube files). */
    static final List<String> ROUTES = List.of("graduate_scheme", "apprenticeship", "other_routes");

    /** Bootstrap replicates and seed of the median gap's interval, as the class pay gap's defaults. */
    static final int REPLICATES = ladder.models.pay.ClassPayGap.Question.defaults().replicates();
    static final long SEED = ladder.models.pay.ClassPayGap.Question.defaults().seed();

    KeyCounts {
        EnumMap<KeyTable, long[]> copy = new EnumMap<>(KeyTable.class);
        tables.forEach((t, c) -> copy.put(t, c.clone()));
        tables = java.util.Collections.unmodifiableMap(copy);
        employers = List.copyOf(employers);
    }

    /** The index into {@link #GROUPS} of an seb level: the three classes, then excluded and missing together. */
    static int group(String seb) {
        return Math.min(3, Seb.LEVELS.indexOf(seb));
    }

    /** The counts of several employers' rows, summed cell by cell, with each employer's kept as a stratum. */
    static KeyCounts sum(List<KeyCounts> employers) {
        Map<KeyTable, long[]> tables = new EnumMap<>(KeyTable.class);
        PayHistogram professional = PayHistogram.empty(), working = PayHistogram.empty();
        MonthCounts professionalTime = MonthCounts.EMPTY, workingClassTime = MonthCounts.EMPTY;
        for (KeyCounts k : employers) {
            k.tables.forEach((t, c) -> {
                long[] into = tables.computeIfAbsent(t, x -> new long[c.length]);
                for (int i = 0; i < c.length; i++) {
                    into[i] += c[i];
                }
            });
            professional = professional.merge(k.professionalPay);
            working = working.merge(k.workingClassPay);
            professionalTime = professionalTime.merge(k.professionalTime);
            workingClassTime = workingClassTime.merge(k.workingClassTime);
        }
        return new KeyCounts(tables, professional, working, professionalTime, workingClassTime, employers);
    }

    /** Rows in the counts (the total of the seb table). */
    long rows() {
        return count(KeyTable.SEB, List.of(SuppressionPlan.TOTAL));
    }

    /** The count of a cell of {@code table} ({@code Total} sums a dimension); 0 when the inputs lack the table. */
    long count(KeyTable table, List<String> labels) {
        long[] cells = tables.get(table);
        if (cells == null) {
            return 0;
        }
        int at = labels.indexOf(SuppressionPlan.TOTAL);
        if (at < 0) {
            return cells[table.index(labels)];
        }
        long sum = 0;
        for (String level : table.levels().get(at)) {
            List<String> one = new ArrayList<>(labels);
            one.set(at, level);
            sum += count(table, one);
        }
        return sum;
    }

    private long sum(KeyTable table, List<List<String>> cells) {
        return cells.stream().mapToLong(c -> count(table, c)).sum();
    }

    /** The value of {@code figure} with its interval; {@link Value#NONE} when the rows cannot give it. */
    Value value(KeyFigure figure, double level) {
        KeyTable t = figure.table();
        if (!tables.containsKey(t)) {
            return Value.NONE;
        }
        List<List<String>> cells = figure.cells();
        return switch (figure) {
            case RESPONSE_RATE -> {
                long rows = count(t, cells.get(1));
                yield Value.share(rows - count(t, cells.get(0)), rows, level);
            }
            case PROFESSIONAL_SHARE, INTERMEDIATE_SHARE, WORKING_CLASS_SHARE -> Value.share(
                    count(t, cells.get(figure.ordinal() - KeyFigure.PROFESSIONAL_SHARE.ordinal())), sum(t, cells), level);
            case PROMOTION_ODDS_RATIO -> Value.oddsRatio(counts(t, cells), level);
            case PROMOTION_ODDS_RATIO_POOLED -> pooledOddsRatio(t, cells, level);
            case OFFER_RATE_RATIO -> Value.rateRatio(offers(counts(t, cells)), level);
            case PAY_GAP_MEDIAN, PAY_GAP_MEAN -> payGap(figure == KeyFigure.PAY_GAP_MEDIAN, level);
            case PROMOTED_WITHIN_24_MONTHS_PROFESSIONAL -> promotedWithin(professionalTime, level);
            case PROMOTED_WITHIN_24_MONTHS_WORKING_CLASS -> promotedWithin(workingClassTime, level);
            case WORKING_CLASS_SHARE_JUNIOR, WORKING_CLASS_SHARE_SENIOR, WORKING_CLASS_SHARE_GRADUATE_SCHEME,
                    WORKING_CLASS_SHARE_APPRENTICESHIP, WORKING_CLASS_SHARE_APPLICANTS -> Value.share(count(t, cells.get(2)),
                    sum(t, cells), level);
            default -> Value.share(count(t, cells.get(0)), sum(t, cells), level);
        };
    }

    /**
     * Offers and the rest per group, from a group's cells in {@link KeyFigure#cells()}'s order: its
     * {@link #OFFER_STAGES} and then its applications.
     */
    private static long[] offers(long[] cells) {
        int per = OFFER_STAGES.size() + 1;
        long[] out = new long[2 * cells.length / per];
        for (int g = 0; 2 * g < out.length; g++) {
            long offers = java.util.Arrays.stream(cells, g * per, g * per + per - 1).sum();
            out[2 * g] = offers;
            out[2 * g + 1] = cells[g * per + per - 1] - offers;
        }
        return out;
    }

    private long[] counts(KeyTable t, List<List<String>> cells) {
        return cells.stream().mapToLong(c -> count(t, c)).toArray();
    }

    /** Mantel-Haenszel over the employers (those with at least 2 people); one employer's own odds ratio. */
    private Value pooledOddsRatio(KeyTable t, List<List<String>> cells, double level) {
        if (employers.isEmpty()) {
            return Value.oddsRatio(counts(t, cells), level);
        }
        List<TwoByTwo> strata = new ArrayList<>();
        for (KeyCounts e : employers) {
            long[] c = e.counts(t, cells);
            if (c[0] + c[1] + c[2] + c[3] >= 2) {
                strata.add(TwoByTwo.of(new double[] {c[0], c[1], c[2], c[3]}));
            }
        }
        long[] all = counts(t, cells);
        return strata.isEmpty() ? Value.undefined(all) : Value.of(MantelHaenszel.oddsRatio(strata, level), all);
    }

    /** 100 (professional - working class) / professional of the median or the mean hourly pay. */
    private Value payGap(boolean median, double level) {
        PayHistogram ref = professionalPay, wc = workingClassPay;
        long[] cells = {wc.n(), ref.n()};
        if (ref.n() == 0 || wc.n() == 0) {
            return Value.undefined(cells);
        }
        Double gap = MeanGap.percent(median ? ref.median() : ref.mean(), median ? wc.median() : wc.mean());
        if (gap == null) {
            return Value.undefined(cells);
        }
        ConfidenceInterval ci = median ? medianInterval(level) : MeanGap.interval(ref, wc, MeanGapMethod.DELTA, level);
        return ci.isDefined() ? new Value(gap, ci.lower(), ci.upper(), ref.n() + wc.n(), cells)
                : new Value(gap, null, null, ref.n() + wc.n(), cells);
    }

    /** The month of the time-to-promotion figures. */
    static final int MONTHS = 24;

    /**
     * 1 - S(24) of the group's pooled Kaplan-Meier curve, its interval 1 minus the log interval of S (R's
     * {@code summary(survfit(Surv(months_in_grade, promoted) ~ 1), times = 24)}); undefined when no one is
     * followed to month 24, or S(24) is 0 (no interval).
     */
    private static Value promotedWithin(MonthCounts time, double level) {
        long[] cells = {time.people()};
        KaplanMeierCurve.SurvivalAt s = time.at(MONTHS, level);
        if (s == null || s.lower() == null) {
            return Value.undefined(cells);
        }
        return new Value(1 - s.survival(), 1 - s.upper(), 1 - s.lower(), time.people(), cells);
    }

    /**
     * The percentile interval of the median gap: the employer-cluster bootstrap for two employers or more, else
     * (one employer's rows) the person bootstrap within it, each group's people resampled.
     */
    private ConfidenceInterval medianInterval(double level) {
        if (employers.size() < 2) {
            return PersonMedianGapBootstrap.of(professionalPay, workingClassPay, REPLICATES, SEED).interval(0, level);
        }
        List<List<PayHistogram>> clusters = employers.stream().map(e -> List.of(e.professionalPay, e.workingClassPay))
                .toList();
        return MedianGapBootstrap.of(clusters, REPLICATES, SEED, 1).interval(0, level);
    }

    /**
     * A figure's estimate, interval and the people it rests on.
     *
     * @param estimate the value, or null when the rows cannot give it
     * @param lower the interval's lower end, or null
     * @param upper its upper end, or null
     * @param n the people the value rests on (the denominator; for an odds ratio the people in its 2x2 table; for a
     *     pay gap the people with pay in the two groups)
     * @param cells the counts it rests on (event and non-event; an odds ratio's four cells; the two groups' people)
     */
    record Value(Double estimate, Double lower, Double upper, long n, long[] cells) {
        static final Value NONE = new Value(null, null, null, 0, new long[0]);

        static Value undefined(long[] cells) {
            return new Value(null, null, null, java.util.Arrays.stream(cells).sum(), cells);
        }

        /** x / n with its Wilson interval (R's prop.test(x, n, correct = FALSE)). */
        static Value share(long x, long n, double level) {
            if (n == 0) {
                return new Value(null, null, null, 0, new long[] {x, n - x});
            }
            ConfidenceInterval ci = WilsonInterval.of(x, n, level);
            return new Value((double) x / n, ci.lower(), ci.upper(), n, new long[] {x, n - x});
        }

        /** The odds ratio of cells (exposed promoted, not; reference promoted, not) with the Woolf interval. */
        static Value oddsRatio(long[] cells, double level) {
            return of(OddsRatio.of(TwoByTwo.of(new double[] {cells[0], cells[1], cells[2], cells[3]}),
                    OddsRatioInterval.WOOLF, level), cells);
        }

        /**
         * The rate ratio of cells (exposed with the event, without; reference with, without), p1 / p2, with the Katz
         * log interval ({@link RiskRatio}, the funnel's adverse impact ratio).
         */
        static Value rateRatio(long[] cells, double level) {
            return of(RiskRatio.of(TwoByTwo.of(new double[] {cells[0], cells[1], cells[2], cells[3]}), level), cells);
        }

        /** An odds ratio's or a rate ratio's estimate, defined when finite and above 0. */
        static Value of(Estimate e, long[] cells) {
            boolean defined = e.isDefined() && Double.isFinite(e.estimate()) && e.estimate() > 0;
            return new Value(defined ? e.estimate() : null, defined ? e.lower() : null, defined ? e.upper() : null,
                    java.util.Arrays.stream(cells).sum(), cells);
        }

        boolean defined() {
            return estimate != null;
        }
    }
}
