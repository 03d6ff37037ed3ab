package ladder.reports.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ladder.models.result.Result;
import ladder.models.result.ResultTable;

/**
 * The output formats of every result: an aligned text table for people, CSV and JSON at full
 * double precision for software, and HTML for notebooks and reports. Each renders the same
 * {@link Result} value.
 */
public enum Format {
    TABLE, CSV, JSON, HTML;

    /** The result as this format. CSV holds the main table only (the command line offers the others by name). */
    public String render(Result result) {
        return switch (this) {
            case TABLE -> text(result);
            case CSV -> csv(result.tables().get(0));
            case JSON -> Json.write(document(result));
            case HTML -> Html.render(result);
        };
    }

    /** The result as the maps and lists of its JSON document. */
    public static Map<String, Object> document(Result result) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("title", result.title());
        doc.put("inputs", result.inputs());
        List<Object> tables = new ArrayList<>();
        for (ResultTable t : result.tables()) {
            Map<String, Object> table = new LinkedHashMap<>();
            table.put("name", t.name());
            table.put("title", t.title());
            List<Object> columns = new ArrayList<>();
            for (ResultTable.ColumnSpec c : t.columns()) {
                Map<String, Object> column = new LinkedHashMap<>();
                column.put("name", c.name());
                column.put("kind", c.kind().name().toLowerCase(Locale.ROOT));
                column.put("description", c.description());
                columns.add(column);
            }
            table.put("columns", columns);
            List<Object> rows = new ArrayList<>();
            for (List<Object> r : t.rows()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int c = 0; c < r.size(); c++) {
                    row.put(t.columns().get(c).name(), r.get(c));
                }
                rows.add(row);
            }
            table.put("rows", rows);
            tables.add(table);
        }
        doc.put("tables", tables);
        doc.put("notes", result.notes());
        return doc;
    }

    /** A value as text for people: proportions to 4 places, p-values in scientific form when small, NA for none. */
    public static String human(Object value, ResultTable.Kind kind) {
        if (value == null) {
            return "NA";
        }
        if (!(value instanceof Double d)) {
            return value.toString();
        }
        if (d.isNaN()) {
            return "NA";
        }
        if (d.isInfinite()) {
            return d > 0 ? "Inf" : "-Inf";
        }
        return switch (kind) {
            case P_VALUE -> d != 0 && d < 1e-4 ? String.format(Locale.ROOT, "%.2e", d) : String.format(Locale.ROOT, "%.4f", d);
            case PROPORTION -> String.format(Locale.ROOT, "%.4f", d);
            default -> d != 0 && (Math.abs(d) >= 1e7 || Math.abs(d) < 1e-4)
                    ? String.format(Locale.ROOT, "%.4e", d) : String.format(Locale.ROOT, "%.4f", d);
        };
    }

    /** A value as CSV or JSON text: full precision, empty for none. */
    static String exact(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d && !Double.isFinite(d)) {
            return d.isNaN() ? "NA" : d > 0 ? "Inf" : "-Inf";
        }
        return value.toString();
    }

    static String text(Result result) {
        StringBuilder out = new StringBuilder();
        out.append(result.title()).append('\n');
        result.inputs().forEach((k, v) -> out.append("  ").append(k).append(": ").append(v).append('\n'));
        for (ResultTable t : result.tables()) {
            out.append('\n').append(text(t));
        }
        if (!result.notes().isEmpty()) {
            out.append('\n');
            for (String note : result.notes()) {
                out.append("Note: ").append(note).append('\n');
            }
        }
        return out.toString();
    }

    /** One table as text for people: its title, then the aligned table, as in a whole result's rendering. */
    public static String text(ResultTable table) {
        return table.title() + '\n' + TextTable.render(table);
    }

    /** One table as CSV: a header row, then one row per line, values at full precision. */
    public static String csv(ResultTable table) {
        StringBuilder out = new StringBuilder();
        List<String> header = table.columns().stream().map(ResultTable.ColumnSpec::name).toList();
        out.append(String.join(",", header.stream().map(Format::csvField).toList())).append('\n');
        for (List<Object> row : table.rows()) {
            out.append(String.join(",", row.stream().map(v -> csvField(exact(v))).toList())).append('\n');
        }
        return out.toString();
    }

    static String csvField(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
