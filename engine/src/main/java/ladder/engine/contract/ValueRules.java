package ladder.engine.contract;

/**
 * The data contract's rules for one value, stated once: trimming, the invalid-text rule, the
 * grammar of whole numbers and decimals, and the wording of each broken rule. A {@link Field}
 * adds its own part (its codebook, its range, whether it may be empty, {@link Field#rule()}).
 *
 * <p>Every reader applies these: the exact path ({@code RowValidator}) on text, the fast byte
 * path ({@code FieldDecoder}, {@code CodeMatcher}) on UTF-8 bytes, which only ever accepts what
 * the exact path accepts and otherwise hands the row over to it. Where a rule has a byte form for
 * the fast path (trimming, clean UTF-8) it is here next to its text form; the byte grammars of
 * numbers stay in the decoder, and {@code RulesAgreeTest} checks that both paths agree on every
 * column of every table.
 */
public final class ValueRules {
    /** The rule broken by a value holding a NUL, or bytes that are not UTF-8 (read as U+FFFD). */
    public static final String INVALID_TEXT = "invalid UTF-8 or NUL byte";
    /** The rule broken by a string of a columnar file (Arrow, Parquet) whose bytes are not UTF-8. */
    public static final String INVALID_STRING = "must be valid UTF-8 text";
    /** What {@link #wholeNumber} answers for text that is not a whole number. */
    public static final long NOT_WHOLE = Long.MIN_VALUE;

    /** The kinds of broken rule a value can show, each worded as its rejection begins. */
    public enum Broken {
        MISSING("missing value"),
        UNKNOWN_CODE("unknown code"),
        NOT_WHOLE_NUMBER("not a whole number"),
        NOT_NUMBER("not a number"),
        OUT_OF_RANGE("out of range");

        private final String category;

        Broken(String category) {
            this.category = category;
        }

        /** The category a rejections summary counts, the text before the ": ". */
        public String category() {
            return category;
        }

        /**
         * The rejection's rule for a value of {@code field}, e.g. "out of range: must be a whole
         * number from 1 to 6".
         */
        public String of(Field field) {
            return category + ": " + field.rule();
        }
    }

    private ValueRules() {
    }

    /** A value as the contract reads it: surrounding whitespace ({@link Character#isWhitespace}) removed. */
    public static String trim(String value) {
        return value.strip();
    }

    /**
     * The byte form of {@link #trim}'s whitespace, for an ASCII byte: tab, LF, VT, FF, CR, FS, GS,
     * RS, US, space. A non-ASCII byte may begin Unicode whitespace, which only the text form knows.
     */
    public static boolean isAsciiWhitespace(byte b) {
        return b == ' ' || (b >= '\t' && b <= '\r') || (b >= 0x1C && b <= 0x1F);
    }

    /**
     * Whether {@code value} breaks {@link #INVALID_TEXT}: it holds a NUL or U+FFFD, what a decoder
     * puts for bytes that are not UTF-8.
     */
    public static boolean isInvalidText(String value) {
        return value.indexOf('\u0000') >= 0 || value.indexOf('\uFFFD') >= 0;
    }

    /**
     * The byte form of {@link #isInvalidText}, NUL apart: whether {@code bytes[from..to)} is
     * well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF) and holds
     * no U+FFFD.
     */
    public static boolean isCleanUtf8(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
            int length;
            int low = 0x80;
            int high = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                length = 2;
            } else if (b >= 0xE0 && b <= 0xEF) {
                length = 3;
                low = b == 0xE0 ? 0xA0 : 0x80;
                high = b == 0xED ? 0x9F : 0xBF;
            } else if (b >= 0xF0 && b <= 0xF4) {
                length = 4;
                low = b == 0xF0 ? 0x90 : 0x80;
                high = b == 0xF4 ? 0x8F : 0xBF;
            } else {
                return false;
            }
            if (i + length > to) {
                return false;
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < low || second > high) {
                return false;
            }
            for (int k = 2; k < length; k++) {
                int next = bytes[i + k] & 0xFF;
                if (next < 0x80 || next > 0xBF) {
                    return false;
                }
            }
            if (b == 0xEF && second == 0xBF && (bytes[i + 2] & 0xFF) == 0xBD) {
                return false;
            }
            i += length;
        }
        return true;
    }

    /**
     * The whole number {@code value} (trimmed) writes as {@code [+-]?digits} in ASCII digits, its
     * magnitude saturated at 2^32 (past any column's range, so never mistaken for one in range);
     * {@link #NOT_WHOLE} if it is not one.
     */
    public static long wholeNumber(String value) {
        int first = skipSign(value, 0);
        if (first == value.length() || first + countDigits(value, first) != value.length()) {
            return NOT_WHOLE;
        }
        long magnitude = 0;
        for (int i = first; i < value.length(); i++) {
            magnitude = Math.min(magnitude * 10 + (value.charAt(i) - '0'), 1L << 32);
        }
        return value.charAt(0) == '-' ? -magnitude : magnitude;
    }

    /**
     * Whether {@code s} is a decimal as the contract writes one,
     * {@code [+-]?(digits[.digits?]|.digits)([eE][+-]?digits)?} in ASCII digits: its value is then
     * {@link Double#parseDouble}'s.
     */
    public static boolean isPlainDecimal(String s) {
        int i = skipSign(s, 0);
        int whole = countDigits(s, i);
        i += whole;
        int fraction = 0;
        if (i < s.length() && s.charAt(i) == '.') {
            fraction = countDigits(s, ++i);
            i += fraction;
        }
        if (whole + fraction == 0) {
            return false;
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i = skipSign(s, i + 1);
            int exponent = countDigits(s, i);
            if (exponent == 0) {
                return false;
            }
            i += exponent;
        }
        return i == s.length();
    }

    private static int skipSign(String s, int i) {
        return i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-') ? i + 1 : i;
    }

    /** The number of ASCII digits at {@code s[i..]}. */
    private static int countDigits(String s, int i) {
        int j = i;
        while (j < s.length() && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
            j++;
        }
        return j - i;
    }
}
