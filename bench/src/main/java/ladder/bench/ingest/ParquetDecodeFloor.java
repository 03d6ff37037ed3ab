package ladder.bench.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import ladder.engine.contract.Field;
import ladder.engine.contract.Schema;
import org.apache.arrow.dataset.file.FileFormat;
import org.apache.arrow.dataset.file.FileSystemDatasetFactory;
import org.apache.arrow.dataset.jni.NativeMemoryPool;
import org.apache.arrow.dataset.scanner.ScanOptions;
import org.apache.arrow.dataset.scanner.Scanner;
import org.apache.arrow.dataset.source.Dataset;
import org.apache.arrow.dataset.source.DatasetFactory;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * The floor under Ladder's Parquet load: the time Arrow's native dataset scanner takes only to
 * decode the pool's Parquet file into Arrow batches (nothing checked, nothing stored), with one
 * scanner over every column and with two scanners over two groups of columns on two threads at
 * once (as Ladder's reader scans). Three rounds each, after one to warm up.
 *
 * <pre>
 * java --add-opens=java.base/java.nio=ALL-UNNAMED -cp bench/target/benchmarks.jar \
 *     ladder.bench.ingest.ParquetDecodeFloor 10000000
 * </pre>
 */
public final class ParquetDecodeFloor {
    private ParquetDecodeFloor() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        Path file = IngestFiles.parquet(rows);
        List<String> text = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (Field field : Schema.EMPLOYEES.fields()) {
            (field.kind() == Field.Kind.TEXT || field.kind() == Field.Kind.CODE ? text : numbers).add(field.name());
        }
        // Two groups of about equal work: half the text columns each, the numbers with the second.
        List<String> first = new ArrayList<>(text.subList(0, text.size() / 2));
        List<String> second = new ArrayList<>(text.subList(text.size() / 2, text.size()));
        second.addAll(numbers);
        List<String> all = Schema.EMPLOYEES.fields().stream().map(Field::name).toList();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (BufferAllocator allocator = new RootAllocator();
                DatasetFactory factory = new FileSystemDatasetFactory(allocator, NativeMemoryPool.getDefault(),
                        FileFormat.PARQUET, file.toAbsolutePath().toUri().toString());
                Dataset dataset = factory.finish()) {
            for (int round = 0; round <= 3; round++) {
                long start = System.nanoTime();
                long decoded = scan(dataset, all);
                double one = (System.nanoTime() - start) / 1e9;
                start = System.nanoTime();
                Future<Long> a = threads.submit(() -> scan(dataset, first));
                Future<Long> b = threads.submit(() -> scan(dataset, second));
                a.get();
                b.get();
                double two = (System.nanoTime() - start) / 1e9;
                System.out.printf("%s %,d rows decoded: one scanner %.2f s; two column groups at once %.2f s%n",
                        round == 0 ? "warm-up:" : "round " + round + ":", decoded, one, two);
            }
        } finally {
            threads.shutdown();
        }
    }

    private static long scan(Dataset dataset, List<String> columns) throws Exception {
        long rows = 0;
        ScanOptions options = new ScanOptions(65_536, Optional.of(columns.toArray(String[]::new)));
        try (Scanner scanner = dataset.newScan(options); ArrowReader reader = scanner.scanBatches()) {
            while (reader.loadNextBatch()) {
                rows += reader.getVectorSchemaRoot().getRowCount();
            }
        }
        return rows;
    }
}
