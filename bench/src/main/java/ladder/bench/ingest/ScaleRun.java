package ladder.bench.ingest;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import ladder.bench.MemoryFootprint;
import ladder.bench.cube.CubeQuery;
import ladder.engine.contract.Schema;
import ladder.engine.cube.DenseCube;
import ladder.engine.cube.CubeKernel;
import ladder.engine.filter.Filter;
import ladder.engine.filter.FilterParser;
import ladder.engine.io.Loader;
import ladder.engine.table.Table;

/**
 * The scale run: a pool of (by default) a hundred million rows loaded from CSV, and every cube of
 * the kernel benchmarks ({@link CubeQuery}) built from it through {@link CubeKernel#dense},
 * reporting what it costs in time and memory.
 *
 * <p>Memory is reported four ways: {@link Table#bytes()} (the table's arrays and dictionaries);
 * the live heap after full collections, before and after the load (what the JVM really holds for
 * the table, object headers and all); the peak of the heap in use during the load, sampled every
 * 20 ms; and the sum of the heap pools' peaks (an upper bound of that peak, as pools peak at
 * different moments). Run it under {@code -Xlog:gc} and {@code /usr/bin/time -v} (as
 * {@code bench/run-ingest scale} does) for the collector's view and the process's resident peak.
 *
 * <pre>
 * java --add-opens=java.base/java.nio=ALL-UNNAMED -Xmx7g -cp bench/target/benchmarks.jar \
 *     ladder.bench.ingest.ScaleRun 100000000 [file.csv]
 * </pre>
 */
public final class ScaleRun {
    private ScaleRun() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 100_000_000L;
        Path csv = args.length > 1 ? Path.of(args[1]) : IngestFiles.csv(rows);
        System.out.printf("max heap (-Xmx): %.2f GiB; cores: %d; file: %s%n", gib(Runtime.getRuntime().maxMemory()),
                ladder.engine.Threads.all(), csv);

        long before = MemoryFootprint.liveHeap();
        resetPeaks();
        AtomicLong sampledPeak = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "heap-sampler");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleAtFixedRate(() -> sampledPeak.accumulateAndGet(
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max), 0, 20, TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        Loader.Loaded loaded = Loader.load(Schema.EMPLOYEES, List.of(csv));
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.shutdownNow();
        long poolPeaks = heapPoolPeaks();
        Table table = loaded.table();

        System.out.printf("load: %,d rows read, %,d accepted, %,d rejected in %.1f s = %.2f million rows/s%n",
                loaded.report().read(), loaded.report().accepted(), loaded.report().rejected(), seconds,
                table.rows() / seconds / 1e6);
        System.out.printf("heap in use during the load, sampled peak: %.2f GiB; sum of heap pools' peaks: %.2f GiB%n",
                gib(sampledPeak.get()), gib(poolPeaks));
        long after = MemoryFootprint.liveHeap();
        System.out.printf("table arrays and dictionaries (Table.bytes): %,d bytes = %.2f GiB = %.2f bytes/row%n",
                table.bytes(), gib(table.bytes()), (double) table.bytes() / table.rows());
        System.out.printf("live heap after full GC: %.2f GiB before the load, %.2f GiB after; growth %.2f GiB = %.2f bytes/row%n",
                gib(before), gib(after), gib(after - before), (double) (after - before) / table.rows());

        for (CubeQuery query : CubeQuery.values()) {
            Filter filter = FilterParser.parse(query.filter(), table);
            double best = Double.MAX_VALUE;
            DenseCube cube = null;
            for (int repeat = 0; repeat < 3; repeat++) {
                long t = System.nanoTime();
                cube = CubeKernel.dense(table, filter, query.dimensions(), query.measures(), ladder.engine.Threads.all());
                best = Math.min(best, (System.nanoTime() - t) / 1e9);
            }
            String where = query.filter().isEmpty() ? "" : " where " + query.filter();
            System.out.printf("cube %s, %s by %s%s: %,d cells, %,d rows counted; best of 3: %.3f s = %.0f M rows/s%n",
                    query, query.measures(), query.dimensions(), where, cube.cells(), cube.total(), best,
                    table.rows() / best / 1e6);
        }
        System.out.printf("heap peak over the whole run (sum of heap pools' peaks): %.2f GiB%n", gib(heapPoolPeaks()));
        System.out.println("(table kept alive to the end: " + table.rows() + " rows)");
    }

    private static double gib(long bytes) {
        return bytes / (double) (1L << 30);
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long heapPoolPeaks() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
