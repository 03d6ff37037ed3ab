package ladder.engine.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The RFC 4180 tokeniser, against hand-made cases and against a writer's output on random records. */
class CsvTokeniserTest {

    /** One record as the tokeniser delivered it. */
    record Token(long line, List<String> fields, String raw, String error, int errorField) {}

    static List<Token> tokens(Reader in) throws IOException {
        CsvTokeniser tokeniser = new CsvTokeniser(in);
        List<Token> out = new ArrayList<>();
        while (tokeniser.next()) {
            List<String> fields = new ArrayList<>();
            if (tokeniser.error() == null) {
                for (int i = 0; i < tokeniser.fieldCount(); i++) {
                    fields.add(tokeniser.field(i));
                }
            } else {
                fields.add(tokeniser.errorValue());
            }
            out.add(new Token(tokeniser.line(), fields, tokeniser.raw(), tokeniser.error(), tokeniser.errorField()));
        }
        return out;
    }

    static List<Token> tokens(String text) throws IOException {
        return tokens(new StringReader(text));
    }

    /** A reader that hands out at most {@code chunk} characters a call, to cross every buffer boundary. */
    static Reader trickling(String text, int chunk) {
        return new Reader() {
            private int pos;

            @Override
            public int read(char[] buffer, int offset, int length) {
                if (pos == text.length()) {
                    return -1;
                }
                int n = Math.min(Math.min(chunk, length), text.length() - pos);
                text.getChars(pos, pos + n, buffer, offset);
                pos += n;
                return n;
            }

            @Override
            public void close() {}
        };
    }

    @Test
    void splitsFieldsAndKeepsPhysicalLines() throws IOException {
        List<Token> got = tokens("a,b\r\n\"x\ny\",\"say \"\"hi\"\"\"\n\n  \n,\r3,\"\"\n");
        assertEquals(List.of(
                new Token(1, List.of("a", "b"), "a,b", null, -1),
                new Token(2, List.of("x\ny", "say \"hi\""), "\"x\ny\",\"say \"\"hi\"\"\"", null, -1),
                new Token(6, List.of("", ""), ",", null, -1),
                new Token(7, List.of("3", ""), "3,\"\"", null, -1)), got);
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsText() throws IOException {
        assertEquals(List.of("5'11\"", "b"), tokens("5'11\",b").get(0).fields());
    }

    @Test
    void textAfterAClosingQuoteRejectsTheRecordAndReadingGoesOn() throws IOException {
        List<Token> got = tokens("1,\"a\"b\"c,2\n3,4\n");
        assertEquals(new Token(1, List.of("\"a\"b\"c"), "1,\"a\"b\"c,2", CsvTokeniser.TEXT_AFTER_QUOTE, 1), got.get(0));
        assertEquals(new Token(2, List.of("3", "4"), "3,4", null, -1), got.get(1));
    }

    @Test
    void aQuoteLeftOpenRunsToTheEndOfTheInput() throws IOException {
        List<Token> got = tokens("1,2\n3,\"4\n5,6\n");
        assertEquals(2, got.size());
        assertEquals(new Token(2, List.of("\"4\n5,6\n"), "3,\"4\n5,6\n", CsvTokeniser.OPEN_QUOTE, 1), got.get(1));
    }

    @Test
    void aRecordTooLongIsRejectedWithoutHoldingItsText() throws IOException {
        String longField = "x".repeat(CsvTokeniser.MAX_RECORD_CHARS + 10);
        List<Token> got = tokens("a," + longField + "\nb,c\n\"" + longField);
        assertEquals(3, got.size());
        assertEquals(CsvTokeniser.TOO_LONG, got.get(0).error());
        assertEquals(-1, got.get(0).errorField());
        assertEquals("a," + "x".repeat(198) + "…", got.get(0).raw());
        assertEquals(new Token(2, List.of("b", "c"), "b,c", null, -1), got.get(1));
        assertEquals(CsvTokeniser.OPEN_QUOTE, got.get(2).error());
        assertEquals(List.of(""), got.get(2).fields());
        assertEquals(3, got.get(2).line());
    }

    @Test
    void emptyInputHasNoRecords() throws IOException {
        assertTrue(tokens("").isEmpty());
        assertTrue(tokens("\n\r\n \t\n").isEmpty());
        assertFalse(tokens("\"\"").isEmpty(), "a quoted empty field is a record, not a blank line");
    }

    /**
     * Random records written by an RFC 4180 writer (quoting fields that need it, random LF or
     * CRLF, with or without a final line break) come back field for field, with their starting
     * lines and exact text, however the input is split into reads.
     */
    @Test
    void readsBackWhatAWriterWrote() throws IOException {
        Random random = new Random(20240501);
        String alphabet = "ab ,\"\n\ré£";
        for (int round = 0; round < 300; round++) {
            StringBuilder text = new StringBuilder();
            List<Token> want = new ArrayList<>();
            long line = 1;
            int records = 1 + random.nextInt(8);
            for (int r = 0; r < records; r++) {
                List<String> fields = new ArrayList<>();
                List<String> written = new ArrayList<>();
                int n = 2 + random.nextInt(4);
                for (int f = 0; f < n; f++) {
                    StringBuilder value = new StringBuilder();
                    int length = random.nextInt(6);
                    for (int i = 0; i < length; i++) {
                        value.append(alphabet.charAt(random.nextInt(alphabet.length())));
                    }
                    String v = value.toString();
                    fields.add(v);
                    boolean quote = v.startsWith("\"") || v.matches("(?s).*[,\n\r].*") || random.nextInt(4) == 0;
                    written.add(quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v.replace("\"", "x"));
                    if (!quote) {
                        fields.set(f, v.replace("\"", "x"));
                    }
                }
                String raw = String.join(",", written);
                want.add(new Token(line, fields, raw, null, -1));
                line += breaks(raw);
                boolean last = r == records - 1;
                if (!last || random.nextBoolean()) {
                    text.append(raw).append(random.nextBoolean() ? "\n" : "\r\n");
                    line++;
                    if (random.nextInt(5) == 0) {
                        text.append("\n");
                        line++;
                    }
                } else {
                    text.append(raw);
                }
            }
            int chunk = 1 + random.nextInt(7);
            assertEquals(want, tokens(trickling(text.toString(), chunk)), "round " + round + ": " + text);
        }
    }

    /** Line breaks in {@code text}: LF, CRLF and a lone CR each count once. */
    private static int breaks(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').replaceAll("[^\n]", "").length();
    }
}
