package ladder.bench.ingest;

import java.nio.file.Path;

/** The pool's CSV file: Ladder's CSV reader beside DuckDB's {@code read_csv} with every column's type given. */
public class CsvIngest extends IngestBenchmark {
    @Override
    Path file(long rows) throws Exception {
        return IngestFiles.csv(rows);
    }

    @Override
    String duckdbSelect(Path file) {
        return IngestFiles.readCsv(file);
    }
}
