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

    /** Releases what reading back holds open (files, decoded values); asked again, it opens them again. */
    @Override
    void close();
}
