package ladder.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import ladder.engine.contract.Field;
import ladder.engine.contract.Schema;
import ladder.engine.contract.ValueRules;
import ladder.engine.table.Chunk;
import ladder.engine.table.Column;
import ladder.engine.table.StringPool;
import ladder.engine.table.Table;
import ladder.engine.table.TableBuilder;
import org.junit.jupiter.api.Test;

/**
 * The fast byte path ({@link FieldDecoder}, with its {@link CodeMatcher}s) and the exact text path
 * ({@link RowValidator}) apply one set of rules: for every column of every table of the contract
 * and a generated set of edge values (each code and answer wording in other cases and inside ASCII
 * and Unicode whitespace, numbers at and past each range, signs, leading zeros, exponents, many
 * digits, non-ASCII digits, NUL, invalid and overlong UTF-8, U+FFFD), whatever the fast path
 * accepts the exact path accepts, and both store the same value; whatever the exact path rejects
 * the fast path rejects; and a plain ASCII value the exact path accepts the fast path accepts too
 * (else every such row would take the slow path). A rule written twice and changed in one place
 * fails here.
 */
class RulesAgreeTest {
    /** One row a table: small chunks keep the thousands of one-row tables cheap. */
    private static final int CHUNK_ROWS = 64;

    @Test
    void fastAndExactPathsAgreeOnEveryColumn() {
        int checked = 0;
        List<String> disagreements = new ArrayList<>();
        for (Schema schema : Schema.TABLES) {
            for (int c = 0; c < schema.fields().size(); c++) {
                for (byte[] value : edgeValues(schema.fields().get(c))) {
                    String problem = compare(schema, c, value);
                    if (problem != null) {
                        disagreements.add(schema.name() + "." + schema.fields().get(c).name() + " = "
                                + shown(value) + ": " + problem);
                    }
                    checked++;
                }
            }
        }
        assertTrue(checked > 1000, "only " + checked + " values checked");
        if (!disagreements.isEmpty()) {
            fail(disagreements.size() + " of " + checked + " values:\n" + String.join("\n", disagreements));
        }
    }

    /**
     * An id the table does not keep (a stream whose cube reads no person) is checked and hashed in
     * one pass of its own: at every length from 1 to 40, placed where the bytes after it are text
     * or the array's end, a plain id is taken with the pool's hash (else every such row would take
     * the slow path, or the duplicate check miss its repeats), and one with a NUL anywhere is not.
     */
    @Test
    void anIdTheTableDoesNotKeepIsCheckedAndHashedAtEveryLength() {
        Schema schema = Schema.EMPLOYEES;
        int c = schema.indexOf("person_id");
        TableBuilder streamed = TableBuilder.streaming(schema, CHUNK_ROWS, 1, List.of("year"), group -> { });
        RowValidator merged = new RowValidator(schema, streamed, r -> { });
        FieldDecoder decoder = new FieldDecoder(schema, streamed);
        for (int length = 1; length <= 40; length++) {
            for (int after : new int[] {0, 3, 9}) {
                byte[] bytes = new byte[length + after];
                for (int k = 0; k < bytes.length; k++) {
                    bytes[k] = (byte) (k < length ? 'a' + k % 26 : 'z');
                }
                ColumnarRows batch = new ColumnarRows(merged, 1);
                batch.reset(1);
                assertTrue(decoder.decode(batch, 0, c, bytes, 0, length), "a plain id of " + length + " bytes");
                assertEquals(StringPool.hash(bytes, 0, length), batch.dictionaries[c].hash(~batch.codes[c][0]),
                        "the hash of an id of " + length + " bytes");
                for (int nul = 0; nul < length; nul++) {
                    byte[] broken = bytes.clone();
                    broken[nul] = 0;
                    batch.reset(1);
                    assertFalse(decoder.decode(batch, 0, c, broken, 0, length), "NUL at " + nul + " of " + length);
                }
            }
        }
    }

