package ladder.models.result;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A rectangular table of an analysis's numbers, in a form every front end can render: named,
 * typed columns and rows of values ({@code String}, {@code Long}, {@code Double} or {@code null}
 * for not available). Rendering to text, CSV, JSON or HTML is the business of the reports module.
 */
public record ResultTable(String name, String title, List<ColumnSpec> columns, List<List<Object>> rows) {

    /** What a column's values are, which decides how a text rendering rounds them. */
    public enum Kind {
        /** Labels: levels of a dimension, names. */
        LABEL,
        /** Whole numbers: counts, years, degrees of freedom. */
        COUNT,
        /** Proportions, shares and rates in [0, 1]. */
        PROPORTION,
        /** Other real numbers: statistics, ratios, means. */
        NUMBER,
        /** P-values. */
        P_VALUE
    }

    /** A column: its name (a stable identifier for CSV and JSON), kind and a description for readers. */
    public record ColumnSpec(String name, Kind kind, String description) {
    }

    public ResultTable {
        Objects.requireNonNull(name);
        columns = List.copyOf(columns);
        List<List<Object>> copied = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("row of " + row.size() + " values in table " + name + " of "
                        + columns.size() + " columns");
            }
            for (int c = 0; c < row.size(); c++) {
                Object v = row.get(c);
                boolean ok = v == null || switch (columns.get(c).kind()) {
                    case LABEL -> v instanceof String;
                    case COUNT -> v instanceof Long;
                    case PROPORTION, NUMBER, P_VALUE -> v instanceof Double;
                };
                if (!ok) {
                    throw new IllegalArgumentException("column " + columns.get(c).name() + " (" + columns.get(c).kind()
                            + ") of table " + name + " given " + v.getClass().getSimpleName() + " " + v);
                }
            }
            copied.add(java.util.Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = java.util.Collections.unmodifiableList(copied);
    }

    /** The position of the column named {@code name}, or -1. */
    public int column(String name) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).name().equals(name)) {
                return c;
            }
        }
        return -1;
    }

    /** The value at {@code row} of the column named {@code column}. */
    public Object get(int row, String column) {
        int c = column(column);
        if (c < 0) {
            throw new IllegalArgumentException("no column " + column + " in table " + name);
        }
        return rows.get(row).get(c);
    }

    /** Builds a table row by row. */
    public static Builder builder(String name, String title) {
        return new Builder(name, title);
    }

    public static final class Builder {
        private final String name;
        private final String title;
        private final List<ColumnSpec> columns = new ArrayList<>();
        private final List<List<Object>> rows = new ArrayList<>();

        private Builder(String name, String title) {
            this.name = name;
            this.title = title;
        }

        public Builder column(String name, Kind kind, String description) {
            columns.add(new ColumnSpec(name, kind, description));
            return this;
        }

        public Builder row(Object... values) {
            rows.add(Arrays.asList(values));
            return this;
        }

        public Builder row(List<Object> values) {
            rows.add(new ArrayList<>(values));
            return this;
        }

        public ResultTable build() {
            return new ResultTable(name, title, columns, rows);
        }
    }
}
