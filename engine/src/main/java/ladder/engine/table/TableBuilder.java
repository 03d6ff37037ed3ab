package ladder.engine.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import ladder.engine.contract.Field;
import ladder.engine.contract.Schema;
import ladder.engine.contract.Seb;

/**
 * Builds a {@link Table} row by row from values that have already passed validation: set each
 * column of the row, then {@link #commitRow()}. Rows are buffered and sealed into chunks of
 * {@link #chunkRows()} rows in their narrowest exact form. Not thread-safe.
 */
public final class TableBuilder {
    /** Default rows per chunk: large enough to amortise per-chunk work, small enough to split across cores. */
    public static final int DEFAULT_CHUNK_ROWS = 1 << 16;

    private final Schema schema;
    private final List<Column> columns = new ArrayList<>();
    private final int chunkRows;
    private final int[][] codes;
    private final double[][] decimals;
    private final long[][] nulls;
    private final int occupation;
    private final int seb;
    private final List<Chunk> chunks = new ArrayList<>();
    private int row;

    public TableBuilder(Schema schema) {
        this(schema, DEFAULT_CHUNK_ROWS);
    }

    public TableBuilder(Schema schema, int chunkRows) {
        if (chunkRows <= 0) {
            throw new IllegalArgumentException("chunkRows must be positive: " + chunkRows);
        }
        this.schema = schema;
        this.chunkRows = chunkRows;
        for (Field f : schema.fields()) {
            columns.add(new Column(f.name(), f, columns.size()));
        }
        occupation = schema.indexOf(Field.PARENTAL_OCCUPATION.name());
        if (occupation >= 0) {
            columns.add(new Column("seb", null, columns.size()));
        }
        seb = occupation >= 0 ? columns.size() - 1 : -1;
        int n = columns.size();
        codes = new int[n][];
        decimals = new double[n][];
        nulls = new long[n][];
        for (Column c : columns) {
            if (c.isDecimal()) {
                decimals[c.index()] = new double[chunkRows];
                nulls[c.index()] = new long[(chunkRows + 63) >>> 6];
            } else {
                codes[c.index()] = new int[chunkRows];
            }
        }
    }

    public Schema schema() {
        return schema;
    }

    public int chunkRows() {
        return chunkRows;
    }

    /** Rows committed so far. */
    public long rows() {
        long sealed = 0;
        for (Chunk c : chunks) {
            sealed += c.rows();
        }
        return sealed + row;
    }

    /** The code of a text column's value, adding it to the column's dictionary if new. */
    public int intern(int column, String text) {
        return columns.get(column).pool().intern(text);
    }

    /** The code of a text value if the column's dictionary has it, else -1. */
    public int find(int column, String text) {
        return columns.get(column).pool().find(text);
    }

    /** Sets a coded column of the current row (see {@link Column} for what codes mean). */
    public void setCode(int column, int code) {
        codes[column][row] = code;
    }

    /** Sets a whole-number column of the current row from its value. */
    public void setInt(int column, int value) {
        codes[column][row] = value - schema.fields().get(column).min();
    }

    /** Sets a decimal column of the current row. */
    public void setDecimal(int column, double value) {
        decimals[column][row] = value;
        nulls[column][row >>> 6] &= ~(1L << row);
    }

    /** Marks a decimal column of the current row as missing. */
    public void setMissing(int column) {
        decimals[column][row] = 0;
        nulls[column][row >>> 6] |= 1L << row;
    }

    /** Adds the current row to the table, deriving {@code seb}. */
    public void commitRow() {
        if (seb >= 0) {
            codes[seb][row] = Seb.ofParentalOccupation(codes[occupation][row] - 1).ordinal();
        }
        for (int c = 0; c < codes.length; c++) {
            if (codes[c] != null) {
                columns.get(c).see(codes[c][row]);
            }
        }
        if (++row == chunkRows) {
            seal();
        }
    }

    /** The table of every committed row. The builder must not be used afterwards. */
    public Table build() {
        if (row > 0) {
            seal();
        }
        for (Column c : columns) {
            if (c.pool() != null) {
                c.pool().trim();
            }
        }
        return new Table(schema, columns, chunks);
    }

    private void seal() {
        int n = columns.size();
        Codes[] chunkCodes = new Codes[n];
        Decimals[] chunkDecimals = new Decimals[n];
        for (int c = 0; c < n; c++) {
            if (codes[c] != null) {
                chunkCodes[c] = Codes.narrowest(codes[c], row);
            } else {
                chunkDecimals[c] = Decimals.compact(decimals[c], nulls[c], row);
                Arrays.fill(nulls[c], 0L);
            }
        }
        chunks.add(new Chunk(row, chunkCodes, chunkDecimals));
        row = 0;
    }
}
