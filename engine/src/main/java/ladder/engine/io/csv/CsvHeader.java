package ladder.engine.io.csv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import ladder.engine.Excerpt;
import ladder.engine.contract.Schema;
import ladder.engine.contract.ValueRules;
import ladder.engine.io.WrongTableException;

/**
 * A CSV file's header row bound to a contract table: for each column of the file, the position
 * of the contract column it holds, or -1 for a column the contract does not know.
 *
 * <p>Names match case-insensitively after trimming and may come in any order. A header missing a
 * contract column, naming a column twice, split by another delimiter than the comma, or holding
 * bytes that are not UTF-8 text refuses the file; unknown columns are read past with one warning
 * that counts them and names the first {@value #NAMED}.
 */
final class CsvHeader {
    private static final String OTHER_DELIMITERS = ";\t|";
    /** How many unknown columns a warning names. */
    static final int NAMED = 5;

    private final String[] names;
    private final int[] fields;

    private CsvHeader(String[] names, int[] fields) {
        this.names = names;
        this.fields = fields;
    }

    /**
     * Binds the header row {@code row} (the tokeniser's current record) of {@code file} to
     * {@code schema}, warning of unknown columns.
     *
     * @throws ladder.engine.LadderException if the header refuses the file
     */
    static CsvHeader bind(String file, CsvTokeniser row, Schema schema, Consumer<String> warnings) {
        if (row.error() != null) {
            throw CsvReader.refusal(file, "the header row is malformed (" + row.error() + ")");
        }
        String[] names = new String[row.fieldCount()];
        for (int i = 0; i < names.length; i++) {
            names[i] = row.field(i).strip();
            if (ValueRules.isInvalidText(names[i])) {
                throw CsvReader.refusal(file, "not UTF-8 text: the header row holds NUL bytes or invalid UTF-8");
            }
        }
        if (names.length == 1) {
            refuseOtherDelimiter(file, names[0]);
        }
        int[] fields = new int[names.length];
        boolean[] present = new boolean[schema.fields().size()];
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            Integer earlier = names[i].isEmpty() ? null : seen.putIfAbsent(names[i].toLowerCase(Locale.ROOT), i);
            if (earlier != null) {
                throw CsvReader.refusal(file, "column '" + Excerpt.of(names[i], 60) + "' appears twice (columns " + (earlier + 1)
                        + " and " + (i + 1) + ")");
            }
            fields[i] = schema.indexOf(names[i]);
            if (fields[i] >= 0) {
                present[fields[i]] = true;
                names[i] = schema.fields().get(fields[i]).name();
            }
        }
        List<String> missing = new ArrayList<>();
        for (int f = 0; f < present.length; f++) {
            if (!present[f]) {
                missing.add(schema.fields().get(f).name());
            }
        }
        if (!missing.isEmpty()) {
            schema.heldInstead(java.util.Arrays.asList(names)).ifPresent(held -> {
                throw new WrongTableException(file, schema, held);
            });
            throw CsvReader.refusal(file, "missing " + (missing.size() == 1 ? "column " : "columns ")
                    + String.join(", ", missing) + " (every column of the " + schema.name()
                    + " contract must be present, even where its values may be empty)");
        }
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            if (fields[i] < 0) {
                unknown.add((names[i].isEmpty() ? "unnamed column" : "unknown column '" + Excerpt.of(names[i], 60) + "'")
                        + " (column " + (i + 1) + ")");
            }
        }
        if (unknown.size() == 1) {
            warnings.accept(file + ": " + unknown.get(0) + " is not in the " + schema.name() + " contract and is ignored");
        } else if (unknown.size() > 1) {
            warnings.accept(file + ": " + unknown.size() + " columns are not in the " + schema.name()
                    + " contract and are ignored: " + Excerpt.firstFew(unknown, NAMED));
        }
        return new CsvHeader(names, fields);
    }

    private static void refuseOtherDelimiter(String file, String onlyName) {
        for (char delimiter : OTHER_DELIMITERS.toCharArray()) {
            if (onlyName.indexOf(delimiter) >= 0) {
                String shown = delimiter == '\t' ? "tabs" : "'" + delimiter + "'";
                throw CsvReader.refusal(file, "columns are delimited by " + shown
                        + ", not commas; save it as comma-separated values");
            }
        }
    }

    /** The number of columns in the file. */
    int size() {
        return names.length;
    }

    /** The position in the schema of the file's column {@code column}, or -1 if the contract does not know it. */
    int field(int column) {
        return fields[column];
    }

    /**
     * The name of the file's column {@code column} (the contract's spelling where it is a contract
     * column), or "field N" for a field past the header's columns.
     */
    String name(int column) {
        return column < names.length ? names[column] : "field " + (column + 1);
    }
}
