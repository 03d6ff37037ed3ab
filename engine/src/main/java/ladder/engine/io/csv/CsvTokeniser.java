package ladder.engine.io.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * Splits RFC 4180 text into records of fields, one record at a time, keeping each record's
 * physical starting line and exact text.
 *
 * <p>Fields are separated by commas and records by LF, CRLF or a lone CR; the last record may
 * lack its line break. A field that starts with a double quote runs to the matching closing quote,
 * may hold commas and line breaks, and holds {@code ""} for a quote. A quote inside an unquoted
 * field is an ordinary character. Lines holding nothing but whitespace are skipped.
 *
 * <p>A record is still delivered, with {@link #error()} set, when text follows a closing quote (the
 * record then runs to the next line break outside quotes), when a quote is left open at the end of
 * the input, or when the record is longer than {@value #MAX_RECORD_CHARS} characters (its text is
 * then dropped, so that an unbalanced quote early in a large file cannot exhaust memory).
 *
 * <p>A record is held whole in one buffer, so its fields and text are cut from it without copying
 * characters twice; a record's fields and text are valid until the next call of {@link #next()}.
 */
public final class CsvTokeniser {
    public static final String TEXT_AFTER_QUOTE = "text after closing quote";
    public static final String OPEN_QUOTE = "quote left open at end of file";
    static final int MAX_RECORD_CHARS = 1 << 20;
    public static final String TOO_LONG = "record too long: longer than " + MAX_RECORD_CHARS + " characters";

    /** Characters of an over-long record kept to show where it starts. */
    private static final int SHOWN_PREFIX = 200;

    private final Reader in;
    private char[] buffer = new char[1 << 16];
    /** The current record occupies {@code buffer[start..]}; field bounds are relative to it. */
    private int start;
    private int pos;
    private int limit;
    private boolean eof;
    private long nextLine;

    private long line;
    private int end;
    private int fields;
    private int[] bounds = new int[64];
    private boolean[] escaped = new boolean[32];
    private String error;
    private int errorField;
    private String overflowPrefix;

    CsvTokeniser(Reader in) {
        this(in, 1);
    }

    /** A tokeniser of text whose first character is on physical line {@code firstLine} of its file. */
    CsvTokeniser(Reader in, long firstLine) {
        this.in = in;
        this.nextLine = firstLine;
    }

    /** Moves to the next record that is not a blank line; false at the end of the input. */
    boolean next() throws IOException {
        do {
            start = pos;
            line = nextLine;
            fields = 0;
            error = null;
            errorField = -1;
            overflowPrefix = null;
            if (!fill()) {
                return false;
            }
            readRecord();
        } while (isBlank());
        return true;
    }

    /** The physical line on which the record starts, counting from 1. */
    long line() {
        return line;
    }

    int fieldCount() {
        return fields;
    }

    /** Field {@code i}'s value: unquoted, with {@code ""} turned into {@code "}; as written if it broke a rule. */
    String field(int i) {
        String text = new String(buffer, start + bounds[2 * i], bounds[2 * i + 1] - bounds[2 * i]);
        return escaped[i] ? text.replace("\"\"", "\"") : text;
    }

    /** The record as written, without its line break; the start of it if it was too long. */
    String raw() {
        return overflowPrefix != null ? overflowPrefix + "…" : new String(buffer, start, end);
    }

    /** Why the record could not be split into fields, or {@code null}. */
    String error() {
        return error;
    }

    /** The field in which {@link #error()} arose, or -1 if it concerns the whole record. */
    int errorField() {
        return errorField;
    }

    /** The field in which {@link #error()} arose, as written, or "" if the record's text was dropped. */
    String errorValue() {
        return errorField < 0 || overflowPrefix != null ? "" : field(errorField);
    }

    private void readRecord() throws IOException {
        while (true) {
            if (peek() == '"') {
                readQuoted();
            } else {
                int from = pos - start;
                scanUnquoted();
                addField(from, pos - start, false);
            }
            int c = peek();
            if (c == ',') {
                pos++;
                continue;
            }
            end = pos - start;
            if (c == '\r') {
                pos++;
                if (peek() == '\n') {
                    pos++;
                }
            } else if (c == '\n') {
                pos++;
            }
            if (c >= 0) {
                nextLine++;
            }
            if (overflowPrefix != null && error == null) {
                fail(TOO_LONG, -1);
            }
            return;
        }
    }

    /** Reads a quoted field, from its opening quote up to the separator or line break after it. */
    private void readQuoted() throws IOException {
        int opening = pos - start;
        pos++;
        boolean doubled = false;
        while (true) {
            if (!fill()) {
                fail(OPEN_QUOTE, fields);
                addField(opening, pos - start, false);
                return;
            }
            char c = buffer[pos++];
            if (c == '"') {
                if (peek() != '"') {
                    break;
                }
                pos++;
                doubled = true;
            } else if (c == '\n') {
                nextLine++;
            } else if (c == '\r') {
                nextLine++;
                if (peek() == '\n') {
                    pos++;
                }
            }
        }
        int closing = pos - 1 - start;
        int c = peek();
        if (c == ',' || c == '\r' || c == '\n' || c < 0) {
            addField(opening + 1, closing, doubled);
        } else {
            fail(TEXT_AFTER_QUOTE, fields);
            scanUnquoted();
            addField(opening, pos - start, false);
        }
    }

    /** Advances to the next comma, line break or end of input. */
    private void scanUnquoted() throws IOException {
        do {
            while (pos < limit) {
                char c = buffer[pos];
                if (c == ',' || c == '\n' || c == '\r') {
                    return;
                }
                pos++;
            }
        } while (fill());
    }

    private void addField(int from, int to, boolean doubled) {
        if (2 * fields + 2 > bounds.length) {
            bounds = Arrays.copyOf(bounds, bounds.length * 2);
            escaped = Arrays.copyOf(escaped, escaped.length * 2);
        }
        bounds[2 * fields] = from;
        bounds[2 * fields + 1] = to;
        escaped[fields] = doubled;
        fields++;
    }

    private void fail(String reason, int field) {
        if (error == null) {
            error = reason;
            errorField = field;
        }
    }

    /** Whether the record is a line holding nothing but whitespace. */
    private boolean isBlank() {
        if (fields != 1 || error != null) {
            return false;
        }
        for (int i = start; i < start + end; i++) {
            if (!Character.isWhitespace(buffer[i])) {
                return false;
            }
        }
        return true;
    }

    /** The character at {@code pos} without consuming it, or -1 at the end of the input. */
    private int peek() throws IOException {
        return fill() ? buffer[pos] : -1;
    }

    /**
     * Makes sure a character is available at {@code pos}, reading more input if needed; false at
     * the end of the input. Keeps the current record in the buffer, moving it to the front or
     * growing the buffer, until it exceeds {@link #MAX_RECORD_CHARS}; past that its text is dropped.
     */
    private boolean fill() throws IOException {
        while (pos == limit) {
            if (eof) {
                return false;
            }
            if (start > 0) {
                System.arraycopy(buffer, start, buffer, 0, limit - start);
                pos -= start;
                limit -= start;
                start = 0;
            } else if (limit == buffer.length) {
                if (buffer.length < MAX_RECORD_CHARS) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                } else {
                    if (overflowPrefix == null) {
                        overflowPrefix = new String(buffer, 0, SHOWN_PREFIX);
                    }
                    pos = 0;
                    limit = 0;
                }
            }
            int n = in.read(buffer, limit, buffer.length - limit);
            if (n < 0) {
                eof = true;
            } else {
                limit += n;
            }
        }
        return true;
    }
}
