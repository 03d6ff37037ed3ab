package ladder.engine.io;

/**
 * One rejected record: where it is, which of its values broke which rules, and the record itself.
 *
 * <p>A record that breaks several rules is one rejection: {@code column}, {@code value} and
 * {@code rule} then list the broken columns, their values and their rules in the same order,
 * each joined by {@value #SEPARATOR}.
 *
 * @param file the file's name as the user gave it
 * @param line the physical line where the record starts (header = line 1), or a columnar file's row
 * @param column the column or columns whose values broke a rule
 * @param value the offending values, trimmed
 * @param rule the rules broken, each in the form {@code "category: what was expected"} or a
 *     sentence of its own (a duplicate key, a wrong field count, malformed quoting)
 * @param raw the record as it stood in the file, or {@code null} if unknown
 */
public record Rejection(String file, long line, String column, String value, String rule, String raw) {

    /** What joins the columns, values and rules of a record that broke several rules. */
    public static final String SEPARATOR = "; ";

    /** Rule texts that do not begin with their category, mapped to it by their opening words. */
    private static final String[][] SENTENCE_CATEGORIES = {
        {"duplicate of ", "duplicate key"},
        {"expected ", "wrong field count"},
    };

    /**
     * The short category of the first rule broken, for a summary of rejections by kind: the text
     * before the first {@code ": "} (e.g. {@code "unknown code"}, {@code "out of range"}), or the
     * category of a rule that is a sentence of its own (e.g. {@code "duplicate key"}).
     */
    public String category() {
        int end = rule.indexOf(SEPARATOR);
        String first = end < 0 ? rule : rule.substring(0, end);
        for (String[] sentence : SENTENCE_CATEGORIES) {
            if (first.startsWith(sentence[0])) {
                return sentence[1];
            }
        }
        int colon = first.indexOf(": ");
        return colon < 0 ? first : first.substring(0, colon);
    }
}
