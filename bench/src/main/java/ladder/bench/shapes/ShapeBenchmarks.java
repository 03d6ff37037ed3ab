package ladder.bench.shapes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import ladder.engine.cube.Cube;
import ladder.engine.cube.CubeKernel;
import ladder.engine.filter.FilterParser;
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
 * The analysis-shaped cubes ({@link ShapeQuery}), Ladder beside DuckDB in the same run on the same
 * {@link ShapePool}: Ladder's labelled cube on 2 threads ({@code ladder}), DuckDB's GROUP BY of the
 * same counts on 2 threads, every row of its answer read ({@code duckdb}). Before measuring, the
 * number of Ladder's non-empty cells is checked against DuckDB's number of groups.
 *
 * <p>Unforked ({@code @Fork(0)}), so the pool is generated and appended to DuckDB once per JVM for
 * every query; 2 warm-up and 5 measured iterations of 2 s each.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(0)
public class ShapeBenchmarks {
    @Param({"10000000"})
    public long rows;

    @Param
    public ShapeQuery query;

    private ShapePool pool;
    private String sql;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        pool = ShapePool.of(rows);
        sql = query.sql(pool.table);
        long groups = 0;
        try (Statement s = pool.duck.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                groups++;
            }
        }
        Cube cube = ladder();
        if (cube.size() != groups) {
            throw new IllegalStateException(query + ": Ladder has " + cube.size() + " cells, DuckDB " + groups + " groups");
        }
        System.out.printf("%n[%s] Ladder and DuckDB agree on %,d cells%n", query, groups);
    }

    @Benchmark
    public Cube ladder() {
        return CubeKernel.build(pool.table, FilterParser.parse(query.filter(), pool.table), query.dimensions(),
                query.measures(), 2);
    }

    @Benchmark
    public long duckdb() throws SQLException {
        return pool.query(sql);
    }
}
