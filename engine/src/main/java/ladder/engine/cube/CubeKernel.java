package ladder.engine.cube;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import ladder.engine.filter.Filter;
import ladder.engine.table.Chunk;
import ladder.engine.table.Column;
import ladder.engine.table.Table;

/**
 * Builds a {@link Cube} from a table: for every row that passes the filter, the row's cell index
 * is {@code sum_d (code_d - base_d) * stride_d}, and the cell's count, and each measure's
 * count, sum and sum of squares, are accumulated.
 *
 * <p>Chunks are split into contiguous runs, one per thread; each thread fills its own cube and the
 * partial cubes are merged in run order, so a result depends only on the data and the thread
 * count (floating-point sums are not associative, so different thread counts can differ in the
 * last bits of a sum; counts never differ). How a thread fills its cube, of the variants that
 * compute the same cube, is chosen by {@link KernelPlan}.
 */
public final class CubeKernel {
    /** The threads that fill partial cubes: made on demand, kept a minute when idle, never blocking the JVM's exit. */
    private static final ExecutorService THREADS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "ladder-cube");
        t.setDaemon(true);
        return t;
    });

    private CubeKernel() {
    }

    /** The cube of {@code table} over the named dimensions and measures, on every available core. */
    public static Cube build(Table table, Filter filter, List<String> dimensions, List<String> measures) {
        return build(table, filter, dimensions, measures, Runtime.getRuntime().availableProcessors());
    }

    public static Cube build(Table table, Filter filter, List<String> dimensions, List<String> measures, int threads) {
        List<Dimension> dims = new ArrayList<>();
        for (String name : dimensions) {
            dims.add(Dimension.of(table, name));
        }
        List<Column> values = new ArrayList<>();
        for (String name : measures) {
            values.add(table.column(name));
        }
        return build(table, filter, new Cube(dims, values), threads);
    }

    /**
     * Fills {@code empty} (a new cube whose dimensions span every code of their columns in
     * {@code table}) from the table's rows that pass {@code filter}.
     */
    public static Cube build(Table table, Filter filter, Cube empty, int threads) {
        return build(table, filter, empty, threads, KernelPlan.Options.AUTO);
    }

    /** As {@link #build(Table, Filter, Cube, int)}, with the variants narrowed by {@code options}. */
    static Cube build(Table table, Filter filter, Cube empty, int threads, KernelPlan.Options options) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        for (Dimension d : empty.dimensions()) {
            Column c = d.column();
            if (c.minCode() >= 0 && (c.minCode() < d.base() || c.maxCode() >= d.base() + d.size())) {
                throw new IllegalArgumentException("dimension " + d.name() + " spans codes " + d.base() + ".."
                        + (d.base() + d.size() - 1) + " but the table has " + c.minCode() + ".." + c.maxCode());
            }
        }
        KernelPlan plan = KernelPlan.choose(empty, options);
        List<Chunk> chunks = table.chunks();
        int parts = Math.min(threads, Math.max(1, chunks.size()));
        // The first run is filled on the calling thread, the others on pool threads.
        List<Future<Cube>> partials = new ArrayList<>();
        try {
            for (int p = 1; p < parts; p++) {
                List<Chunk> run = chunks.subList(p * chunks.size() / parts, (p + 1) * chunks.size() / parts);
                Cube partial = new Cube(empty.dimensions(), empty.measures());
                partials.add(THREADS.submit(() -> fill(plan.scan(partial), run, filter)));
            }
            Cube result = fill(plan.scan(empty), chunks.subList(0, chunks.size() / parts), filter);
            for (Future<Cube> partial : partials) {
                result.mergeFrom(partial.get());
            }
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building a cube", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            partials.forEach(f -> f.cancel(true));
        }
    }

    private static Cube fill(CubeScan scan, List<Chunk> chunks, Filter filter) {
        for (Chunk chunk : chunks) {
            scan.add(chunk, filter instanceof Filter.All ? null : filter.select(chunk));
        }
        return scan.finish();
    }
}
