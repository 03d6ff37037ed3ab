package ladder.engine.table;

import java.util.ArrayList;
import java.util.List;
import ladder.engine.contract.Field;
import ladder.engine.contract.Schema;
import ladder.engine.contract.Seb;

/**
 * A column of a {@link Table}: what its codes or values mean, and the range of codes seen.
 *
 * <p>Coded columns hold non-negative codes: a text column's code is its value's position in the
 * column's {@link StringPool}; a coded answer's is its codebook index plus one, 0 meaning empty;
 * a whole number's is its value minus the field's minimum; the derived {@code seb}'s is the
 * {@link Seb} ordinal. Decimal columns hold values in {@link Decimals}.
 */
public final class Column {
    /** The label of the empty answer of a coded column. */
    public static final String EMPTY_LABEL = "(missing)";

    private final String name;
    private final Field field;
    private final int index;
    private final StringPool pool;
    int minCode = Integer.MAX_VALUE;
    int maxCode = Integer.MIN_VALUE;

    Column(String name, Field field, int index) {
        this(name, field, index, field != null && field.kind() == Field.Kind.TEXT ? new StringPool() : null);
    }

    private Column(String name, Field field, int index, StringPool pool) {
        this.name = name;
        this.field = field;
        this.index = index;
        this.pool = pool;
    }

    /**
     * The columns of a table of {@code schema}: its fields in contract order, then the derived
     * {@code seb} where the schema has {@code parental_occupation}; each text column with an empty
     * dictionary.
     */
    public static List<Column> of(Schema schema) {
        List<Column> columns = new ArrayList<>();
        for (Field f : schema.fields()) {
            columns.add(new Column(f.name(), f, columns.size()));
        }
        if (schema.indexOf(Field.PARENTAL_OCCUPATION.name()) >= 0) {
            columns.add(new Column("seb", null, columns.size()));
        }
        return columns;
    }

    /** This column with {@code pool} as its dictionary and codes {@code min..max} present (a table restored from a snapshot). */
    Column restored(StringPool pool, int min, int max) {
        if ((pool == null) != (this.pool == null)) {
            throw new IllegalArgumentException(name + (this.pool == null ? " has no dictionary" : " needs a dictionary"));
        }
        Column c = new Column(name, field, index, pool);
        if (min >= 0) {
            c.see(min);
            c.see(max);
        }
        return c;
    }

    public String name() {
        return name;
    }

    /** The contract field, or {@code null} for the derived {@code seb}. */
    public Field field() {
        return field;
    }

    /** The column's position in its table's chunks. */
    public int index() {
        return index;
    }

    public boolean isDecimal() {
        return field != null && field.kind() == Field.Kind.DECIMAL;
    }

    public boolean isWholeNumber() {
        return field != null && field.kind() == Field.Kind.INT;
    }

    /** Whether the column's codes can serve as a dimension (every coded column). */
    public boolean isCoded() {
        return !isDecimal();
    }

    /** The smallest code present, or -1 when the table is empty. */
    public int minCode() {
        return minCode == Integer.MAX_VALUE ? -1 : minCode;
    }

    /** The largest code present, or -1 when the table is empty. */
    public int maxCode() {
        return maxCode == Integer.MIN_VALUE ? -1 : maxCode;
    }

    /** A text column's dictionary (its codes' strings), {@code null} for other columns. */
    public StringPool pool() {
        return pool;
    }

    /** The number of codes this column can hold, or the pool size for text. */
    public int cardinality() {
        if (field == null) {
            return Seb.LEVELS.size();
        }
        return switch (field.kind()) {
            case TEXT -> pool.size();
            case CODE -> field.codebook().size() + 1;
            case INT -> field.max() - field.min() + 1;
            case DECIMAL -> throw new IllegalStateException(name + " is not coded");
        };
    }

    /** The value a code stands for, as text: the code of an answer, the number, or the text. */
    public String label(int code) {
        if (field == null) {
            return Seb.LEVELS.get(code);
        }
        return switch (field.kind()) {
            case TEXT -> pool.get(code);
            case CODE -> code == 0 ? EMPTY_LABEL : field.codebook().codes().get(code - 1);
            case INT -> Integer.toString(code + field.min());
            case DECIMAL -> throw new IllegalStateException(name + " is not coded");
        };
    }

    /**
     * The code of a value as a user writes it (an answer code or wording, a number, a text, a seb
     * level), or -1 if this column cannot hold it.
     */
    public int codeOf(String value) {
        String v = value.strip();
        if (field == null) {
            return Seb.LEVELS.indexOf(v.toLowerCase(java.util.Locale.ROOT));
        }
        return switch (field.kind()) {
            case TEXT -> pool.find(v);
            case CODE -> {
                if (v.isEmpty() || v.equalsIgnoreCase(EMPTY_LABEL)) {
                    yield 0;
                }
                int index = field.codebook().indexOf(v);
                yield index < 0 ? -1 : index + 1;
            }
            case INT -> {
                try {
                    int n = Integer.parseInt(v);
                    yield n < field.min() || n > field.max() ? -1 : n - field.min();
                } catch (NumberFormatException e) {
                    yield -1;
                }
            }
            case DECIMAL -> throw new IllegalStateException(name + " is not coded");
        };
    }

    /** The labels of codes {@code from..to} inclusive. */
    public List<String> labels(int from, int to) {
        String[] out = new String[Math.max(0, to - from + 1)];
        for (int c = from; c <= to; c++) {
            out[c - from] = label(c);
        }
        return List.of(out);
    }

    void see(int code) {
        if (code < minCode) {
            minCode = code;
        }
        if (code > maxCode) {
            maxCode = code;
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
