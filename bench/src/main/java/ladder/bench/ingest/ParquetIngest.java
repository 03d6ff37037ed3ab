package ladder.bench.ingest;

import java.nio.file.Path;

/**
 * The same pool as a Parquet file (written by DuckDB from the CSV): Ladder's Parquet reader
 * (Arrow's native dataset scanner, one scanner per group of columns on each core) beside DuckDB's
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
