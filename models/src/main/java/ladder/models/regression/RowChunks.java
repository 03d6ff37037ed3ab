package ladder.models.regression;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;

/**
 * Runs an accumulation over rows 0..n-1 in fixed chunks of {@value #CHUNK} rows on a few threads,
 * then combines the chunks' accumulators in chunk order (a wave of one chunk per thread at a time). The chunks do not depend on the number of
 * threads, so the sums (and every number of a fit) are the same bit for bit on 1 thread or 8.
 */
final class RowChunks {

    static final int CHUNK = 1 << 15;

    /** What accumulates a range of rows. */
    interface Task<A> {
        void accumulate(A accumulator, int from, int to);
    }

    private RowChunks() {
    }

    static <A> A run(int rows, int threads, Supplier<A> fresh, Task<A> task, BinaryOperator<A> combine) {
        int chunks = Math.max(1, (rows + CHUNK - 1) / CHUNK);
        if (threads <= 1 || chunks == 1) {
            A total = fresh.get();
            for (int c = 0; c < chunks; c++) {
                A part = fresh.get();
                task.accumulate(part, c * CHUNK, Math.min(rows, (c + 1) * CHUNK));
                total = c == 0 ? part : combine.apply(total, part);
            }
            return total;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, chunks));
        try {
            // Waves of one chunk per thread: at most that many accumulators are alive at once.
            A total = null;
            for (int wave = 0; wave < chunks; wave += threads) {
                List<Future<A>> parts = new ArrayList<>();
                for (int c = wave; c < Math.min(chunks, wave + threads); c++) {
                    int from = c * CHUNK;
                    int to = Math.min(rows, from + CHUNK);
                    parts.add(pool.submit(() -> {
                        A a = fresh.get();
                        task.accumulate(a, from, to);
                        return a;
                    }));
                }
                for (Future<A> part : parts) {
                    total = total == null ? part.get() : combine.apply(total, part.get());
                }
            }
            return total;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }
}
