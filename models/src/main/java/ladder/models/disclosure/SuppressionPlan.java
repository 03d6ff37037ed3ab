package ladder.models.disclosure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import ladder.engine.LadderException;
import ladder.models.result.ResultTable;
import ladder.models.result.ResultTable.Kind;

/**
 * Disclosure control for a set of count tables published together from one pool, decided once for
 * all of them so that no table gives away a cell another withholds.
 *
 * <p>A reader knows every published count and the relations between them: each margin is the sum
 * of its parts, and a margin that two tables share (the grand total; the seb margin of a grade x seb
 * and a year x seb table) is one quantity ({@link LinearRelations}).
 * <ol>
 *   <li>Primary suppression withholds every count from 1 to threshold - 1, and zeros unless
 *       {@link Builder#publishZeros()} (the default withholds them, as the project's
 *       {@link SmallCellSuppression} does and as "counts under 10 suppressed" reads: a published
 *       zero says that nobody in a group has a trait; statistical offices often publish zeros as
 *       not sensitive, which the option allows).</li>
 *   <li>Secondary suppression then withholds more counts, greedily, until every withheld cell is
 *       protected: for a withheld cell that is not, it withholds a published count of one of that
 *       cell's relations, preferring interior cells and small counts (see {@link #complement}), and
 *       repeats. A cell is protected when (a) it is not determined by any linear combination of
 *       the published relations ({@link ExactElimination}, exact integer elimination), and (b)
 *       the range a reader can narrow it to by linear programming with non-negative counts
 *       ({@link IntervalBounds}) is at least {@link Builder#minimumWidth} wide (default 1: the
 *       range is never a single value and spans at least two whole numbers).</li>
 * </ol>
 * Greedy choice does not minimise the number withheld (an optimal pattern is NP-hard in general;
 * sdcTable and tau-Argus solve it by integer programming). Rates, shares and means that rest on a
 * withheld count are withheld too: {@link #derivedReason}.
 */
public final class SuppressionPlan {

    /** The label of a margin in a cell's labels. */
    public static final String TOTAL = "Total";

    private final long threshold;
    private final boolean suppressZeros;
    private final double minimumWidth;
    private final Map<String, CountTable> tables;
    private final LinearRelations system;
    private final Reason[] reasons;

    private SuppressionPlan(long threshold, boolean suppressZeros, double minimumWidth, List<CountTable> tables) {
        this.threshold = threshold;
        this.suppressZeros = suppressZeros;
        this.minimumWidth = minimumWidth;
        Map<String, CountTable> byName = new LinkedHashMap<>();
        for (CountTable t : tables) {
            if (byName.put(t.name(), t) != null) {
                throw new LadderException("two tables are called " + t.name());
            }
        }
        this.tables = byName;
        this.system = new LinearRelations(tables);
        this.reasons = protect();
    }

    /** A plan builder with counts under {@code threshold} withheld (the project publishes at 10). */
    public static Builder builder(long threshold) {
        return new Builder(threshold);
    }

    /** Builds a {@link SuppressionPlan}. */
    public static final class Builder {
        private final long threshold;
        private boolean suppressZeros = true;
        private double minimumWidth = 1;
        private final List<CountTable> tables = new ArrayList<>();

        private Builder(long threshold) {
            if (threshold < 1) {
                throw new IllegalArgumentException("the threshold must be at least 1, got " + threshold);
            }
            this.threshold = threshold;
        }

        /** Publish zero counts rather than withhold them (they still count as small when chosen for protection). */
        public Builder publishZeros() {
            suppressZeros = false;
            return this;
        }

        /** The width a withheld cell's linear-programming range must reach; default 1, at least a positive minimum. */
        public Builder minimumWidth(double width) {
            if (!(width > 0)) {
                throw new IllegalArgumentException("the minimum width must be positive, got " + width);
            }
            minimumWidth = width;
            return this;
        }

        /** Adds a table: interior counts row-major (last dimension fastest); margins are published with it. */
        public Builder table(String name, List<String> dimensions, List<List<String>> levels, long[] counts) {
            return table(new CountTable(name, dimensions, levels, counts));
        }

        public Builder table(CountTable table) {
            tables.add(table);
            return this;
        }

        public SuppressionPlan build() {
            if (tables.isEmpty()) {
                throw new IllegalArgumentException("a suppression plan needs at least one table");
            }
            return new SuppressionPlan(threshold, suppressZeros, minimumWidth, tables);
        }
    }

    /** Primary, then greedy secondary suppression until every withheld cell is protected. */
    private Reason[] protect() {
        int n = system.size();
        Reason[] reasons = new Reason[n];
        boolean[] withheld = new boolean[n];
        for (int v = 0; v < n; v++) {
            long value = system.values[v];
            if (value < threshold && (value > 0 || suppressZeros)) {
                withheld[v] = true;
                reasons[v] = Reason.PRIMARY;
            }
        }
        // Withholding more only widens what a reader cannot pin down (a fixed value becomes free), so
        // a cell once protected stays protected and is not checked again.
        boolean[] safe = new boolean[n];
        while (true) {
            int exposed = firstExposed(withheld, safe);
            if (exposed < 0) {
                return reasons;
            }
            int chosen = complement(withheld, exposed);
            withheld[chosen] = true;
            reasons[chosen] = Reason.SECONDARY;
        }
    }

