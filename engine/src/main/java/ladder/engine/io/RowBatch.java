package ladder.engine.io;

import java.util.Arrays;
import ladder.engine.contract.Field;
import ladder.engine.contract.Schema;

/**
 * Rows of one file parsed by a reader into the table's column form, off the thread that builds
 * the table, waiting for {@link RowValidator#merge} to add them in file order.
 *
 * <p>For each schema column {@code c}: {@code codes[c][row]} is a coded column's code, or
 * {@code decimals[c][row]} a decimal column's value, NaN where it is empty. A text value's code is
 * its table code where the reader found it in the table's published dictionary; a value the table
 * did not have then is coded {@code ~local}, its code in this batch's {@link LocalDictionary}, and
 * gets its table code only when merged, because table codes follow the order of first appearance
 * in the whole file. A row the reader could
 * not take apart exactly, or whose values break a rule, is marked {@link #slow(int)}: the merge
 * then {@linkplain #replay replays} it through the reader's exact, text-based path, which accepts
 * it or words its rejection. Batches are reused: {@link #clear()} empties one.
 */
public abstract class RowBatch {
    private static final int INITIAL_ROWS = 1024;

    final int[][] codes;
    final double[][] decimals;
    final LocalDictionary[] dictionaries;
    /** Each row's line relative to the batch's first line (CSV), or its row number (columnar files). */
    long[] lines;
    /**
     * An array of text the reader keeps unchanged until the batch is merged (a Parquet batch's
     * own strings), whose ids the batch's dictionary may refer to in place instead of copying
     * ({@link LocalDictionary#appendInPlace}); null if none.
     */
    byte[] inPlace;
    private boolean[] slow;
    private int rows;

    protected RowBatch(Schema schema) {
        this(schema, INITIAL_ROWS);
    }

    /** An empty batch with room for {@code capacity} rows before it grows. */
    RowBatch(Schema schema, int capacity) {
        int width = schema.fields().size();
        lines = new long[capacity];
        slow = new boolean[capacity];
        codes = new int[width][];
        decimals = new double[width][];
        dictionaries = new LocalDictionary[width];
        for (int c = 0; c < width; c++) {
            Field field = schema.fields().get(c);
            if (field.kind() == Field.Kind.DECIMAL) {
                decimals[c] = new double[capacity];
            } else {
                codes[c] = new int[capacity];
            }
            if (field.kind() == Field.Kind.TEXT) {
                dictionaries[c] = new LocalDictionary();
            }
        }
    }

    /** Lets ids in {@code bytes}, which stay unchanged until this batch is merged, be referred to in place (null: none). */
    public final void textsInPlace(byte[] bytes) {
        inPlace = bytes;
    }

    /** The number of rows held. */
    public final int rows() {
        return rows;
    }

    /** Whether row {@code row} must be replayed through the exact path. */
    final boolean slow(int row) {
        return slow[row];
    }

    /** Starts a new row at {@code line} (relative, see {@link #lines}); returns its index. */
    protected final int addRow(long line) {
        if (rows == lines.length) {
            grow(rows * 2);
        }
        lines[rows] = line;
        slow[rows] = false;
        return rows++;
    }

    /** Drops the last row added (a blank line, or a record to be read again from more bytes). */
    protected final void dropLastRow() {
        rows--;
    }

    protected final void markSlow(int row) {
        slow[row] = true;
    }

    /** Clears the slow marks of the first {@code n} rows, for a batch filled by column rather than by row. */
    final void clearSlow(int n) {
        Arrays.fill(slow, 0, n, false);
    }

    /** Makes the batch hold {@code n} rows numbered 0 to n-1 (relative lines), filled by column already. */
    final void numberRows(int n) {
        for (int i = 0; i < n; i++) {
            lines[i] = i;
        }
        rows = n;
    }

    /** Empties the batch for reuse, keeping its arrays. */
    protected void clear() {
        rows = 0;
        inPlace = null;
        for (LocalDictionary dictionary : dictionaries) {
            if (dictionary != null) {
                dictionary.clear();
            }
        }
    }

    /**
     * Hands row {@code row}, which starts at {@code line} of {@code file}, to {@code validator}
     * through the reader's exact path, as a reader that knows no batches would.
     */
    protected abstract void replay(int row, String file, long line, RowValidator validator);

    /** Grows the per-row arrays to hold {@code capacity} rows. */
    void grow(int capacity) {
        lines = Arrays.copyOf(lines, capacity);
        slow = Arrays.copyOf(slow, capacity);
        for (int c = 0; c < codes.length; c++) {
            if (codes[c] != null) {
                codes[c] = Arrays.copyOf(codes[c], capacity);
            } else {
                decimals[c] = Arrays.copyOf(decimals[c], capacity);
            }
        }
    }
}
