package ladder.engine.io;

/**
 * Where a reader hands each record it has split into fields, before any value is checked
 * against the contract. The sink validates, then either adds the record to the table or writes
 * it to the rejected rows; a reader never decides that.
 */
public interface RecordSink {

    /**
     * Offers one record.
     *
     * @param file the file's name as the user gave it
     * @param line the physical line number where the record starts (header = line 1), or for a
     *     columnar file the row number counting from 1
     * @param values the record's values in the order of {@link ladder.engine.contract.Schema#fields()};
     *     {@code null} for a value the source holds as null (a columnar file); never trimmed yet
     * @param raw the record as it stood in the file, for the rejected-rows file; may be {@code null}
     */
    void record(String file, long line, String[] values, String raw);

    /**
     * Reports a record the reader could not split into fields (an unbalanced quote, text after a
     * closing quote, the wrong number of fields, invalid UTF-8): it is rejected without validation
     * but still counts as read.
     */
    void malformed(String file, long line, String column, String value, String rule, String raw);
}
