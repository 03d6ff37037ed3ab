package ladder.engine.table;

/**
 * A run of consecutive rows of a {@link Table}, column by column: {@code codes[c]} for a coded
 * column {@code c}, {@code decimals[c]} for a decimal one (the other is {@code null}). Chunks are
 * immutable once sealed, so kernels read them from any thread.
 */
public record Chunk(int rows, Codes[] codes, Decimals[] decimals) {

    public Codes codes(Column column) {
        Codes c = codes[column.index()];
        if (c == null) {
            throw new IllegalArgumentException(column.name() + " is not a coded column");
        }
        return c;
    }

    public Decimals decimals(Column column) {
        Decimals d = decimals[column.index()];
        if (d == null) {
            throw new IllegalArgumentException(column.name() + " is not a decimal column");
        }
        return d;
    }

    /** Bytes of primitive storage held by this chunk. */
    public long bytes() {
        long total = 0;
        for (Codes c : codes) {
            total += c == null ? 0 : c.bytes();
        }
        for (Decimals d : decimals) {
            total += d == null ? 0 : d.bytes();
        }
        return total;
    }
}
