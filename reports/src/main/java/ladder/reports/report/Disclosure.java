package ladder.reports.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ladder.models.disclosure.CountTable;
import ladder.models.disclosure.Reason;
import ladder.models.disclosure.SmallCellSuppression;
import ladder.models.disclosure.SuppressionPlan;
import ladder.models.result.ResultTable;

/**
 * The report's one disclosure decision: a {@link SuppressionPlan} over every count table of
 * {@link PlanTables} at once (counts under 10 withheld, then enough others that no withheld count
 * can be worked back from any margin printed anywhere in the report), and the rules by which a
 * section's tables are published under it: a count the plan withholds is blank, and so is every
 * rate, share, mean, interval or test that rests on it.
 */
public final class Disclosure {
    /** Counts under this are withheld. */
    public static final int THRESHOLD = SmallCellSuppression.DEFAULT_THRESHOLD;

    private final Map<String, CountTable> tables = new LinkedHashMap<>();
    private final SuppressionPlan plan;

    Disclosure(List<CountTable> counts) {
        counts.forEach(t -> tables.put(t.name(), t));
        SuppressionPlan.Builder builder = SuppressionPlan.builder(THRESHOLD);
        counts.forEach(builder::table);
        plan = counts.isEmpty() ? null : builder.build();
    }

    /** Whether the plan covers {@code table} (cube files may lack its dimensions). */
    boolean has(String table) {
        return tables.containsKey(table);
    }

    /**
     * Whether the count of {@code table} at {@code labels} ({@link SuppressionPlan#TOTAL} for a
     * margin) is withheld. A level the table does not have is a count of zero, withheld.
     */
    boolean withheld(String table, List<String> labels) {
        CountTable t = tables.get(table);
        if (t == null) {
            throw new IllegalStateException("the report's plan has no table " + table);
        }
        for (int d = 0; d < labels.size(); d++) {
            if (!labels.get(d).equals(SuppressionPlan.TOTAL) && !t.levels().get(d).contains(labels.get(d))) {
                return true;
            }
        }
        return plan.isSuppressed(table, labels);
    }

    boolean withheld(String table, String... labels) {
        return withheld(table, List.of(labels));
    }

    /**
     * Whether a sum over some levels of one dimension ({@code parts} of dimension {@code dim}, the
     * other labels as in {@code at}) is withheld. Such a sum (the classifiable answers: professional +
     * intermediate + working class; those at grade 4 or above) is no margin of the plan, so it is
     * published only when it follows from published counts: each part is published, or the margin
     * and each other level are.
     */
    boolean sumWithheld(String table, List<String> at, int dim, Collection<String> parts) {
        List<String> levels = tables.get(table).levels().get(dim);
        boolean partsKnown = true;
        boolean restKnown = !withheld(table, with(at, dim, SuppressionPlan.TOTAL));
        for (String level : levels) {
            boolean known = !withheld(table, with(at, dim, level));
            if (parts.contains(level)) {
                partsKnown &= known;
            } else {
                restKnown &= known;
            }
        }
        return !partsKnown && !restKnown;
    }

    private static List<String> with(List<String> at, int dim, String label) {
        List<String> labels = new ArrayList<>(at);
        labels.set(dim, label);
        return labels;
    }

    /** Decides, for one row of a section's table, which of its columns are withheld. */
    interface RowRule {
        Set<String> withheld(Row row);
    }

    /** A row's values by column name. */
    record Row(ResultTable table, int index) {
        String label(String column) {
            Object v = table.get(index, column);
            return v == null ? null : v.toString();
        }

        Object value(String column) {
            return table.get(index, column);
        }
    }

    /** {@code table} with the columns {@code rule} withholds in each row blank (null). */
    static ResultTable mask(ResultTable table, RowRule rule) {
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < table.rows().size(); r++) {
            List<Object> row = new ArrayList<>(table.rows().get(r));
            for (String column : rule.withheld(new Row(table, r))) {
                int c = table.column(column);
                if (c < 0) {
                    throw new IllegalStateException("no column " + column + " in table " + table.name());
                }
                row.set(c, null);
            }
            rows.add(row);
        }
        return new ResultTable(table.name(), table.title(), table.columns(), rows);
    }

    /** The plan's own check of every withheld count: exact determination and linear-programming range. */
    ladder.models.disclosure.SuppressionAudit audit() {
        return plan.audit();
    }

    /** The rule applied, in words, for the methods appendix. */
    String rule() {
        long primary = plan == null ? 0 : plan.count(Reason.PRIMARY);
        long secondary = plan == null ? 0 : plan.count(Reason.SECONDARY);
        return "One suppression plan for the whole report (ladder.models.disclosure.SuppressionPlan, threshold "
                + THRESHOLD + "): every count from 0 to " + (THRESHOLD - 1) + " is withheld, and then, greedily, enough"
                + " other counts that no withheld count can be worked out exactly, or narrowed by linear programming to"
                + " a range less than 1 wide, from the margins the report prints; the plan's tables ("
                + String.join(", ", tables.keySet()) + ": " + describe() + ") share their margins (the pool's total,"
                + " each SEB group's, each year's, each employer's), so a margin is one quantity wherever it is"
                + " printed. " + primary + " counts were withheld as under " + THRESHOLD + " and " + secondary
                + " to protect them. Every share, rate, mean, interval and test resting on a withheld count is withheld"
                + " too; a sum of some levels (the classifiable answers, grade 4 and above) is printed only when it"
                + " follows from printed counts. The other sections' tables (intersections, MAIHDA, pay, time to"
                + " promotion, adjusted models, supplementary questions) are over other dimensions and apply their own"
                + " analysis's disclosure control (counts under " + THRESHOLD + " withheld with what would reveal"
                + " them, described in each section's notes).";
    }

    private String describe() {
        List<String> parts = new ArrayList<>();
        tables.values().forEach(t -> parts.add(t.name() + " = " + String.join(" x ", t.dimensions())));
        return String.join("; ", parts);
    }
}