    /** A withheld variable that is not protected, or -1; marks those found protected in {@code safe}. */
    private int firstExposed(boolean[] withheld, boolean[] safe) {
        // A relation with one withheld term gives it away directly; mending those first keeps the
        // choice local (the rule of thumb of SmallCellSuppression), before the subtler leaks.
        for (int[] relation : system.relations) {
            int alone = -1, count = 0;
            for (int v : relation) {
                if (withheld[v]) {
                    alone = v;
                    count++;
                }
            }
            if (count == 1) {
                return alone;
            }
        }
        boolean[] determined = ExactElimination.determined(system, withheld);
        for (int v = 0; v < withheld.length; v++) {
            if (determined[v]) {
                return v;
            }
        }
        for (int v = 0; v < withheld.length; v++) {
            if (withheld[v] && !safe[v]) {
                if (!wideEnough(IntervalBounds.of(system, withheld, v))) {
                    return v;
                }
                safe[v] = true;
            }
        }
        return -1;
    }

    private boolean protects(boolean[] withheld, int cell) {
        return !ExactElimination.determined(system, withheld)[cell]
                && wideEnough(IntervalBounds.of(system, withheld, cell));
    }

    private boolean wideEnough(double[] bounds) {
        // The simplex works in floating point: allow for its tolerance on whole-number bounds.
        return bounds[1] - bounds[0] >= minimumWidth - 1e-7;
    }

    /**
     * The published variable to withhold next to protect {@code exposed}. Candidates are the
     * published counts that share a relation with it, tried in this order: those of a relation in
     * which it is the only withheld count (the relations that give it away directly), then finer
     * cells before margins (an interior cell rather than a total), then smaller counts. The first
     * candidate that protects the cell by itself is taken, else the first in that order.
     */
    private int complement(boolean[] withheld, int exposed) {
        List<Integer> candidates = new ArrayList<>();
        java.util.Set<Integer> direct = new java.util.HashSet<>();
        for (int r : system.relationsOf.get(exposed)) {
            int[] relation = system.relations.get(r);
            boolean alone = java.util.Arrays.stream(relation).filter(v -> withheld[v]).count() == 1;
            for (int v : relation) {
                if (!withheld[v]) {
                    if (!candidates.contains(v)) {
                        candidates.add(v);
                    }
                    if (alone) {
                        direct.add(v);
                    }
                }
            }
        }
        if (candidates.isEmpty()) {
            // Every relation of the cell is withheld throughout: widen to any published count.
            IntStream.range(0, withheld.length).filter(v -> !withheld[v]).forEach(candidates::add);
        }
        if (candidates.isEmpty()) {
            throw new IllegalStateException("every count is withheld and cell " + exposed + " is still exposed");
        }
        candidates.sort(Comparator.comparingInt((Integer v) -> direct.contains(v) ? 0 : 1)
                .thenComparingInt(v -> -system.fixedDimensions[v])
                .thenComparingLong(v -> system.values[v])
                .thenComparingInt(v -> v));
        for (int c : candidates) {
            withheld[c] = true;
            boolean enough = protects(withheld, exposed);
            withheld[c] = false;
            if (enough) {
                return c;
            }
        }
        return candidates.get(0);
    }

    /** The threshold: counts under it are withheld. */
    public long threshold() {
        return threshold;
    }

    /** Whether zero counts are withheld as primary suppressions. */
    public boolean suppressesZeros() {
        return suppressZeros;
    }

    /** The tables of the plan, by name, in the order given. */
    public List<String> tableNames() {
        return List.copyOf(tables.keySet());
    }

    /**
     * Whether the published cell of {@code table} at {@code labels} is withheld.
     *
     * @param labels one level per dimension of the table, or {@link #TOTAL} for a margin
     */
    public boolean isSuppressed(String table, List<String> labels) {
        return reason(table, labels).isPresent();
    }

    /** Why the cell is withheld ({@link Reason#PRIMARY} or {@link Reason#SECONDARY}); empty when it is published. */
    public Optional<Reason> reason(String table, List<String> labels) {
        return Optional.ofNullable(reasons[variable(table, labels)]);
    }

    /**
     * Whether a value computed from cells of {@code table} (a share: count and its total; a mean:
     * a sum and its count) must be withheld: {@link Reason#DERIVED} when any of them is withheld.
     */
    @SafeVarargs
    public final Optional<Reason> derivedReason(String table, List<String>... restsOn) {
        for (List<String> labels : restsOn) {
            if (isSuppressed(table, labels)) {
                return Optional.of(Reason.DERIVED);
            }
        }
        return Optional.empty();
    }

