package ladder.bench.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Collectors;
import ladder.datasets.GeneratorSpec;
import ladder.datasets.PoolGenerator;
import ladder.engine.contract.Field;
import ladder.engine.contract.Schema;

/**
 * The files the ingest benchmarks read, made once outside any measurement and kept in
 * {@value #DIRECTORY} (never committed): a generated pool as CSV ({@link PoolGenerator}, seed 1,
 * 40 employers, 2022 to 2024), and the same rows as Parquet, written by DuckDB from the CSV with
 * the contract's column types (its default Snappy compression and row groups).
 */
public final class IngestFiles {
    /** Where the files are kept between runs; {@code bench/run-ingest} deletes them at the end. */
    public static final String DIRECTORY = "/tmp/ladder-ingest";
    /** DuckDB's threads: both cores of the benchmark machine. */
    public static final int DUCKDB_THREADS = 2;

    private IngestFiles() {
    }

    /** The CSV pool of {@code rows} rows, generated if it is not there yet. */
    public static Path csv(long rows) throws IOException {
        return csv(rows, Path.of(DIRECTORY, "pool-" + rows + ".csv"));
    }

    /** The CSV pool of {@code rows} rows as {@code file}, generated if it is not there yet. */
    public static Path csv(long rows, Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path partial = Path.of(file + ".partial");
            long start = System.nanoTime();
            PoolGenerator.write(GeneratorSpec.defaults(rows, 40, 2022, 2024, 1), partial);
            Files.move(partial, file);
            System.out.printf("[files] generated %s (%,d rows, %,d bytes) in %.1f s%n", file, rows, Files.size(file),
                    (System.nanoTime() - start) / 1e9);
        }
        return file;
    }

    /** The same pool as Parquet, written by DuckDB from the CSV if it is not there yet. */
    public static Path parquet(long rows) throws IOException, SQLException {
        Path file = Path.of(DIRECTORY, "pool-" + rows + ".parquet");
        if (!Files.exists(file)) {
            Path source = csv(rows);
            Path partial = Path.of(file + ".partial");
            long start = System.nanoTime();
            try (Connection duckdb = duckdb(); Statement s = duckdb.createStatement()) {
                s.execute("COPY (" + readCsv(source) + ") TO '" + partial + "' (FORMAT parquet)");
            }
            Files.move(partial, file);
            System.out.printf("[files] wrote %s (%,d bytes) with DuckDB in %.1f s%n", file, Files.size(file),
                    (System.nanoTime() - start) / 1e9);
        }
        return file;
    }

    /** An in-memory DuckDB database on {@value #DUCKDB_THREADS} threads. */
    public static Connection duckdb() throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = connection.createStatement()) {
            s.execute("SET threads = " + DUCKDB_THREADS);
        }
        return connection;
    }

    /**
     * DuckDB's {@code read_csv} of a pool file with every column's type given (so that nothing is
     * sniffed): text and coded columns VARCHAR, whole numbers the narrowest integer that holds
     * the contract's range, decimals DOUBLE.
     */
    public static String readCsv(Path file) {
        String columns = Schema.EMPLOYEES.fields().stream()
                .map(f -> "'" + f.name() + "': '" + duckdbType(f) + "'")
                .collect(Collectors.joining(", ", "{", "}"));
        return "SELECT * FROM read_csv('" + file + "', header = true, columns = " + columns + ")";
    }

    private static String duckdbType(Field field) {
        return switch (field.kind()) {
            case TEXT, CODE -> "VARCHAR";
            case INT -> field.min() >= -128 && field.max() <= 127 ? "TINYINT" : "SMALLINT";
            case DECIMAL -> "DOUBLE";
        };
    }
}
