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
    /** The sums {@link #sumWithheld} was asked about that follow from printed counts and are under the threshold. */
    private final Map<String, Set<Count>> small = new LinkedHashMap<>();

    /**
     * Plans {@code counts} together in one {@link SuppressionPlan}: a margin they share (the pool's
     * seb x promoted, a year's total, an employer's) is one quantity, so a count withheld in one
     * table is protected against every margin printed in any.
     */
    Disclosure(List<CountTable> counts) {
        counts.forEach(t -> tables.put(t.name(), t));
        SuppressionPlan.Builder builder = SuppressionPlan.builder(THRESHOLD);
        counts.forEach(builder::table);
        plan = builder.build();
    }

    private Disclosure(Map<String, CountTable> tables, SuppressionPlan plan) {
        this.tables.putAll(tables);
        this.plan = plan;
    }

    /** This plan with {@code cells} (by table) withheld too: counts a plan printed beside it withholds. */
    Disclosure linked(Map<String, List<List<String>>> cells) {
        return new Disclosure(tables, plan.linked(cells));
    }

    /** The report's plan. */
    SuppressionPlan plan() {
        return plan;
    }

    /** Whether the plan covers {@code table} (cube files may lack its dimensions). */
    boolean has(String table) {
        return tables.containsKey(table);
    }

    /** The levels of dimension {@code dim} in the plan's {@code table}. */
    List<String> levels(String table, int dim) {
        return tables.get(table).levels().get(dim);
    }

    /**
     * Whether the count of {@code table} at {@code labels} ({@link SuppressionPlan#TOTAL} for a
     * margin) is withheld. A level the table does not have is a count of zero, withheld.
     */
    boolean withheld(String table, List<String> labels) {
        return reason(table, labels).isPresent();
    }

    /**
     * Why the count of {@code table} at {@code labels} is withheld: {@link Reason#PRIMARY} (under
     * the threshold; a level the table does not have is a zero) or {@link Reason#SECONDARY}
     * (withheld so that another cannot be worked back); empty when it is printed.
     */
    java.util.Optional<Reason> reason(String table, List<String> labels) {
        CountTable t = tables.get(table);
        if (t == null) {
            throw new IllegalStateException("the report's plan has no table " + table);
        }
        for (int d = 0; d < labels.size(); d++) {
            if (!labels.get(d).equals(SuppressionPlan.TOTAL) && !t.levels().get(d).contains(labels.get(d))) {
                return java.util.Optional.of(Reason.PRIMARY);
            }
        }
        return plan.reason(table, labels);
    }

    boolean withheld(String table, String... labels) {
        return withheld(table, List.of(labels));
    }

    /**
     * Whether a sum over some levels of one dimension ({@code parts} of dimension {@code dim}, the
     * other labels as in {@code at}) is withheld. Such a sum (the classifiable answers: professional +
     * intermediate + working class; those at grade 4 or above) is no margin of the plan, so it is
     * published only when it follows from published counts: each part is published, or the margin
     * and each other level are. A sum that follows from them and is under the threshold (the working
     * class at grades 4, 5 and 6, 3 + 2 + 2, each withheld, from its margin less grades 1 to 3) is
     * withheld and noted: {@link #hiding()} gives the cells that stop it following, for the next plan.
     */
    boolean sumWithheld(String table, List<String> at, int dim, Collection<String> parts) {
        if (!follows(table, at, dim, parts)) {
            return true;
        }
        long sum = 0;
        boolean any = false;
        for (String level : tables.get(table).levels().get(dim)) {
            if (parts.contains(level)) {
                sum += plan.value(table, with(at, dim, level));
                any = true;
            }
        }
        if (any && sum < THRESHOLD && (sum > 0 || plan.suppressesZeros())) {
            small.computeIfAbsent(table, t -> new java.util.LinkedHashSet<>()).add(Count.sum(at, dim, parts));
            return true;
        }
        return false;
    }

    /** Whether the sum follows from printed counts: each part is printed, or the margin and each other level are. */
    private boolean follows(String table, List<String> at, int dim, Collection<String> parts) {
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
        return partsKnown || restKnown;
    }

    /**
     * The cells whose withholding stops each small sum noted by {@link #sumWithheld} following from
     * printed counts ({@link #hiding(String, Count)}), by table; empty when none was.
     */
    Map<String, List<List<String>>> hiding() {
        Map<String, List<List<String>>> cells = new LinkedHashMap<>();
        small.forEach((t, sums) -> sums.forEach(c -> cells.computeIfAbsent(t, k -> new ArrayList<>()).addAll(hiding(t, c))));
        cells.values().removeIf(List::isEmpty);
        return cells;
    }

    /**
     * The printed cells of {@code table} to withhold so that {@code count} no longer follows from printed
     * counts: the cell itself, or a sum's parts; a sum that its parts withheld still leave to be worked out
     * (the margin less the other levels) takes the other levels too.
     */
    List<List<String>> hiding(String table, Count count) {
        if (count.dim() < 0) {
            return withheld(table, count.at()) ? List.of() : List.of(count.at());
        }
        boolean partsWithheld = count.parts().stream().allMatch(p -> withheld(table, with(count.at(), count.dim(), p)));
        List<List<String>> cells = new ArrayList<>();
        for (String level : levels(table, count.dim())) {
            List<String> at = with(count.at(), count.dim(), level);
            if ((partsWithheld || count.parts().contains(level)) && !withheld(table, at)) {
                cells.add(at);
            }
        }
        return cells;
    }

    /**
     * One count a section prints, as the plan knows it: the plan's cell at {@code at}, or (with
     * {@code dim} at least 0) the sum of the levels {@code parts} of dimension {@code dim} there.
     */
    record Count(List<String> at, int dim, List<String> parts) {
        Count {
            at = List.copyOf(at);
            parts = List.copyOf(parts);
        }

        static Count cell(String... labels) {
            return new Count(List.of(labels), -1, List.of());
        }

        static Count sum(List<String> at, int dim, Collection<String> parts) {
            return new Count(at, dim, List.copyOf(parts));
        }
    }

    /** Whether {@code count} of {@code table} is withheld ({@link #withheld} for a cell, {@link #sumWithheld} for a sum). */
    boolean withheld(String table, Count count) {
        return count.dim() < 0 ? withheld(table, count.at()) : sumWithheld(table, count.at(), count.dim(), count.parts());
    }

    /**
     * The rule for a table whose rows each print counts of the plan's {@code table}: each column of
     * {@code counts} is withheld when its count is, and in a row where any is, every other number
     * too (rates, intervals, odds ratios, tests and effects rest on the row's counts), except the
     * columns {@code kept} (figures that rest on no count of the row: a national share, a rank).
     */
    RowRule counts(String table, Map<String, java.util.function.Function<Row, Count>> counts, Set<String> kept) {
        return counts(table, counts, row -> List.of(), kept);
    }

    /**
     * As {@link #counts(String, Map, Set)}, the row's numbers also resting on the counts
     * {@code restsOn} gives (a comparison group's: the reference row of an odds ratio).
     */
    RowRule counts(String table, Map<String, java.util.function.Function<Row, Count>> counts,
            java.util.function.Function<Row, List<Count>> restsOn, Set<String> kept) {
        return row -> {
            Set<String> out = new java.util.HashSet<>();
            counts.forEach((column, count) -> {
                Count c = row.table().column(column) >= 0 && row.value(column) != null ? count.apply(row) : null;
                if (c != null && withheld(table, c)) {
                    out.add(column);
                }
            });
            boolean other = restsOn.apply(row).stream().anyMatch(c -> withheld(table, c));
            if (!out.isEmpty() || other) {
                row.table().columns().stream().filter(c -> c.kind() != ResultTable.Kind.LABEL && !kept.contains(c.name()))
                        .forEach(c -> out.add(c.name()));
            }
            return out;
        };
    }

    /** The statistics of a logistic model's fit table that give its people or its events back. */
    static final Set<String> FIT_COUNTS = Set.of("people", "events", "null_df", "residual_df", "null_deviance", "bic");

    /**
     * A logistic model's fit table (statistic, value) with {@link #FIT_COUNTS} blank when {@code withheld} (the
     * plan withholds the model's people or events, which its degrees of freedom, null deviance and BIC give
     * back); its coefficients rest on every row and are the model output check's.
     */
    static ResultTable fit(ResultTable table, boolean withheld) {
        return !withheld ? table : mask(table, row -> FIT_COUNTS.contains(row.label("statistic")) ? Set.of("value")
                : Set.of());
    }

    /** {@code table} with every number blank when {@code withheld} (a test or trend over every row of a table the plan cut). */
    static ResultTable maskAll(ResultTable table, boolean withheld) {
        return !withheld ? table : mask(table, row -> {
            Set<String> all = new java.util.HashSet<>();
            table.columns().stream().filter(c -> c.kind() != ResultTable.Kind.LABEL).forEach(c -> all.add(c.name()));
            return all;
        });
    }

    /** {@code at} with {@code label} at position {@code dim}. */
    static List<String> with(List<String> at, int dim, String label) {
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
        return mask(table, rule, null);
    }

    /**
     * {@code table} with the columns {@code rule} withholds in each row blank (null), and, when
     * {@code why} is given, {@code why} in the note column of each row where it withholds any.
     */
    static ResultTable mask(ResultTable table, RowRule rule, String why) {
        int note = why == null ? -1 : table.column("note");
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < table.rows().size(); r++) {
            List<Object> row = new ArrayList<>(table.rows().get(r));
            Set<String> withheld = rule.withheld(new Row(table, r));
            for (String column : withheld) {
                int c = table.column(column);
                if (c < 0) {
                    throw new IllegalStateException("no column " + column + " in table " + table.name());
                }
                row.set(c, null);
            }
            if (note >= 0 && !withheld.isEmpty()) {
                row.set(note, why);
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
        return "One suppression plan for the whole report (ladder.models.disclosure.SuppressionPlan, threshold "
                + THRESHOLD + "): every count from 0 to " + (THRESHOLD - 1) + " is withheld, and then enough other"
                + " counts that no withheld count can be worked out exactly, or narrowed to a range less than 1 wide,"
                + " from the margins the report prints anywhere. The plan's count tables (" + describe() + ") share"
                + " their margins (the pool's total, each SEB group's, each year's, each employer's, each grade's, the"
                + " pool's SEB x promoted), so a margin is one quantity wherever it is printed, and all are decided"
                + " together (" + plan.size() + " published quantities). Each withheld count is protected by a"
                + " hypercube: a change of +1 and -1 on the corners of a box of withheld cells (carried into the"
                + " finer tables a cell is a margin of; the box spans as many of the cell's dimensions as allow one)"
                + " that leaves every printed count and margin as it is, so two sets of counts differing by at least 1"
                + " in that cell fit everything printed; for each unprotected count the box found withholding the"
                + " fewest and smallest printed counts is taken (" + plan.witnesses() + " boxes). A count no box"
                + " protects (a zero whose neighbours are zeros) is checked by linear programming against everything"
                + " printed: " + plan.ranged() + " such counts could already be placed anywhere in a range at least 1"
                + " wide, and any that could not would take one more person at one cell of every table. The boxes,"
                + " taken one count at a time, withhold some counts that later boxes make unnecessary: each count"
                + " withheld to protect another, the largest first, was then printed again where every count still"
                + " withheld stayed protected (shown by a box of withheld counts or by linear programming, the clean-up"
                + " of Kelly, Golden and Assad 1992; " + plan.released() + " counts printed again). "
                + plan.count(Reason.PRIMARY) + " counts were withheld as under "
                + THRESHOLD + (plan.count(Reason.LINKED) > 0 ? ", " + plan.count(Reason.LINKED) + " so that a count"
                + " withheld elsewhere cannot be worked out from them (a sum of some levels under " + THRESHOLD
                + ", such as a group at grades 4 to 6, from its margin less the other levels; in an employer's pack,"
                + " a count of the employer that the employer comparison's plan withholds: each plan withholds what"
                + " the other does)," : "") + " and " + plan.count(Reason.SECONDARY)
                + " to protect them. Every share, rate, mean,"
                + " interval, odds ratio, test and model prediction resting on a withheld count is withheld too (a"
                + " comparison with professionals rests on their counts as well); a sum of some levels (the"
                + " classifiable answers, grade 4 and above, those who answered gender and ethnicity, against whom"
                + " each intersection is compared) is printed only when it follows from printed counts and is at least "
                + THRESHOLD + ";"
                + " a trend test or change over years is withheld whole when any year's figures are.";
    }

    private String describe() {
        List<String> parts = new ArrayList<>();
        tables.values().forEach(t -> parts.add(t.name() + " = " + String.join(" x ", t.dimensions())));
        return String.join("; ", parts);
    }
}
