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
 * dimension is {@code seb}: the rows, each answer, and the classifiable answers (a sum of three
 * answers, printed only when it follows from printed counts).
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
    Set<String> cellColumns(ResultTable table) {
        Set<String> withheld = new HashSet<>();
        put(withheld, table, rows(), "rows");
        put(withheld, table, classifiable(), "classifiable");
        put(withheld, table, answer(Seb.EXCLUDED.level()), "excluded");
        put(withheld, table, answer(Seb.MISSING.level()), "missing");
        put(withheld, table, rows() || classifiable(), "response_rate", "response_lower", "response_upper", "meets_target");
        put(withheld, table, anyGroup() || classifiable(), "chi_square", "df", "p_value", "small_expected");
        return withheld;
    }

    /**
     * The columns withheld in a row about group {@code seb} of the cell (a composition's
     * {@code shares}, a ceiling's {@code composition}): its count; its share, interval and ratio to
     * the national share when the count or the classifiable total is withheld; its ratio to the
     * workforce (the pool's share of the group) when the pool's count is, too.
     */
    Set<String> groupColumns(ResultTable table, String seb, SebCells workforce) {
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
