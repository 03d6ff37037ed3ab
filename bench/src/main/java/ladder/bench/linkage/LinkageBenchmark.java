package ladder.bench.linkage;

import java.util.concurrent.TimeUnit;
import ladder.engine.cube.CubeSource;
import ladder.engine.filter.Filter;
import ladder.engine.link.PersonLinkage;
import ladder.engine.table.Table;
import ladder.models.progression.ProgressionAfter;
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
 * Linking people across years (issue 17's target: a 10-million-row, 3-year pool in under 10
 * seconds on 2 cores, memory recorded): {@code link} is the kernel alone ({@link PersonLinkage}:
 * pack each row into a long, sort, count people, gaps and demotions); {@code afterTraining} is
 * {@code ladder after-training} end to end after load (the linkage, the follow-up of every
 * person-year with training, the cube and the crude and Mantel-Haenszel odds ratios). Both on
 * {@code threads} threads over {@link LinkagePool}. Run with {@code -prof gc}: its
 * {@code gc.alloc.rate.norm} is the bytes allocated per operation (the kernel's keys are 8 bytes
 * a row); the setup prints the table's own bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(0)
public class LinkageBenchmark {
    @Param({"10000000"})
    public long rows;

    @Param({"2"})
    public int threads;

    private Table table;

    @Setup(Level.Trial)
    public void setUp() {
        long start = System.nanoTime();
        table = LinkagePool.generate(rows);
        System.out.printf("%n[linkage pool] %,d rows generated in %.1f s; the table holds %,d bytes (%.1f a row);"
                + " the linkage's keys take %,d bytes%n", table.rows(), (System.nanoTime() - start) / 1e9,
                table.bytes(), (double) table.bytes() / table.rows(), 8 * table.rows());
    }

    @Benchmark
    public PersonLinkage link() {
        return PersonLinkage.link(table, Filter.ALL, threads);
    }

    @Benchmark
    public ProgressionAfter afterTraining() {
        return ProgressionAfter.of(CubeSource.of(table, Filter.ALL, threads), ProgressionAfter.Question.defaults());
    }
}
