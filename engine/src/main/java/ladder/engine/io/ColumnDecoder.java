package ladder.engine.io;

/**
 * Checks typed values of one thread's columns against the contract and stores them in
 * {@link ColumnarRows}: a reader's per-thread view of the fast checks ({@link FieldDecoder}).
 * Each {@code put} answers false when the row must take the text path instead.
 */
public final class ColumnDecoder {
    private final FieldDecoder decoder;

    /** A decoder of values for {@code validator}'s table, looking text up in its published dictionaries. */
    public ColumnDecoder(RowValidator validator) {
        decoder = new FieldDecoder(validator.schema(), validator.builder());
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
