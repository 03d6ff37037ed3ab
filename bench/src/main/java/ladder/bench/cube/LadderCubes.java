package ladder.bench.cube;

import ladder.engine.cube.Cube;
import ladder.engine.cube.CubeKernel;
import ladder.engine.filter.FilterParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * Ladder's cube kernel on each {@link CubeQuery}, on one and on two threads, to the labelled cube an
 * analysis reads (as DuckDB's answer is labelled groups); parsing the filter is part of the work, as
 * reading the SQL is part of DuckDB's.
 */
public class LadderCubes extends CubeBenchmark {
    @Param({"1", "2"})
    public int threads;

    @Benchmark
    public Cube build(PoolState pool) {
        return CubeKernel.build(pool.table, FilterParser.parse(query.filter(), pool.table), query.dimensions(),
                query.measures(), threads);
    }
}
