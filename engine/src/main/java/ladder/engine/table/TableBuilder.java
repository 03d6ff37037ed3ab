package ladder.engine.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import ladder.engine.contract.Field;
import ladder.engine.contract.Schema;
import ladder.engine.contract.Seb;

/**
 * Builds a {@link Table} row by row from values that have already passed validation: set each
 * column of the row, then {@link #commitRow()}; or hand a whole row over from column arrays
 * ({@link #appendRows}). Rows are buffered and sealed into chunks of {@link #chunkRows()} rows in
 * their narrowest exact form, each column's range of codes taken as a chunk is sealed. Not
 * thread-safe.
 *
 * <p>A {@linkplain #streaming streaming} builder keeps no table: it hands its chunks on a group at a
 * time and keeps of each only the key columns (employer, year, person), which the duplicate check
 * reads back. It may be told which columns its groups are read for: the others are not stored in
 * its chunks, and readers need not give their values ({@link #keeps}), only check them; nor is the
 * key's last column (the person) unless it is named.
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
    private final int[] sebOfOccupation;
    private final List<Chunk> chunks = new ArrayList<>();
    /** Where a streaming builder hands each group of chunks, or {@code null}: the builder keeps them. */
    private final java.util.function.Consumer<Table> groups;
    private final int groupChunks;
    /** The key columns' positions, which a streaming builder keeps of every chunk. */
    private final int[] keyColumns;
    /** Per column, whether its values are stored: all of them but in a streaming builder told otherwise. */
    private final boolean[] kept;
    /** A streaming builder's chunks sealed since it last handed a group on. */
    private final List<Chunk> group = new ArrayList<>();
    private boolean handedOn;
    private long sealedRows;
    private int row;

    public TableBuilder(Schema schema) {
        this(schema, DEFAULT_CHUNK_ROWS);
    }

    public TableBuilder(Schema schema, int chunkRows) {
        this(schema, chunkRows, null, 1, null);
    }

    /**
     * A builder that keeps no rows: every {@code groupChunks} chunks are handed to {@code groups}
     * as a table of those chunks alone (its columns, dictionaries and code ranges are the
     * builder's, as they stand then), on the thread that adds rows, and dropped but for the
     * columns of the schema's key; the last group, and an empty one if no row came, are handed on
     * by {@link #finish()}. Text codes follow the order of first appearance in the whole input, so
     * a group's codes mean the same as in the table a keeping builder would build.
     */
    public static TableBuilder streaming(Schema schema, int chunkRows, int groupChunks,
            java.util.function.Consumer<Table> groups) {
        if (groupChunks <= 0) {
            throw new IllegalArgumentException("groupChunks must be positive: " + groupChunks);
        }
        return new TableBuilder(schema, chunkRows, java.util.Objects.requireNonNull(groups), groupChunks, null);
    }

    /**
     * A streaming builder (as {@link #streaming(Schema, int, int, java.util.function.Consumer)})
     * whose groups are read only for the columns named in {@code columns} (case-insensitive): the
     * chunks it hands on hold those and the key's columns but its last (the person, unless named), and no others ({@link Chunk#codes}
     * refuses them), so that nothing is spent storing values no one reads. {@code seb} brings in
     * the parental occupation it is derived from.
     *
     * @throws ladder.engine.LadderException for a name that is no column of the schema's tables
     */
    public static TableBuilder streaming(Schema schema, int chunkRows, int groupChunks,
            java.util.Collection<String> columns, java.util.function.Consumer<Table> groups) {
        if (groupChunks <= 0) {
            throw new IllegalArgumentException("groupChunks must be positive: " + groupChunks);
        }
        return new TableBuilder(schema, chunkRows, java.util.Objects.requireNonNull(groups), groupChunks,
                java.util.Objects.requireNonNull(columns));
    }

    private TableBuilder(Schema schema, int chunkRows, java.util.function.Consumer<Table> groups, int groupChunks,
            java.util.Collection<String> keptColumns) {
        this.groups = groups;
        this.groupChunks = groupChunks;
        this.keyColumns = schema.key().stream().mapToInt(f -> schema.indexOf(f.name())).toArray();
        if (chunkRows <= 0) {
            throw new IllegalArgumentException("chunkRows must be positive: " + chunkRows);
        }
        this.schema = schema;
        this.chunkRows = chunkRows;
        columns.addAll(Column.of(schema));
        occupation = schema.indexOf(Field.PARENTAL_OCCUPATION.name());
        seb = occupation >= 0 ? columns.size() - 1 : -1;
        sebOfOccupation = new int[occupation >= 0 ? Field.PARENTAL_OCCUPATION.codebook().size() + 1 : 0];
        for (int code = 0; code < sebOfOccupation.length; code++) {
            sebOfOccupation[code] = Seb.ofParentalOccupation(code - 1).ordinal();
        }
        int n = columns.size();
        kept = new boolean[n];
        Arrays.fill(kept, keptColumns == null);
        if (keptColumns != null) {
            Table empty = new Table(schema, columns, List.of());
            for (String name : keptColumns) {
                kept[empty.column(name).index()] = true;
            }
            // The key's but its last (the person's), which the duplicate check reads back; it keys a
            // person no one reads by the bytes instead (ladder.engine.io.RowValidator), interning none.
            for (int k = 0; k < keyColumns.length - 1; k++) {
                kept[keyColumns[k]] = true;
            }
            if (seb >= 0 && kept[seb]) {
                kept[occupation] = true;
            }
        }
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

    /**
     * Whether the values of {@code column} are stored: if not, the codes or decimals given for it
     * ({@link #appendRows}, {@link #setCode}) are never read, and a reader may leave them unset.
     */
    public boolean keeps(int column) {
        return kept[column];
    }

    /** Rows committed so far. */
    public long rows() {
        return sealedRows + row;
    }

    /** The code of a text column's value, adding it to the column's dictionary if new. */
    public int intern(int column, String text) {
        return columns.get(column).pool().intern(text);
    }

    /**
     * The code of a text column's value given as UTF-8 bytes {@code bytes[from..to)} with their
     * {@link StringPool#hash}, adding it to the column's dictionary if new.
     */
    public int intern(int column, byte[] bytes, int from, int to, int hash) {
        return columns.get(column).pool().intern(bytes, from, to, hash);
    }

    /** Reads ahead the dictionary slots of text values with these hashes (see {@link StringPool#touch}). */
    public long touch(int column, int[] hashes, int from, int to) {
        return columns.get(column).pool().touch(hashes, from, to);
    }

    /** A text column's published code of the given UTF-8 bytes, or -1 (see {@link StringPool#findPublished}). */
    public int findPublished(int column, byte[] bytes, int from, int to, int hash) {
        return columns.get(column).pool().findPublished(bytes, from, to, hash);
    }

    /** Whether published code {@code code} of a text column stands for the given UTF-8 bytes (see {@link StringPool#publishedEquals}). */
    public boolean publishedEquals(int column, int code, byte[] bytes, int from, int to) {
        return columns.get(column).pool().publishedEquals(code, bytes, from, to);
    }

    /** Publishes every text column's dictionary for {@link #publishedEquals}. */
    public void publishDictionaries() {
        for (Column c : columns) {
            if (c.pool() != null) {
                c.pool().publish();
            }
        }
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
        if (seb >= 0 && kept[seb]) {
            codes[seb][row] = sebOfOccupation[codes[occupation][row]];
        }
        if (++row == chunkRows) {
            seal();
        }
    }

    /**
     * Adds rows {@code from..to-1} of column arrays as the next rows, deriving {@code seb}: for
     * each schema column {@code c}, {@code codes[c][i]} is the code of a coded column (as
     * {@link #setCode}; a whole number's code is its value minus the field's minimum), or
     * {@code decimals[c][i]} the value of a decimal column, NaN where it is missing.
     */
    public void appendRows(int[][] codes, double[][] decimals, int from, int to) {
        int fields = schema.fields().size();
        while (from < to) {
            int n = Math.min(to - from, chunkRows - row);
            for (int c = 0; c < fields; c++) {
                if (!kept[c]) {
                    continue;
                }
                if (codes[c] != null) {
                    System.arraycopy(codes[c], from, this.codes[c], row, n);
                } else {
                    copyDecimals(decimals[c], from, c, n);
                }
            }
            if (seb >= 0 && kept[seb]) {
                for (int r = row; r < row + n; r++) {
                    this.codes[seb][r] = sebOfOccupation[this.codes[occupation][r]];
                }
            }
            row += n;
            from += n;
            if (row == chunkRows) {
                seal();
            }
        }
    }

    private void copyDecimals(double[] values, int from, int column, int n) {
        double[] target = decimals[column];
        long[] missing = nulls[column];
        for (int i = 0; i < n; i++) {
            double value = values[from + i];
            int r = row + i;
            if (Double.isNaN(value)) {
                target[r] = 0;
                missing[r >>> 6] |= 1L << r;
            } else {
                target[r] = value;
                missing[r >>> 6] &= ~(1L << r);
            }
        }
    }

    /**
     * The code of coded column {@code column} at a row already committed: what a reader needs to
     * compare a new row's key with an earlier one's. A streaming builder answers for a key column
     * only, and for a sealed row only where it keeps the key's last column (the person).
     */
    public int codeAt(int column, long at) {
        if (at < 0 || at >= rows()) {
            throw new IndexOutOfBoundsException("row " + at + " of " + rows());
        }
        if (at >= sealedRows) {
            return codes[column][(int) (at - sealedRows)];
        }
        if (groups != null && !kept[keyColumns[keyColumns.length - 1]]) {
            throw new IllegalStateException("a streaming builder that keeps no person keeps no sealed row's codes");
        }
        // Every sealed chunk but a table's last is full, and the last is sealed only by build().
        return chunks.get((int) (at / chunkRows)).codes()[column].get((int) (at % chunkRows));
    }

    /** The chunks held for {@link #codeAt} (a loading builder's are its table's), for a test of what a stream holds. */
    int heldChunks() {
        return chunks.size();
    }

    /** The table of every committed row. The builder must not be used afterwards. */
    public Table build() {
        if (groups != null) {
            throw new IllegalStateException("a streaming builder keeps no table; finish() hands on its last rows");
        }
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
            if (!kept[c]) {
                continue;
            }
            if (codes[c] != null) {
                int max = see(columns.get(c), codes[c], row);
                chunkCodes[c] = Codes.narrowest(codes[c], row, max);
            } else {
                chunkDecimals[c] = Decimals.compact(decimals[c], nulls[c], row);
                Arrays.fill(nulls[c], 0L);
            }
        }
        Chunk chunk = new Chunk(row, chunkCodes, chunkDecimals);
        sealedRows += row;
        row = 0;
        if (groups == null) {
            chunks.add(chunk);
            return;
        }
        // The key's codes are kept for codeAt only where the person's are kept (a duplicate check of
        // codes reads keys back); a check of persons' bytes never asks, and would hold them for
        // nothing: 3 bytes a row, 0.3 GB at a hundred million.
        if (kept[keyColumns[keyColumns.length - 1]]) {
            Codes[] keys = new Codes[n];
            for (int c : keyColumns) {
                keys[c] = chunkCodes[c];
            }
            chunks.add(new Chunk(chunk.rows(), keys, new Decimals[n]));
        }
        group.add(chunk);
        if (group.size() == groupChunks) {
            handOn();
        }
    }

    /**
     * Hands a streaming builder's last rows on as a group (an empty group if it has handed none
     * on), as the end of the input. The builder must not be used afterwards.
     */
    public void finish() {
        if (groups == null) {
            throw new IllegalStateException("finish() is for a streaming builder; build() makes the table");
        }
        if (row > 0) {
            seal();
        }
        if (!group.isEmpty() || !handedOn) {
            handOn();
        }
    }

    private void handOn() {
        Table table = new Table(schema, columns, group);
        group.clear();
        handedOn = true;
        groups.accept(table);
    }

    /**
     * Widens {@code column}'s range of codes to cover the first {@code n} of {@code buffer}, and
     * returns the largest of them (0 if there are none): one pass for the range and the chunk's width.
     */
    private static int see(Column column, int[] buffer, int n) {
        // Comparisons, not Math.min and Math.max: measured twice as fast here (C2, JDK 17).
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            int code = buffer[i];
            if (code < min) {
                min = code;
            }
            if (code > max) {
                max = code;
            }
        }
        if (n > 0) {
            column.see(min);
            column.see(max);
        }
        return Math.max(max, 0);
    }
}
