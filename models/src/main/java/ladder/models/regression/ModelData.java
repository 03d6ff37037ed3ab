package ladder.models.regression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ladder.engine.LadderException;
import ladder.engine.contract.Field;
import ladder.engine.contract.Schema;
import ladder.engine.cube.Cube;
import ladder.engine.cube.CubeSource;
import ladder.engine.cube.Outcome;
import ladder.engine.table.Chunk;
import ladder.engine.table.Column;
import ladder.engine.table.Decimals;

/**
 * The data a logistic model is fitted to, from a {@link CubeSource}: when no covariate is a
 * decimal (pay, bonus), the grouped binomial cells of the cube over the formula's columns, the
 * cluster and the outcome (identical estimates to the row-level fit at the cost of the cells);
 * otherwise one row per person read from the table, rows with a missing value left out and counted.
 *
 * @param data what the fitter reads
 * @param grouped whether the rows are cells of a cube
 * @param people people in the fit
 * @param excluded rows left out, by reason
 */
public record ModelData(BinomialData data, boolean grouped, long people, Map<String, Long> excluded) {

    /** How the formula uses a contract column: coded answers and text are categorical, numbers numeric; null if unknown. */
    public static VariableKind kind(String column) {
        String c = column.strip().toLowerCase(Locale.ROOT);
        if (c.equals("seb")) {
            return VariableKind.CATEGORICAL;
        }
        return Schema.EMPLOYEES.field(c).map(f -> switch (f.kind()) {
            case TEXT, CODE -> VariableKind.CATEGORICAL;
            case INT, DECIMAL -> VariableKind.NUMERIC;
        }).orElse(null);
    }

    /** The data for {@code formula} (its outcome {@code outcome}) clustered by {@code cluster} (may be null). */
    public static ModelData of(CubeSource source, Formula formula, Outcome outcome, String cluster) {
        Map<String, VariableKind> variables = new LinkedHashMap<>();
        for (Term t : formula.terms()) {
            for (Term.Variable v : t.variables()) {
                VariableKind before = variables.put(v.name(), v.kind());
                if (before != null && before != v.kind()) {
                    throw new LadderException("formula: " + v.name() + " is used both as categorical and as numeric");
                }
            }
        }
        if (variables.containsKey(outcome.column())) {
            throw new LadderException("formula: the outcome's column " + outcome.column() + " is also a covariate");
        }
        if (cluster != null) {
            CubeSource.requireCategorical(List.of(cluster), "the cluster");
            if (cluster.equals(outcome.column())) {
                throw new LadderException("the cluster column is the outcome's");
            }
        }
        CubeSource.requireCategorical(List.of(outcome.column()), "the outcome (use a condition on a coded column)");
        boolean decimals = variables.keySet().stream().anyMatch(v -> Schema.EMPLOYEES.field(v)
                .map(f -> f.kind() == Field.Kind.DECIMAL).orElse(false));
        if (!decimals) {
            return cells(source, variables, outcome, cluster);
        }
        CubeSource.Rows rows = source.rows().orElseThrow(() -> new LadderException("a model with a decimal covariate ("
                + String.join(", ", variables.keySet().stream().filter(v -> kind(v) == VariableKind.NUMERIC
                        && Schema.EMPLOYEES.field(v).get().kind() == Field.Kind.DECIMAL).toList())
                + ") is fitted to rows, and cube files hold none; load the rows with --data"));
        return rows(rows, variables, outcome, cluster);
    }

