package ladder.engine.io;

/**
 * Where a reader can read back the key's text (the person) of a row of its file, so that the
 * duplicate check need not keep every accepted row's text in memory ({@link RowValidator#readKeysBack}):
 * it asks only when two keys' hashes agree, which is for a repeated key or by chance about once in
 * a few hundred thousand rows.
 */
public interface KeyTexts extends AutoCloseable {
    /**
     * Whether the key text at physical line {@code line} of the file, trimmed as the readers trim
     * values, is {@code text[from..to)}.
     */
    boolean textEquals(long line, byte[] text, int from, int to);

    /**
     * The {@link ladder.engine.table.StringPool#hash} of the key text at physical line {@code line},
     * trimmed as for {@link #textEquals}: the duplicate check makes an employer's year's table again
     * from them when a row of that year comes back after others ({@link TextKeyIndex}).
     */
    int hash(long line);

    /** Releases what reading back holds open (files, decoded values); asked again, it opens them again. */
    @Override
    void close();
}
