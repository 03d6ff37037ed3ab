package ladder.engine.io.arrow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import ladder.engine.contract.Field;
import ladder.engine.contract.Schema;
import ladder.engine.io.arrow.ArrowTables.Column;
import org.apache.arrow.vector.types.pojo.ArrowType;

/** Rows of the {@code employees} table as a sink must receive them, and as columns to write. */
final class Employees {
    private Employees() {}

    /** Three employees, values in contract order as the readers render them (nulls included). */
    static final List<List<String>> ROWS = List.of(
            Arrays.asList("E1", "2023", "p1", "Financial services", "UKI", "3", "professional", "state", "no",
                    "yes", "woman", "white", "no", "25-34", "graduate_scheme", "21.5", "1000.0", "1", "12", "1"),
            Arrays.asList("E1", "2023", "p2", "Legal", "UKC", "1", null, null, null, null, "man", "asian", "yes",
                    "16-24", "apprenticeship", null, "0.0", "0", "7", "0"),
            Arrays.asList("E2", "2024", "p3", "Retail", "UKN", "6", "routine", "independent", "not_applicable",
                    "dont_know", "other", "black", "prefer_not_to_say", "65+", "internal", "1.0E-4", "-3.5", "1",
                    "600", "1"));

    /** {@code count} generated rows whose person_id is {@code p<row number>}. */
    static List<List<String>> numbered(int count) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            List<String> row = new ArrayList<>(ROWS.get(i % ROWS.size()));
            row.set(Schema.EMPLOYEES.indexOf("person_id"), "p" + i);
            rows.add(row);
        }
        return rows;
    }

    /** The rows as columns typed by the contract: strings, int32 and float64. */
    static List<Column> typed(List<List<String>> rows) {
        return columns(rows, field -> switch (field.kind()) {
            case TEXT, CODE -> ArrowTables.UTF8;
            case INT -> ArrowTables.INT32;
            case DECIMAL -> ArrowTables.FLOAT64;
        });
    }

    /** The rows as columns all of strings, as some exporters write them. */
    static List<Column> strings(List<List<String>> rows) {
        return columns(rows, field -> ArrowTables.UTF8);
    }

    private static List<Column> columns(List<List<String>> rows, Function<Field, ArrowType> types) {
        List<Column> columns = new ArrayList<>();
        List<Field> fields = Schema.EMPLOYEES.fields();
        for (int c = 0; c < fields.size(); c++) {
            ArrowType type = types.apply(fields.get(c));
            Object[] values = new Object[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                values[r] = value(type, rows.get(r).get(c));
            }
            columns.add(Column.of(fields.get(c).name(), type, values));
        }
        return columns;
    }

    private static Object value(ArrowType type, String text) {
        if (text == null || type == ArrowTables.UTF8) {
            return text;
        }
        return type == ArrowTables.INT32 ? (Object) Long.parseLong(text) : (Object) Double.parseDouble(text);
    }

    /** {@code columns} with the one named {@code name} replaced by {@code replacement}. */
    static List<Column> replace(List<Column> columns, String name, Column replacement) {
        return columns.stream().map(c -> c.name().equals(name) ? replacement : c).toList();
    }

    /** {@code columns} without those named. */
    static List<Column> without(List<Column> columns, String... names) {
        List<String> dropped = List.of(names);
        return columns.stream().filter(c -> !dropped.contains(c.name())).toList();
    }

    /** The values of one contract column across {@code rows}. */
    static Object[] column(List<List<String>> rows, String name) {
        int c = Schema.EMPLOYEES.indexOf(name);
        return rows.stream().map(r -> r.get(c)).toArray();
    }
}
