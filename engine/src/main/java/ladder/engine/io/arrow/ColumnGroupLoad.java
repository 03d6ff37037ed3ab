package ladder.engine.io.arrow;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import ladder.engine.LadderException;
import ladder.engine.io.ColumnDecoder;
import ladder.engine.io.ColumnarRows;
import ladder.engine.io.RowValidator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.util.TransferPair;
import org.apache.arrow.vector.util.ValueVectorUtility;

/**
 * Loads a Parquet file on several threads: Arrow's dataset scanner decodes on the one thread that
 * asks for batches, so each thread scans its own group of the bound columns with its own scanner,
 * moves each batch's vectors out of the scanner (so that they outlive its next batch) and puts
 * their values into the batch's {@link ColumnarRows} ({@link TypedColumns}); the calling thread
 * merges the batches in file order, rows that need it offered as text from the moved vectors, so
 * the outcome is {@link BatchRecords#emit}'s. Scanners of one file with one batch size cut it into
 * the same batches (same row groups, same sizes); groups that disagree refuse the file.
 */
final class ColumnGroupLoad {
    /** Batches in flight: one being merged, the next ones being filled. */
    private static final int SLOTS = 3;

    private final SourceFile source;
    private final BatchRecords records;
    private final RowValidator validator;
    private final int batchRows;

    ColumnGroupLoad(SourceFile source, BatchRecords records, RowValidator validator, int batchRows) {
        this.source = source;
        this.records = records;
        this.validator = validator;
        this.batchRows = batchRows;
    }

    /**
     * The bound columns split into at most {@code threads} groups of about equal decoding work,
     * text columns counting three times a number column; fewer groups than asked when columns are few.
     */
    static List<int[]> groups(BatchRecords records, int threads) {
        int n = Math.min(threads, records.size());
        List<List<Integer>> groups = new ArrayList<>();
        int[] weights = new int[n];
        for (int g = 0; g < n; g++) {
            groups.add(new ArrayList<>());
        }
        List<Integer> byWeight = new ArrayList<>();
        for (int c = 0; c < records.size(); c++) {
            byWeight.add(c);
        }
        byWeight.sort((a, b) -> Integer.compare(weight(records, b), weight(records, a)));
        for (int c : byWeight) {
            int lightest = 0;
            for (int g = 1; g < n; g++) {
                lightest = weights[g] < weights[lightest] ? g : lightest;
            }
            groups.get(lightest).add(c);
            weights[lightest] += weight(records, c);
        }
        return groups.stream().map(group -> group.stream().mapToInt(Integer::intValue).sorted().toArray()).toList();
    }

    private static int weight(BatchRecords records, int c) {
        return records.isText(c) ? 3 : 1;
    }

    /** One batch in flight: its rows, the vectors moved out of the scanners, and each group's row count. */
    private final class Slot {
        final ColumnarRows rows = new ColumnarRows(validator, batchRows);
        final FieldVector[] vectors = new FieldVector[records.size()];
        final int[] counts;
        CountDownLatch filled;
        volatile Throwable failure;

        Slot(int groups) {
            counts = new int[groups];
        }

        /** Makes the slot ready to be filled again, releasing the vectors of its last batch. */
        void reset() {
            release();
            rows.reset(batchRows);
            Arrays.fill(counts, 0);
            filled = new CountDownLatch(counts.length);
        }

        void release() {
            for (int c = 0; c < vectors.length; c++) {
                if (vectors[c] != null) {
                    vectors[c].close();
                    vectors[c] = null;
                }
            }
        }
    }

