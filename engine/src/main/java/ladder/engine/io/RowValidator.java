package ladder.engine.io;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import ladder.engine.LadderException;
import ladder.engine.contract.Field;
import ladder.engine.contract.Schema;
import ladder.engine.contract.ValueRules;
import ladder.engine.contract.ValueRules.Broken;
import ladder.engine.table.StringPool;
import ladder.engine.table.TableBuilder;

/**
 * Checks every record against the data contract and either adds it to a {@link TableBuilder} or
 * hands it to the rejected rows, so that read = accepted + rejected always.
 *
 * <p>Each value is trimmed (a value of only whitespace is empty) and checked against its
 * {@link Field} by the contract's {@link ValueRules}: text non-empty; a code or answer wording
 * of the field's codebook, or empty where the field is optional; a whole number in plain ASCII
 * digits within the field's range; a finite decimal in plain ASCII notation (an exponent
 * allowed), {@code > 0} or {@code >= 0} as the field says, or empty. A NUL or U+FFFD (what the
 * reader decodes invalid UTF-8 to) in any value breaks the rule
 * {@value ValueRules#INVALID_TEXT}. Every broken rule of a record is reported in one
 * {@link Rejection}.
 *
 * <p>A record that passes is then checked for a repeat of the schema's key (employer, year,
 * person): the first occurrence is kept and each later one rejected, naming the file and line of
 * the first. Keys are packed into a {@code long} from the text columns' dictionary codes and kept
 * in a {@link KeyIndex} (8 bytes a slot), the first occurrence's file and line in
 * {@link RowLines}. Where the builder does not store the person ({@link TableBuilder#keeps}, a
 * streamed pass that does not read it), person texts are not interned only to be coded: the key is
 * the employer's code and the year with the person's bytes, in a {@link TextKeyIndex}, hashed from
 * the hash the reader computed with the bytes.
 *
 * <p>Readers that parse off this thread hand whole {@link RowBatch}es to {@link #merge}, in file
 * order; a batch's rows end exactly as they would have one by one through {@link #record}.
 */
public final class RowValidator implements RecordSink {
    /** The contract's {@link ValueRules#INVALID_TEXT}, which the readers' tests name from here. */
    public static final String INVALID_TEXT = ValueRules.INVALID_TEXT;

