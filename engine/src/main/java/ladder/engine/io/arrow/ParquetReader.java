package ladder.engine.io.arrow;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import ladder.engine.LadderException;
import ladder.engine.contract.Schema;
import ladder.engine.io.RecordSink;
import ladder.engine.io.RowValidator;
import ladder.engine.io.SourceReader;
import ladder.engine.io.parquet.ParquetFile;
import ladder.engine.io.parquet.UnsupportedParquet;

/**
 * Reads a contract table from a Parquet file ({@code .parquet}) with Ladder's own decoder
 * ({@link ParquetFile}, {@link ParquetRowGroupLoad}): the flat files of integers, floats and
 * UTF-8 strings that the contract's tables are, as pyarrow, pandas, polars, DuckDB, R's arrow,
 * Spark and parquet-mr write them. A load goes straight into the table from the typed values on
 * every core; a read for a {@link RecordSink} offers each row as text from the same decoded values.
 *
 * <p>Only the columns bound to the contract are decoded; columns the contract does not know are
 * warned of and skipped. Columns are bound as {@link BatchRecords} describes. A file the decoder
 * does not read ({@link UnsupportedParquet}: nested or encrypted, a codec such as Hadoop's LZ4
 * framing or LZO, a type the contract has no use for in one of its columns) is refused in one line
 * naming the file and what it uses, before any row is read; a file whose bytes are not Parquet is
 * refused as unreadable.
 */
public final class ParquetReader implements SourceReader {
    private static final int BATCH_ROWS = 65_536;

    private final int batchRows;
    private final int threads;

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
        this.batchRows = batchRows;
        this.threads = threads;
    }

    @Override
    public List<String> extensions() {
        return List.of(".parquet");
    }

    /** Offers every row, numbered from 1, to {@code sink} as text, decoding on this thread. */
    @Override
    public void read(Path file, Schema schema, RecordSink sink, Consumer<String> warnings) {
        read(file, schema, null, warnings, load -> load.emit(sink));
    }

    /** Reads the file straight into the validator's table from its typed values. */
    @Override
    public void load(Path file, Schema schema, RowValidator validator, Consumer<String> warnings) {
        read(file, schema, validator, warnings, load -> load.run(threads));
    }

    /** A Parquet file's persons can be read back from it ({@link ParquetKeyTexts}). */
    @Override
    public boolean givesKeysBack() {
        return true;
    }

    /** What is done with the bound file. */
    private interface Use {
        void with(ParquetRowGroupLoad load) throws InterruptedException;
    }

    private void read(Path file, Schema schema, RowValidator validator, Consumer<String> warnings, Use use) {
        SourceFile source = new SourceFile(file.toString(), "Parquet");
        try (FileChannel channel = source.open(file)) {
            ParquetRowGroupLoad load;
            try {
                load = ParquetRowGroupLoad.bind(source, ParquetFile.open(channel), schema, validator, warnings, batchRows);
            } catch (UnsupportedParquet e) {
                throw source.refused("Ladder cannot read this Parquet file: " + e.getMessage());
            } catch (LadderException e) {
                throw e;
            } catch (RuntimeException e) {
                // Footer bytes no check foresaw: refused in one line, as a failure while decoding is.
                throw source.unreadable(e);
            }
            if (validator != null && validator.readsKeysBack()) {
                validator.keyTexts(source.name(), load.keyTexts(file));
            }
            use.with(load);
        } catch (IOException e) {
            throw source.unreadable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw source.unreadable(e);
        }
    }
}
