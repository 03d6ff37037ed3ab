package ladder.bench.ingest;

/**
 * Makes the ingest benchmarks' files before any measurement: {@code csv ROWS} the CSV pool,
 * {@code parquet ROWS} the CSV and the Parquet pool ({@link IngestFiles}).
 */
public final class GenerateFiles {
    private GenerateFiles() {
    }

    public static void main(String[] args) throws Exception {
        long rows = Long.parseLong(args[1]);
        switch (args[0]) {
            case "csv" -> System.out.println(IngestFiles.csv(rows));
            case "parquet" -> System.out.println(IngestFiles.parquet(rows));
            default -> throw new IllegalArgumentException("expected csv or parquet, got " + args[0]);
        }
    }
}
