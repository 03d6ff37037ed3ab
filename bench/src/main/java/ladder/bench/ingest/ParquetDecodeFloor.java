package ladder.bench.ingest;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import ladder.engine.contract.Field;
import ladder.engine.contract.Schema;
import ladder.engine.io.parquet.ColumnChunkReader;
import ladder.engine.io.parquet.ColumnValues;
import ladder.engine.io.parquet.LeafColumn;
import ladder.engine.io.parquet.PageBuffers;
import ladder.engine.io.parquet.ParquetFile;
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
 * The floor under a Parquet load: the time a decoder takes only to decode the pool's Parquet file
 * (nothing checked, nothing stored). Arrow's native dataset scanner into Arrow batches, with one
 * scanner over every column and with two scanners over two groups of columns on two threads at
 * once (as Ladder's reader scanned before it had its own decoder); and Ladder's own decoder
 * ({@link ColumnChunkReader}) into {@link ColumnValues} of 65,536 rows, on one thread and on two
 * taking row groups in turn (as its load does). Three rounds each, after one to warm up.
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
                start = System.nanoTime();
                long own = decodeOwn(file, 1, threads);
                double ownOne = (System.nanoTime() - start) / 1e9;
                start = System.nanoTime();
                decodeOwn(file, 2, threads);
                double ownTwo = (System.nanoTime() - start) / 1e9;
                System.out.printf("%s %,d rows decoded: Arrow, one scanner %.2f s; two column groups at once %.2f s."
                        + " Ladder's decoder (%,d rows), one thread %.2f s; two threads %.2f s%n",
                        round == 0 ? "warm-up:" : "round " + round + ":", decoded, one, two, own, ownOne, ownTwo);
            }
        } finally {
            threads.shutdown();
        }
    }

    /** Decodes every column of every row group with Ladder's decoder on {@code count} threads; returns the rows. */
    private static long decodeOwn(Path file, int count, ExecutorService threads) throws Exception {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ParquetFile parquet = ParquetFile.open(channel);
            AtomicInteger next = new AtomicInteger();
            List<Future<Long>> workers = new ArrayList<>();
            for (int t = 0; t < count; t++) {
                workers.add(threads.submit(() -> {
                    List<LeafColumn> columns = parquet.columns();
                    PageBuffers[] buffers = new PageBuffers[columns.size()];
                    ColumnValues[] values = new ColumnValues[columns.size()];
                    for (int c = 0; c < buffers.length; c++) {
                        buffers[c] = new PageBuffers();
                        values[c] = new ColumnValues(columns.get(c).type());
                    }
                    long rows = 0;
                    for (int g = next.getAndIncrement(); g < parquet.rowGroups(); g = next.getAndIncrement()) {
                        ColumnChunkReader[] readers = new ColumnChunkReader[buffers.length];
                        for (int c = 0; c < readers.length; c++) {
                            readers[c] = parquet.reader(g, columns.get(c), buffers[c]);
                        }
                        for (long done = 0; done < parquet.rows(g); ) {
                            int batch = (int) Math.min(65_536, parquet.rows(g) - done);
                            for (int c = 0; c < readers.length; c++) {
                                readers[c].read(batch, values[c]);
                            }
                            done += batch;
                        }
                        rows += parquet.rows(g);
                    }
                    return rows;
                }));
            }
            long rows = 0;
            for (Future<Long> worker : workers) {
                rows += worker.get();
            }
            return rows;
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