    /** The number of withheld quantities for {@code reason} (a count shared by two tables counts once). */
    public long count(Reason reason) {
        return java.util.Arrays.stream(reasons).filter(r -> r == reason).count();
    }

    /**
     * A table as published: its dimensions, the count (null when withheld) and the reason for
     * withholding, interior cells and margins, margins labelled {@link #TOTAL}.
     */
    public ResultTable published(String table) {
        CountTable t = table(table);
        ResultTable.Builder b = ResultTable.builder(t.name(), "Counts of " + t.name() + " after disclosure control");
        t.dimensions().forEach(d -> b.column(d, Kind.LABEL, "level of " + d + ", or " + TOTAL));
        b.column("count", Kind.COUNT, "the count; not available when withheld");
        b.column("suppressed", Kind.LABEL, "why the count is withheld");
        int[] vars = system.variableOf.get(t.name());
        for (int cell = 0; cell < vars.length; cell++) {
            List<Object> row = new ArrayList<>(t.labels(cell));
            Reason r = reasons[vars[cell]];
            row.add(r == null ? system.values[vars[cell]] : null);
            row.add(r == null ? null : r.describe(threshold));
            b.row(row);
        }
        return b.build();
    }

    /** Re-checks every withheld cell: exact determination and linear-programming range. */
    public SuppressionAudit audit() {
        boolean[] withheld = withheld();
        boolean[] determined = ExactElimination.determined(system, withheld);
        List<SuppressionAudit.Entry> entries = new ArrayList<>();
        for (int v = 0; v < withheld.length; v++) {
            if (withheld[v]) {
                Map.Entry<String, Integer> where = system.firstCell.get(v);
                double[] bounds = IntervalBounds.of(system, withheld, v);
                entries.add(new SuppressionAudit.Entry(where.getKey(), tables.get(where.getKey()).labels(where.getValue()),
                        reasons[v], determined[v], bounds[0], bounds[1]));
            }
        }
        return new SuppressionAudit(threshold, suppressZeros, minimumWidth, entries);
    }

    /**
     * The audit of {@code tables} published together as a reader sees them, whoever decided what
     * to withhold: every cell and margin for which {@code withheld} holds is unknown, every other
     * is known, and each unknown is checked against the relations of all the tables at once (exact
     * elimination and linear-programming range), as {@link #audit()} checks one plan's.
     */
    public static SuppressionAudit audit(List<CountTable> tables, long threshold,
            java.util.function.BiPredicate<String, List<String>> withheld) {
        LinearRelations system = new LinearRelations(tables);
        boolean[] unknown = new boolean[system.size()];
        for (CountTable t : tables) {
            int[] vars = system.variableOf.get(t.name());
            for (int cell = 0; cell < vars.length; cell++) {
                unknown[vars[cell]] |= withheld.test(t.name(), t.labels(cell));
            }
        }
        boolean[] determined = ExactElimination.determined(system, unknown);
        List<SuppressionAudit.Entry> entries = new ArrayList<>();
        for (int v = 0; v < unknown.length; v++) {
            if (unknown[v]) {
                Map.Entry<String, Integer> where = system.firstCell.get(v);
                CountTable t = tables.stream().filter(x -> x.name().equals(where.getKey())).findFirst().orElseThrow();
                double[] bounds = IntervalBounds.of(system, unknown, v);
                entries.add(new SuppressionAudit.Entry(where.getKey(), t.labels(where.getValue()),
                        system.values[v] < threshold ? Reason.PRIMARY : Reason.SECONDARY, determined[v], bounds[0],
                        bounds[1]));
            }
        }
        return new SuppressionAudit(threshold, true, 1, entries);
    }

    boolean[] withheld() {
        boolean[] w = new boolean[reasons.length];
        for (int v = 0; v < w.length; v++) {
            w[v] = reasons[v] != null;
        }
        return w;
    }

    LinearRelations system() {
        return system;
    }

    private CountTable table(String name) {
        CountTable t = tables.get(name);
        if (t == null) {
            throw new LadderException("no table " + name + " in the plan; it has " + tables.keySet());
        }
        return t;
    }

    private int variable(String table, List<String> labels) {
        CountTable t = table(table);
        if (labels.size() != t.dimensions().size()) {
            throw new LadderException("table " + table + " has dimensions " + t.dimensions() + "; got labels " + labels);
        }
        int[] position = new int[labels.size()];
        for (int d = 0; d < labels.size(); d++) {
            String label = labels.get(d);
            position[d] = label.equals(TOTAL) ? t.levels().get(d).size() : t.levels().get(d).indexOf(label);
            if (position[d] < 0) {
                throw new LadderException("table " + table + " has no level " + label + " of " + t.dimensions().get(d));
            }
        }
        return system.variableOf.get(table)[t.cell(position)];
    }
}
