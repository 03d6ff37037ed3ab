package ladder.engine.io;

/**
 * A batch of rows that columnar readers (Arrow IPC, Parquet) fill column by column from typed
 * values through {@link ColumnDecoder}s, then merge into a {@link RowValidator}'s table: the typed
 * counterpart of handing each row to {@link RowValidator#record} as text, with the same outcome.
 *
 * <p>A row some value of which a decoder cannot take (a broken rule, whose message the validator
 * words, or a value the fast checks leave to it) is {@linkplain #markSlowRow marked slow}, and at
 * the merge replayed through the reader's {@link TextRow text path}. Several decoders, one per
 * thread, may fill different columns of one batch at once; whoever merges must have seen their
 * writes complete (a hand-over through a queue or latch). Rows are numbered by the reader (a
 * columnar file's row number, from 1).
 */
public final class ColumnarRows extends RowBatch {
    /** How a reader hands one row of the batch to a sink as text: its path for rows the batch could not take. */
    public interface TextRow {
        void offer(int row, long rowNumber, RecordSink sink);
    }

    private final RowValidator validator;
    private int capacity;
    private TextRow textRow;

    /** An empty batch of {@code validator}'s schema holding up to {@code capacity} rows. */
    public ColumnarRows(RowValidator validator, int capacity) {
        super(validator.schema(), capacity);
        this.validator = validator;
        this.capacity = capacity;
    }

    /** The most rows the batch holds. */
    public int capacity() {
        return capacity;
    }

    /**
     * Empties the batch for the next {@code rows} rows, growing it if they do not fit (which only
     * the one thread using the batch may do).
     */
    public void reset(int rows) {
        if (rows > capacity) {
            grow(rows);
            capacity = rows;
        }
        clear();
        clearSlow(capacity);
    }

    /** Marks a row to be offered as text instead; safe from several filling threads. */
    public void markSlowRow(int row) {
        markSlow(row);
    }

    /**
     * The value stored for schema column {@code column} in row {@code row}, as bits: a coded
     * column's code, or a decimal column's value as {@link Double#doubleToRawLongBits}: a reader
     * that meets one value many times (a Parquet dictionary entry) checks it once and copies what
     * was stored into {@link #codes} or {@link #decimals}.
     */
    public long value(int column, int row) {
        return codes[column] != null ? codes[column][row] : Double.doubleToRawLongBits(decimals[column][row]);
    }

    /**
     * The batch's codes of coded column {@code column}, null for a decimal column: for a reader
     * that stores values it has already checked (see {@link #value}) in bulk.
     */
    public int[] codes(int column) {
        return codes[column];
    }

    /** The batch's values of decimal column {@code column}, null for a coded column; as {@link #codes}. */
    public double[] decimals(int column) {
        return decimals[column];
    }

    /**
     * Merges the first {@code rows} rows into the validator's table, offering the slow ones
     * through {@code textRow}; the batch's first row is row {@code firstRow} of {@code file}.
     */
    public void merge(String file, long firstRow, int rows, TextRow textRow) {
        this.textRow = textRow;
        numberRows(rows);
        validator.merge(this, file, firstRow);
    }

    @Override
    protected void replay(int row, String file, long line, RowValidator target) {
        textRow.offer(row, line, target);
    }
}