    private static final int PERSON_BITS = 31;
    /** Keys whose index slots are read ahead at once: enough misses to overlap, few enough to stay in cache. */
    private static final int TOUCHED = 256;

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
    /** Whether person texts are interned and keys packed from codes ({@link #keys}), or keyed by their bytes ({@link #textKeys}). */
    private final boolean codesPersons;
    private final KeyIndex keys;
    private TextKeyIndex textKeys;
    /** Where accepted rows' persons are read back from, by file number, once {@link #readKeysBack} is called. */
    private final java.util.Map<Integer, KeyTexts> keyTexts = new java.util.HashMap<>();
    private boolean readsKeysBack;
    private final RowLines origins = new RowLines();
    /** The text columns other than the key's that the builder keeps, whose codes a merge looks up row by row. */
    private final int[] otherTextColumns;
    /** Per text column, the table code of each value of the batch being merged (-1 until looked up). */
    private final int[][] tableCodes;
    /** The packed keys of the run being merged (without the person where {@link #textKeys} checks them) and their hashes. */
    private long[] runKeys = new long[1024];
    private int[] runHashes = new int[1024];
    /** The batch's dictionary codes and hashes of key values about to be interned ({@link #internAhead}). */
    private int[] pendingLocals = new int[1024];
    private int[] pendingHashes = new int[1024];
    /** The sum of the slots read ahead, kept only so that the reads happen. */
    private long touched;
    /** The batch whose rows from {@code pendingFrom} on are accepted but not yet appended to the table. */
    private RowBatch pending;
    private int pendingFrom;
    /**
     * Where persons are read back: the batch row of each row accepted in the run being merged, by
     * its number from {@link #runFirstRow} (-1 for one accepted through the exact path), so that a
     * key whose hash agrees with that of a row of the same run is told apart by the batch's bytes,
     * not by decoding the row's row group again.
     */
    private int[] acceptedAt = new int[0];
    private long runFirstRow = -1;
    private final List<String> files = new ArrayList<>();
    private String lastFile;
    private int lastFileIndex;
    private long read;
    private long accepted;
    private long rejected;
    private Progress progress = Progress.NONE;

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
        this.codesPersons = builder.keeps(personColumn);
        this.keys = codesPersons ? new KeyIndex(this::keyOf) : null;
        this.textKeys = codesPersons ? null : new TextKeyIndex();
        this.tableCodes = new int[fields.length][];
        for (int c = 0; c < fields.length; c++) {
            if (fields[c].kind() == Field.Kind.TEXT) {
                tableCodes[c] = new int[256];
            }
        }
        this.otherTextColumns = java.util.stream.IntStream.range(0, fields.length)
                .filter(c -> tableCodes[c] != null && c != employerColumn && c != personColumn && builder.keeps(c))
                .toArray();
    }

    /**
     * Keeps no person's bytes in the duplicate check, where it keys persons by their bytes (the
     * builder does not store them): the reader of each file gives them back ({@link #keyTexts})
     * when two keys' hashes agree. Called before any row, when every file to be read is one whose
     * reader can ({@link SourceReader#givesKeysBack}); does nothing where persons are coded.
     */
    public void readKeysBack() {
        if (codesPersons || readsKeysBack) {
            return;
        }
        if (textKeys.size() > 0) {
            throw new IllegalStateException("rows were read before the key's texts were to be read back");
        }
        textKeys = new TextKeyIndex(TextKeyIndex.MIXED, new TextKeyIndex.Texts() {
            @Override
            public boolean holds(long row, byte[] text, int from, int to) {
                return personIs(row, text, from, to);
            }

            @Override
            public int hash(long row) {
                return personHash(row);
            }
        });
        readsKeysBack = true;
    }

    /** Whether {@link #readKeysBack} is in force: a reader must then give its file's persons back. */
    public boolean readsKeysBack() {
        return readsKeysBack;
    }

    /**
     * Where the persons of {@code file}'s rows are read back from, given before any of them is
     * offered. What the earlier files' hold open is released (they open again if asked), so that a
     * pool of thousands of files holds at most the files asked while one is read.
     */
    public void keyTexts(String file, KeyTexts texts) {
        keyTexts.values().forEach(KeyTexts::close);
        keyTexts.put(fileIndex(file), texts);
    }

    /** Releases what the files' {@link KeyTexts} hold open. */
    public void closeKeyTexts() {
        keyTexts.values().forEach(KeyTexts::close);
        keyTexts.clear();
    }

    /**
     * Whether accepted row {@code row}'s person is {@code text[from..to)}: from the batch being
     * merged if the row is one of its run's, else read back from its file.
     */
    private boolean personIs(long row, byte[] text, int from, int to) {
        int person = pendingPerson(row);
        if (person >= 0) {
            LocalDictionary people = pending.dictionaries[personColumn];
            return Arrays.equals(people.arena(), people.from(person), people.to(person), text, from, to);
        }
        return keyTextsOf(row).textEquals(origins.line(row), text, from, to);
    }

    /** The {@link ladder.engine.table.StringPool#hash} of accepted row {@code row}'s person, found as {@link #personIs} finds it. */
    private int personHash(long row) {
        int person = pendingPerson(row);
        return person >= 0 ? pending.dictionaries[personColumn].hash(person) : keyTextsOf(row).hash(origins.line(row));
    }

    /** The batch dictionary's code of accepted row {@code row}'s person if the row is one of the run being merged, else -1. */
    private int pendingPerson(long row) {
        if (runFirstRow >= 0 && row >= runFirstRow && acceptedAt[(int) (row - runFirstRow)] >= 0) {
            return ~pending.codes[personColumn][acceptedAt[(int) (row - runFirstRow)]];
        }
        return -1;
    }

    private KeyTexts keyTextsOf(long row) {
        KeyTexts texts = keyTexts.get(origins.file(row));
        if (texts == null) {
            throw new IllegalStateException("no way back to the persons of " + files.get(origins.file(row)));
        }
        return texts;
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
            String value = record[c] == null ? "" : ValueRules.trim(record[c]);
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
        long first = registerKey();
        if (first >= 0) {
            reject(file, line, List.of(employerColumn, yearColumn, personColumn), List.of(duplicateRule(first)), raw);
            return;
        }
        commit(file, line);
    }

    /**
     * Makes room in the duplicate check for about {@code rows} more rows, which a reader that can
     * estimate a file's rows announces, so that the check does not grow step by step. A check of
     * persons' bytes ({@link TextKeyIndex}) makes its room as it goes: it folds the tables of the
     * employers' years it has left, so that what a file needs is not known from its rows.
     */
    public void expectRows(long rows) {
        if (codesPersons) {
            keys.reserve(keys.size() + rows);
        }
        progress.expectRows(rows);
    }

    /** Where the rows read are reported, after each batch. */
    void progress(Progress to) {
        progress = to;
    }

    /** The schema of the records validated. */
    Schema schema() {
        return schema;
    }

    /** The table being filled, for readers that look its dictionaries up while parsing. */
    public TableBuilder builder() {
        return builder;
    }

    /**
     * Adds the rows of {@code batch}, whose relative lines start at {@code firstLine} of
     * {@code file}, with exactly the outcome of offering them one by one to {@link #record}: a row
     * the reader marked slow is replayed through the reader's exact path; the others are merged a
     * run at a time ({@link #mergeRun}). Publishes the dictionaries afterwards, so that readers
     * find the values this batch added.
     */
    public void merge(RowBatch batch, String file, long firstLine) {
        int fileIndex = fileIndex(file);
        for (int c = 0; c < fields.length; c++) {
            if (tableCodes[c] != null) {
                int distinct = batch.dictionaries[c].size();
                if (tableCodes[c].length < distinct) {
                    tableCodes[c] = new int[Math.max(distinct, 2 * tableCodes[c].length)];
                }
                Arrays.fill(tableCodes[c], 0, distinct, -1);
            }
        }
        int rows = batch.rows();
        for (int from = 0; from < rows; ) {
            if (batch.slow(from)) {
                batch.replay(from, file, firstLine + batch.lines[from], this);
                from++;
                continue;
            }
            int to = from + 1;
            while (to < rows && !batch.slow(to)) {
                to++;
            }
            mergeRun(batch, from, to, file, fileIndex, firstLine);
            from = to;
        }
        builder.publishDictionaries();
        progress.rows(read);
    }

    /**
     * Merges rows {@code from..to-1} of {@code batch}, none of them slow. First the key columns'
     * values get their table codes, new ones interned in order of appearance as
     * {@link #registerKey} would; then rows are checked for a repeated key in order, the home slots
     * of each {@value #TOUCHED} keys read in one pass first so that their cache misses overlap
     * instead of coming one per row, and the accepted rows appended in bulk, a repeat replayed for
     * its rejection.
     */
    private void mergeRun(RowBatch batch, int from, int to, String file, int fileIndex, long firstLine) {
        int[] employers = batch.codes[employerColumn];
        int[] persons = batch.codes[personColumn];
        int[] years = batch.codes[yearColumn];
        if (runKeys.length < to - from) {
            runKeys = new long[Math.max(to - from, 2 * runKeys.length)];
            runHashes = new int[runKeys.length];
        }
        internAhead(batch, employerColumn, from, to);
        if (codesPersons) {
            internAhead(batch, personColumn, from, to);
            for (int i = from; i < to; i++) {
                employers[i] = tableCode(batch, employerColumn, employers[i]);
                persons[i] = tableCode(batch, personColumn, persons[i]);
                runKeys[i - from] = pack(employers[i], years[i], persons[i]);
            }
        } else {
            textKeyRun(batch, from, to);
        }
        pending = batch;
        pendingFrom = from;
        if (readsKeysBack) {
            if (acceptedAt.length < to - from) {
                acceptedAt = new int[Math.max(to - from, 2 * acceptedAt.length)];
            }
            Arrays.fill(acceptedAt, 0, to - from, -1);
            runFirstRow = builder.rows();
        }
        for (int i = from; i < to; i++) {
            if ((i - from) % TOUCHED == 0) {
                int end = Math.min(to - from, i - from + TOUCHED);
                if (codesPersons) {
                    keys.touch(runKeys, i - from, end);
                } else {
                    textKeys.touch(runKeys, runHashes, i - from, end);
                }
            }
            long row = builder.rows() + (i - pendingFrom);
            if (firstOccurrence(batch, from, i, row) >= 0) {
                builder.appendRows(batch.codes, batch.decimals, pendingFrom, i);
                pendingFrom = i + 1;
                batch.replay(i, file, firstLine + batch.lines[i], this);
                continue;
            }
            for (int c : otherTextColumns) {
                batch.codes[c][i] = tableCode(batch, c, batch.codes[c][i]);
            }
            origins.add(row, fileIndex, firstLine + batch.lines[i]);
            if (readsKeysBack) {
                acceptedAt[(int) (row - runFirstRow)] = i;
            }
            read++;
            accepted++;
        }
        builder.appendRows(batch.codes, batch.decimals, pendingFrom, to);
        pending = null;
        runFirstRow = -1;
    }

    /**
     * Where persons are keyed by their bytes ({@link #textKeys}), the run's keys without the
     * person and their hashes: a person's value is in the batch's dictionary (the table's has none
     * to find it in) with the hash the reader computed, so the key's hash needs no pass over the
     * bytes, and nothing is interned.
     */
    private void textKeyRun(RowBatch batch, int from, int to) {
        int[] employers = batch.codes[employerColumn];
        int[] persons = batch.codes[personColumn];
        int[] years = batch.codes[yearColumn];
        LocalDictionary people = batch.dictionaries[personColumn];
        for (int i = from; i < to; i++) {
            if (persons[i] >= 0) {
                throw new IllegalStateException("a person coded " + persons[i] + " by a table that interns no person");
            }
            employers[i] = tableCode(batch, employerColumn, employers[i]);
            long prefix = pack(employers[i], years[i], 0);
            runKeys[i - from] = prefix;
            runHashes[i - from] = textKeys.hash(prefix, people.hash(~persons[i]));
        }
    }

    /** Maps row {@code i} of the run from {@code from} of {@code batch} as {@code row} unless its key is mapped; returns the earlier row, or -1. */
    private long firstOccurrence(RowBatch batch, int from, int i, long row) {
        if (codesPersons) {
            return keys.putIfAbsent(runKeys[i - from], row);
        }
        LocalDictionary people = batch.dictionaries[personColumn];
        int person = ~batch.codes[personColumn][i];
        return textKeys.putIfAbsent(runKeys[i - from], people.arena(), people.from(person), people.to(person),
                runHashes[i - from], row);
    }

    /**
     * Gives the values of {@code batch}'s text column {@code c} that rows {@code from..to-1} meet
     * for the first time their table codes, in the order the rows meet them (the order
     * {@link #tableCode} would), each {@value #TOUCHED} having their dictionary slots read in one
     * pass first: a pool of millions of people misses the cache on every lookup, and this way the
     * misses overlap.
     */
    private void internAhead(RowBatch batch, int c, int from, int to) {
        int[] codes = batch.codes[c];
        int[] table = tableCodes[c];
        LocalDictionary dictionary = batch.dictionaries[c];
        int pending = 0;
        for (int i = from; i < to; i++) {
            int code = codes[i];
            if (code < 0 && table[~code] == -1) {
                table[~code] = -2;
                if (pendingLocals.length == pending) {
                    pendingLocals = Arrays.copyOf(pendingLocals, 2 * pending);
                    pendingHashes = Arrays.copyOf(pendingHashes, 2 * pending);
                }
                pendingLocals[pending] = ~code;
                pendingHashes[pending++] = dictionary.hash(~code);
            }
        }
        for (int k = 0; k < pending; k++) {
            if (k % TOUCHED == 0) {
                touched += builder.touch(c, pendingHashes, k, Math.min(pending, k + TOUCHED));
            }
            int local = pendingLocals[k];
            table[local] = builder.intern(c, dictionary.arena(), dictionary.from(local), dictionary.to(local),
                    pendingHashes[k]);
        }
    }

    /**
     * The table's code of a text value of {@code batch}'s column {@code c}: {@code code} itself if
     * the reader found it in the table's dictionary, else ({@code ~local}) the value of the batch's
     * dictionary, looked up or added once per batch.
     */
    private int tableCode(RowBatch batch, int c, int code) {
        if (code >= 0) {
            return code;
        }
        int local = ~code;
        int table = tableCodes[c][local];
        if (table < 0) {
            LocalDictionary dictionary = batch.dictionaries[c];
            table = builder.intern(c, dictionary.arena(), dictionary.from(local), dictionary.to(local),
                    dictionary.hash(local));
            tableCodes[c][local] = table;
        }
        return table;
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
        if (ValueRules.isInvalidText(value)) {
            return ValueRules.INVALID_TEXT;
        }
        Field field = fields[c];
        if (value.isEmpty()) {
            if (!field.optional()) {
                return Broken.MISSING.of(field);
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

    private String checkCode(int c, Field field, String value) {
        int index = field.codebook().indexOf(value);
        if (index < 0) {
            return Broken.UNKNOWN_CODE.of(field);
        }
        codes[c] = index + 1;
        return null;
    }

    private String checkInt(int c, Field field, String value) {
        long number = ValueRules.wholeNumber(value);
        if (number == ValueRules.NOT_WHOLE) {
            return Broken.NOT_WHOLE_NUMBER.of(field);
        }
        if (!field.inRange(number)) {
            return Broken.OUT_OF_RANGE.of(field);
        }
        codes[c] = (int) number;
        return null;
    }

    private String checkDecimal(int c, Field field, String value) {
        if (!ValueRules.isPlainDecimal(value)) {
            return Broken.NOT_NUMBER.of(field);
        }
        double number = Double.parseDouble(value);
        if (!field.inRange(number)) {
            return Broken.OUT_OF_RANGE.of(field);
        }
        decimals[c] = number;
        return null;
    }

    /**
     * Records the key of the current (valid) record as the next row's unless it was seen before;
     * returns the row of the first occurrence, or -1 if this is the first.
     *
     * <p>The key's text is interned before the lookup, its codes kept for {@link #commit}: a
     * repeat's employer and person are in the dictionaries already (its first occurrence was
     * accepted), so only accepted records add text.
     */
    private long registerKey() {
        codes[employerColumn] = builder.intern(employerColumn, values[employerColumn]);
        int year = codes[yearColumn] - fields[yearColumn].min();
        if (!codesPersons) {
            // The person is not stored: its code is never read, and its key is its bytes, as a merge's.
            codes[personColumn] = 0;
            byte[] person = values[personColumn].getBytes(StandardCharsets.UTF_8);
            long prefix = pack(codes[employerColumn], year, 0);
            return textKeys.putIfAbsent(prefix, person, 0, person.length,
                    textKeys.hash(prefix, StringPool.hash(person, 0, person.length)), builder.rows());
        }
        codes[personColumn] = builder.intern(personColumn, values[personColumn]);
        return keys.putIfAbsent(pack(codes[employerColumn], year, codes[personColumn]), builder.rows());
    }

    /** The key of a row: its employer, year and person codes packed into a {@code long}. */
    private long pack(int employer, int yearCode, int person) {
        if (employer >= 1L << employerBits) {
            throw new LadderException("more than " + (1L << employerBits) + " distinct "
                    + fields[employerColumn].name() + " values: too many for the duplicate check");
        }
        return (long) employer << (yearBits + PERSON_BITS) | (long) yearCode << PERSON_BITS | person;
    }

    /**
     * The key of an accepted row, for {@link KeyIndex} to tell keys whose hashes agree apart: from
     * the table, or from the batch being merged if the row is not appended yet.
     */
    private long keyOf(long row) {
        long appended = builder.rows();
        if (row >= appended) {
            int i = pendingFrom + (int) (row - appended);
            return pack(pending.codes[employerColumn][i], pending.codes[yearColumn][i],
                    codesPersons ? pending.codes[personColumn][i] : 0);
        }
        return pack(builder.codeAt(employerColumn, row), builder.codeAt(yearColumn, row),
                codesPersons ? builder.codeAt(personColumn, row) : 0);
    }

    private String duplicateRule(long firstRow) {
        List<Field> key = schema.key();
        return "duplicate of (" + key.get(0).name() + ", " + key.get(1).name() + ", " + key.get(2).name()
                + ") first seen at " + files.get(origins.file(firstRow)) + " line " + origins.line(firstRow);
    }

    private int fileIndex(String file) {
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

    private void commit(String file, long line) {
        long row = builder.rows();
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
        origins.add(row, fileIndex(file), line);
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
