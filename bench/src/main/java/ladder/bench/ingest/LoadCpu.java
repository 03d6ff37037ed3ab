package ladder.bench.ingest;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import ladder.engine.contract.Schema;
import ladder.engine.io.Loader;

/**
 * Where a load's time goes between the thread that merges (the calling thread: duplicate check,
 * dictionaries, packing) and the rest of the process (the readers' workers, the JIT, the
 * collector): loads a file {@code LOADS} times and prints, for each, the wall time, the calling
 * thread's CPU time, the whole process's CPU time and the collector's time. Not a JMH benchmark:
 * a diagnostic of how a load uses the two cores.
 *
 * <pre>
 * java --add-opens=java.base/java.nio=ALL-UNNAMED -Xmx6g -cp bench/target/benchmarks.jar \
 *     ladder.bench.ingest.LoadCpu /tmp/ladder-ingest/pool-10000000.parquet 6
 * </pre>
 */
public final class LoadCpu {
    private LoadCpu() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int loads = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int i = 0; i < loads; i++) {
            long collector = collectorMillis();
            long wall = System.nanoTime();
            long merging = threads.getCurrentThreadCpuTime();
            long process = os.getProcessCpuTime();
            Loader.Loaded loaded = Loader.load(Schema.EMPLOYEES, List.of(file));
            System.out.printf("load %d: %.2f s wall; CPU: merging thread %.2f s, process %.2f s; collector %.2f s; %,d rows%n",
                    i, (System.nanoTime() - wall) / 1e9, (threads.getCurrentThreadCpuTime() - merging) / 1e9,
                    (os.getProcessCpuTime() - process) / 1e9, (collectorMillis() - collector) / 1e3,
                    loaded.table().rows());
            loaded = null;
            System.gc();
        }
    }

    private static long collectorMillis() {
        long total = 0;
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += bean.getCollectionTime();
        }
        return total;
    }
}
