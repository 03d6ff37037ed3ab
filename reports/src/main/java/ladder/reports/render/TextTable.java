package ladder.reports.render;

import java.util.ArrayList;
import java.util.List;
import ladder.models.result.ResultTable;

/**
 * A result table as aligned plain text: labels left-aligned, numbers right-aligned. A label longer
 * than {@link #WIDEST} characters is cut with an ellipsis so a table stays readable; CSV, JSON
 * and HTML carry every value whole.
 */
final class TextTable {
    static final int WIDEST = 60;

    private TextTable() {
    }

    private static String fit(String s) {
        return s.length() <= WIDEST ? s : s.substring(0, WIDEST - 1) + "\u2026";
    }

    static String render(ResultTable table) {
        int n = table.columns().size();
        List<String[]> cells = new ArrayList<>();
        String[] header = new String[n];
        for (int c = 0; c < n; c++) {
            header[c] = table.columns().get(c).name();
        }
        cells.add(header);
        for (List<Object> row : table.rows()) {
            String[] line = new String[n];
            for (int c = 0; c < n; c++) {
                line[c] = fit(Format.human(row.get(c), table.columns().get(c).kind()));
            }
            cells.add(line);
        }
        int[] width = new int[n];
        for (String[] line : cells) {
            for (int c = 0; c < n; c++) {
                width[c] = Math.max(width[c], line[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String[] line = cells.get(i);
            StringBuilder text = new StringBuilder();
            for (int c = 0; c < n; c++) {
                boolean left = table.columns().get(c).kind() == ResultTable.Kind.LABEL;
                String pad = " ".repeat(width[c] - line[c].length());
                text.append(c == 0 ? "" : "  ").append(left ? line[c] + pad : pad + line[c]);
            }
            out.append(text.toString().stripTrailing()).append('\n');
            if (i == 0) {
                int total = 0;
                for (int w : width) {
                    total += w;
                }
                out.append("-".repeat(total + 2 * Math.max(0, n - 1))).append('\n');
            }
        }
        if (table.rows().isEmpty()) {
            out.append("(no rows)\n");
        }
        return out.toString();
    }
}
