package ladder.models.progression;

import java.util.ArrayList;
import java.util.List;
import ladder.engine.contract.Seb;
import ladder.models.contingency.Estimate;
import ladder.models.contingency.OddsRatioInterval;
import ladder.models.contingency.ProgressionOdds;
import ladder.models.contingency.StratifiedAnalysis;
import ladder.models.contingency.TwoByTwo;
import ladder.models.contingency.TwoByTwoAnalysis;
import ladder.models.proportion.ConfidenceInterval;
import ladder.models.proportion.WilsonInterval;
import ladder.models.result.Chart;
import ladder.models.result.ResultTable;
import ladder.models.result.ResultTable.Kind;

/**
 * A table of an outcome's rate in each SEB group and each group's odds against the reference
 * group, read from {@link ProgressionOdds} results: one row per group per combination of their
 * {@code by} levels, the reference group first. Per row: people, events, the rate with its Wilson
 * interval (R {@code prop.test(x, n, correct = FALSE)}); per compared group: the sample odds ratio
 * ad/bc with Woolf's interval and Fisher's exact p (R {@code fisher.test}), and within strata the
 * Mantel-Haenszel odds ratio with the Robins-Breslow-Greenland interval and the CMH p (R
 * {@code mantelhaen.test(correct = FALSE)}).
 *
 * <p>With a disclosure threshold, a row whose events or non-events are under it (or that
 * {@link Hidden} names) has its counts, rate and odds ratios withheld, and so do the odds ratios
 * of every group compared with a withheld reference row; a Mantel-Haenszel odds ratio is
 * withheld with its row only when it rests on fewer than two strata.
 */
final class SebRates {

    /** Rows withheld for a reason outside the table (e.g. a count another table withholds). */
    interface Hidden {
        boolean test(List<String> byLevels, String seb);
    }

    private final ResultTable.Builder table;
    private final int lead;
    private final double level;
    private final int threshold;

    /**
     * @param leadColumns the columns before {@code seb}: each {@link #add}'s prefix, then the {@code by} columns
     * @param threshold counts under it withheld; 0 for none
     */
    SebRates(String name, String title, List<String> leadColumns, String outcome, double level, int threshold) {
        this.lead = leadColumns.size();
        this.level = level;
        this.threshold = threshold;
        String pct = Math.round(level * 100) + "%";
        table = ResultTable.builder(name, title);
        for (String c : leadColumns) {
            table.column(c, Kind.LABEL, c.replace('_', ' '));
        }
        table.column("seb", Kind.LABEL, "SEB group (the first of each block is the reference)")
                .column("n", Kind.COUNT, "people")
                .column("events", Kind.COUNT, "people with the outcome (" + outcome + ")")
                .column("rate", Kind.PROPORTION, "events / n")
                .column("lower", Kind.PROPORTION, pct + " Wilson interval, lower (R prop.test, correct = FALSE)")
                .column("upper", Kind.PROPORTION, pct + " Wilson interval, upper")
                .column("odds_ratio", Kind.NUMBER, "sample odds ratio against the reference group, pooled rows")
                .column("or_lower", Kind.NUMBER, pct + " Woolf interval, lower")
                .column("or_upper", Kind.NUMBER, pct + " Woolf interval, upper")
                .column("fisher_p", Kind.P_VALUE, "Fisher's exact test, two-sided (R fisher.test)")
                .column("mh_odds_ratio", Kind.NUMBER, "Mantel-Haenszel odds ratio within strata")
                .column("mh_lower", Kind.NUMBER, pct + " Robins-Breslow-Greenland interval, lower")
                .column("mh_upper", Kind.NUMBER, pct + " Robins-Breslow-Greenland interval, upper")
                .column("cmh_p", Kind.P_VALUE, "Cochran-Mantel-Haenszel test without continuity correction")
                .column("note", Kind.LABEL, "the reference, or why a value is missing or withheld");
    }

