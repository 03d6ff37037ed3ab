package ladder.engine.table;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import ladder.engine.LadderException;
import ladder.engine.contract.Schema;

/**
 * A pooled table of one contract schema, held column by column in chunks: the columns of the
 * schema in contract order, then, where the schema has {@code parental_occupation}, the derived
 * {@code seb}. Immutable once built by a {@link TableBuilder}.
 */
public final class Table {
    private final Schema schema;
    private final List<Column> columns;
    private final List<Chunk> chunks;
    private final long rows;

    Table(Schema schema, List<Column> columns, List<Chunk> chunks) {
        this.schema = schema;
        this.columns = List.copyOf(columns);
        this.chunks = List.copyOf(chunks);
        this.rows = chunks.stream().mapToLong(Chunk::rows).sum();
    }

    /**
     * A table of {@code schema} put back together from its parts, as a snapshot holds them: its
     * chunks, each text column's dictionary ({@code pools[c]}, {@code null} for other columns) and
     * each column's range of codes present ({@code minCodes[c]..maxCodes[c]}, -1 for an empty table).
     * Only the columns in {@code held} are restored: a question that needs a few columns reads only
     * those, and the others are left empty, as {@link Column#of} makes them, their chunks' arrays null.
     */
    public static Table restore(Schema schema, List<Chunk> chunks, StringPool[] pools, int[] minCodes, int[] maxCodes,
            java.util.BitSet held) {
        List<Column> columns = new java.util.ArrayList<>();
        for (Column c : Column.of(schema)) {
            columns.add(held.get(c.index()) ? c.restored(pools[c.index()], minCodes[c.index()], maxCodes[c.index()]) : c);
        }
        return new Table(schema, columns, chunks);
    }

    public Schema schema() {
        return schema;
    }

    public List<Column> columns() {
        return columns;
    }

    public List<Chunk> chunks() {
        return chunks;
    }

    public long rows() {
        return rows;
    }

    /** The column named {@code name} (case-insensitive); a {@link LadderException} naming the columns there are if none. */
    public Column column(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (Column c : columns) {
            if (c.name().equals(wanted)) {
                return c;
            }
        }
        throw new LadderException("no column '" + name.strip() + "' in table " + schema.name() + "; the columns are: "
                + columns.stream().map(Column::name).collect(Collectors.joining(", ")));
    }

    public boolean hasColumn(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return columns.stream().anyMatch(c -> c.name().equals(wanted));
    }

    /** Bytes held by the table's primitive arrays and dictionaries (object headers aside). */
    public long bytes() {
        long total = chunks.stream().mapToLong(Chunk::bytes).sum();
        for (Column c : columns) {
            total += c.pool() == null ? 0 : c.pool().bytes();
        }
        return total;
    }
}
