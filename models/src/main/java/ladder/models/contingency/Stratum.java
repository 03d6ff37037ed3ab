package ladder.models.contingency;

import java.util.Objects;

/**
 * One stratum's 2x2 table and what the stratified analysis made of it.
 *
 * @param label the stratum's name, e.g. an employer
 * @param table its counts
 * @param use whether it was pooled
 * @param reason why it was left out or used for the risk difference only; null when pooled
 * @param oddsRatio its own odds ratio (the method the analysis was asked for)
 */
public record Stratum(String label, TwoByTwo table, Use use, String reason, Estimate oddsRatio) {

    /** How a stratum enters the pooled estimates and tests. */
    public enum Use {
        /** Pooled for every measure and test. */
        POOLED,
        /**
         * People at both levels but no events (or no non-events), so both risks are equal (0 or
         * 1). Pooled as R and epiR pool it: it adds exactly nothing to the Mantel-Haenszel odds
         * ratio and test, nothing to the risk ratio when no one had the event (a risk ratio of 1
         * with weight n1 n0 / N when everyone had it), and a risk difference of 0 with weight
         * n1 n0 / N. The Breslow-Day test cannot use it (its fitted table is degenerate) and leaves it out.
         */
        OUTCOME_CONSTANT,
        /** Left out: fewer than 2 people, or no one at the exposure or reference level. */
        EXCLUDED
    }

    public Stratum {
        Objects.requireNonNull(label);
        Objects.requireNonNull(table);
        Objects.requireNonNull(use);
        Objects.requireNonNull(oddsRatio);
        if ((use == Use.POOLED) != (reason == null)) {
            throw new IllegalArgumentException("a stratum has a reason exactly when it is not fully pooled");
        }
    }

    /** How a stratum with {@code table} is used, and why: see {@link Use}. */
    static Use useOf(TwoByTwo table) {
        if (table.total() < 2 || table.exposed() == 0 || table.reference() == 0) {
            return Use.EXCLUDED;
        }
        return table.emptyMargin() == null ? Use.POOLED : Use.OUTCOME_CONSTANT;
    }

    /** Why a stratum with {@code table} is not fully pooled, or null. */
    static String reasonOf(TwoByTwo table) {
        if (table.total() < 2) {
            return table.total() == 0 ? "empty" : "fewer than 2 people";
        }
        String empty = table.emptyMargin();
        if (empty == null) {
            return null;
        }
        return useOf(table) == Use.EXCLUDED ? empty
                : empty + ": both risks equal; adds nothing to the odds ratio or CMH test, left out of Breslow-Day";
    }
}
