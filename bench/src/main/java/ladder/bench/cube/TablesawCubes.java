package ladder.bench.cube;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;
import tech.tablesaw.api.Table;

/**
 * Tablesaw's {@code summarize(...).by(...)} on each {@link CubeQuery}, over a {@link TablesawPool}
 * of the same rows; Tablesaw runs on one thread. An operation takes seconds, so one warm-up and
 * three measured operations suffice.
 */
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
public class TablesawCubes extends CubeBenchmark {
    private Table table;

    @Setup(Level.Trial)
    public void load(PoolState pool) {
        table = TablesawPool.of(pool.table, query.dimensions());
    }

    @Benchmark
    public Table summarize() {
        return TablesawPool.summarize(table, query);
    }
}
