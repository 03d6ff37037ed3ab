package ladder.bench.cube;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * DuckDB (JDBC, in process, in-memory database, {@value #THREADS} threads) on each
 * {@link CubeQuery}, over a {@link DuckPool} of the same rows as the Ladder table, appended
 * before the trial.
 */
public class DuckDbCubes extends CubeBenchmark {
    static final int THREADS = 2;

    private Connection connection;
    private String sql;

    @Setup(Level.Trial)
    public void load(PoolState pool) throws SQLException {
        long start = System.nanoTime();
        connection = DuckPool.load(pool.table, THREADS);
        sql = query.sql(pool.table);
        System.out.printf("%n[duckdb] %,d rows appended in %.1f s; %s%n", pool.table.rows(),
                (System.nanoTime() - start) / 1e9, sql);
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        connection.close();
    }

    /** Runs the query and reads every column of every row; returns a checksum of the counts. */
    @Benchmark
    public long query() throws SQLException {
        long checksum = 0;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int c = 1; c <= columns; c++) {
                    checksum += (long) rs.getDouble(c);
                }
            }
        }
        return checksum;
    }
}
