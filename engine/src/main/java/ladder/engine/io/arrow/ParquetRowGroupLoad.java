package ladder.engine.io.arrow;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import ladder.engine.LadderException;
import ladder.engine.contract.Schema;
import ladder.engine.io.ColumnDecoder;
import ladder.engine.io.ColumnarRows;
import ladder.engine.io.RecordSink;
import ladder.engine.io.RowValidator;
import ladder.engine.io.parquet.ColumnChunkReader;
import ladder.engine.io.parquet.ColumnValues;
import ladder.engine.io.parquet.LeafColumn;
import ladder.engine.io.parquet.PageBuffers;
import ladder.engine.io.parquet.ParquetFile;
import ladder.engine.io.parquet.UnsupportedParquet;
import ladder.engine.io.parquet.ValueType;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * Loads a Parquet file with Ladder's own decoder ({@link ParquetFile}, {@link ColumnChunkReader}):
 * row groups are decoded on worker threads, each into batches of typed values checked by its own
 * {@link ColumnDecoder}, and merged into the table in file order on the calling thread, with
 * exactly the outcome of offering every row as text ({@link #emit}), as a read for a sink does.
 *
 * <p>What makes it fast is what Arrow Java's scanner cannot do: a dictionary-encoded column (as
 * writers store codes, employers, sectors and most numbers) has each dictionary value checked once
 * per batch, and its rows copy what was stored; and the decoding of row groups is spread
 * over every core while one thread merges. Columns are bound to the contract as
 * {@link BatchRecords#bind} binds Arrow's reading of the file (integers with their declared
 * width and sign, floats, UTF-8 strings), so a file is refused for the same reasons. A file or
 * bound column the decoder does not read is {@link UnsupportedParquet}, said before any row is
 * merged, and the caller refuses the file.
 */
final class ParquetRowGroupLoad {
    /**
     * Batches each worker may have in flight: one being filled, the others waiting to be merged.
     * Batches are merged in file order, so a worker on a later row group than the one being merged
     * fills its slots and waits; with two a slot (a row group is about two batches in DuckDB's
     * files), the worker ahead stopped as soon as it had decoded its group, leaving a core idle
     * while the other decoded and the merge waited on it (at 100M rows: the merge waited 2.5 s, the
     * workers 5.1 s). Four let it decode its next group meanwhile: 7.21-7.26 s against 7.94-8.07 s,
     * at about 19 MB more resident memory a slot (alternated, session 16; bench/RESULTS.md).
     */
    private static final int SLOTS_PER_WORKER = 4;
    private static final byte[] EMPTY = new byte[0];
    /**
     * In a batch's outcomes of dictionary values ({@link Worker#fromDictionary}): one not yet met,
     * and one whose rows go the slow way. Both are NaNs with payloads no stored value has (a code
     * is an int; a decimal is finite or the one NaN {@link Double#NaN}), so neither is a value.
     */
    private static final long UNSEEN = 0x7FF0_0000_0000_0001L;
    private static final long SLOW = 0x7FF0_0000_0000_0002L;

    private final SourceFile source;
    private final ParquetFile file;
    private final BatchRecords records;
    private final LeafColumn[] leaves;
    private final RowValidator validator;
    private final int batchRows;
    private final long[] firstRows;

    private ParquetRowGroupLoad(SourceFile source, ParquetFile file, BatchRecords records, LeafColumn[] leaves,
            RowValidator validator, int batchRows) {
        this.source = source;
        this.file = file;
        this.records = records;
        this.leaves = leaves;
        this.validator = validator;
        this.batchRows = batchRows;
        firstRows = new long[file.rowGroups() + 1];
        for (int g = 0; g < file.rowGroups(); g++) {
            firstRows[g + 1] = firstRows[g] + file.rows(g);
        }
    }

    /**
     * Binds {@code file}'s columns to {@code schema}, refusing the file as {@link BatchRecords#bind}
     * does; {@link UnsupportedParquet} if a bound column is one the decoder does not read.
     */
    static ParquetRowGroupLoad bind(SourceFile source, ParquetFile file, Schema schema, RowValidator validator,
            Consumer<String> warnings, int batchRows) throws UnsupportedParquet {
        List<org.apache.arrow.vector.types.pojo.Field> fields = new ArrayList<>();
        for (LeafColumn leaf : file.columns()) {
            boolean contract = schema.indexOf(leaf.name()) >= 0;
            // A type Ladder does not decode is no contract column's: binding names it beside every other wrong type.
            String unsupported = contract && leaf.type() != null ? file.unsupported(leaf) : null;
            if (unsupported != null) {
                throw new UnsupportedParquet(unsupported);
            }
            ArrowType type = leaf.type() == null ? otherType(leaf) : arrowType(leaf);
            fields.add(new org.apache.arrow.vector.types.pojo.Field(leaf.name(), new FieldType(leaf.optional(), type, null), null));
        }
        BatchRecords records = BatchRecords.bind(source, fields, schema, warnings);
        LeafColumn[] leaves = new LeafColumn[records.size()];
        for (int c = 0; c < leaves.length; c++) {
            String name = records.fileName(c);
            leaves[c] = file.columns().stream().filter(leaf -> leaf.name().equals(name)).findFirst().orElseThrow();
        }
        return new ParquetRowGroupLoad(source, file, records, leaves, validator, batchRows);
    }

    /** A way back to the persons of this file's rows ({@link ParquetKeyTexts}), the file at {@code path}. */
    ParquetKeyTexts keyTexts(java.nio.file.Path path) {
        String person = records.schema().key().get(2).name();
        for (int c = 0; c < leaves.length; c++) {
            if (records.schema().fields().get(records.target(c)).name().equals(person)) {
                return new ParquetKeyTexts(source, path, file, leaves[c], firstRows, batchRows);
            }
        }
        throw new IllegalStateException("no column is bound to " + person);
    }

    /** The Arrow type, as binding describes it, of a column Ladder does not decode: bool, a date, a timestamp, or binary. */
    private static ArrowType otherType(LeafColumn leaf) {
        return switch (leaf.physical()) {
            case BOOLEAN -> ArrowType.Bool.INSTANCE;
            case INT96 -> new ArrowType.Timestamp(org.apache.arrow.vector.types.TimeUnit.NANOSECOND, null);
            default -> leaf.unsupported().endsWith("annotated DATE")
                    ? new ArrowType.Date(org.apache.arrow.vector.types.DateUnit.DAY) : ArrowType.Binary.INSTANCE;
        };
    }

    /** The Arrow type Arrow's Parquet reader gives a column Ladder decodes. */
    private static ArrowType arrowType(LeafColumn leaf) {
        return switch (leaf.type()) {
            case LONG, UNSIGNED_LONG -> new ArrowType.Int(leaf.bitWidth(), leaf.signed());
            case DOUBLE -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            case FLOAT -> new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
            case STRING -> ArrowType.Utf8.INSTANCE;
        };
    }

    /** Loads every row group, decoding on {@code threads} threads (on this one if 1) and merging on this one. */
    void run(int threads) throws InterruptedException {
        int groups = file.rowGroups();
        int workers = Math.max(1, Math.min(threads, groups));
        List<Worker> team = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            team.add(new Worker(workers == 1 ? 1 : SLOTS_PER_WORKER));
        }
        // The duplicate check is sized once, from the footer's count of rows.
        validator.expectRows(firstRows[groups]);
        if (workers == 1) {
            Worker only = team.get(0);
            for (int g = 0; g < groups; g++) {
                only.decode(g, slot -> {
                    merge(slot);
                    only.slots.add(slot);
                });
            }
            return;
        }
        List<BlockingQueue<Slot>> queues = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            queues.add(new LinkedBlockingQueue<>());
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "ladder-parquet");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (Worker worker : team) {
                pool.execute(() -> worker.run(next, queues));
            }
            for (int g = 0; g < groups; g++) {
                while (true) {
                    Slot slot = queues.get(g).take();
                    if (slot.failure != null) {
                        throw failure(slot.failure);
                    }
                    if (slot.end) {
                        break;
                    }
                    merge(slot);
                    slot.owner.slots.add(slot);
                }
            }
        } finally {
            pool.shutdownNow();
            if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("Parquet workers did not stop");
            }
        }
    }

    /**
     * Offers every row, numbered from 1 in file order, to {@code sink} as text ({@link #text}),
     * decoding on this thread: the reading {@link ladder.engine.io.SourceReader#read} gives, with
     * the outcome a {@link #run load} has.
     */
    void emit(RecordSink sink) {
        ColumnValues[] values = new ColumnValues[leaves.length];
        BatchRecords.Values[] text = new BatchRecords.Values[leaves.length];
        PageBuffers[] buffers = new PageBuffers[leaves.length];
        for (int c = 0; c < leaves.length; c++) {
            ColumnValues column = values[c] = new ColumnValues(leaves[c].type());
            text[c] = row -> text(column, row);
            buffers[c] = new PageBuffers();
        }
        long row = 0;
        try {
            for (int g = 0; g < file.rowGroups(); g++) {
                ColumnChunkReader[] readers = new ColumnChunkReader[leaves.length];
                for (int c = 0; c < leaves.length; c++) {
                    readers[c] = file.reader(g, leaves[c], buffers[c]);
                }
                for (long done = 0, rows = file.rows(g); done < rows; ) {
                    int count = (int) Math.min(batchRows, rows - done);
                    for (int c = 0; c < leaves.length; c++) {
                        readers[c].read(count, values[c]);
                    }
                    for (int i = 0; i < count; i++) {
                        records.offerRow(text, i, ++row, sink);
                    }
                    done += count;
                }
            }
        } catch (IOException e) {
            throw source.unreadable(e);
        } catch (LadderException e) {
            throw e;
        } catch (RuntimeException e) {
            throw source.unreadable(e);
        }
    }

    private RuntimeException failure(Throwable failure) {
        if (failure instanceof LadderException refusal) {
            return refusal;
        }
        return source.unreadable(failure);
    }

    /** Merges a filled batch into the table, rows the decoders could not take offered as text. */
    private void merge(Slot slot) {
        BatchRecords.Values[] values = new BatchRecords.Values[leaves.length];
        for (int c = 0; c < values.length; c++) {
            ColumnValues column = slot.values[c];
            values[c] = slot.undecoded[c] ? undecoded(slot, c) : row -> text(column, row);
        }
        slot.rows.merge(source.name(), slot.firstRow, slot.count,
                (i, rowNumber, sink) -> records.offerRow(values, i, rowNumber, sink));
    }

    /**
     * The text of column {@code c} of a batch whose rows the worker took without decoding that
     * column ({@link Worker#everyValueTaken}): decoded here, once, when a row of the batch is
     * replayed as text (a row slow for another column's value, or a repeated key), from the
     * chunk's start to the batch's rows. Rare: a row group's batches are all fast in a valid file.
     */
    private BatchRecords.Values undecoded(Slot slot, int c) {
        int group = slot.group;
        long skip = slot.groupRow;
        int count = slot.count;
        ColumnValues[] decoded = new ColumnValues[1];
        return row -> {
            if (decoded[0] == null) {
                try {
                    decoded[0] = rows(file, group, leaves[c], skip, count, batchRows);
                } catch (IOException e) {
                    throw source.unreadable(e);
                }
            }
            return text(decoded[0], row);
        };
    }

    /**
     * Rows {@code skip} to {@code skip + count} of {@code leaf}'s chunk in row group {@code g},
     * decoded on the calling thread with buffers of their own, those before read {@code batchRows}
     * at a time and passed over.
     */
    static ColumnValues rows(ParquetFile file, int g, LeafColumn leaf, long skip, int count, int batchRows)
            throws IOException {
        ColumnChunkReader reader = file.reader(g, leaf, new PageBuffers());
        ColumnValues passed = new ColumnValues(leaf.type());
        for (long done = 0; done < skip; ) {
            int n = (int) Math.min(batchRows, skip - done);
            reader.read(n, passed);
            done += n;
        }
        ColumnValues values = new ColumnValues(leaf.type());
        reader.read(count, values);
        return values;
    }

    /** A value as {@link BatchRecords} renders Arrow's reading of it. */
    private static String text(ColumnValues column, int row) {
        if (column.hasNulls() && column.nulls()[row]) {
            return null;
        }
        if (column.type() == ValueType.STRING) {
            return BatchRecords.utf8(column.bytes(row));
        }
        long bits = column.numberBits(row);
        return switch (column.type()) {
            case LONG -> Long.toString(bits);
            case UNSIGNED_LONG -> Long.toUnsignedString(bits);
            case DOUBLE -> Double.toString(Double.longBitsToDouble(bits));
            case FLOAT -> Float.toString((float) Double.longBitsToDouble(bits));
            case STRING -> throw new IllegalStateException("strings are rendered above");
        };
    }

    /** A batch of one row group: its checked rows and the decoded values they came from. */
    private final class Slot {
        final Worker owner;
        final ColumnarRows rows;
        final ColumnValues[] values;
        /** The columns whose values were not decoded, every row of them being taken ({@link Worker#everyValueTaken}). */
        final boolean[] undecoded = new boolean[leaves.length];
        long firstRow;
        /** The row group, and the batch's first row within it. */
        int group;
        long groupRow;
        int count;
        boolean end;
        Throwable failure;

        /** A batch of {@code owner}'s, or with none a marker: the end of a row group, or a failure. */
        Slot(Worker owner) {
            this.owner = owner;
            rows = owner == null ? null : new ColumnarRows(validator, batchRows);
            values = owner == null ? null : new ColumnValues[leaves.length];
            for (int c = 0; owner != null && c < leaves.length; c++) {
                values[c] = new ColumnValues(leaves[c].type());
            }
        }
    }

    /** A thread's decoding: its own checks, memo of dictionary values and batches. */
    private final class Worker {
        final BlockingQueue<Slot> slots;
        final ColumnDecoder decoder = new ColumnDecoder(validator);
        final PageBuffers[] buffers = new PageBuffers[leaves.length];
        /** Where a dictionary is checked whole ({@link #everyValueTaken}). */
        final ColumnarRows scratch = new ColumnarRows(validator, 1);
        final ColumnValues[] dictionaries = new ColumnValues[leaves.length];
        /** The current column's outcome for each dictionary value and a null ({@link #fromDictionary}). */
        long[] outcomes = new long[0];

        /** Slots not yet made: a slot is made when none is free, so that a small file makes one or two. */
        int unmade;

        Worker(int slotCount) {
            slots = new ArrayBlockingQueue<>(slotCount);
            unmade = slotCount;
            for (int c = 0; c < leaves.length; c++) {
                buffers[c] = new PageBuffers();
            }
        }

        /** Decodes row groups in turn, taking the next one not yet taken, until none is left. */
        void run(AtomicInteger next, List<BlockingQueue<Slot>> queues) {
            for (int g = next.getAndIncrement(); g < queues.size(); g = next.getAndIncrement()) {
                BlockingQueue<Slot> queue = queues.get(g);
                try {
                    decode(g, queue::add);
                    Slot end = new Slot(null);
                    end.end = true;
                    queue.add(end);
                } catch (InterruptedException e) {
                    return;
                } catch (Throwable e) {
                    Slot failed = new Slot(null);
                    failed.failure = e;
                    queue.add(failed);
                    return;
                }
            }
        }

        /** Decodes row group {@code g} in batches, handing each to {@code merge}. */
        void decode(int g, Consumer<Slot> merge) throws InterruptedException {
            ColumnChunkReader[] readers = new ColumnChunkReader[leaves.length];
            try {
                boolean[] undecoded = new boolean[leaves.length];
                for (int c = 0; c < leaves.length; c++) {
                    readers[c] = file.reader(g, leaves[c], buffers[c]);
                    if (!decoder.stores(records.target(c))) {
                        ColumnValues dictionary = dictionaries[c] == null
                                ? dictionaries[c] = new ColumnValues(leaves[c].type()) : dictionaries[c];
                        ColumnChunkReader.DictionaryOnly found = readers[c].dictionaryOnly(dictionary);
                        if (found != ColumnChunkReader.DictionaryOnly.NO) {
                            undecoded[c] = everyValueTaken(found, dictionary, c);
                            if (!undecoded[c]) {
                                // The reader has read the dictionary: a new one reads the chunk from its start.
                                readers[c] = file.reader(g, leaves[c], buffers[c]);
                            }
                        }
                    }
                }
                long rows = file.rows(g);
                for (long done = 0; done < rows; ) {
                    int count = (int) Math.min(batchRows, rows - done);
                    Slot slot = slots.poll();
                    if (slot == null && unmade > 0) {
                        unmade--;
                        slot = new Slot(this);
                    } else if (slot == null) {
                        slot = slots.take();
                    }
                    slot.rows.reset(count);
                    slot.firstRow = firstRows[g] + done + 1;
                    slot.group = g;
                    slot.groupRow = done;
                    slot.count = count;
                    System.arraycopy(undecoded, 0, slot.undecoded, 0, undecoded.length);
                    decoder.forgetLastValues();
                    try {
                        for (int c = 0; c < leaves.length; c++) {
                            if (undecoded[c]) {
                                continue;
                            }
                            readers[c].read(count, slot.values[c]);
                            fill(slot.rows, records.target(c), slot.values[c]);
                        }
                    } catch (LadderException e) {
                        throw e;
                    } catch (RuntimeException e) {
                        // As on several threads (run): bytes no check foresaw refuse the file, never escape raw.
                        throw source.unreadable(e);
                    }
                    done += count;
                    merge.accept(slot);
                }
            } catch (IOException e) {
                throw source.unreadable(e);
            }
        }

        /**
         * Whether every row of file column {@code c}'s chunk is taken, proven without decoding its
         * data pages: for a column the table does not store and the duplicate check does not
         * read, whose chunk is all dictionary pages ({@link ColumnChunkReader#dictionaryOnly},
         * which {@code found} it to be, giving {@code dictionary}), every dictionary value is
         * taken, and a null too where the chunk may hold one. A dictionary value no row uses then
         * counts against the proof, and the chunk is decoded; so do a plain page and a null the
         * footer does not rule out in a column that takes none. The contract's rules are each of
         * one value (the duplicate key's columns are always decoded), so what holds of every value
         * the chunk can give holds of each of its rows.
         */
        private boolean everyValueTaken(ColumnChunkReader.DictionaryOnly found, ColumnValues dictionary, int c) {
            int column = records.target(c);
            scratch.reset(1);
            decoder.forgetLastValues();
            boolean taken = found == ColumnChunkReader.DictionaryOnly.WITHOUT_NULLS || empty(scratch, 0, column);
            for (int index = 0; taken && index < dictionary.dictionarySize(); index++) {
                taken = dictionaryValue(scratch, 0, column, dictionary, index);
            }
            decoder.forgetLastValues();
            return taken;
        }

        /**
         * Checks and stores one column's values; a row a value of which cannot be taken is marked
         * slow. Rows from a dictionary go through {@link #fromDictionary}; the others are checked
         * one by one, in a loop per type.
         */
        private void fill(ColumnarRows rows, int column, ColumnValues values) {
            if (values.dictionaryRows() > 0) {
                fromDictionary(rows, column, values);
                return;
            }
            int n = values.rows();
            boolean[] nulls = values.hasNulls() ? values.nulls() : null;
            switch (values.type()) {
                case LONG, UNSIGNED_LONG, FLOAT -> {
                    long[] longs = values.longs();
                    double[] doubles = values.doubles();
                    for (int i = 0; i < n; i++) {
                        long bits = longs != null ? longs[i] : Double.doubleToRawLongBits(doubles[i]);
                        check(rows, i, nulls != null && nulls[i] ? empty(rows, i, column)
                                : putNumber(rows, i, column, values.type(), bits));
                    }
                }
                case DOUBLE -> {
                    // The commonest plain numbers (decimals past a writer's dictionary), without a conversion or switch a row.
                    double[] doubles = values.doubles();
                    for (int i = 0; i < n; i++) {
                        check(rows, i, nulls != null && nulls[i] ? empty(rows, i, column)
                                : decoder.putDouble(rows, i, column, doubles[i]));
                    }
                }
                case STRING -> {
                    byte[][] data = values.data();
                    int[] starts = values.starts();
                    int[] ends = values.ends();
                    // The batch's strings stay as they are until it is merged: its ids are referred to there, not copied.
                    rows.textsInPlace(values.keptBytes());
                    for (int i = 0; i < n; i++) {
                        check(rows, i, nulls != null && nulls[i] ? empty(rows, i, column)
                                : decoder.putText(rows, i, column, data[i], starts[i], ends[i]));
                    }
                    rows.textsInPlace(null);
                }
            }
        }

        /**
         * Rows from the column chunk's dictionary: each dictionary value, and a null, is checked
         * once a batch, and its other rows copy what was stored (a code, or a decimal's bits)
         * straight into the batch's array. A dictionary no larger than the batch is checked whole
         * first ({@link #wholeDictionaryTaken}): if every value of it is taken, and a null where
         * the batch has one, no row needs a check of its own, and a column the table does not
         * store costs nothing per row. Otherwise, or for a larger dictionary, rows are checked as
         * they meet their values, so that a value no row uses breaks no row. A batch that also has
         * rows of their own value (a dictionary that overflowed into plain pages) has those
         * checked one by one.
         */
        private void fromDictionary(ColumnarRows rows, int column, ColumnValues values) {
            int size = values.dictionarySize();
            if (outcomes.length <= size) {
                outcomes = new long[size + 1];
            }
            Arrays.fill(outcomes, 0, size + 1, UNSEEN);
            boolean[] nulls = values.hasNulls() ? values.nulls() : null;
            int[] indices = values.dictionaryIndex();
            int[] codes = rows.codes(column);
            double[] decimals = rows.decimals(column);
            int n = values.rows();
            if (values.plainRows() == 0 && size <= n && wholeDictionaryTaken(rows, column, values, nulls != null)) {
                if (decoder.stores(column)) {
                    copyOutcomes(indices, n, codes, decimals);
                }
                return;
            }
            for (int i = 0; i < n; i++) {
                int index = nulls != null && nulls[i] ? size : indices[i];
                if (index < 0) {
                    check(rows, i, own(rows, i, column, values));
                    continue;
                }
                long bits = outcomes[index];
                if (bits == UNSEEN) {
                    boolean taken = index == size ? empty(rows, i, column) : dictionaryValue(rows, i, column, values, index);
                    outcomes[index] = taken ? rows.value(column, i) : SLOW;
                    check(rows, i, taken);
                } else if (bits == SLOW) {
                    rows.markSlowRow(i);
                } else if (codes != null) {
                    codes[i] = (int) bits;
                } else {
                    decimals[i] = Double.longBitsToDouble(bits);
                }
            }
        }

        /**
         * Checks every dictionary value, and a null if {@code withNull}, into {@link #outcomes}
         * (stored in the batch's first row, which the caller then overwrites); whether all were taken.
         */
        private boolean wholeDictionaryTaken(ColumnarRows rows, int column, ColumnValues values, boolean withNull) {
            int size = values.dictionarySize();
            boolean all = true;
            for (int index = 0; index <= size; index++) {
                if (index == size && !withNull) {
                    break;
                }
                boolean taken = index == size ? empty(rows, 0, column) : dictionaryValue(rows, 0, column, values, index);
                outcomes[index] = taken ? rows.value(column, 0) : SLOW;
                all &= taken;
            }
            return all;
        }

        /**
         * Every row's stored value from {@link #outcomes}, all of which were taken: one load and
         * store a row, a null's index being the dictionary's size ({@link ColumnValues#dictionaryIndex}).
         */
        private void copyOutcomes(int[] indices, int n, int[] codes, double[] decimals) {
            long[] by = outcomes;
            if (codes != null) {
                for (int i = 0; i < n; i++) {
                    codes[i] = (int) by[indices[i]];
                }
            } else {
                for (int i = 0; i < n; i++) {
                    decimals[i] = Double.longBitsToDouble(by[indices[i]]);
                }
            }
        }

        /** Checks and stores dictionary value {@code index} for row {@code row}. */
        private boolean dictionaryValue(ColumnarRows rows, int row, int column, ColumnValues values, int index) {
            return switch (values.type()) {
                case LONG, UNSIGNED_LONG -> putNumber(rows, row, column, values.type(), values.dictionaryLongs()[index]);
                case DOUBLE, FLOAT -> putNumber(rows, row, column, values.type(),
                        Double.doubleToRawLongBits(values.dictionaryDoubles()[index]));
                case STRING -> decoder.putText(rows, row, column, values.dictionaryData(),
                        values.dictionaryStarts()[index], values.dictionaryEnds()[index]);
            };
        }

        /** Checks and stores row {@code row}'s own (not dictionary) value. */
        private boolean own(ColumnarRows rows, int row, int column, ColumnValues values) {
            return values.type() == ValueType.STRING
                    ? decoder.putText(rows, row, column, values.data()[row], values.starts()[row], values.ends()[row])
                    : putNumber(rows, row, column, values.type(), values.numberBits(row));
        }

        /** Checks and stores a number, given as a long (integers) or its raw bits (floats), as Arrow's reading of it would be. */
        private boolean putNumber(ColumnarRows rows, int row, int column, ValueType type, long bits) {
            return switch (type) {
                case LONG -> decoder.putLong(rows, row, column, bits);
                case UNSIGNED_LONG -> bits >= 0 && decoder.putLong(rows, row, column, bits);
                case DOUBLE -> decoder.putDouble(rows, row, column, Double.longBitsToDouble(bits));
                case FLOAT -> decoder.putDouble(rows, row, column,
                        BatchRecords.float32Value((float) Double.longBitsToDouble(bits)));
                case STRING -> throw new IllegalStateException("a string is not a number");
            };
        }

        private boolean empty(ColumnarRows rows, int row, int column) {
            return decoder.putText(rows, row, column, EMPTY, 0, 0);
        }

        private void check(ColumnarRows rows, int row, boolean taken) {
            if (!taken) {
                rows.markSlowRow(row);
            }
        }
    }
}
