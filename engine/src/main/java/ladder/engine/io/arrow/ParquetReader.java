package ladder.engine.io.arrow;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import ladder.engine.LadderException;
import ladder.engine.contract.Schema;
import ladder.engine.io.RecordSink;
import ladder.engine.io.RowValidator;
import ladder.engine.io.SourceReader;
import ladder.engine.io.parquet.ParquetFile;
import ladder.engine.io.parquet.UnsupportedParquet;
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
 * Reads a contract table from a Parquet file ({@code .parquet}). A load into a table uses Ladder's
 * own decoder ({@link ParquetRowGroupLoad}) for the flat files of integers, floats and strings
 * that the contract's tables are, and Arrow's native dataset library for anything else (nested
 * columns, other types or codecs); reading records for a sink always goes through Arrow, which
 * decodes the file in batches of 65,536 rows.
 *
 * <p>Only the columns bound to the contract are decoded; columns the contract does not know are
 * warned of and skipped. Columns are bound and rows handed to the sink as {@link BatchRecords}
 * describes, by either decoder; a file that cannot be read is refused as a whole. A load through
 * Arrow reads typed values directly, with one scanner.
 */
public final class ParquetReader implements SourceReader {
    private static final int BATCH_ROWS = 65_536;

    private final int batchRows;
    private final int threads;
    private final boolean ownDecoder;

    /** A reader that loads on every available core. */
    public ParquetReader() {
        this(BATCH_ROWS, ladder.engine.Threads.all());
    }

    /** A reader decoding {@code batchRows} rows at a time; tests use small batches. */
    ParquetReader(int batchRows) {
        this(batchRows, ladder.engine.Threads.all());
    }

    /** A reader decoding {@code batchRows} rows at a time, loading on {@code threads} threads. */
    ParquetReader(int batchRows, int threads) {
        this(batchRows, threads, true);
    }

    /**
     * A reader decoding {@code batchRows} rows at a time, loading on {@code threads} threads, with
     * Ladder's own decoder where it reads the file ({@code ownDecoder}) or always through Arrow.
     */
    ParquetReader(int batchRows, int threads, boolean ownDecoder) {
        this.batchRows = batchRows;
        this.threads = threads;
        this.ownDecoder = ownDecoder;
    }

    @Override
    public List<String> extensions() {
        return List.of(".parquet");
    }

    @Override
    public void read(Path file, Schema schema, RecordSink sink, Consumer<String> warnings) {
        read(file, schema, warnings, (source, records, dataset) -> scan(source, records, dataset,
                reader -> records.emit(reader, sink)));
    }

    /**
     * Reads the file straight into the validator's table from its typed values, with Ladder's own
     * decoder ({@link ParquetRowGroupLoad}) when it reads the file, and otherwise through Arrow.
     */
    @Override
    public void load(Path file, Schema schema, RowValidator validator, Consumer<String> warnings) {
        if (!ownDecoder) {
            arrowLoad(file, schema, validator, warnings);
            return;
        }
        SourceFile source = new SourceFile(file.toString(), "Parquet");
        try (FileChannel channel = source.open(file)) {
            ParquetRowGroupLoad load;
            try {
                load = ParquetRowGroupLoad.bind(source, ParquetFile.open(channel), schema, validator, warnings, batchRows);
            } catch (UnsupportedParquet | IOException e) {
                // Arrow reads what Ladder's decoder does not, and words the refusal of what neither can.
                arrowLoad(file, schema, validator, warnings);
                return;
            } catch (LadderException e) {
                throw e;
            } catch (RuntimeException e) {
                // Footer bytes no check foresaw: refused in one line, as a failure while decoding is.
                throw source.unreadable(e);
            }
            load.run(threads);
        } catch (IOException e) {
            throw source.unreadable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw source.unreadable(e);
        }
    }

    /**
     * Loads through Arrow's scanner from its typed values ({@link BatchRecords#load}): the way for
     * files Ladder's decoder does not read, which are rare enough that one scanner does.
     */
    private void arrowLoad(Path file, Schema schema, RowValidator validator, Consumer<String> warnings) {
        read(file, schema, warnings, (source, records, dataset) -> scan(source, records, dataset,
                reader -> records.load(reader, validator)));
    }

    /** What is done with the bound file's dataset. */
    private interface Use {
        void with(SourceFile source, BatchRecords records, Dataset dataset) throws Exception;
    }

    private void read(Path file, Schema schema, Consumer<String> warnings, Use use) {
        SourceFile source = new SourceFile(file.toString(), "Parquet");
        source.run(() -> source.open(file).close());
        String uri = file.toAbsolutePath().toUri().toString();
        try (BufferAllocator allocator = new RootAllocator();
                DatasetFactory factory = source.attempt(() -> new FileSystemDatasetFactory(
                        allocator, NativeMemoryPool.getDefault(), FileFormat.PARQUET, uri))) {
            BatchRecords records = BatchRecords.bind(
                    source, source.attempt(factory::inspect).getFields(), schema, warnings);
            try (Dataset dataset = source.attempt(factory::finish)) {
                use.with(source, records, dataset);
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

    /** Scans the bound columns in one pass and hands the batches to {@code use}. */
    private void scan(SourceFile source, BatchRecords records, Dataset dataset, Consumer<ArrowReader> use)
            throws Exception {
        ScanOptions options = new ScanOptions(batchRows, Optional.of(records.fileColumns()));
        try (Scanner scanner = source.attempt(() -> dataset.newScan(options));
                ArrowReader reader = source.attempt(scanner::scanBatches)) {
            use.accept(reader);
        }
    }
}
