package ladder.models.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ladder.engine.LadderException;

/**
 * What a reader of a publication knows, as a linear system: one variable per distinct published
 * quantity and one relation per margin (margin = sum of its parts).
 *
 * <p>The tables come from one pool, so a cell is identified by the dimensions it fixes and their
 * levels, whatever table it is printed in: the grand total of every table is one variable, and so
 * is the seb margin of a grade x seb table and of a year x seb table. A reader can put the
 * relations of all tables together through these shared variables.
 */
final class LinearRelations {

    /** The value of each variable. */
    final long[] values;
    /** Each relation as variable indices: the margin first, then its parts (margin - &Sigma; parts = 0). */
    final List<int[]> relations;
    /** For each variable, the relations it appears in. */
    final List<List<Integer>> relationsOf;
    /** For each table, the variable of each published cell. */
    final Map<String, int[]> variableOf;
    /** For each variable, how many dimensions it fixes: 0 for the grand total, more for finer cells. */
    final int[] fixedDimensions;
    /** For each variable, the first table and published cell it appears as. */
    final List<Map.Entry<String, Integer>> firstCell;
    /** The dimensions of all the tables, in order of first appearance, and each one's levels. */
    final List<String> dimensions;
    final List<List<String>> levels;
    /** The tables, and for each the index in {@link #dimensions} of each of its dimensions. */
    final List<CountTable> tables;
    final List<int[]> dimensionsOf;
    /** The variable of each cell, by its level in every dimension ({@link #TOTAL} for one it does not fix). */
    private final Map<List<Integer>, Integer> variableAt;

    /** The level index of a dimension a cell does not fix. */
    static final int TOTAL = -1;

    LinearRelations(List<CountTable> tables) {
        Map<String, List<String>> levelsOfDimension = new LinkedHashMap<>();
        for (CountTable t : tables) {
            for (int d = 0; d < t.dimensions().size(); d++) {
                List<String> previous = levelsOfDimension.putIfAbsent(t.dimensions().get(d), t.levels().get(d));
                if (previous != null && !previous.equals(t.levels().get(d))) {
                    throw new LadderException("dimension " + t.dimensions().get(d) + " has levels " + previous
                            + " in one table and " + t.levels().get(d) + " in table " + t.name()
                            + ": tables published from one pool must share their levels");
                }
            }
        }
        this.dimensions = List.copyOf(levelsOfDimension.keySet());
        this.levels = List.copyOf(levelsOfDimension.values());
        Map<List<Integer>, Integer> variableAt = new HashMap<>();
        List<int[]> dimensionsOf = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        List<Integer> fixed = new ArrayList<>();
        List<Map.Entry<String, Integer>> first = new ArrayList<>();
        Map<String, int[]> variableOf = new HashMap<>();
        Set<String> relationKeys = new LinkedHashSet<>();
        List<int[]> relations = new ArrayList<>();
        for (CountTable t : tables) {
            int[] dims = t.dimensions().stream().mapToInt(dimensions::indexOf).toArray();
            dimensionsOf.add(dims);
            long[] published = margins(t);
            int[] vars = new int[published.length];
            for (int cell = 0; cell < published.length; cell++) {
                List<Integer> key = at(t, dims, cell);
                Integer v = variableAt.get(key);
                if (v == null) {
                    v = values.size();
                    variableAt.put(key, v);
                    values.add(published[cell]);
                    fixed.add((int) t.labels(cell).stream().filter(l -> !l.equals(SuppressionPlan.TOTAL)).count());
                    first.add(Map.entry(t.name(), cell));
                } else if (values.get(v) != published[cell]) {
                    throw new LadderException("table " + t.name() + " has " + published[cell] + " at " + t.labels(cell)
                            + " where table " + first.get(v).getKey() + " has " + values.get(v)
                            + ": the tables are not from one pool");
                }
                vars[cell] = v;
            }
            variableOf.put(t.name(), vars);
            for (int cell = 0; cell < published.length; cell++) {
                int[] p = t.position(cell);
                for (int d = 0; d < p.length; d++) {
                    int size = t.levels().get(d).size();
                    if (p[d] != size) {
                        continue;
                    }
                    int[] relation = new int[size + 1];
                    relation[0] = vars[cell];
                    for (int l = 0; l < size; l++) {
                        int[] q = p.clone();
                        q[d] = l;
                        relation[l + 1] = vars[t.cell(q)];
                    }
                    int[] parts = Arrays.copyOfRange(relation, 1, relation.length);
                    Arrays.sort(parts);
                    if (relationKeys.add(relation[0] + ":" + Arrays.toString(parts))) {
                        relations.add(relation);
                    }
                }
            }
        }
        this.values = values.stream().mapToLong(Long::longValue).toArray();
        this.fixedDimensions = fixed.stream().mapToInt(Integer::intValue).toArray();
        this.relations = List.copyOf(relations);
        this.variableOf = Map.copyOf(variableOf);
        this.firstCell = List.copyOf(first);
        this.tables = List.copyOf(tables);
        this.dimensionsOf = List.copyOf(dimensionsOf);
        this.variableAt = variableAt;
        List<List<Integer>> of = new ArrayList<>();
        for (int v = 0; v < this.values.length; v++) {
            of.add(new ArrayList<>());
        }
        for (int r = 0; r < relations.size(); r++) {
            for (int v : relations.get(r)) {
                if (!of.get(v).contains(r)) {
                    of.get(v).add(r);
                }
            }
        }
        this.relationsOf = of;
    }

    int size() {
        return values.length;
    }

    /** The variable of the cell at {@code level} (one entry per dimension, {@link #TOTAL} where it fixes none), or -1 when no table publishes it. */
    int variableAt(List<Integer> level) {
        return variableAt.getOrDefault(level, -1);
    }

    /** The level of every dimension at published cell {@code cell} of a table with global dimensions {@code dims}. */
    List<Integer> at(CountTable t, int[] dims, int cell) {
        Integer[] level = new Integer[dimensions.size()];
        java.util.Arrays.fill(level, TOTAL);
        int[] p = t.position(cell);
        for (int d = 0; d < p.length; d++) {
            level[dims[d]] = p[d] == t.levels().get(d).size() ? TOTAL : p[d];
        }
        return List.of(level);
    }

    /** The coefficient of variable index {@code k} of a relation: +1 for the margin, -1 for a part. */
    static int coefficient(int k) {
        return k == 0 ? 1 : -1;
    }

    /** Every published cell's count: each interior count added to the 2^d cells (itself and margins) it falls in. */
    private static long[] margins(CountTable t) {
        int d = t.dimensions().size();
        long[] published = new long[t.publishedCells()];
        long[] counts = t.counts();
        int[] position = new int[d];
        for (int i = 0; i < counts.length; i++) {
            int rest = i;
            for (int k = d - 1; k >= 0; k--) {
                position[k] = rest % t.levels().get(k).size();
                rest /= t.levels().get(k).size();
            }
            for (int mask = 0; mask < 1 << d; mask++) {
                int[] q = position.clone();
                for (int k = 0; k < d; k++) {
                    if ((mask & 1 << k) != 0) {
                        q[k] = t.levels().get(k).size();
                    }
                }
                int cell = t.cell(q);
                published[cell] = Math.addExact(published[cell], counts[i]);
            }
        }
        return published;
    }
}
