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
    /** The plan each table is decided in. */
    private final Map<String, SuppressionPlan> planOf = new LinkedHashMap<>();

    /**
     * Plans {@code counts}: those of {@link PlanTables#JOINT} together, each other table on its own,
     * then joins two plans into one wherever a margin shared by a table of each (the pool's seb x
     * promoted margin, a year's total, ...) is withheld by either, until every shared margin is
     * published by both. That is one plan for the whole report: a reader who puts the tables
     * together knows every shared margin as a number, so the relations of two plans that share only
     * published numbers say nothing about each other's withheld counts, and each plan protects its
     * own (the linear programs of a plan grow with the cube of its cells: planning every table
     * jointly from the start would take hours on a pool with many small cells).
     */
    Disclosure(List<CountTable> counts) {
        counts.forEach(t -> tables.put(t.name(), t));
        List<List<CountTable>> parts = new ArrayList<>();
        List<CountTable> joint = counts.stream().filter(t -> PlanTables.JOINT.contains(t.name())).toList();
        if (!joint.isEmpty()) {
            parts.add(new ArrayList<>(joint));
        }
        counts.stream().filter(t -> !PlanTables.JOINT.contains(t.name())).forEach(t -> parts.add(new ArrayList<>(List.of(t))));
        Map<List<CountTable>, SuppressionPlan> plans = new java.util.IdentityHashMap<>();
        while (true) {
            for (List<CountTable> part : parts) {
                plans.computeIfAbsent(part, Disclosure::plan);
            }
            int[] join = conflict(parts, plans);
            if (join == null) {
                break;
            }
            List<CountTable> merged = new ArrayList<>(parts.get(join[0]));
            merged.addAll(parts.get(join[1]));
            parts.remove(join[1]);
            parts.set(join[0], merged);
        }
        for (List<CountTable> part : parts) {
            part.forEach(t -> planOf.put(t.name(), plans.get(part)));
        }
    }

    private static SuppressionPlan plan(List<CountTable> part) {
        SuppressionPlan.Builder builder = SuppressionPlan.builder(THRESHOLD);
        part.forEach(builder::table);
        return builder.build();
    }

    /** Two parts (i &lt; j) with a shared margin that either withholds, or null. */
    private static int[] conflict(List<List<CountTable>> parts, Map<List<CountTable>, SuppressionPlan> plans) {
        for (int i = 0; i < parts.size(); i++) {
            for (int j = i + 1; j < parts.size(); j++) {
                for (CountTable a : parts.get(i)) {
                    for (CountTable b : parts.get(j)) {
                        if (sharedWithheld(a, plans.get(parts.get(i)), b, plans.get(parts.get(j)))) {
                            return new int[] {i, j};
                        }
                    }
                }
            }
        }
        return null;
    }

    /** Whether a margin of {@code a} over dimensions it shares with {@code b} (the grand total too) is withheld by either plan. */
    private static boolean sharedWithheld(CountTable a, SuppressionPlan pa, CountTable b, SuppressionPlan pb) {
        List<String> common = a.dimensions().stream().filter(b.dimensions()::contains).toList();
        for (String d : common) {
            if (!a.levels().get(a.dimensions().indexOf(d)).equals(b.levels().get(b.dimensions().indexOf(d)))) {
                return true;
            }
        }
        for (int subset = 0; subset < 1 << common.size(); subset++) {
            Map<String, String> fixed = new LinkedHashMap<>();
            if (sharedWithheld(a, pa, b, pb, common, subset, 0, fixed)) {
                return true;
            }
        }
        return false;
    }

    /** Over every level of the dimensions of {@code subset} from {@code d} on, with {@code fixed} so far. */
    private static boolean sharedWithheld(CountTable a, SuppressionPlan pa, CountTable b, SuppressionPlan pb,
            List<String> common, int subset, int d, Map<String, String> fixed) {
        if (d == common.size()) {
            return pa.isSuppressed(a.name(), labels(a, fixed)) || pb.isSuppressed(b.name(), labels(b, fixed));
        }
        if ((subset & (1 << d)) == 0) {
            return sharedWithheld(a, pa, b, pb, common, subset, d + 1, fixed);
        }
        String dim = common.get(d);
        for (String level : a.levels().get(a.dimensions().indexOf(dim))) {
            fixed.put(dim, level);
            if (sharedWithheld(a, pa, b, pb, common, subset, d + 1, fixed)) {
                return true;
            }
        }
        fixed.remove(dim);
        return false;
    }

    private static List<String> labels(CountTable t, Map<String, String> fixed) {
        return t.dimensions().stream().map(d -> fixed.getOrDefault(d, SuppressionPlan.TOTAL)).toList();
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
        CountTable t = tables.get(table);
        if (t == null) {
            throw new IllegalStateException("the report's plan has no table " + table);
        }
        for (int d = 0; d < labels.size(); d++) {
            if (!labels.get(d).equals(SuppressionPlan.TOTAL) && !t.levels().get(d).contains(labels.get(d))) {
                return true;
            }
        }
        return planOf.get(table).isSuppressed(table, labels);
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

    /** {@code table} with every number blank when {@code withheld} (a test or trend over every row of a table the plan cut). */
    static ResultTable maskAll(ResultTable table, boolean withheld) {
        return !withheld ? table : mask(table, row -> {
            Set<String> all = new java.util.HashSet<>();
            table.columns().stream().filter(c -> c.kind() != ResultTable.Kind.LABEL).forEach(c -> all.add(c.name()));
            return all;
        });
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

    /** The plans' own check of every withheld count: exact determination and linear-programming range. */
    ladder.models.disclosure.SuppressionAudit audit() {
        List<ladder.models.disclosure.SuppressionAudit.Entry> entries = new ArrayList<>();
        plans().forEach(p -> entries.addAll(p.audit().entries()));
        return new ladder.models.disclosure.SuppressionAudit(THRESHOLD, true, 1, entries);
    }

    /** The distinct plans, in the order of their first table. */
    private List<SuppressionPlan> plans() {
        return planOf.values().stream().distinct().toList();
    }

    /** The rule applied, in words, for the methods appendix. */
    String rule() {
        long primary = plans().stream().mapToLong(p -> p.count(Reason.PRIMARY)).sum();
        long secondary = plans().stream().mapToLong(p -> p.count(Reason.SECONDARY)).sum();
        List<String> groups = new ArrayList<>();
        plans().forEach(p -> groups.add(String.join(" + ", p.tableNames())));
        return "One suppression plan for the whole report (ladder.models.disclosure.SuppressionPlan, threshold "
                + THRESHOLD + "): every count from 0 to " + (THRESHOLD - 1) + " is withheld, and then, greedily, enough"
                + " other counts that no withheld count can be worked out exactly, or narrowed by linear programming to"
                + " a range less than 1 wide, from the margins the report prints. The plan's count tables ("
                + describe() + ") share their margins (the pool's total, each SEB group's, each year's, each"
                + " employer's, each grade's), so a margin is one quantity wherever it is printed. They are decided"
                + " in linked parts (" + String.join("; ", groups) + "): parts that share only margins every part"
                + " publishes cannot reveal each other's withheld counts, and two parts are decided together"
                + " wherever a margin they share would be withheld. " + primary + " counts were withheld as under "
                + THRESHOLD + " and " + secondary + " to protect them. Every share, rate, mean, interval, odds ratio and"
                + " test resting on a withheld count is withheld too (a comparison with professionals rests on"
                + " their counts as well); a sum of some levels (the classifiable answers, grade 4 and above) is"
                + " printed only when it follows from printed counts; a trend test or change over years is withheld"
                + " whole when any year's figures are.";
    }

    private String describe() {
        List<String> parts = new ArrayList<>();
        tables.values().forEach(t -> parts.add(t.name() + " = " + String.join(" x ", t.dimensions())));
        return String.join("; ", parts);
    }
}
