package ladder.engine.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import ladder.engine.contract.Field;
import ladder.engine.contract.Schema;
import ladder.engine.contract.ValueRules;
import ladder.engine.table.StringPool;
import ladder.engine.table.TableBuilder;

/**
 * Checks one value, given as UTF-8 bytes, against its contract {@link Field} and puts it into a
 * {@link RowBatch}, without making a string: the fast counterpart of {@link RowValidator}'s checks.
 *
 * <p>It only ever says yes when {@link RowValidator} would accept the value and store the same
 * code or number; whenever it cannot be sure (a broken rule, whose message the validator words;
 * a value with non-ASCII bytes at either end, which might be Unicode whitespace that trimming
 * removes; non-ASCII in an answer; a NUL, or bytes that are not UTF-8) it says no and the row
 * takes the exact path. Decimals in plain notation with up to 15 significant digits are converted
 * as {@code digits / 10^k}: both are exact doubles and IEEE division rounds correctly, so the
 * result is the double {@link Double#parseDouble} gives; others (an exponent, more digits) go
 * through {@link Double#parseDouble} itself. A text value equal to the same column's value in the
 * row before (an employer's rows come together) reuses its code; other text is checked against
 * the few values of the table's published dictionary that the column's last code predicts, then
 * looked up there, and otherwise coded in the batch's dictionary for the merge. One instance per thread: matchers
 * remember answers, and the last values are those of the caller's current buffer and batch.
 */
public final class FieldDecoder {
    /** 10^k for k = 0..22, each exact as a double. */
    private static final double[] POWERS_OF_TEN = new double[23];
    /** How many published values after the last one found a text value is compared with. */
    private static final int GUESSES = 4;
    /** Lookups in a row that found nothing, after which a text column's values are looked up only now and then. */
    private static final int LOOKUP_MISSES = 8;
    /** Then one value in this many is looked up. */
    private static final int LOOKUP_EVERY = 16;
    /** Below 2^53 every whole number is an exact double. */
    private static final long EXACT_LIMIT = 1L << 53;
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    static {
        double power = 1;
        for (int k = 0; k < POWERS_OF_TEN.length; k++) {
            POWERS_OF_TEN[k] = power;
            power *= 10;
        }
    }

    private final Field[] fields;
    private final CodeMatcher[] matchers;
    /**
     * The column of the key that identifies a person (or applicant) within an employer and year:
     * its values are nearly all distinct within a batch, so they are not looked up in the batch's
     * dictionary before being added ({@link LocalDictionary#append}).
     */
    private final int idColumn;
    /**
     * Whether the table does not keep the id column (a stream keying persons by their bytes): its
     * published dictionary is then empty, so an id is neither guessed nor looked up, nor compared
     * with the last one (ids are nearly all distinct), only checked, hashed and added.
     */
    private final boolean idOnlyChecked;
    private final TableBuilder table;
    /** Per text column, where the last value decoded lies in {@code lastBytes}, and its code. */
    private byte[] lastBytes;
    private final int[] lastFrom;
    private final int[] lastTo;
    private final int[] lastCode;
    /**
     * Per text column, the last table code found. Only the few values after it are tried in the
     * table's published dictionary ({@link #guess}): rows often come in the order of an earlier
     * year's (an employer's people in the same order), so the guess is often right and costs a
     * read next to the last value's. A value the guess misses is looked up ({@link #lookUp}),
     * which finds the place again; one not found either is coded in the batch's dictionary, and
     * the merge looks it up once.
     */
    private final int[] lastTableCode;
    /** Per text column, lookups since the last that found its value ({@link #lookUp}). */
    private final int[] lookupMisses;

    /**
     * A decoder of {@code schema}'s values whose text values are checked against {@code table}'s
     * published dictionaries ({@link TableBuilder#publishedEquals}).
     */
    public FieldDecoder(Schema schema, TableBuilder table) {
        this.table = table;
        fields = schema.fields().toArray(Field[]::new);
        idColumn = schema.indexOf(schema.key().get(schema.key().size() - 1).name());
        idOnlyChecked = !table.keeps(idColumn);
        lastFrom = new int[fields.length];
        lastTo = new int[fields.length];
        lastCode = new int[fields.length];
        lastTableCode = new int[fields.length];
        lookupMisses = new int[fields.length];
        Arrays.fill(lastTableCode, -2);
        matchers = new CodeMatcher[fields.length];
        for (int c = 0; c < fields.length; c++) {
            if (fields[c].kind() == Field.Kind.CODE) {
                matchers[c] = new CodeMatcher(fields[c].codebook());
            }
        }
    }

