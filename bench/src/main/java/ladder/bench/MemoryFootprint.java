package ladder.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import ladder.bench.ingest.IngestFiles;
import ladder.engine.contract.Schema;
import ladder.engine.io.Loader;
import ladder.engine.table.Table;

/**
 * Measures the memory a loaded pool holds per row, two ways: the bytes of the table's primitive
 * arrays and dictionaries ({@link Table#bytes()}), and the growth of the live heap after a full
 * collection (what the JVM really holds, headers and all).
 *
 * <pre>
 * java --add-opens=java.base/java.nio=ALL-UNNAMED -Xmx8g -cp bench/target/benchmarks.jar \
 *     ladder.bench.MemoryFootprint 10000000 /tmp/pool-10m.csv
 * </pre>
 * Generates the CSV ({@link IngestFiles#csv(long, Path)}: seed 1, 40 employers, 2022-2024) if the file does
 * not exist, then loads it.
 */
public final class MemoryFootprint {
    private MemoryFootprint() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        Path csv = IngestFiles.csv(rows, Path.of(args.length > 1 ? args[1] : "/tmp/ladder-pool-" + rows + ".csv"));
        long before = liveHeap();
        long t = System.nanoTime();
        Loader.Loaded loaded = Loader.load(Schema.EMPLOYEES, List.of(csv));
        double seconds = (System.nanoTime() - t) / 1e9;
        Table table = loaded.table();
        long after = liveHeap();
        System.out.printf("loaded %,d rows (%,d rejected) in %.1f s: %.2f million rows/s%n", table.rows(),
                loaded.report().rejected(), seconds, table.rows() / seconds / 1e6);
        System.out.printf("table arrays and dictionaries: %,d bytes = %.2f bytes/row%n", table.bytes(),
                (double) table.bytes() / table.rows());
        System.out.printf("live heap growth after full GC: %,d bytes = %.2f bytes/row%n", after - before,
                (double) (after - before) / table.rows());
        System.out.println("(table kept alive: " + table.rows() + " rows)");
    }

    /** The heap in use after full collections: what is alive. */
    public static long liveHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
