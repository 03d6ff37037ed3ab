package ladder.models.regression;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The input of a {@link LogisticRegression}: one row per cell (grouped data, from a cube) or per
 * person (row-level data, every trials count 1). Each row has, for every variable, a level (a
 * code into the variable's level list) or a number, the number of people n and of events y
 * (0 &lt;= y &lt;= n), and optionally a cluster (e.g. the employer).
 *
 * <p>Cluster-robust errors from cells equal those from people only when each cell lies in one
 * cluster (the cluster is one of the cube's dimensions): the cluster's score sum
 * &Sigma; x<sub>i</sub>(y<sub>i</sub> - n<sub>i</sub>&mu;<sub>i</sub>) over its cells is then the sum over its people.
 *
 * <p>Grouped data may instead keep its clusters apart from its rows ({@link ClusterCells}): each row
 * is then one covariate pattern (all clusters' people of that pattern), which is what the fit
 * iterates over, and the cells of (pattern, cluster) are read once, for the clusters' score sums.
 * With 1,000 clusters that makes each IRLS iteration cost the patterns, not a thousand times them.
 *
 * <p>Levels are codes so that ten million rows take an int each, not a String.
 */
public final class BinomialData {

    /** A variable's values: levels or numbers. */
    public sealed interface Column permits Levels, Numbers {
        String name();
    }

    /**
     * A categorical variable.
     *
     * @param levels the levels in display order (the first is the default reference)
     * @param codes per row, the index of its level
     */
    public record Levels(String name, List<String> levels, int[] codes) implements Column {
        public Levels {
            levels = List.copyOf(levels);
        }
    }

    /** A numeric variable, per row. */
    public record Numbers(String name, double[] values) implements Column {
    }

    /**
     * The people of each row split by cluster: cell i holds {@code trials[i]} people of row
     * {@code rows[i]} in cluster {@code clusters[i]} (an index into {@code labels}), {@code events[i]}
     * of them with the event. A row's cells add up to the row.
     */
    public record ClusterCells(List<String> labels, int[] rows, int[] clusters, double[] trials, double[] events) {
        public ClusterCells {
            labels = List.copyOf(labels);
            if (clusters.length != rows.length || trials.length != rows.length || events.length != rows.length) {
                throw new IllegalArgumentException("cluster cells: arrays of different lengths");
            }
        }

        public int size() {
            return rows.length;
        }
    }

    private final Map<String, Column> columns;
    private final double[] trials;
    private final double[] events;
    private final List<String> clusterLabels;
    private final int[] clusters;
    private final ClusterCells clusterCells;
    private final int rows;

    private BinomialData(Map<String, Column> columns, double[] trials, double[] events, List<String> clusterLabels,
            int[] clusters, ClusterCells clusterCells) {
        this.columns = columns;
        this.events = events;
        this.rows = events.length;
        this.trials = trials;
        this.clusterLabels = clusterLabels;
        this.clusters = clusters;
        this.clusterCells = clusterCells;
    }

    /** Starts data with the events per row; trials default to 1 per row (row-level data). */
    public static Builder builder(double[] events) {
        return new Builder(events);
    }

    public int rows() {
        return rows;
    }

    /** The column named {@code name}, or null. */
    public Column column(String name) {
        return columns.get(name);
    }

    /** The variables, in the order given. */
    public Map<String, Column> columns() {
        return columns;
    }

    /** How a formula uses each column unless written {@code C()}: labels are categorical, numbers numeric. */
    public VariableKind kind(String name) {
        Column c = columns.get(name);
        return c == null ? null : c instanceof Levels ? VariableKind.CATEGORICAL : VariableKind.NUMERIC;
    }

    public double trials(int row) {
        return trials == null ? 1 : trials[row];
    }

    public double events(int row) {
        return events[row];
    }

    public boolean hasClusters() {
        return clusters != null || clusterCells != null;
    }

    /** The rows' people split by cluster, or null when each row has its own cluster ({@link #cluster}) or none. */
    public ClusterCells clusterCells() {
        return clusterCells;
    }

    /** The cluster labels; empty without clusters. */
    public List<String> clusterLabels() {
        return clusterLabels;
    }

    /** The cluster of a row, an index into {@link #clusterLabels()} (data without {@link #clusterCells}). */
    public int cluster(int row) {
        return clusters[row];
    }

    public static final class Builder {
        private final double[] events;
        private double[] trials;
        private final Map<String, Column> columns = new LinkedHashMap<>();
        private List<String> clusterLabels = List.of();
        private int[] clusters;
        private ClusterCells clusterCells;

        private Builder(double[] events) {
            this.events = Objects.requireNonNull(events);
        }

        /** People per row (cells); without it every row is one person. */
        public Builder trials(double[] trials) {
            this.trials = checkLength(trials, "trials");
            return this;
        }

        /** A categorical variable by level codes into {@code levels} (display order; first is the default reference). */
        public Builder categorical(String name, List<String> levels, int[] codes) {
            checkLength(codes, name);
            for (int code : codes) {
                if (code < 0 || code >= levels.size()) {
                    throw new IllegalArgumentException(name + ": level code " + code + " outside 0.." + (levels.size() - 1));
                }
            }
            return add(new Levels(name, levels, codes));
        }

        /** A categorical variable by labels per row; levels in order of first appearance unless {@code levels} is given. */
        public Builder categorical(String name, String[] labels, List<String> levels) {
            checkLength(labels, name);
            List<String> order = levels == null ? new ArrayList<>() : new ArrayList<>(levels);
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < order.size(); i++) {
                index.put(order.get(i), i);
            }
            int[] codes = new int[labels.length];
            for (int r = 0; r < labels.length; r++) {
                Integer code = index.get(labels[r]);
                if (code == null) {
                    if (levels != null) {
                        throw new IllegalArgumentException(name + ": label '" + labels[r] + "' not among the levels " + levels);
                    }
                    code = order.size();
                    order.add(labels[r]);
                    index.put(labels[r], code);
                }
                codes[r] = code;
            }
            return add(new Levels(name, order, codes));
        }

        /** A numeric variable. */
        public Builder numeric(String name, double[] values) {
            checkLength(values, name);
            for (double v : values) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(name + ": value " + v + " is not finite");
                }
            }
            return add(new Numbers(name, values));
        }

        /** The cluster of each row, as labels. */
        public Builder clusters(String[] labels) {
            checkLength(labels, "clusters");
            Map<String, Integer> index = new LinkedHashMap<>();
            clusters = new int[labels.length];
            for (int r = 0; r < labels.length; r++) {
                clusters[r] = index.computeIfAbsent(labels[r], k -> index.size());
            }
            clusterLabels = List.copyOf(index.keySet());
            return this;
        }

        /** The rows' people split by cluster (instead of {@link #clusters}); each row's cells must add up to it. */
        public Builder clusterCells(ClusterCells cells) {
            double[] n = new double[events.length];
            double[] y = new double[events.length];
            for (int i = 0; i < cells.size(); i++) {
                n[cells.rows()[i]] += cells.trials()[i];
                y[cells.rows()[i]] += cells.events()[i];
            }
            for (int r = 0; r < events.length; r++) {
                if (n[r] != (trials == null ? 1 : trials[r]) || y[r] != events[r]) {
                    throw new IllegalArgumentException("row " + r + ": its cluster cells hold " + y[r] + " events of "
                            + n[r] + ", the row " + events[r] + " of " + (trials == null ? 1 : trials[r]));
                }
            }
            clusterCells = cells;
            clusterLabels = cells.labels();
            clusters = null;
            return this;
        }

        public BinomialData build() {
            for (int r = 0; r < events.length; r++) {
                double n = trials == null ? 1 : trials[r];
                if (!(n >= 0) || !(events[r] >= 0) || events[r] > n || Double.isInfinite(n)) {
                    throw new IllegalArgumentException("row " + r + ": need 0 <= events <= trials, got events "
                            + events[r] + ", trials " + n);
                }
            }
            return new BinomialData(Collections.unmodifiableMap(new LinkedHashMap<>(columns)), trials, events,
                    clusterLabels, clusters, clusterCells);
        }

        private Builder add(Column c) {
            if (columns.put(c.name(), c) != null) {
                throw new IllegalArgumentException("column " + c.name() + " given twice");
            }
            return this;
        }

        private <T> T checkLength(T array, String what) {
            int length = java.lang.reflect.Array.getLength(array);
            if (length != events.length) {
                throw new IllegalArgumentException(what + ": " + length + " rows, events have " + events.length);
            }
            return array;
        }
    }
}