    /**
     * Puts the value {@code bytes[from..to)} (untrimmed) of schema column {@code c} into row
     * {@code row} of {@code batch}; false, leaving the row unfinished, if the row must take the
     * exact path instead.
     */
    public boolean decode(RowBatch batch, int row, int c, byte[] bytes, int from, int to) {
        while (from < to && ValueRules.isAsciiWhitespace(bytes[from])) {
            from++;
        }
        while (to > from && ValueRules.isAsciiWhitespace(bytes[to - 1])) {
            to--;
        }
        Field field = fields[c];
        if (from == to) {
            if (!field.optional()) {
                return false;
            }
            if (field.kind() == Field.Kind.DECIMAL) {
                batch.decimals[c][row] = Double.NaN;
            } else {
                batch.codes[c][row] = field.kind() == Field.Kind.INT ? -field.min() : 0;
            }
            return true;
        }
        if (bytes[from] < 0 || bytes[to - 1] < 0) {
            return false;
        }
        return switch (field.kind()) {
            case TEXT -> text(batch, row, c, bytes, from, to);
            case CODE -> code(batch, row, c, bytes, from, to);
            case INT -> wholeNumber(batch, row, c, field, bytes, from, to);
            case DECIMAL -> decimal(batch, row, c, field, bytes, from, to);
        };
    }

    /**
     * Puts the integer {@code value} of schema column {@code c} (whole-number or decimal) into row
     * {@code row}; false if the row must take the exact path. A decimal column's value is the
     * double nearest {@code value}, what parsing its decimal digits gives.
     */
    boolean decodeLong(RowBatch batch, int row, int c, long value) {
        Field field = fields[c];
        if (field.kind() == Field.Kind.DECIMAL) {
            return decodeDouble(batch, row, c, value);
        }
        if (field.kind() != Field.Kind.INT || !field.inRange(value)) {
            return false;
        }
        batch.codes[c][row] = (int) value - field.min();
        return true;
    }

    /** Puts the finite {@code value} of decimal column {@code c} into row {@code row}; false if the row must take the exact path. */
    boolean decodeDouble(RowBatch batch, int row, int c, double value) {
        Field field = fields[c];
        if (field.kind() != Field.Kind.DECIMAL || !field.inRange(value)) {
            return false;
        }
        batch.decimals[c][row] = value;
        return true;
    }

    /** Forgets the last values: the caller's buffer or batch is about to change. */
    public void forgetLastValues() {
        lastBytes = null;
    }

