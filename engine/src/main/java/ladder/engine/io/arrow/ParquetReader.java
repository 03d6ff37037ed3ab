package ladder.engine.io.arrow;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import ladder.engine.LadderException;
import ladder.engine.contract.Schema;
import ladder.engine.io.RecordSink;
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
 * Reads a contract table from a Parquet file ({@code .parquet}) through Arrow's native dataset
 * library, which decodes the file in batches of 65,536 rows.
 *
 * <p>Only the columns bound to the contract are decoded; columns the contract does not know are
 * warned of and skipped. Columns are bound and rows handed to the sink as {@link BatchRecords}
 * describes; a file the library cannot read is refused as a whole.
 */
public final class ParquetReader implements SourceReader {
    private static final int BATCH_ROWS = 65_536;

    private final int batchRows;

    public ParquetReader() {
        this(BATCH_ROWS);
    }

    /** A reader decoding {@code batchRows} rows at a time; tests use small batches. */
    ParquetReader(int batchRows) {
        this.batchRows = batchRows;
    }

    @Override
    public List<String> extensions() {
        return List.of(".parquet");
    }

    @Override
    public void read(Path file, Schema schema, RecordSink sink, Consumer<String> warnings) {
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
                records.emit(reader, sink);
            }
        } catch (UnsatisfiedLinkError e) {
            throw new LadderException(source.name() + ": Parquet files cannot be read on this machine:"
                    + " Arrow's native dataset library did not load (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw source.unreadable(e);
        }
    }
}
