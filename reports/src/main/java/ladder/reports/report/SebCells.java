package ladder.reports.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import ladder.engine.contract.Seb;
import ladder.models.disclosure.SuppressionPlan;
import ladder.models.result.ResultTable;

/**
 * Which of one cell's SEB counts the report's plan withholds, for a plan table whose last
 * dimension is {@code seb} ({@link PlanTables}): the rows, each group, the rows without a
 * classifiable answer, and the classifiable answers (a sum of the three groups, printed only when
 * it follows from printed counts). The plan holds excluded and missing as one count, so each is
 * printed only when that count is and both are at least the threshold (then neither reveals more
 * than the plan publishes).
 *
 * @param at the cell's labels on the table's other dimensions ({@link SuppressionPlan#TOTAL} for a margin)
 */
record SebCells(Disclosure disclosure, String table, List<String> at) {
    SebCells {
        at = List.copyOf(at);
    }

    /** Whether the count of answer {@code seb} (a {@link Seb} level) is withheld. */
    boolean answer(String seb) {
        return disclosure.withheld(table, labels(seb));
    }

    /** Whether the number of rows (every answer and none) is withheld. */
    boolean rows() {
        return answer(SuppressionPlan.TOTAL);
    }

    boolean classifiable() {
        return disclosure.sumWithheld(table, labels(SuppressionPlan.TOTAL), at.size(),
                Seb.CLASSIFIABLE.stream().map(Seb::level).toList());
    }

    /** Whether any of the three groups' counts is withheld (a test over them rests on each). */
    boolean anyGroup() {
        return Seb.CLASSIFIABLE.stream().anyMatch(s -> answer(s.level()));
    }

    /** Whether a share of group {@code seb} among the classifiable is withheld. */
    boolean share(String seb) {
        return answer(seb) || classifiable();
    }

    /**
     * The columns withheld in a row about the whole cell (a composition's {@code cells}, a
     * description's {@code response}): counts the plan withholds, the response rate when its rows or
     * classifiable answers are, the goodness-of-fit test when any group count is.
     */
    Set<String> cellColumns(Disclosure.Row row) {
        ResultTable table = row.table();
        Set<String> withheld = new HashSet<>();
        put(withheld, table, rows(), "rows");
        put(withheld, table, classifiable(), "classifiable");
        put(withheld, table, noAnswerSplitWithheld(row), "excluded", "missing");
        put(withheld, table, rows() || classifiable(), "response_rate", "response_lower", "response_upper", "meets_target");
        put(withheld, table, anyGroup() || classifiable(), "chi_square", "df", "p_value", "small_expected");
        return withheld;
    }

    /**
     * The columns withheld in a row about the group in its {@code seb} column (a composition's
     * {@code shares}, a ceiling's {@code composition}): its count; its share, interval and ratio to
     * the national share when the count or the classifiable total is withheld; its ratio to the
     * workforce (the pool's share of the group) when the pool's count is, too.
     */
    Set<String> groupColumns(Disclosure.Row row, SebCells workforce) {
        ResultTable table = row.table();
        String seb = row.label("seb");
        Set<String> withheld = new HashSet<>();
        put(withheld, table, answer(seb), "count");
        put(withheld, table, classifiable(), "grade_total");
        put(withheld, table, share(seb), "share", "lower", "upper", "representation_ratio", "ratio_national",
                "ratio_national_lower", "ratio_national_upper");
        put(withheld, table, workforce.share(seb), "workforce_share");
        put(withheld, table, share(seb) || workforce.share(seb), "ratio_workforce", "ratio_workforce_lower",
                "ratio_workforce_upper");
        return withheld;
    }

    /** Whether the excluded and missing counts of {@code row} are withheld: see the class comment. */
    private boolean noAnswerSplitWithheld(Disclosure.Row row) {
        if (answer(PlanTables.NO_ANSWER)) {
            return true;
        }
        for (String column : List.of("excluded", "missing")) {
            if (row.table().column(column) >= 0 && row.value(column) instanceof Long n && n < Disclosure.THRESHOLD) {
                return true;
            }
        }
        return false;
    }

    /** Adds those of {@code columns} that {@code table} has when {@code withheld}. */
    static void put(Set<String> into, ResultTable table, boolean withheld, String... columns) {
        if (withheld) {
            for (String c : columns) {
                if (table.column(c) >= 0) {
                    into.add(c);
                }
            }
        }
    }

    private List<String> labels(String seb) {
        List<String> labels = new ArrayList<>(at);
        labels.add(seb);
        return labels;
    }
}