    /** Whether a value the contract does not know can be passed over: no NUL and nothing but ASCII. */
    public static boolean isPlainAscii(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] <= 0) {
                return false;
            }
        }
        return true;
    }

    private boolean text(RowBatch batch, int row, int c, byte[] bytes, int from, int to) {
        if (c == idColumn && idOnlyChecked) {
            return id(batch, row, c, bytes, from, to);
        }
        if (bytes == lastBytes && to - from == lastTo[c] - lastFrom[c]
                && Arrays.equals(bytes, from, to, bytes, lastFrom[c], lastTo[c])) {
            batch.codes[c][row] = lastCode[c];
            return true;
        }
        int bits = 0;
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b == 0) {
                return false;
            }
            bits |= b;
        }
        if (bits < 0 && !ValueRules.isCleanUtf8(bytes, from, to)) {
            return false;
        }
        int code = guess(c, bytes, from, to);
        if (code < 0) {
            int hash = StringPool.hash(bytes, from, to);
            code = lookUp(c, bytes, from, to, hash);
            if (code < 0) {
                code = ~(c == idColumn ? batch.dictionaries[c].append(bytes, from, to, hash)
                        : batch.dictionaries[c].intern(bytes, from, to, hash));
            }
        }
        if (code >= 0) {
            lastTableCode[c] = code;
        }
        batch.codes[c][row] = code;
        if (lastBytes != bytes) {
            lastBytes = bytes;
            Arrays.fill(lastFrom, 0);
            Arrays.fill(lastTo, 0);
        }
        lastFrom[c] = from;
        lastTo[c] = to;
        lastCode[c] = code;
        return true;
    }

    /**
     * {@link #text} for an id the table does not keep: the same checks (no NUL; clean UTF-8 where
     * a byte is not ASCII), eight bytes at a time, then its hash and its place in the batch's
     * dictionary.
     */
    private static boolean id(RowBatch batch, int row, int c, byte[] bytes, int from, int to) {
        // One pass: each word checked and hashed as StringPool.hash would.
        long h = StringPool.hashStart(to - from);
        long high = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long word = (long) WORDS.get(bytes, i);
            if (zeroBytes(word) != 0) {
                return false;
            }
            high |= word;
            h = StringPool.hashStep(h, word);
        }
        if (i < to) {
            long tail = StringPool.tail(bytes, i, to);
            // The bytes above the text are 0 and flagged; a flag among the text's bytes means one
            // of them is 0 (a false flag only ever lies above a true one).
            long ofText = 0x8080_8080_8080_8080L >>> (64 - 8 * (to - i));
            if ((zeroBytes(tail) & ofText) != 0) {
                return false;
            }
            high |= tail;
            h = StringPool.hashStep(h, tail);
        }
        if ((high & 0x8080_8080_8080_8080L) != 0 && !ValueRules.isCleanUtf8(bytes, from, to)) {
            return false;
        }
        int hash = StringPool.hashEnd(h);
        LocalDictionary ids = batch.dictionaries[c];
        int code = bytes == batch.inPlace ? ids.appendInPlace(bytes, from, to, hash) : ids.append(bytes, from, to, hash);
        batch.codes[c][row] = ~code;
        return true;
    }

    /**
     * The high bit of each byte of {@code word} that is 0, and perhaps of bytes above the lowest
     * such (a borrow), never of one below it: (word - 0x01..) & ~word (SWAR zero test).
     */
    private static long zeroBytes(long word) {
        return (word - 0x0101_0101_0101_0101L) & ~word & 0x8080_8080_8080_8080L;
    }

    /**
     * The table code of {@code bytes[from..to)} if it is one of the {@value #GUESSES} published
     * values after the column's last code found, else -1. Trying a few, not one, lets the guess
     * step over the people of an earlier year who have left since; with one, the first leaver
     * would end it for the rest of the employer's rows. In a run of values new to the table (see
     * {@link #lookUp}) only the first is tried.
     */
    private int guess(int c, byte[] bytes, int from, int to) {
        int last = lastTableCode[c];
        int guesses = lookupMisses[c] >= LOOKUP_MISSES ? 1 : GUESSES;
        for (int k = 1; k <= guesses; k++) {
            if (table.publishedEquals(c, last + k, bytes, from, to)) {
                return last + k;
            }
        }
        return -1;
    }

    /**
     * The published table code of a value the guess missed, by a lookup in the table's
     * dictionary, or -1. A lookup costs a cache miss in a dictionary of millions of people, and
     * finds nothing in a run of people new to the pool (a first year), so after
     * {@value #LOOKUP_MISSES} lookups in a row that found nothing, only every
     * {@value #LOOKUP_EVERY}th value is looked up until one is found: enough to find the place
     * again when rows of a later year begin, after which the guess takes over.
     */
    private int lookUp(int c, byte[] bytes, int from, int to, int hash) {
        int misses = lookupMisses[c];
        int code = misses >= LOOKUP_MISSES && misses % LOOKUP_EVERY != 0 ? -1
                : table.findPublished(c, bytes, from, to, hash);
        lookupMisses[c] = code >= 0 ? 0 : misses + 1;
        return code;
    }

    private boolean code(RowBatch batch, int row, int c, byte[] bytes, int from, int to) {
        int index = matchers[c].match(bytes, from, to);
        if (index < 0) {
            return false;
        }
        batch.codes[c][row] = index + 1;
        return true;
    }

    /** {@link ValueRules#wholeNumber}'s grammar, on bytes; past ten digits the exact path decides. */
    private static boolean wholeNumber(RowBatch batch, int row, int c, Field field, byte[] bytes, int from, int to) {
        boolean negative = bytes[from] == '-';
        int i = negative || bytes[from] == '+' ? from + 1 : from;
        if (i == to || to - i > 10) {
            return false;
        }
        long magnitude = 0;
        for (; i < to; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                return false;
            }
            magnitude = magnitude * 10 + digit;
        }
        long value = negative ? -magnitude : magnitude;
        if (!field.inRange(value)) {
            return false;
        }
        batch.codes[c][row] = (int) value - field.min();
        return true;
    }

    /** {@link ValueRules#isPlainDecimal}'s grammar, on bytes. */
    private static boolean decimal(RowBatch batch, int row, int c, Field field, byte[] bytes, int from, int to) {
        boolean negative = bytes[from] == '-';
        int i = negative || bytes[from] == '+' ? from + 1 : from;
        long units = 0;
        int digits = 0;
        int fractionDigits = 0;
        boolean exact = true;
        for (; i < to && isDigit(bytes[i]); i++, digits++) {
            units = units * 10 + (bytes[i] - '0');
            exact &= units < EXACT_LIMIT / 10;
        }
        if (i < to && bytes[i] == '.') {
            for (i++; i < to && isDigit(bytes[i]); i++, digits++, fractionDigits++) {
                units = units * 10 + (bytes[i] - '0');
                exact &= units < EXACT_LIMIT / 10;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < to && (bytes[i] == 'e' || bytes[i] == 'E')) {
            i++;
            if (i < to && (bytes[i] == '+' || bytes[i] == '-')) {
                i++;
            }
            int exponentDigits = 0;
            for (; i < to && isDigit(bytes[i]); i++) {
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
            exact = false;
        }
        if (i != to) {
            return false;
        }
        double value;
        if (exact && fractionDigits < POWERS_OF_TEN.length) {
            value = units / POWERS_OF_TEN[fractionDigits];
            value = negative ? -value : value;
        } else {
            value = Double.parseDouble(new String(bytes, from, to - from, StandardCharsets.US_ASCII));
        }
        if (!field.inRange(value)) {
            return false;
        }
        batch.decimals[c][row] = value;
        return true;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
