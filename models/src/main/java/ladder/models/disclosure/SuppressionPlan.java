package ladder.models.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 *       not sensitive, which the option allows). Counts given as withheld ({@link Builder#withheld},
 *       {@link #linked}: {@link Reason#LINKED}; a count a publication printed beside this one withholds,
 *       or the parts of a small sum) are withheld and protected as these are.</li>
 *   <li>Secondary suppression then withholds more counts until every withheld cell is protected,
 *       proven by a {@link Hypercube} witness: a change of the withheld counts (+1 and -1 on the
 *       corners of a hypercube of levels, carried into the finer tables the cell is a margin of)
 *       that leaves every published count and margin of every table as it is, so that the cell
 *       takes two values at least {@link Builder#minimumWidth} apart (default 1) with the
 *       published counts and non-negative counts. For each unprotected cell the cheapest witness
 *       is taken (the fewest and smallest published counts to withhold), and protects every cell
 *       it touches. A witness proves both checks of the audit: the cell is not determined by any
 *       linear combination of the published relations ({@link ExactElimination}), and its
 *       linear-programming range ({@link IntervalBounds}) is wide enough; {@link #audit()} runs
 *       those checks independently. A cell that no box over any of its dimensions protects (a zero
 *       whose neighbours are zeros) is then checked by its linear-programming range under the
 *       cells withheld so far, which often protect it through a cycle that is not a box; only if
 *       that range is too narrow does it take the one-person change, which withholds every margin
 *       above it up to the total.</li>
 *   <li>Redundancy removal ({@link SecondaryRelease}): the greedy pattern withholds counts that
 *       later witnesses make unnecessary, so each secondary suppression, the largest count first,
 *       is published again when every cell still withheld stays protected as {@link #audit()}
 *       checks it (Kelly, Golden and Assad 1992; Hundepool et al., Statistical Disclosure Control,
 *       2012, ch. 4). Primary suppressions are never published. Witnesses decide most releases;
 *       at most {@link SecondaryRelease#PROGRAMMES} are decided by linear programming, which bounds
 *       the pass's cost. One cell at a time, a redundant box each of whose lines holds just two
 *       withheld counts cannot go (publishing one would give away the other).</li>
 * </ol>
 * The cost of a plan grows with the number of withheld cells times the hypercubes tried for each,
 * not with the size of the whole system. Greedy choice does not minimise the number withheld (an
 * optimal pattern is NP-hard in general;
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
    /** Cells withheld because a publication linked to this one withholds them, by table. */
    private final Map<String, List<List<String>>> linked;
    private final LinearRelations system;
    private final Reason[] reasons;
    private int witnesses;
    private int ranged;
    private final int released;

    private SuppressionPlan(long threshold, boolean suppressZeros, double minimumWidth, List<CountTable> tables,
            Map<String, List<List<String>>> linked) {
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
        this.linked = copy(linked);
        this.system = new LinearRelations(tables);
        this.reasons = protect();
        this.released = SecondaryRelease.release(system, reasons, minimumWidth);
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
        private final Map<String, List<List<String>>> linked = new LinkedHashMap<>();

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

        /**
         * Withholds the cell of {@code table} at {@code labels} ({@link #TOTAL} for a margin) whatever its count,
         * because a count withheld elsewhere would follow from it ({@link Reason#LINKED}): the same count, which a
         * publication printed beside this one withholds, or a sum of some levels under the threshold that the
         * cell's margin less the other levels gives. It is protected as a primary suppression is, and never
         * published again.
         */
        public Builder withheld(String table, List<String> labels) {
            linked.computeIfAbsent(table, t -> new ArrayList<>()).add(List.copyOf(labels));
            return this;
        }

        public SuppressionPlan build() {
            if (tables.isEmpty()) {
                throw new IllegalArgumentException("a suppression plan needs at least one table");
            }
            return new SuppressionPlan(threshold, suppressZeros, minimumWidth, tables, linked);
        }
    }

    /**
     * This plan again with the cells {@code cells} (by table, labels as {@link Builder#withheld}) withheld
     * too, as {@link Reason#LINKED}, beside those already linked: for two publications of the same
     * counts, each planned on its own, that must withhold what the other withholds.
     */
    public SuppressionPlan linked(Map<String, ? extends java.util.Collection<List<String>>> cells) {
        if (cells.values().stream().allMatch(java.util.Collection::isEmpty)) {
            return this;
        }
        Map<String, List<List<String>>> all = copy(linked);
        cells.forEach((t, c) -> {
            table(t);
            all.computeIfAbsent(t, x -> new ArrayList<>()).addAll(c);
        });
        return new SuppressionPlan(threshold, suppressZeros, minimumWidth, List.copyOf(tables.values()), all);
    }

    /** The plan's tables, in the order given. */
    public List<CountTable> tables() {
        return List.copyOf(tables.values());
    }

    private static Map<String, List<List<String>>> copy(Map<String, List<List<String>>> cells) {
        Map<String, List<List<String>>> copy = new LinkedHashMap<>();
        cells.forEach((t, c) -> copy.put(t, c.stream().map(List::copyOf).toList()));
        return copy;
    }

    /**
     * Primary, then secondary suppression: each withheld cell not yet protected takes the
     * cheapest {@link Hypercube} witness, whose published cells are withheld too; a witness
     * protects every cell it touches, and stays a witness as more are withheld, so each cell is
     * looked at once.
     */
    private Reason[] protect() {
        int n = system.size();
        Reason[] reasons = new Reason[n];
        boolean[] withheld = new boolean[n];
        java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
        for (int v = 0; v < n; v++) {
            long value = system.values[v];
            if (value < threshold && (value > 0 || suppressZeros)) {
                withheld[v] = true;
                reasons[v] = Reason.PRIMARY;
                queue.add(v);
            }
        }
        for (Map.Entry<String, List<List<String>>> e : linked.entrySet()) {
            for (List<String> labels : e.getValue()) {
                int v = variable(e.getKey(), labels);
                if (!withheld[v]) {
                    withheld[v] = true;
                    reasons[v] = Reason.LINKED;
                    queue.add(v);
                }
            }
        }
        Hypercube search = new Hypercube(system);
        boolean[] safe = new boolean[n];
        List<Integer> boxless = new ArrayList<>();
        while (!queue.isEmpty()) {
            int x = queue.poll();
            if (safe[x]) {
                continue;
            }
            Hypercube.Witness w = search.cheapest(x, withheld, minimumWidth, true);
            if (w == null) {
                boxless.add(x);
            } else {
                take(search, w, withheld, safe, reasons);
            }
        }
        // A cell no box protects (a zero among zeros) is often protected already by the cells withheld
        // around it, through a cycle that is not a box: its linear-programming range under the plan so
        // far says so, and stays as wide as more cells are withheld. Only a cell still too narrow takes
        // the one-person change, which withholds every margin above it.
        while (true) {
            boxless.removeIf(x -> safe[x]);
            if (boxless.isEmpty()) {
                break;
            }
            double[][] bounds = IntervalBounds.of(system, withheld, boxless);
            List<Integer> open = boxless.stream().filter(x -> bounds[x][1] - bounds[x][0] < minimumWidth - 1e-9).toList();
            boxless.stream().filter(x -> !open.contains(x)).forEach(x -> safe[x] = true);
            ranged += boxless.size() - open.size();
            if (open.isEmpty()) {
                break;
            }
            take(search, search.cheapest(open.get(0), withheld, minimumWidth), withheld, safe, reasons);
            boxless = new ArrayList<>(open.subList(1, open.size()));
        }
        return reasons;
    }

    /** Withholds every published cell of witness {@code w}, after checking it is one. */
    private void take(Hypercube search, Hypercube.Witness w, boolean[] withheld, boolean[] safe, Reason[] reasons) {
        if (!search.balances(w) || w.width(system.values) < minimumWidth - 1e-9) {
            throw new IllegalStateException("a witness for cells " + Arrays.toString(w.variables())
                    + " does not balance the relations or is too narrow");
        }
        witnesses++;
        for (int v : w.variables()) {
            safe[v] = true;
            if (!withheld[v]) {
                withheld[v] = true;
                reasons[v] = Reason.SECONDARY;
            }
        }
    }

    /** The number of witnesses the plan took (each a proof that the cells it touches are protected). */
    public int witnesses() {
        return witnesses;
    }

    /**
     * The withheld cells no box protects that the linear-programming range of the plan showed
     * protected already (at least {@code minimumWidth} wide), with no witness of their own.
     */
    public int ranged() {
        return ranged;
    }

    /** The number of secondary suppressions the redundancy-removal pass published again ({@link SecondaryRelease}). */
    public int released() {
        return released;
    }

    /** The number of distinct published quantities (cells and margins, a shared margin once) the plan decides. */
    public int size() {
        return system.size();
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

    /**
     * The count of the cell of {@code table} at {@code labels} ({@link #TOTAL} for a margin), whether
     * published or not: for checking that a plan holds the counts a result publishes under it.
     */
    public long value(String table, List<String> labels) {
        return system.values[variable(table, labels)];
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
        return check(system, withheld, v -> reasons[v], minimumWidth, suppressZeros, threshold);
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
        return check(system, unknown, v -> system.values[v] < threshold ? Reason.PRIMARY : Reason.SECONDARY, 1, true,
                threshold);
    }

    /**
     * Exact elimination and linear-programming range of each unknown, one linked group at a time:
     * unknowns that share no relation with an unknown of another group are bounded by their own
     * group's relations alone (the others' are known numbers to them), so each group is solved on
     * its own, at a cost that follows the group rather than the whole publication.
     */
    private static SuppressionAudit check(LinearRelations system, boolean[] unknown,
            java.util.function.IntFunction<Reason> reason, double minimumWidth, boolean zeros, long threshold) {
        List<SuppressionAudit.Entry> entries = new ArrayList<>();
        for (boolean[] group : groups(system, unknown, unknown)) {
            boolean[] determined = ExactElimination.determined(system, group);
            double[][] bounds = IntervalBounds.of(system, group);
            for (int v = 0; v < group.length; v++) {
                if (group[v]) {
                    Map.Entry<String, Integer> where = system.firstCell.get(v);
                    CountTable t = system.tables.stream().filter(x -> x.name().equals(where.getKey())).findFirst()
                            .orElseThrow();
                    entries.add(new SuppressionAudit.Entry(where.getKey(), t.labels(where.getValue()), reason.apply(v),
                            determined[v], bounds[v][0], bounds[v][1]));
                }
            }
        }
        return new SuppressionAudit(threshold, zeros, minimumWidth, entries);
    }

    /**
     * The groups of unknowns linked by relations (two unknowns in one relation are in one group)
     * that hold one of {@code seeds} (all the groups when the seeds are the unknowns).
     */
    static List<boolean[]> groups(LinearRelations system, boolean[] seeds, boolean[] unknown) {
        int[] group = new int[unknown.length];
        java.util.Arrays.fill(group, -1);
        List<boolean[]> groups = new ArrayList<>();
        for (int start = 0; start < unknown.length; start++) {
            if (!seeds[start] || group[start] >= 0) {
                continue;
            }
            boolean[] members = new boolean[unknown.length];
            java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>(List.of(start));
            group[start] = groups.size();
            while (!todo.isEmpty()) {
                int v = todo.poll();
                members[v] = true;
                for (int r : system.relationsOf.get(v)) {
                    for (int w : system.relations.get(r)) {
                        if (unknown[w] && group[w] < 0) {
                            group[w] = groups.size();
                            todo.add(w);
                        }
                    }
                }
            }
            groups.add(members);
        }
        return groups;
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
