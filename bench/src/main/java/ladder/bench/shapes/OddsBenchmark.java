package ladder.bench.shapes;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import ladder.engine.cube.CubeSource;
import ladder.engine.filter.Filter;
import ladder.models.contingency.ProgressionOdds;
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
 * {@code ladder odds} after load, end to end: the cube over seb x promoted x employer_id (1,000
 * employers) and every statistic (crude 2x2 with exact and mid-p intervals and Fisher's test, the
 * Mantel-Haenszel odds ratio, risk ratio and difference, CMH and Breslow-Day), working class
 * against professional, on 2 threads. Its peer is DuckDB computing only the 2x2x1,000 table,
 * {@code ShapeBenchmarks.duckdb} with query B, in the same JVM on the same {@link ShapePool}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(0)
public class OddsBenchmark {
    @Param({"10000000"})
    public long rows;

    private ShapePool pool;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        pool = ShapePool.of(rows);
    }

    @Benchmark
    public ProgressionOdds odds() {
        return ProgressionOdds.of(CubeSource.of(pool.table, Filter.ALL, 2),
                new ProgressionOdds.Question("promoted", "seb", List.of("working_class"), "professional",
                        List.of("employer_id"), List.of(), 0.95));
    }
}
