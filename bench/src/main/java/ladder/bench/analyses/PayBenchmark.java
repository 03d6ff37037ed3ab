package ladder.bench.analyses;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import ladder.bench.shapes.ShapePool;
import ladder.engine.table.Column;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Exact medians and quartile cut-points of hourly pay by seb x year ({@link PayQuantiles}) beside DuckDB's
 * {@code quantile_cont(hourly_pay, [0.25, 0.5, 0.75])} with GROUP BY, on 2 threads each, in the same JVM on
 * the same {@link ShapePool}. Before measuring, every cut-point is checked equal to DuckDB's (to 1e-9: both
 * interpolate the same order statistics, DuckDB in doubles).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(0)
public class PayBenchmark {
    static final String SQL = "SELECT seb, year, quantile_cont(hourly_pay, [0.25, 0.5, 0.75]) FROM pool"
            + " WHERE hourly_pay IS NOT NULL GROUP BY ALL";

    @Param({"10000000"})
    public long rows;

    private ShapePool pool;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        pool = ShapePool.of(rows);
        Map<String, double[]> ladder = ladder();
        Column seb = pool.table.column("seb");
        Column year = pool.table.column("year");
        int compared = 0;
        try (Statement s = pool.duck.createStatement(); ResultSet rs = s.executeQuery(SQL)) {
            while (rs.next()) {
                // DuckDB holds Ladder's codes; the cube is labelled.
                String key = seb.label(rs.getInt(1)) + "|" + year.label(rs.getInt(2));
                double[] expected = ladder.get(key);
                if (expected == null) {
                    throw new IllegalStateException("DuckDB has pay for " + key + ", Ladder none");
                }
                Object[] duck = (Object[]) rs.getArray(3).getArray();
                for (int i = 0; i < expected.length; i++) {
                    double d = ((Number) duck[i]).doubleValue();
                    if (Math.abs(d - expected[i]) > 1e-9 * Math.abs(d)) {
                        throw new IllegalStateException("quartile " + i + " of " + key + ": Ladder " + expected[i]
                                + ", DuckDB " + d);
                    }
                    compared++;
                }
            }
        }
        if (compared != 3 * ladder.size()) {
            throw new IllegalStateException("Ladder has " + ladder.size() + " groups, DuckDB " + compared / 3);
        }
        System.out.printf("%n[pay] Ladder and DuckDB agree on %,d cut-points%n", compared);
    }

    @Benchmark
    public Map<String, double[]> ladder() {
        return PayQuantiles.of(pool.table, 2);
    }

    @Benchmark
    public long duckdb() throws SQLException {
        long checksum = 0;
        try (Statement s = pool.duck.createStatement(); ResultSet rs = s.executeQuery(SQL)) {
            while (rs.next()) {
                for (Object q : (Object[]) rs.getArray(3).getArray()) {
                    checksum += (long) ((Number) q).doubleValue();
                }
            }
        }
        return checksum;
    }
}
