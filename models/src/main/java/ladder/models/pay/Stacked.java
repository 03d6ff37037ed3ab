package ladder.models.pay;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ladder.models.result.ResultTable;
import ladder.models.result.ResultTable.Kind;

/**
 * Tables of the same shape, one per level of a key (a {@code --by} level, a comparison group), stacked into
 * one with the key as a first column.
 */
final class Stacked {

    private Stacked() {
    }

    /**
     * The tables of {@code parts} (key level to table, in order; all with the columns of the first) one under
     * another, each row led by its key level; named {@code name}, or the first table's name when null.
     */
    static ResultTable of(String name, String key, String keyDescription, Map<String, ResultTable> parts) {
        ResultTable first = parts.values().iterator().next();
        ResultTable.Builder t = ResultTable.builder(name == null ? first.name() : name, first.title());
        t.column(key, Kind.LABEL, keyDescription);
        for (ResultTable.ColumnSpec c : first.columns()) {
            t.column(c.name(), c.kind(), c.description());
        }
        parts.forEach((level, table) -> {
            for (List<Object> row : table.rows()) {
                List<Object> keyed = new ArrayList<>();
                keyed.add(level);
                keyed.addAll(row);
                t.row(keyed);
            }
        });
        return t.build();
    }
}