    private static ModelData cells(CubeSource source, Map<String, VariableKind> variables, Outcome outcome,
            String cluster) {
        List<String> dims = new ArrayList<>(variables.keySet());
        if (cluster != null && !dims.contains(cluster)) {
            dims.add(cluster);
        }
        dims.add(outcome.column());
        Cube cube = outcome.applyTo(source.cube(dims, List.of()));
        int y = cube.dimension(Outcome.AXIS);
        int event = cube.dimensions().get(y).levels().indexOf("1");
        List<String> names = new ArrayList<>(variables.keySet());
        int k = names.size();
        int[] dim = new int[k];
        long[] radix = new long[k];
        long patterns = 1;
        for (int v = 0; v < k; v++) {
            dim[v] = cube.dimension(names.get(v));
            radix[v] = cube.dimensions().get(dim[v]).levels().size();
            patterns = Math.multiplyExact(patterns, radix[v]);
        }
        // One binomial row per covariate pattern, numbered in order of first appearance among the cells; with a
        // cluster, each (pattern, cluster) cell is also kept, for the clusters' score sums. The outcome is the cube's
        // last dimension, so a cell's events and non-events come one after the other and make one cluster cell.
        PatternIndex index = PatternIndex.of(patterns);
        GrowingRows rows = new GrowingRows();
        int g = cluster == null ? -1 : cube.dimension(cluster);
        int[] clusterOf = g < 0 ? null : new int[cube.dimensions().get(g).levels().size()];
        List<String> clusterLabels = new ArrayList<>();
        if (clusterOf != null) {
            java.util.Arrays.fill(clusterOf, -1);
        }
        int cells = cube.size();
        int kept = 0;
        int[] cellRow = g < 0 ? null : new int[cells];
        int[] cellCluster = g < 0 ? null : new int[cells];
        double[] cellTrials = g < 0 ? null : new double[cells];
        double[] cellEvents = g < 0 ? null : new double[cells];
        for (int c = 0; c < cells; c++) {
            long key = 0;
            for (int v = 0; v < k; v++) {
                key = key * radix[v] + cube.level(c, dim[v]);
            }
            int row = index.rowOf(key, rows.size());
            if (row == rows.size()) {
                rows.add(key);
            }
            double n = cube.count(c);
            double e = cube.level(c, y) == event ? n : 0;
            rows.trials[row] += n;
            rows.events[row] += e;
            if (g >= 0) {
                int level = cube.level(c, g);
                if (clusterOf[level] < 0) {
                    clusterOf[level] = clusterLabels.size();
                    clusterLabels.add(cube.dimensions().get(g).levels().get(level));
                }
                if (kept == 0 || cellRow[kept - 1] != row || cellCluster[kept - 1] != clusterOf[level]) {
                    cellRow[kept] = row;
                    cellCluster[kept++] = clusterOf[level];
                }
                cellTrials[kept - 1] += n;
                cellEvents[kept - 1] += e;
            }
        }
        int n = rows.size();
        double[] trials = java.util.Arrays.copyOf(rows.trials, n);
        double[] events = java.util.Arrays.copyOf(rows.events, n);
        BinomialData.Builder b = BinomialData.builder(events).trials(trials);
        long[] stride = new long[k];
        for (int v = k - 1, s = 1; v >= 0; s *= (int) radix[v], v--) {
            stride[v] = s;
        }
        for (int v = 0; v < k; v++) {
            int[] codes = new int[n];
            for (int r = 0; r < n; r++) {
                codes[r] = (int) (rows.keys[r] / stride[v] % radix[v]);
            }
            List<String> levels = cube.dimensions().get(dim[v]).levels();
            if (variables.get(names.get(v)) == VariableKind.CATEGORICAL) {
                b.categorical(names.get(v), levels, codes);
            } else {
                double[] values = new double[n];
                for (int r = 0; r < n; r++) {
                    values[r] = Double.parseDouble(levels.get(codes[r]));
                }
                b.numeric(names.get(v), values);
            }
        }
        if (g >= 0) {
            b.clusterCells(new BinomialData.ClusterCells(clusterLabels, java.util.Arrays.copyOf(cellRow, kept),
                    java.util.Arrays.copyOf(cellCluster, kept), java.util.Arrays.copyOf(cellTrials, kept),
                    java.util.Arrays.copyOf(cellEvents, kept)));
        }
        return new ModelData(b.build(), true, Math.round(sum(trials)), Map.of());
    }

    /** Row numbers of covariate patterns by their mixed-radix key: an array when the patterns are few enough, else a map. */
    private interface PatternIndex {
        /** The row of {@code key}, or {@code next} (which it becomes) if the key is new. */
        int rowOf(long key, int next);

        static PatternIndex of(long patterns) {
            if (patterns <= 1 << 22) {
                int[] row = new int[(int) patterns];
                java.util.Arrays.fill(row, -1);
                return (key, next) -> {
                    if (row[(int) key] < 0) {
                        row[(int) key] = next;
                    }
                    return row[(int) key];
                };
            }
            Map<Long, Integer> row = new java.util.HashMap<>();
            return (key, next) -> row.computeIfAbsent(key, x -> next);
        }
    }

    /** The rows' keys, trials and events, growing as patterns appear. */
    private static final class GrowingRows {
        long[] keys = new long[64];
        double[] trials = new double[64];
        double[] events = new double[64];
        private int size;

        int size() {
            return size;
        }