    /** Adds the rows of every {@code by} group of {@code odds}, each led by {@code prefix}. */
    SebRates add(List<String> prefix, ProgressionOdds odds, Hidden hidden) {
        for (ProgressionOdds.Group g : odds.groups()) {
            List<String> leadValues = new ArrayList<>(prefix);
            leadValues.addAll(g.byLevels());
            if (leadValues.size() != lead) {
                throw new IllegalArgumentException(leadValues + " for " + lead + " lead columns");
            }
            TwoByTwo first = g.comparisons().get(0).crude().table();
            String reference = odds.question().reference();
            boolean referenceHidden = withheld(first.c(), first.d(), hidden.test(g.byLevels(), reference));
            row(leadValues, reference, first.c(), first.d(), referenceHidden, null, null, "reference");
            for (ProgressionOdds.Comparison c : g.comparisons()) {
                TwoByTwo t = c.crude().table();
                boolean rowHidden = withheld(t.a(), t.b(), hidden.test(g.byLevels(), c.exposureLevel()));
                row(leadValues, c.exposureLevel(), t.a(), t.b(), rowHidden, rowHidden || referenceHidden ? null : c.crude(),
                        c.stratified() == null || (rowHidden || referenceHidden) && c.stratified().pooledStrata() < 2
                                ? null : c.stratified(), null);
            }
        }
        return this;
    }

    private boolean withheld(double events, double nonEvents, boolean elsewhere) {
        return threshold > 0 && (events < threshold || nonEvents < threshold || elsewhere);
    }

    private void row(List<String> leadValues, String seb, double events, double nonEvents, boolean hidden,
            TwoByTwoAnalysis crude, StratifiedAnalysis within, String note) {
        List<Object> row = new ArrayList<>(leadValues);
        row.add(seb);
        long n = Math.round(events + nonEvents);
        long x = Math.round(events);
        ConfidenceInterval ci = n == 0 ? null : WilsonInterval.of(x, n, level);
        row.add(hidden ? null : n);
        row.add(hidden ? null : x);
        row.add(hidden || n == 0 ? null : (double) x / n);
        row.add(hidden || ci == null ? null : ci.lower());
        row.add(hidden || ci == null ? null : ci.upper());
        Estimate or = crude == null ? null : crude.oddsRatio(OddsRatioInterval.WOOLF);
        row.add(or == null ? null : or.estimate());
        row.add(or == null ? null : or.lower());
        row.add(or == null ? null : or.upper());
        row.add(crude == null ? null : crude.tests().get(2).pValue());
        Estimate mh = within == null ? null : within.oddsRatio();
        row.add(mh == null ? null : mh.estimate());
        row.add(mh == null ? null : mh.lower());
        row.add(mh == null ? null : mh.upper());
        row.add(within == null ? null : within.cochranMantelHaenszel(false).pValue());
        List<String> notes = new ArrayList<>();
        if (note != null) {
            notes.add(note);
        }
        if (hidden) {
            notes.add("withheld: events or non-events under " + threshold + ", or a count withheld elsewhere");
        } else if (n == 0) {
            notes.add("no one in the group");
        }
        if (or != null && or.reason() != null) {
            notes.add("odds ratio: " + or.reason());
        }
        if (mh != null && mh.reason() != null) {
            notes.add("Mantel-Haenszel: " + mh.reason());
        }
        row.add(notes.isEmpty() ? null : String.join("; ", notes));
        table.row(row);
    }

    /**
     * Bars of each SEB group's rate with its Wilson whiskers, read from a table this class built
     * (so withheld rates are left out), one category per value of its first column in {@code categories}.
     */
    static Chart bars(ResultTable rates, List<String> categories, String title, String subtitle, String categoryAxis,
            String valueAxis) {
        List<Chart.Series> series = new ArrayList<>();
        for (Seb group : Seb.CLASSIFIABLE) {
            List<Double> values = new ArrayList<>(), lower = new ArrayList<>(), upper = new ArrayList<>();
            for (String category : categories) {
                List<Object> row = rates.rows().stream().filter(r -> r.get(0).equals(category)
                        && r.get(rates.column("seb")).equals(group.level())).findFirst().orElse(null);
                values.add(row == null ? null : (Double) row.get(rates.column("rate")));
                lower.add(row == null ? null : (Double) row.get(rates.column("lower")));
                upper.add(row == null ? null : (Double) row.get(rates.column("upper")));
            }
            series.add(new Chart.Series(group.level().replace('_', ' '), values, lower, upper));
        }
        return new Chart.IntervalBars(title, subtitle, categoryAxis, valueAxis, true, categories, series, List.of());
    }

    /** The {@code disclosure_control} input of a result with {@code threshold} (0: not for publication). */
    static String disclosureInput(int threshold) {
        return threshold == 0 ? "none (not for publication)"
                : "counts under " + threshold + " withheld, with what would reveal them";
    }

    ResultTable build() {
        return table.build();
    }
}
