package ladder.engine.io;

import ladder.engine.table.TableBuilder;

/**
 * Checks typed values of one thread's columns against the contract and stores them in
 * {@link ColumnarRows}: a reader's per-thread view of the fast checks ({@link FieldDecoder}).
 * Each {@code put} answers false when the row must take the text path instead.
 */
public final class ColumnDecoder {
    private final FieldDecoder decoder;
    private final TableBuilder builder;
    /** The key's columns, whose values the duplicate check reads whether or not they are stored. */
    private final boolean[] key;

    /** A decoder of values for {@code validator}'s table, looking text up in its published dictionaries. */
    public ColumnDecoder(RowValidator validator) {
        builder = validator.builder();
        decoder = new FieldDecoder(validator.schema(), builder);
        key = new boolean[validator.schema().fields().size()];
        validator.schema().key().forEach(field -> key[validator.schema().indexOf(field.name())] = true);
    }

    /**
     * Whether schema column {@code column}'s values are stored ({@link TableBuilder#keeps}) or are
     * the key's, which the duplicate check reads: if not, a reader need only check them, and may
     * leave the batch's codes or decimals unset.
     */
    public boolean stores(int column) {
        return key[column] || builder.keeps(column);
    }

    /** Stores the text value {@code bytes[from..to)} (UTF-8, untrimmed; empty for a null) of schema column {@code column}. */
    public boolean putText(ColumnarRows rows, int row, int column, byte[] bytes, int from, int to) {
        return decoder.decode(rows, row, column, bytes, from, to);
    }

    /** Stores the integer {@code value} of a whole-number or decimal column. */
    public boolean putLong(ColumnarRows rows, int row, int column, long value) {
        return decoder.decodeLong(rows, row, column, value);
    }

    /** Stores the floating-point {@code value} of a decimal column. */
    public boolean putDouble(ColumnarRows rows, int row, int column, double value) {
        return decoder.decodeDouble(rows, row, column, value);
    }

    /** Forgets what it remembers of the arrays it was last given: call before they are refilled. */
    public void forgetLastValues() {
        decoder.forgetLastValues();
    }
}