    @Test
    void asciiWhitespaceIsWhatTrimmingRemoves() {
        for (int b = 0; b < 0x80; b++) {
            assertEquals(ValueRules.trim(String.valueOf((char) b)).isEmpty(), ValueRules.isAsciiWhitespace((byte) b),
                    "byte " + b);
        }
    }

    /** Null if both paths agree on {@code value} in column {@code c}, else what differs. */
    private static String compare(Schema schema, int c, byte[] value) {
        byte[][] row = baseRow(schema);
        row[c] = value;
        String[] text = new String[row.length];
        for (int k = 0; k < row.length; k++) {
            // What the CSV reader's decoder makes of the bytes: malformed input becomes U+FFFD.
            text[k] = new String(row[k], StandardCharsets.UTF_8);
        }
        TableBuilder exactTable = new TableBuilder(schema, CHUNK_ROWS);
        List<Rejection> rejections = new ArrayList<>();
        RowValidator exact = new RowValidator(schema, exactTable, rejections::add);
        exact.record("f", 2, text, null);
        boolean exactAccepts = exact.accepted() == 1;

        TableBuilder fastTable = new TableBuilder(schema, CHUNK_ROWS);
        RowValidator merged = new RowValidator(schema, fastTable, r -> { });
        ColumnarRows batch = new ColumnarRows(merged, 1);
        batch.reset(1);
        FieldDecoder decoder = new FieldDecoder(schema, fastTable);
        boolean fastAccepts = true;
        for (int k = 0; k < row.length; k++) {
            boolean taken = decoder.decode(batch, 0, k, row[k], 0, row[k].length);
            if (k == c) {
                fastAccepts = taken;
            } else if (!taken) {
                return "the fast path refuses the other columns' valid values";
            }
        }
        if (fastAccepts && !exactAccepts) {
            return "the fast path accepts what the exact path rejects (" + rejections.get(0).rule() + ")";
        }
        if (!fastAccepts && exactAccepts && mustBeFast(schema.fields().get(c), value)) {
            return "the fast path leaves a plain valid value to the slow path";
        }
        if (!fastAccepts) {
            return null;
        }
        batch.merge("f", 1, 1, (i, line, sink) -> fail("no row of the batch is slow"));
        String stored = stored(exactTable.build(), c);
        String fastStored = stored(fastTable.build(), c);
        return stored.equals(fastStored) ? null : "the exact path stores " + stored + ", the fast path " + fastStored;
    }

    /** The value stored in the table's only row for column {@code c}, as its label or number. */
    private static String stored(Table table, int c) {
        Column column = table.columns().get(c);
        Chunk chunk = table.chunks().get(0);
        if (column.isDecimal()) {
            var decimals = chunk.decimals(column);
            return decimals.isNull(0) ? "empty" : Double.toString(decimals.get(0));
        }
        int code = chunk.codes(column).get(0);
        return column.isWholeNumber() ? code + " (" + column.label(code) + ")" : column.label(code);
    }

    /**
     * Whether the fast path must take {@code value} itself when it is valid: plain ASCII, and no
     * longer than its number grammar reads.
     */
    private static boolean mustBeFast(Field field, byte[] value) {
        for (byte b : value) {
            if (b <= 0) {
                return false;
            }
        }
        String trimmed = ValueRules.trim(new String(value, StandardCharsets.US_ASCII));
        return field.kind() != Field.Kind.INT || trimmed.replaceFirst("^[+-]", "").length() <= 10;
    }

    /** A valid value for each column: text, the first code, the least whole number, 1. */
    private static byte[][] baseRow(Schema schema) {
        byte[][] row = new byte[schema.fields().size()][];
        for (int k = 0; k < row.length; k++) {
            Field field = schema.fields().get(k);
            String value = switch (field.kind()) {
                case TEXT -> "T" + k;
                case CODE -> field.codebook().codes().get(0);
                case INT -> Integer.toString(field.min());
                case DECIMAL -> "1";
            };
            row[k] = utf8(value);
        }
        return row;
    }

