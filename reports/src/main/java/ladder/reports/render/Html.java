package ladder.reports.render;

import java.util.List;
import ladder.models.result.Result;
import ladder.models.result.ResultTable;

/** A result as an HTML fragment: a heading, its inputs, one {@code <table>} per result table, and notes. */
public final class Html {
    private Html() {
    }

    public static String render(Result result) {
        StringBuilder out = new StringBuilder(OPEN);
        out.append("<h3>").append(escape(result.title())).append("</h3>\n");
        if (!result.inputs().isEmpty()) {
            out.append("<p>");
            result.inputs().forEach((k, v) -> out.append("<b>").append(escape(k)).append("</b>: ")
                    .append(escape(String.valueOf(v))).append("; "));
            out.append("</p>\n");
        }
        for (ResultTable t : result.tables()) {
            table(t, out);
        }
        for (String note : result.notes()) {
            out.append("<p><i>").append(escape(note)).append("</i></p>\n");
        }
        return out.append(CLOSE).toString();
    }

    /** One table on its own (a result's table taken out of it), in the block a whole result is shown in. */
    public static String render(ResultTable table) {
        StringBuilder out = new StringBuilder(OPEN);
        table(table, out);
        return out.append(CLOSE).toString();
    }

    private static final String OPEN = "<div class=\"ladder-result\">\n";
    private static final String CLOSE = "</div>\n";

    /** One table as {@code <table>} with its caption; NA where a value is withheld or does not exist. */
    public static void table(ResultTable t, StringBuilder out) {
        out.append("<table>\n<caption>").append(escape(t.title())).append("</caption>\n<thead><tr>");
        for (ResultTable.ColumnSpec c : t.columns()) {
            out.append("<th title=\"").append(escape(c.description())).append("\">").append(escape(c.name())).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (List<Object> row : t.rows()) {
            out.append("<tr>");
            for (int c = 0; c < row.size(); c++) {
                ResultTable.Kind kind = t.columns().get(c).kind();
                Object value = row.get(c);
                // An empty label (a note with nothing to say) is blank; a missing number is NA.
                out.append(kind == ResultTable.Kind.LABEL ? "<td>" : "<td style=\"text-align:right\">")
                        .append(kind == ResultTable.Kind.LABEL && value == null ? "" : escape(Format.human(value, kind)))
                        .append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    /** {@code s} as HTML text or attribute value; null as empty. */
    public static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