    /** Reads every batch, group {@code g}'s columns from {@code readers.get(g)}, and merges them in order. */
    void run(List<ArrowReader> readers, List<int[]> groups) throws InterruptedException {
        int n = groups.size();
        List<BlockingQueue<Slot>> queues = new ArrayList<>();
        for (int g = 0; g < n; g++) {
            queues.add(new ArrayBlockingQueue<>(SLOTS));
        }
        Slot[] ring = new Slot[SLOTS];
        for (int k = 0; k < SLOTS; k++) {
            ring[k] = new Slot(n);
            ring[k].reset();
            for (BlockingQueue<Slot> queue : queues) {
                queue.add(ring[k]);
            }
        }
        ExecutorService workers = Executors.newFixedThreadPool(n, runnable -> {
            Thread thread = new Thread(runnable, "ladder-parquet");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (int g = 0; g < n; g++) {
                int group = g;
                workers.execute(() -> fill(group, readers.get(group), groups.get(group), queues.get(group)));
            }
            long row = 0;
            for (int k = 0; ; k = (k + 1) % SLOTS) {
                Slot slot = ring[k];
                slot.filled.await();
                int count = checkedCount(slot);
                if (count < 0) {
                    return;
                }
                BatchRecords.Values[] values = new BatchRecords.Values[slot.vectors.length];
                for (int c = 0; c < values.length; c++) {
                    values[c] = BatchRecords.valuesOf(slot.vectors[c]);
                }
                slot.rows.merge(source.name(), row + 1, count, (i, rowNumber, sink) -> records.offerRow(values, i, rowNumber, sink));
                row += count;
                slot.reset();
                for (BlockingQueue<Slot> queue : queues) {
                    queue.add(slot);
                }
            }
        } finally {
            workers.shutdownNow();
            // The scanners and their memory must not be closed while a worker still uses them.
            if (!workers.awaitTermination(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("Parquet workers did not stop");
            }
            for (Slot slot : ring) {
                slot.release();
            }
        }
    }

    /** The slot's row count, the same for every group, or -1 at the end of the file; refuses the file otherwise. */
    private int checkedCount(Slot slot) {
        Throwable failure = slot.failure;
        if (failure instanceof LadderException refusal) {
            throw refusal;
        }
        if (failure != null) {
            throw source.unreadable(failure);
        }
        for (int count : slot.counts) {
            if (count != slot.counts[0]) {
                throw source.unreadable(new IOException("its column groups were read in batches of different sizes: "
                        + Arrays.toString(slot.counts)));
            }
        }
        return slot.counts[0];
    }

    /** Group {@code g}'s thread: fills each slot it is handed with the group's columns of the next batch. */
    private void fill(int g, ArrowReader reader, int[] group, BlockingQueue<Slot> queue) {
        TypedColumns typed = new TypedColumns(records.size(), new ColumnDecoder(validator));
        boolean more = true;
        while (more) {
            Slot slot;
            try {
                slot = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                more = reader.loadNextBatch();
                if (more) {
                    VectorSchemaRoot root = reader.getVectorSchemaRoot();
                    int count = root.getRowCount();
                    if (count > batchRows) {
                        throw new IOException("a batch of " + count + " rows, more than the " + batchRows + " asked for");
                    }
                    typed.nextBatch();
                    for (int c : group) {
                        slot.vectors[c] = moved(root, records.fileName(c));
                        typed.fill(slot.rows, c, records.target(c), slot.vectors[c], null, count);
                    }
                    slot.counts[g] = count;
                } else {
                    slot.counts[g] = -1;
                }
            } catch (Throwable e) {
                slot.failure = e;
                slot.counts[g] = -2;
                more = false;
            } finally {
                slot.filled.countDown();
            }
        }
    }

    /** The batch's vector of {@code name}, validated and moved out of the scanner's root. */
    private static FieldVector moved(VectorSchemaRoot root, String name) {
        FieldVector vector = root.getVector(name);
        if (vector == null) {
            throw new IllegalStateException("bound column " + name + " absent from a batch");
        }
        ValueVectorUtility.validate(vector);
        TransferPair transfer = vector.getTransferPair(vector.getAllocator());
        transfer.transfer();
        return (FieldVector) transfer.getTo();
    }
}
