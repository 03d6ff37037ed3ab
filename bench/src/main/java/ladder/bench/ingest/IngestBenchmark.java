package ladder.bench.ingest;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import ladder.engine.contract.Schema;
import ladder.engine.io.Loader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A pool file loaded into memory, Ladder beside DuckDB in one JMH run. Ladder: {@link Loader},
 * every contract rule checked, duplicates of (employer, year, person) looked for, text coded in
 * dictionaries, on every core. DuckDB (JDBC, in process, in-memory database,
 * {@value IngestFiles#DUCKDB_THREADS} threads): {@code CREATE TABLE pool AS SELECT * FROM} the
 * subclass's reader of the file, with no validation at all. Each invocation loads the whole file;
 * the loaded table is dropped after it, outside the measurement, and the heap collected.
 *
 * <p>Fixed settings: each invocation takes seconds, so single-shot time, 2 warm-up and 5 measured
 * loads in one fork; {@code rows} selects the pool ({@link IngestFiles}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx6g"})
public abstract class IngestBenchmark {
    @Param("10000000")
    public long rows;

    private Path file;
    private Connection duckdb;
    private Object kept;

    /** The file of {@code rows} rows, made if it is not there yet. */
    abstract Path file(long rows) throws Exception;

    /** DuckDB's query reading every row and column of {@code file}. */
    abstract String duckdbSelect(Path file);

    @Setup(Level.Trial)
    public void open() throws Exception {
        file = file(rows);
        duckdb = IngestFiles.duckdb();
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        duckdb.close();
    }

    /** Frees the last load's table (and collects it), so that each load starts from the same heap. */
    @TearDown(Level.Invocation)
    public void drop() throws SQLException {
        kept = null;
        try (Statement s = duckdb.createStatement()) {
            s.execute("DROP TABLE IF EXISTS pool");
        }
        System.gc();
    }

    @Benchmark
    public long ladder() {
        Loader.Loaded loaded = Loader.load(Schema.EMPLOYEES, List.of(file));
        kept = loaded.table();
        return IngestChecks.rows(loaded, rows);
    }

    @Benchmark
    public long duckdb() throws SQLException {
        try (Statement s = duckdb.createStatement()) {
            s.execute("CREATE TABLE pool AS " + duckdbSelect(file));
            try (ResultSet count = s.executeQuery("SELECT count(*) FROM pool")) {
                count.next();
                return IngestChecks.rows(count.getLong(1), rows);
            }
        }
    }
}
