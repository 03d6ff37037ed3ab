package ladder.engine.io;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import ladder.engine.LadderException;
import ladder.engine.contract.Field;
import ladder.engine.contract.Schema;
import ladder.engine.table.TableBuilder;

/**
 * Checks every record against the data contract and either adds it to a {@link TableBuilder} or
 * hands it to the rejected rows, so that read = accepted + rejected always.
 *
 * <p>Each value is trimmed (a value of only whitespace is empty) and checked against its
 * {@link Field}: text non-empty; a code or answer wording of the field's codebook, or empty where
 * the field is optional; a whole number in plain ASCII digits within the field's range; a finite
 * decimal in plain ASCII notation (an exponent allowed), {@code > 0} or {@code >= 0} as the field
 * says, or empty. A NUL or U+FFFD (what the reader decodes invalid UTF-8 to) in any value breaks
 * the rule {@value #INVALID_TEXT}. Every broken rule of a record is reported in one
 * {@link Rejection}.
 *
 * <p>A record that passes is then checked for a repeat of the schema's key (employer, year,
 * person): the first occurrence is kept and each later one rejected, naming the file and line of
 * the first. Keys are packed into a {@code long} from the text columns' dictionary codes and kept
 * in a {@link LongLongMap}, so the check costs 16 bytes a slot at a hundred million rows.
 */
public final class RowValidator implements RecordSink {
    /** The rule broken by a value holding a NUL byte or bytes that are not UTF-8. */
    public static final String INVALID_TEXT = "invalid UTF-8 or NUL byte";

    private static final int PERSON_BITS = 31;
    private static final int LINE_BITS = 40;

    private final Schema schema;
    private final TableBuilder builder;
    private final Consumer<Rejection> rejects;
    private final Field[] fields;
    private final String[] values;
    private final int[] codes;
    private final double[] decimals;
    private final int employerColumn;
    private final int yearColumn;
    private final int personColumn;
    private final int yearBits;
    private final int employerBits;
    private final LongLongMap firstSeen = new LongLongMap();
    private final List<String> files = new ArrayList<>();
    private String lastFile;
    private long lastFileIndex;
    private long read;
    private long accepted;
    private long rejected;

    /**
     * A validator of {@code schema}'s records, adding those that pass to {@code builder} and
     * handing the others to {@code rejects}.
     *
     * @throws IllegalArgumentException if the schema's key is not (text, whole number, text)
     */
    public RowValidator(Schema schema, TableBuilder builder, Consumer<Rejection> rejects) {
        if (!builder.schema().equals(schema)) {
            throw new IllegalArgumentException("the builder is for " + builder.schema().name()
                    + ", not " + schema.name());
        }
        List<Field> key = schema.key();
        if (key.size() != 3 || key.get(0).kind() != Field.Kind.TEXT || key.get(1).kind() != Field.Kind.INT
                || key.get(2).kind() != Field.Kind.TEXT) {
            throw new IllegalArgumentException("the key of " + schema.name() + " is not (text, whole number, text): "
                    + key);
        }
        this.schema = schema;
        this.builder = builder;
        this.rejects = rejects;
        this.fields = schema.fields().toArray(Field[]::new);
        this.values = new String[fields.length];
        this.codes = new int[fields.length];
        this.decimals = new double[fields.length];
        this.employerColumn = schema.indexOf(key.get(0).name());
        this.yearColumn = schema.indexOf(key.get(1).name());
        this.personColumn = schema.indexOf(key.get(2).name());
        Field year = key.get(1);
        this.yearBits = 32 - Integer.numberOfLeadingZeros(year.max() - year.min());
        this.employerBits = Long.SIZE - PERSON_BITS - yearBits;
    }

    /** Records offered so far, malformed ones included. */
    public long read() {
        return read;
    }

    /** Records added to the table so far. */
    public long accepted() {
        return accepted;
    }

    /** Records rejected so far. */
    public long rejected() {
        return rejected;
    }

    @Override
    public void record(String file, long line, String[] record, String raw) {
        read++;
        List<Integer> broken = null;
        List<String> rules = null;
        for (int c = 0; c < fields.length; c++) {
            String value = record[c] == null ? "" : record[c].strip();
            values[c] = value;
            String rule = check(c, value);
            if (rule != null) {
                if (broken == null) {
                    broken = new ArrayList<>();
                    rules = new ArrayList<>();
                }
                broken.add(c);
                rules.add(rule);
            }
        }
        if (broken != null) {
            reject(file, line, broken, rules, raw);
            return;
        }
        long first = registerKey(file, line);
        if (first != 0) {
            reject(file, line, List.of(employerColumn, yearColumn, personColumn), List.of(duplicateRule(first)), raw);
            return;
        }
        commit();
    }

    @Override
    public void malformed(String file, long line, String column, String value, String rule, String raw) {
        read++;
        rejected++;
        rejects.accept(new Rejection(file, line, column, value, rule, raw));
    }