    /** Values at the edges of {@code field}'s rule, each also inside ASCII and Unicode whitespace. */
    private static List<byte[]> edgeValues(Field field) {
        List<String> texts = new ArrayList<>(List.of("", " ", "\t \r", "\u2003", "\u00A0", "\u3000",
                "x", "Acme Ltd", "é", "caf\u00E9", "\u00E9t\u00E9", "a\u0000b", "\u0000", "\uFFFD", "ab\uFFFD",
                "0", "1", "-1", "+1", "01", "1.0", "1e1", "\u0663", "\uFF11", "NaN", "Infinity", "yes", "YES"));
        switch (field.kind()) {
            case CODE -> {
                for (String code : field.codebook().codes()) {
                    texts.addAll(List.of(code, code.toUpperCase(Locale.ROOT), capitalised(code), code + "x",
                            code.substring(0, code.length() - 1), code.replace('_', ' ')));
                }
                for (String label : field.codebook().labels().values()) {
                    texts.addAll(List.of(label, label.toUpperCase(Locale.ROOT), label.toLowerCase(Locale.ROOT),
                            label + "."));
                }
            }
            case INT -> {
                long min = field.min();
                long max = field.max();
                for (long n : new long[] {min, max, min - 1, max + 1, (min + max) / 2, -min, 0, 4294967296L,
                        9999999999L, 10000000000L, Long.MAX_VALUE}) {
                    texts.addAll(List.of(Long.toString(n), "+" + n, "0" + n, "000" + n, n + ".0", n + "e0",
                            n + "."));
                }
                texts.addAll(List.of("-0", "+0", "+", "-", "--1", "1-", "1 2", "12345678901234567890",
                        "-12345678901234567890", "0x10", "1_000"));
            }
            case DECIMAL -> texts.addAll(List.of("0", "0.0", "-0", "-0.0", "+0", "1", "1.5", ".5", "5.", "-.5",
                    "+2.25", "-1", "-0.01", "1e3", "1E-2", "1e+2", "2.5e-3", "1e400", "-1e400", "1e-400",
                    "4.9e-324", "1.7976931348623157e308", "0.1", "0.3", "123456789012345", "1234567890123456",
                    "12345678901234567890.5", "0.12345678901234567890", "9007199254740993", "1.", ".", "e5",
                    "1e", "1e+", "1.2.3", "1,5", "0x1p3", "1d", "1f", "Infinity", "-Infinity", "NaN"));
            case TEXT -> texts.addAll(List.of("P1", "employer 7", "\"quoted\"", "a,b", "\u4E2D\u6587", "\uD83D\uDE00"));
        }
        List<byte[]> values = new ArrayList<>();
        for (String text : texts) {
            for (String[] around : new String[][] {{"", ""}, {" ", " "}, {"\t", "\r"}, {"\u2003", ""}, {"", "\u3000"},
                    {"\u00A0", ""}, {"\u001F", "\u001C"}}) {
                values.add(utf8(around[0] + text + around[1]));
            }
        }
        byte[][] raw = {
            {(byte) 0xC3, 0x28}, {'a', (byte) 0xFF, 'b'}, {(byte) 0xC0, (byte) 0xAF},
            {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {'1', (byte) 0xC3}, {(byte) 0xE2, (byte) 0x80}, {' ', (byte) 0xEF, (byte) 0xBF, (byte) 0xBD, ' '},
        };
        values.addAll(List.of(raw));
        for (String code : field.kind() == Field.Kind.CODE ? field.codebook().codes() : List.of("1")) {
            byte[] plain = utf8(code);
            byte[] broken = java.util.Arrays.copyOf(plain, plain.length + 1);
            broken[plain.length] = (byte) 0x80;
            values.add(broken);
        }
        return values;
    }

    private static String capitalised(String code) {
        return Character.toUpperCase(code.charAt(0)) + code.substring(1);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String shown(byte[] value) {
        String text = new String(value, StandardCharsets.UTF_8).replace("\u0000", "\\0");
        return "'" + text + "' (" + HexFormat.of().formatHex(value) + ")";
    }
}
