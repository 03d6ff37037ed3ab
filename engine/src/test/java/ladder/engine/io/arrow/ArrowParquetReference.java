package ladder.engine.io.arrow;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import ladder.engine.LadderException;
import ladder.engine.contract.Schema;
import ladder.engine.io.RecordSink;
import ladder.engine.io.RowValidator;
import ladder.engine.io.SourceReader;
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
 * Tests only: a Parquet file read by Arrow's C++ library (arrow-dataset, through JNI), an
 * independent reading of the same bytes against which {@link ParquetReader}, Ladder's own
 * decoder, is checked. {@link #read} offers every row as text ({@link BatchRecords#emit});
 * {@link #load} the typed values ({@link BatchRecords#load}). Ladder itself no longer ships
 * arrow-dataset: it is a test dependency of the engine.
 */
final class ArrowParquetReference implements SourceReader {
    private final int batchRows;

    ArrowParquetReference(int batchRows) {
        this.batchRows = batchRows;
    }

    @Override
    public List<String> extensions() {
        return List.of(".parquet");
    }

    @Override
    public void read(Path file, Schema schema, RecordSink sink, Consumer<String> warnings) {
        read(file, schema, warnings, (records, reader) -> records.emit(reader, sink));
    }

    @Override
    public void load(Path file, Schema schema, RowValidator validator, Consumer<String> warnings) {
        read(file, schema, warnings, (records, reader) -> records.load(reader, validator));
    }

    private void read(Path file, Schema schema, Consumer<String> warnings, BatchRecords.Use use) {
        SourceFile source = new SourceFile(file.toString(), "Parquet");
        source.run(() -> source.open(file).close());
        String uri = file.toAbsolutePath().toUri().toString();
        try (BufferAllocator allocator = new RootAllocator();
                DatasetFactory factory = source.attempt(() -> new FileSystemDatasetFactory(
                        allocator, NativeMemoryPool.getDefault(), FileFormat.PARQUET, uri))) {
            BatchRecords records = BatchRecords.bind(
                    source, source.attempt(factory::inspect).getFields(), schema, warnings);
            ScanOptions options = new ScanOptions(batchRows, Optional.of(records.fileColumns()));
            try (Dataset dataset = source.attempt(factory::finish);
                    Scanner scanner = source.attempt(() -> dataset.newScan(options));
                    ArrowReader reader = source.attempt(scanner::scanBatches)) {
                use.with(records, reader);
            }
        } catch (LadderException e) {
            throw e;
        } catch (Exception e) {
            throw source.unreadable(e);
        }
    }
}