    /**
     * Checks {@code value} (trimmed) of column {@code c}, keeping its code or number for
     * {@link #commit()}; returns the rule it breaks, or {@code null}.
     */
    private String check(int c, String value) {
        if (isInvalidText(value)) {
            return INVALID_TEXT;
        }
        Field field = fields[c];
        if (value.isEmpty()) {
            if (!field.optional()) {
                return "missing value: " + field.rule();
            }
            codes[c] = 0;
            decimals[c] = Double.NaN;
            return null;
        }
        return switch (field.kind()) {
            case TEXT -> null;
            case CODE -> checkCode(c, field, value);
            case INT -> checkInt(c, field, value);
            case DECIMAL -> checkDecimal(c, field, value);
        };
    }

    /** Whether {@code value} holds a NUL or U+FFFD, the character a decoder puts for bytes that are not UTF-8. */
    static boolean isInvalidText(String value) {
        return value.indexOf('\u0000') >= 0 || value.indexOf('\uFFFD') >= 0;
    }

    private String checkCode(int c, Field field, String value) {
        int index = field.codebook().indexOf(value);
        if (index < 0) {
            return "unknown code: " + field.rule();
        }
        codes[c] = index + 1;
        return null;
    }

    private String checkInt(int c, Field field, String value) {
        int first = skipSign(value, 0);
        if (first == value.length() || first + countDigits(value, first) != value.length()) {
            return "not a whole number: " + field.rule();
        }
        long magnitude = 0;
        for (int i = first; i < value.length(); i++) {
            // Saturate rather than overflow: any magnitude past int range is out of range anyway.
            magnitude = Math.min(magnitude * 10 + (value.charAt(i) - '0'), 1L << 32);
        }
        long number = value.charAt(0) == '-' ? -magnitude : magnitude;
        if (number < field.min() || number > field.max()) {
            return "out of range: " + field.rule();
        }
        codes[c] = (int) number;
        return null;
    }

    private String checkDecimal(int c, Field field, String value) {
        if (!isPlainDecimal(value)) {
            return "not a number: " + field.rule();
        }
        double number = Double.parseDouble(value);
        boolean inRange = Double.isFinite(number) && (field.min() == 1 ? number > 0 : number >= 0);
        if (!inRange) {
            return "out of range: " + field.rule();
        }
        decimals[c] = number;
        return null;
    }

    /** Whether {@code s} is {@code [+-]?(digits[.digits?]|.digits)([eE][+-]?digits)?} in ASCII digits. */
    private static boolean isPlainDecimal(String s) {
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

    /**
     * Records the key of the current (valid) record with its file and line unless it was seen
     * before; returns the packed file and line of the first occurrence, or 0 if this is the first.
     *
     * <p>The key's text is interned before the lookup, its codes kept for {@link #commit()}: a
     * repeat's employer and person are in the dictionaries already (its first occurrence was
     * accepted), so only accepted records add text.
     */
    private long registerKey(String file, long line) {
        codes[employerColumn] = builder.intern(employerColumn, values[employerColumn]);
        codes[personColumn] = builder.intern(personColumn, values[personColumn]);
        long employer = codes[employerColumn];
        long person = codes[personColumn];
        if (employer >= 1L << employerBits) {
            throw new LadderException("more than " + (1L << employerBits) + " distinct "
                    + fields[employerColumn].name() + " values: too many for the duplicate check");
        }
        long year = codes[yearColumn] - fields[yearColumn].min();
        long key = employer << (yearBits + PERSON_BITS) | year << PERSON_BITS | person;
        return firstSeen.putIfAbsent(key, fileIndex(file) << LINE_BITS | line);
    }

    private String duplicateRule(long first) {
        List<Field> key = schema.key();
        return "duplicate of (" + key.get(0).name() + ", " + key.get(1).name() + ", " + key.get(2).name()
                + ") first seen at " + files.get((int) (first >>> LINE_BITS)) + " line "
                + (first & ((1L << LINE_BITS) - 1));
    }

    private long fileIndex(String file) {
        if (!file.equals(lastFile)) {
            int index = files.indexOf(file);
            if (index < 0) {
                index = files.size();
                files.add(file);
            }
            lastFile = file;
            lastFileIndex = index;
        }
        return lastFileIndex;
    }

    private void commit() {
        for (int c = 0; c < fields.length; c++) {
            switch (fields[c].kind()) {
                case TEXT -> builder.setCode(c, c == employerColumn || c == personColumn
                        ? codes[c] : builder.intern(c, values[c]));
                case CODE -> builder.setCode(c, codes[c]);
                case INT -> builder.setInt(c, codes[c]);
                case DECIMAL -> {
                    if (Double.isNaN(decimals[c])) {
                        builder.setMissing(c);
                    } else {
                        builder.setDecimal(c, decimals[c]);
                    }
                }
            }
        }
        builder.commitRow();
        accepted++;
    }

    private void reject(String file, long line, List<Integer> columns, List<String> rules, String raw) {
        List<String> names = new ArrayList<>(columns.size());
        List<String> offending = new ArrayList<>(columns.size());
        for (int c : columns) {
            names.add(fields[c].name());
            offending.add(values[c]);
        }
        rejected++;
        rejects.accept(new Rejection(file, line, String.join(Rejection.SEPARATOR, names),
                String.join(Rejection.SEPARATOR, offending), String.join(Rejection.SEPARATOR, rules), raw));
    }
}
