package ladder.models.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A proof that a withheld cell is protected, and the search for the cheapest one: the hypercube
 * method (Repsilber 1994; GHMITER in tau-Argus) carried over to tables linked by shared margins.
 *
 * <p>A witness is an integer vector d over the published quantities, non-zero only on withheld
 * ones, under which every relation (margin = &Sigma; parts) still holds. If the true counts v are a
 * solution, so are v + s d and v - r d for every s, r &ge; 0 that keep all counts non-negative; so
 * a cell x with d<sub>x</sub> = &plusmn;1 is not determined by the published counts (it takes
 * different values in two solutions), and the range a reader can narrow it to, by linear
 * programming or otherwise, is at least {@link #width}: the least count on which d is -1 plus the
 * least on which it is +1 (unbounded when d has one sign). One witness protects every cell it
 * touches.
 *
 * <p>The witnesses searched: pick a set A of the dimensions x fixes, an alternative level
 * a<sub>j</sub> &ne; l<sub>j</sub> for each j in A, and a level t<sub>g</sub> for every other
 * dimension (l<sub>g</sub> for the others x fixes). A cell c that fixes dimensions K gets
 * d<sub>c</sub> = 0 unless K &sup; A, c sits at l<sub>j</sub> or a<sub>j</sub> on A and at
 * t<sub>g</sub> on K \ A; then d<sub>c</sub> = (-1)<sup>number of alternatives</sup>. Each relation
 * sums one dimension e of its margin's cells: if e is in A its parts cancel in pairs (+1, -1) and
 * the margin, which does not fix e, is 0; otherwise only the part at t<sub>e</sub> is non-zero and
 * equals the margin. So d balances every relation of every table, whatever tables there are: in one
 * k-dimensional table with A all of its dimensions this is the 2<sup>k</sup> corners of a hypercube,
 * which leaves every margin alone; when x is also a margin of a finer table, the hypercube extends
 * into it at the levels t. The cost of a witness is the published counts it would withhold (1 +
 * the count each, so that small counts go first, as tau-Argus's default cost); A is first every
 * dimension x fixes (with more than one level), then each set of one fewer, two fewer, and so on
 * (the first set in that order with a box wide enough is taken), then none (d then adds one person at
 * one point of every table and is always a witness, but withholds every margin above x up to the
 * pool's total: a zero whose neighbours are zeros, as in a sparse seb x gender x ethnicity x
 * promoted table, usually has a box over fewer dimensions).
 */
final class Hypercube {
    /** The most combinations of levels tried for one cell; beyond it each dimension's list is cut to its best levels. */
    static final int COMBINATIONS = 50_000;

    private final LinearRelations system;
    /** Marks the cells {@link #cost} has counted for the witness in hand (those marked {@link #stamp}). */
    private final int[] seen;
    private int stamp;
    /** For each table: the variable of each published cell, each dimension's levels and its stride in the cell index. */
    private final int[][] variables;
    private final int[][] sizes;
    private final int[][] strides;
    /** Scratch for {@link #cost}: a dimension's offset in the cell index on each side of the box. */
    private final int[] first;
    private final int[] second;

    Hypercube(LinearRelations system) {
        this.system = system;
        this.seen = new int[system.size()];
        int tables = system.tables.size();
        variables = new int[tables][];
        sizes = new int[tables][];
        strides = new int[tables][];
        int widest = 0;
        for (int t = 0; t < tables; t++) {
            CountTable table = system.tables.get(t);
            int dims = table.dimensions().size();
            widest = Math.max(widest, dims);
            variables[t] = system.variableOf.get(table.name());
            sizes[t] = new int[dims];
            strides[t] = new int[dims];
            int stride = 1;
            for (int k = dims - 1; k >= 0; k--) {
                sizes[t][k] = table.levels().get(k).size();
                strides[t][k] = stride;
                stride *= sizes[t][k] + 1;
            }
        }
        first = new int[widest];
        second = new int[widest];
    }

    /** A witness: the variables it touches and the sign of d on each. */
    record Witness(int[] variables, int[] signs) {
        /** The proven width of the range of each touched cell: min over d = -1 of v, plus min over d = +1 of v. */
        double width(long[] values) {
            double plus = Double.POSITIVE_INFINITY, minus = Double.POSITIVE_INFINITY;
            for (int i = 0; i < variables.length; i++) {
                if (signs[i] > 0) {
                    minus = Math.min(minus, values[variables[i]]);
                } else {
                    plus = Math.min(plus, values[variables[i]]);
                }
            }
            return plus + minus;
        }
    }

    /**
     * The cheapest witness for withheld variable {@code x} whose range is at least
     * {@code minimumWidth}, withholding as few published counts as the search finds.
     */
    Witness cheapest(int x, boolean[] withheld, double minimumWidth) {
        return cheapest(x, withheld, minimumWidth, false);
    }

    /**
     * As {@link #cheapest(int, boolean[], double)}, but with {@code boxesOnly} null where only the
     * one-person change (A empty) would do: the caller may find the cell protected by the pattern
     * already withheld (a cycle of withheld cells that is not a box) before paying for it.
     */
    Witness cheapest(int x, boolean[] withheld, double minimumWidth, boolean boxesOnly) {
        int[] level = levelOf(x);
        List<Integer> fixes = fixes(level);
        List<List<Integer>> tries = new ArrayList<>();
        for (int drop = 0; drop <= fixes.size(); drop++) {
            dropping(fixes, drop, 0, new ArrayList<>(), tries);
        }
        for (List<Integer> alternated : tries) {
            if (boxesOnly && alternated.isEmpty()) {
                return null;
            }
            Witness best = cheapest(level, alternated, withheld, minimumWidth, Long.MAX_VALUE);
            if (best != null) {
                return best;
            }
        }
        throw new IllegalStateException("no witness for variable " + x + ", not even adding one person");
    }

    /**
     * A witness for withheld variable {@code x} that touches withheld cells only (so withholds
     * nothing more) and is at least {@code minimumWidth} wide, over any set of the dimensions x
     * fixes but none; null when there is none. Such a witness proves x protected by the cells
     * withheld already, with no linear programme.
     */
    Witness free(int x, boolean[] withheld, double minimumWidth) {
        int[] level = levelOf(x);
        List<List<Integer>> tries = new ArrayList<>();
        List<Integer> fixes = fixes(level);
        for (int drop = 0; drop < fixes.size(); drop++) {
            dropping(fixes, drop, 0, new ArrayList<>(), tries);
        }
        for (List<Integer> alternated : tries) {
            Witness w = cheapest(level, alternated, withheld, minimumWidth, 1);
            if (w != null) {
                return w;
            }
        }
        return null;
    }

    /** The dimensions that cell {@code level} fixes and that have more than one level. */
    private List<Integer> fixes(int[] level) {
        List<Integer> fixes = new ArrayList<>();
        for (int d = 0; d < level.length; d++) {
            if (level[d] != LinearRelations.TOTAL && system.levels.get(d).size() > 1) {
                fixes.add(d);
            }
        }
        return fixes;
    }

    /**
     * Adds to {@code tries} {@code fixes} less each set of {@code drop} of them, the sets in
     * lexicographic order of their positions in {@code fixes} (from {@code from} on, after those
     * already in {@code dropped}).
     */
    private static void dropping(List<Integer> fixes, int drop, int from, List<Integer> dropped,
            List<List<Integer>> tries) {
        if (dropped.size() == drop) {
            List<Integer> kept = new ArrayList<>();
            for (int i = 0; i < fixes.size(); i++) {
                if (!dropped.contains(i)) {
                    kept.add(fixes.get(i));
                }
            }
            tries.add(kept);
            return;
        }
        for (int i = from; i < fixes.size(); i++) {
            dropped.add(i);
            dropping(fixes, drop, i + 1, dropped, tries);
            dropped.remove(dropped.size() - 1);
        }
    }

    /** The level of x on every dimension. */
    private int[] levelOf(int x) {
        Map.Entry<String, Integer> where = system.firstCell.get(x);
        int t = tableIndex(where.getKey());
        int[] dims = system.dimensionsOf.get(t);
        int[] p = system.tables.get(t).position(where.getValue());
        int[] level = new int[system.dimensions.size()];
        Arrays.fill(level, LinearRelations.TOTAL);
        for (int d = 0; d < dims.length; d++) {
            level[dims[d]] = p[d] == system.levels.get(dims[d]).size() ? LinearRelations.TOTAL : p[d];
        }
        return level;
    }

    private int tableIndex(String name) {
        for (int t = 0; t < system.tables.size(); t++) {
            if (system.tables.get(t).name().equals(name)) {
                return t;
            }
        }
        throw new IllegalStateException("no table " + name);
    }

    /** The cheapest witness over alternated dimensions {@code alternated} that costs less than {@code bound}; null when none does. */
    private Witness cheapest(int[] level, List<Integer> alternated, boolean[] withheld, double minimumWidth, long bound) {
        List<Integer> tables = new ArrayList<>();
        boolean[] used = new boolean[level.length];
        for (int t = 0; t < system.tables.size(); t++) {
            int[] dims = system.dimensionsOf.get(t);
            if (Arrays.stream(dims).boxed().toList().containsAll(alternated)) {
                tables.add(t);
                Arrays.stream(dims).forEach(d -> used[d] = true);
            }
        }
        // The choices: an alternative level for each dimension of A, a level for each other
        // dimension the tables hold that x does not fix (those x fixes stay at its level).
        List<Integer> choiceDims = new ArrayList<>();
        List<int[]> options = new ArrayList<>();
        for (int d = 0; d < level.length; d++) {
            if (!used[d] || level[d] != LinearRelations.TOTAL && !alternated.contains(d)) {
                continue;
            }
            int dim = d;
            List<Integer> os = new ArrayList<>();
            for (int l = 0; l < system.levels.get(d).size(); l++) {
                if (l != level[d]) {
                    os.add(l);
                }
            }
            os.sort(Comparator.comparingLong((Integer l) -> neighbour(level, dim, l, withheld)));
            choiceDims.add(d);
            options.add(os.stream().mapToInt(Integer::intValue).toArray());
        }
        cut(options);
        int[] choice = new int[choiceDims.size()];
        int[] at = level.clone();
        int[] bestAt = null;
        long bestCost = bound;
        boolean[] alternates = new boolean[level.length];
        alternated.forEach(d -> alternates[d] = true);
        while (true) {
            for (int c = 0; c < choice.length; c++) {
                at[choiceDims.get(c)] = options.get(c)[choice[c]];
            }
            long cost = cost(level, at, alternates, tables, withheld, minimumWidth, bestCost);
            if (cost < bestCost) {
                bestAt = at.clone();
                bestCost = cost;
                if (cost == 0) {
                    break;
                }
            }
            int c = choice.length - 1;
            while (c >= 0 && ++choice[c] == options.get(c).length) {
                choice[c--] = 0;
            }
            if (c < 0) {
                break;
            }
        }
        return bestAt == null ? null : witness(level, bestAt, alternated, tables);
    }

    /**
     * The cost of the witness with targets {@code at} ({@link #witness}, without building it):
     * Long.MAX_VALUE when its width is under {@code minimumWidth}, or when its cost reaches
     * {@code bound} (a cheaper one is known), which is found as soon as the cells seen so far
     * reach it. Each cell counts once, however many tables print it.
     */
    private long cost(int[] level, int[] at, boolean[] alternates, List<Integer> tables, boolean[] withheld,
            double minimumWidth, long bound) {
        stamp++;
        long cost = 0;
        long plus = Long.MAX_VALUE, minus = Long.MAX_VALUE;
        for (int t : tables) {
            int[] dims = system.dimensionsOf.get(t);
            int[] vars = variables[t];
            int[] stride = strides[t];
            // Each dimension's offset in the published cell index at the corner's two choices.
            int alternating = 0;
            for (int k = 0; k < dims.length; k++) {
                int d = dims[k];
                if (alternates[d]) {
                    first[k] = level[d] * stride[k];
                    second[k] = at[d] * stride[k];
                    alternating |= 1 << k;
                } else {
                    first[k] = (level[d] != LinearRelations.TOTAL ? level[d] : at[d]) * stride[k];
                    second[k] = sizes[t][k] * stride[k];
                }
            }
            for (int corner = 0; corner < 1 << dims.length; corner++) {
                int cell = 0;
                for (int k = 0; k < dims.length; k++) {
                    cell += (corner & 1 << k) != 0 ? second[k] : first[k];
                }
                int v = vars[cell];
                if (seen[v] == stamp) {
                    continue;
                }
                seen[v] = stamp;
                long value = system.values[v];
                if ((Integer.bitCount(corner & alternating) & 1) == 0) {
                    minus = Math.min(minus, value);
                } else {
                    plus = Math.min(plus, value);
                }
                if (!withheld[v]) {
                    cost += 1 + value;
                    if (cost >= bound) {
                        return Long.MAX_VALUE;
                    }
                }
            }
        }
        double width = (plus == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : plus)
                + (minus == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : minus);
        return width >= minimumWidth - 1e-9 ? cost : Long.MAX_VALUE;
    }

    /** A cheap guess at how costly a level is: 0 when the cell of x moved to it is withheld, else 1 + its count. */
    private long neighbour(int[] level, int dim, int l, boolean[] withheld) {
        Integer[] moved = Arrays.stream(level).boxed().toArray(Integer[]::new);
        moved[dim] = l;
        int v = system.variableAt(List.of(moved));
        return v < 0 ? 0 : withheld[v] ? 0 : 1 + system.values[v];
    }

    /** Shortens the longest option lists (keeping their best levels) until the combinations number at most {@link #COMBINATIONS}. */
    private static void cut(List<int[]> options) {
        while (true) {
            double product = 1;
            int longest = -1;
            for (int c = 0; c < options.size(); c++) {
                product *= Math.max(1, options.get(c).length);
                if (longest < 0 || options.get(c).length > options.get(longest).length) {
                    longest = c;
                }
            }
            if (product <= COMBINATIONS || options.get(longest).length <= 1) {
                return;
            }
            int[] o = options.get(longest);
            options.set(longest, Arrays.copyOf(o, Math.max(1, o.length / 2)));
        }
    }

    /**
     * The witness with alternatives and targets {@code at} (x's own levels in {@code level}): in
     * every table that holds A, each cell at one of the two levels on A and at the target or the
     * total elsewhere.
     */
    private Witness witness(int[] level, int[] at, List<Integer> alternated, List<Integer> tables) {
        Map<Integer, Integer> sign = new HashMap<>();
        for (int t : tables) {
            int[] dims = system.dimensionsOf.get(t);
            CountTable table = system.tables.get(t);
            int[] position = new int[dims.length];
            for (int corner = 0; corner < 1 << dims.length; corner++) {
                int s = 1;
                for (int k = 0; k < dims.length; k++) {
                    int d = dims[k];
                    boolean other = (corner & 1 << k) != 0;
                    if (alternated.contains(d)) {
                        position[k] = other ? at[d] : level[d];
                        s = other ? -s : s;
                    } else {
                        int target = level[d] != LinearRelations.TOTAL ? level[d] : at[d];
                        position[k] = other ? table.levels().get(k).size() : target;
                    }
                }
                int v = system.variableOf.get(table.name())[table.cell(position)];
                Integer previous = sign.put(v, s);
                if (previous != null && previous != s) {
                    throw new IllegalStateException("two tables give cell " + v + " opposite signs");
                }
            }
        }
        int[] vars = sign.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        return new Witness(vars, Arrays.stream(vars).map(sign::get).toArray());
    }

    /** Whether {@code w} balances every relation it touches: the check that makes each witness a proof. */
    boolean balances(Witness w) {
        Map<Integer, Integer> sign = new HashMap<>();
        for (int i = 0; i < w.variables().length; i++) {
            sign.put(w.variables()[i], w.signs()[i]);
        }
        java.util.Set<Integer> touched = new java.util.HashSet<>();
        for (int v : w.variables()) {
            touched.addAll(system.relationsOf.get(v));
        }
        for (int r : touched) {
            int[] relation = system.relations.get(r);
            int sum = 0;
            for (int k = 0; k < relation.length; k++) {
                sum += LinearRelations.coefficient(k) * sign.getOrDefault(relation[k], 0);
            }
            if (sum != 0) {
                return false;
            }
        }
        return true;
    }
}
