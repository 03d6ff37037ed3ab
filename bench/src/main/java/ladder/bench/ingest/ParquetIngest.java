package ladder.bench.ingest;

import java.nio.file.Path;

/**
 * The same pool as a Parquet file (written by DuckDB from the CSV): Ladder's Parquet reader
 * (its own decoder, row groups decoded on every core, dictionaries kept) beside DuckDB's
 * {@code read_parquet}.
 */
public class ParquetIngest extends IngestBenchmark {
    @Override
    Path file(long rows) throws Exception {
        return IngestFiles.parquet(rows);
    }

    @Override
    String duckdbSelect(Path file) {
        return "SELECT * FROM read_parquet('" + file + "')";
    }
}