        void add(long key) {
            if (size == keys.length) {
                keys = java.util.Arrays.copyOf(keys, 2 * size);
                trials = java.util.Arrays.copyOf(trials, 2 * size);
                events = java.util.Arrays.copyOf(events, 2 * size);
            }
            keys[size++] = key;
        }
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    private static ModelData rows(CubeSource.Rows rows, Map<String, VariableKind> variables, Outcome outcome,
            String cluster) {
        var table = rows.table();
        Column outcomeColumn = table.column(outcome.column());
        boolean[] event = events(outcomeColumn, outcome);
        List<Column> columns = variables.keySet().stream().map(table::column).toList();
        Column clusterColumn = cluster == null ? null : table.column(cluster);
        int capacity = (int) Math.min(Integer.MAX_VALUE - 8, table.rows());
        double[] events = new double[capacity];
        int[][] codes = new int[columns.size()][capacity];
        double[][] numbers = new double[columns.size()][];
        for (int v = 0; v < columns.size(); v++) {
            if (!columns.get(v).isCoded() || variables.get(columns.get(v).name()) == VariableKind.NUMERIC) {
                numbers[v] = new double[capacity];
            }
        }
        int[] clusters = clusterColumn == null ? null : new int[capacity];
        long missing = 0;
        int n = 0;
        for (Chunk chunk : table.chunks()) {
            long[] mask = rows.filter() instanceof ladder.engine.filter.Filter.All ? null : rows.filter().select(chunk);
            rows:
            for (int r = 0; r < chunk.rows(); r++) {
                if (mask != null && (mask[r >>> 6] & (1L << r)) == 0) {
                    continue;
                }
                for (int v = 0; v < columns.size(); v++) {
                    Column c = columns.get(v);
                    if (c.isDecimal()) {
                        Decimals d = chunk.decimals()[c.index()];
                        if (d.isNull(r)) {
                            missing++;
                            continue rows;
                        }
                        numbers[v][n] = d.get(r);
                    } else if (numbers[v] != null) {
                        numbers[v][n] = chunk.codes()[c.index()].get(r) + c.field().min();
                    } else {
                        codes[v][n] = chunk.codes()[c.index()].get(r);
                    }
                }
                events[n] = event[chunk.codes()[outcomeColumn.index()].get(r)] ? 1 : 0;
                if (clusters != null) {
                    clusters[n] = chunk.codes()[clusterColumn.index()].get(r);
                }
                n++;
            }
        }
        BinomialData.Builder b = BinomialData.builder(java.util.Arrays.copyOf(events, n));
        for (int v = 0; v < columns.size(); v++) {
            Column c = columns.get(v);
            if (numbers[v] != null) {
                b.numeric(c.name(), java.util.Arrays.copyOf(numbers[v], n));
            } else {
                String[] labels = new String[c.cardinality()];
                for (int code = 0; code < labels.length; code++) {
                    labels[code] = c.label(code);
                }
                List<String> present = presentLevels(codes[v], n, labels);
                int[] position = new int[labels.length];
                for (int code = 0; code < labels.length; code++) {
                    position[code] = present.indexOf(labels[code]);
                }
                int[] remapped = new int[n];
                for (int i = 0; i < n; i++) {
                    remapped[i] = position[codes[v][i]];
                }
                b.categorical(c.name(), present, remapped);
            }
        }
        if (clusters != null) {
            String[] labels = new String[n];
            for (int i = 0; i < n; i++) {
                labels[i] = clusterColumn.label(clusters[i]);
            }
            b.clusters(labels);
        }
        Map<String, Long> excluded = missing == 0 ? Map.of() : Map.of("a covariate is missing", missing);
        return new ModelData(b.build(), false, n, excluded);
    }

    /** The levels of a categorical column that occur, in the order a cube gives them (contract order, or numeric/text). */
    private static List<String> presentLevels(int[] codes, int n, String[] labels) {
        boolean[] seen = new boolean[labels.length];
        for (int i = 0; i < n; i++) {
            seen[codes[i]] = true;
        }
        List<String> present = new ArrayList<>();
        for (int code = 0; code < labels.length; code++) {
            if (seen[code]) {
                present.add(labels[code]);
            }
        }
        return present;
    }

    /** Whether each code of the outcome's column is the event. */
    private static boolean[] events(Column column, Outcome outcome) {
        List<String> labels = new ArrayList<>();
        for (int code = 0; code < column.cardinality(); code++) {
            labels.add(column.label(code));
        }
        java.util.function.Predicate<String> isEvent = outcome.event(new ladder.engine.cube.Dimension(column.name(),
                List.copyOf(new LinkedHashSet<>(labels))));
        boolean[] event = new boolean[labels.size()];
        for (int code = 0; code < event.length; code++) {
            event[code] = isEvent.test(labels.get(code));
        }
        return event;
    }
}
