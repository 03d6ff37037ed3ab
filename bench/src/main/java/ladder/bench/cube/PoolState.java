package ladder.bench.cube;

import ladder.engine.table.Table;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The {@link KernelPool} of {@code rows} rows, generated once per fork and shared by Ladder and its peers. */
@State(Scope.Benchmark)
public class PoolState {
    @Param({"10000000", "100000000"})
    public int rows;

    public Table table;

    @Setup(Level.Trial)
    public void generate() {
        long start = System.nanoTime();
        table = KernelPool.generate(rows, KernelPool.SEED);
        System.out.printf("%n[pool] %,d rows generated in %.1f s, %.1f bytes/row of arrays%n", rows,
                (System.nanoTime() - start) / 1e9, (double) table.bytes() / rows);
    }
}
