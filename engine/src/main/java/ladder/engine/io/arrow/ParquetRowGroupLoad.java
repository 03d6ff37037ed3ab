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
 * exactly the outcome of {@link BatchRecords#emit} over the same file read by Arrow.
 *
 * <p>What makes it fast is what Arrow Java's scanner cannot do: a dictionary-encoded string column
 * (as writers store codes, employers and sectors) has each dictionary value checked once per
 * worker and batch, and its rows copy what was stored; and the decoding of row groups is spread
 * over every core while one thread merges. Columns are bound to the contract as
 * {@link BatchRecords#bind} binds Arrow's reading of the file (integers with their declared
 * width and sign, floats, UTF-8 strings), so a file is refused for the same reasons. A file or
 * bound column the decoder does not read is {@link UnsupportedParquet}, said before any row is
 * merged, and the caller reads it through Arrow instead.
 */
final class ParquetRowGroupLoad {
    /** Batches each worker may have in flight: one being filled, one waiting to be merged. */
    private static final int SLOTS_PER_WORKER = 2;
    private static final byte[] EMPTY = new byte[0];
    /** A memo entry that holds in every batch. */
    private static final int LASTING = Integer.MAX_VALUE;
    /** A memo entry whose rows go the slow way; in a batch's codes of dictionary values, such a value. */
    private static final int SLOW = Integer.MIN_VALUE + 1;
    /**
     * In a batch's codes of dictionary values, one not yet met in the batch. Neither this nor
     * {@link #SLOW} is a code: a batch's own codes are {@code ~k} for fewer than 2^31 - 2 values.
     */
    private static final int UNSEEN = Integer.MIN_VALUE;
    /** In a batch's outcomes of dictionary values of a decimal column: checked and stored, or sent the slow way. */
    private static final byte TAKEN = 1;
    private static final byte NOT_TAKEN = 2;

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
            String unsupported = contract ? file.unsupported(leaf) : null;
            if (unsupported != null) {
                throw new UnsupportedParquet(unsupported);
            }
            ArrowType type = leaf.type() == null ? ArrowType.Binary.INSTANCE : arrowType(leaf);
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
        team.get(0).slots.peek().rows.expectRows(firstRows[groups]);
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
            values[c] = row -> text(column, row);
        }
        slot.rows.merge(source.name(), slot.firstRow, slot.count,
                (i, rowNumber, sink) -> records.offerRow(values, i, rowNumber, sink));
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
        long firstRow;
        int count;
        boolean end;
        Throwable failure;

        Slot(Worker owner) {
            this.owner = owner;
            rows = owner == null ? null : new ColumnarRows(validator, batchRows);
            values = new ColumnValues[leaves.length];
            for (int c = 0; c < leaves.length; c++) {
                values[c] = new ColumnValues(leaves[c].type());
            }
        }
    }

    /** A thread's decoding: its own checks, memo of dictionary values and batches. */
    private final class Worker {
        final BlockingQueue<Slot> slots;
        final ColumnDecoder decoder = new ColumnDecoder(validator);
        final Memo[] memos = new Memo[leaves.length];
        final PageBuffers[] buffers = new PageBuffers[leaves.length];
        int batch;

        Worker(int slotCount) {
            slots = new ArrayBlockingQueue<>(slotCount);
            for (int k = 0; k < slotCount; k++) {
                slots.add(new Slot(this));
            }
            for (int c = 0; c < leaves.length; c++) {
                memos[c] = new Memo();
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
                for (int c = 0; c < leaves.length; c++) {
                    readers[c] = file.reader(g, leaves[c], buffers[c]);
                }
                long rows = file.rows(g);
                for (long done = 0; done < rows; ) {
                    int count = (int) Math.min(batchRows, rows - done);
                    Slot slot = slots.take();
                    slot.rows.reset(count);
                    slot.firstRow = firstRows[g] + done + 1;
                    slot.count = count;
                    decoder.forgetLastValues();
                    batch++;
                    for (int c = 0; c < leaves.length; c++) {
                        readers[c].read(count, slot.values[c]);
                        fill(slot.rows, records.target(c), slot.values[c], memos[c]);
                    }
                    done += count;
                    merge.accept(slot);
                }
            } catch (IOException e) {
                throw source.unreadable(e);
            }
        }

        /**
         * Checks and stores one column's values; a row a value of which cannot be taken is marked
         * slow. Rows from a dictionary go through {@link #fromDictionary}; the others are checked
         * one by one, in a loop per type.
         */
        private void fill(ColumnarRows rows, int column, ColumnValues values, Memo memo) {
            if (values.dictionaryRows() > 0) {
                fromDictionary(rows, column, values, memo);
                return;
            }
            int n = values.rows();
            boolean[] nulls = values.hasNulls() ? values.nulls() : null;
            switch (values.type()) {
                case LONG, UNSIGNED_LONG, DOUBLE, FLOAT -> {
                    long[] longs = values.longs();
                    double[] doubles = values.doubles();
                    for (int i = 0; i < n; i++) {
                        long bits = longs != null ? longs[i] : Double.doubleToRawLongBits(doubles[i]);
                        check(rows, i, nulls != null && nulls[i] ? empty(rows, i, column)
                                : putNumber(rows, i, column, values.type(), bits));
                    }
                }
                case STRING -> {
                    byte[][] data = values.data();
                    int[] starts = values.starts();
                    int[] ends = values.ends();
                    for (int i = 0; i < n; i++) {
                        check(rows, i, nulls != null && nulls[i] ? empty(rows, i, column)
                                : decoder.putText(rows, i, column, data[i], starts[i], ends[i]));
                    }
                }
            }
        }

        /**
         * Rows from the column chunk's dictionary: each dictionary value is checked once (once a
         * batch if its code is the batch's own) and its rows copy what was stored, straight into
         * the batch's array ({@link #codesFromDictionary}, {@link #decimalsFromDictionary}); a
         * null's outcome is also found once. In a batch that also has rows of their own value
         * (a dictionary that overflowed into plain pages), rows are taken one by one.
         */
        private void fromDictionary(ColumnarRows rows, int column, ColumnValues values, Memo memo) {
            memo.use(values.dictionary(), values.dictionarySize());
            int[] codes = rows.codes(column);
            if (values.plainRows() == 0) {
                if (codes != null) {
                    codesFromDictionary(rows, column, values, memo, codes);
                } else {
                    decimalsFromDictionary(rows, column, values, memo, rows.decimals(column));
                }
                return;
            }            boolean[] nulls = values.hasNulls() ? values.nulls() : null;
            int[] indices = values.dictionaryIndex();
            int size = values.dictionarySize();
            for (int i = 0, n = values.rows(); i < n; i++) {
                if (nulls != null && nulls[i]) {
                    check(rows, i, empty(rows, i, column));
                } else if (indices[i] < 0) {
                    check(rows, i, own(rows, i, column, values));
                } else {
                    check(rows, i, resolve(rows, i, column, values, memo, indices[i], size));
                }
            }
        }

        /**
         * The common case of {@link #fromDictionary}: a coded column whose rows all come from the
         * dictionary or are null. This batch's code of each dictionary value, and of a null (one
         * place past the dictionary's), or {@link #UNSEEN} or {@link #SLOW}, is kept in one array,
         * so that a row costs two reads and a write.
         */
        private void codesFromDictionary(ColumnarRows rows, int column, ColumnValues values, Memo memo, int[] codes) {
            int[] indices = values.dictionaryIndex();
            boolean[] nulls = values.hasNulls() ? values.nulls() : null;
            int size = values.dictionarySize();
            int[] direct = memo.direct;
            Arrays.fill(direct, 0, size + 1, UNSEEN);
            for (int i = 0, n = values.rows(); i < n; i++) {
                int index = nulls != null && nulls[i] ? size : indices[i];
                int code = direct[index];
                if (code > SLOW) {
                    codes[i] = code;
                } else if (code == SLOW) {
                    rows.markSlowRow(i);
                } else if (resolve(rows, i, column, values, memo, index, size)) {
                    direct[index] = codes[i];
                } else {
                    rows.markSlowRow(i);
                    direct[index] = SLOW;
                }
            }
        }

        /** {@link #codesFromDictionary} for a decimal column: each value's outcome and stored bits, once a batch. */
        private void decimalsFromDictionary(ColumnarRows rows, int column, ColumnValues values, Memo memo,
                double[] decimals) {
            int[] indices = values.dictionaryIndex();
            boolean[] nulls = values.hasNulls() ? values.nulls() : null;
            int size = values.dictionarySize();
            byte[] outcome = memo.outcome;
            long[] bits = memo.directBits;
            Arrays.fill(outcome, 0, size + 1, (byte) 0);
            for (int i = 0, n = values.rows(); i < n; i++) {
                int index = nulls != null && nulls[i] ? size : indices[i];
                byte seen = outcome[index];
                if (seen == TAKEN) {
                    decimals[i] = Double.longBitsToDouble(bits[index]);
                } else if (seen == NOT_TAKEN) {
                    rows.markSlowRow(i);
                } else if (resolve(rows, i, column, values, memo, index, size)) {
                    outcome[index] = TAKEN;
                    bits[index] = Double.doubleToRawLongBits(decimals[i]);
                } else {
                    rows.markSlowRow(i);
                    outcome[index] = NOT_TAKEN;
                }
            }
        }

        /**
         * Stores row {@code row}'s value, dictionary value {@code index} or a null if
         * {@code index} is {@code size}, from what the memo remembers or by checking it; true if
         * taken.
         */
        private boolean resolve(ColumnarRows rows, int row, int column, ColumnValues values, Memo memo, int index,
                int size) {
            if (index == size) {
                return empty(rows, row, column);
            }
            int stamp = memo.stamps[index];
            if (stamp == LASTING || stamp == batch) {
                rows.setValue(column, row, memo.values[index]);
                return true;
            }
            return stamp != SLOW && remember(rows, row, column, values, memo, index);
        }

        /** Checks dictionary value {@code index} for row {@code row}, storing it, and remembers the outcome; true if taken. */
        private boolean remember(ColumnarRows rows, int row, int column, ColumnValues values, Memo memo, int index) {
            boolean taken = fromDictionary(rows, row, column, values, index);
            memo.stamps[index] = !taken ? SLOW : rows.lasting(column, row) ? LASTING : batch;
            memo.values[index] = taken ? rows.value(column, row) : 0;
            return taken;
        }

        /** Checks and stores dictionary value {@code index} for row {@code row}. */
        private boolean fromDictionary(ColumnarRows rows, int row, int column, ColumnValues values, int index) {
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
                // Rendered as Float.toString renders it, as the text path reads a float32.
                case FLOAT -> decoder.putDouble(rows, row, column,
                        Double.parseDouble(Float.toString((float) Double.longBitsToDouble(bits))));
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

    /**
     * What was stored for each value of one column's current dictionary: its stamp, for how long
     * it holds ({@link #LASTING}; the one batch whose own dictionary coded it; {@link #SLOW}, for
     * good, that its rows go the slow way; 0, not yet checked), and the stored value's bits.
     */
    private static final class Memo {
        long dictionary = -1;
        int[] stamps = new int[0];
        long[] values = new long[0];
        /**
         * The current batch's code of each value and of a null, one past them
         * ({@link ParquetRowGroupLoad.Worker#codesFromDictionary}); or, for a decimal column, its
         * outcome and stored bits ({@link ParquetRowGroupLoad.Worker#decimalsFromDictionary}).
         */
        int[] direct = new int[1];
        byte[] outcome = new byte[1];
        long[] directBits = new long[1];

        /** Forgets everything when the column moves to another dictionary, of {@code size} values. */
        void use(long serial, int size) {
            if (serial == dictionary) {
                return;
            }
            dictionary = serial;
            if (stamps.length < size) {
                stamps = new int[size];
                values = new long[size];
                direct = new int[size + 1];
                outcome = new byte[size + 1];
                directBits = new long[size + 1];
            } else {
                Arrays.fill(stamps, 0, size, 0);
            }
        }
    }
}
