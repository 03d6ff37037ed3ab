package ladder.bench.analyses;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import ladder.bench.shapes.ShapePool;
import ladder.engine.cube.CubeSource;
import ladder.engine.filter.Filter;
import ladder.models.intersect.IntersectionalBreakdown;
import ladder.models.intersect.PAdjust;
import ladder.models.multilevel.MaihdaOnCube;
import ladder.models.regression.AdjustedModel;
import ladder.models.survival.Ties;
import ladder.models.survival.TimeToPromotion;
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
 * The analyses end to end after load, each on 2 threads from the loaded rows of a {@link ShapePool} (the
 * cube is built inside every measured call), beside DuckDB's GROUP BY of the counts the analysis reads,
 * in the same JVM on the same rows:
 *
 * <ul>
 * <li>{@code intersect}: the intersectional breakdown of promotion over seb x gender x ethnicity x
 * disability with Benjamini-Hochberg control ({@code ladder intersect}); peer {@code intersectCounts};
 * <li>{@code maihda}: the MAIHDA null and main-effects random-intercept models over the same strata
 * (Laplace), whose cost grows with strata, not rows;
 * <li>{@code clusteredModel}: {@code promoted ~ seb + gender + ethnicity + age_band + C(year)} with
 * CR1 errors clustered by the 1,000 employers, fitted to the grouped cells; peer {@code modelCounts}, the
 * same cells counted by DuckDB;
 * <li>{@code survival}: Kaplan-Meier, the log-rank test and the Efron Cox model of months in grade by
 * seb ({@code ladder survival}); peer {@code survivalCounts}; {@code survivalStatistics} the same from a
 * cube built in set-up, the statistics' own cost.
 * </ul>
 *
 * Unforked so one pool serves every benchmark; 1 warm-up and 3 measured iterations of 2 s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(0)
public class AnalysisBenchmarks {
    static final List<String> STRATA = List.of("seb", "gender", "ethnicity", "disability");
    static final String MODEL = "promoted ~ seb + gender + ethnicity + age_band + C(year)";

    @Param({"10000000"})
    public long rows;

    private ShapePool pool;
    private CubeSource survivalCube;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        pool = ShapePool.of(rows);
        survivalCube = CubeSource.of(source().cube(List.of("seb", "months_in_grade", "promoted"), List.of()));
    }

    private CubeSource source() {
        return CubeSource.of(pool.table, Filter.ALL, 2);
    }

    @Benchmark
    public IntersectionalBreakdown intersect() {
        return IntersectionalBreakdown.of(source(), new IntersectionalBreakdown.Question("promoted", STRATA,
                PAdjust.BH, 0.95));
    }

    @Benchmark
    public long intersectCounts() throws SQLException {
        return pool.query("SELECT seb, gender, ethnicity, disability, promoted, count(*) FROM pool GROUP BY ALL");
    }

    @Benchmark
    public MaihdaOnCube.Fitted maihda() {
        return MaihdaOnCube.of(source(), new MaihdaOnCube.Question("promoted", STRATA, 1, 0.95));
    }

    @Benchmark
    public AdjustedModel clusteredModel() {
        return AdjustedModel.fit(source(), new AdjustedModel.Question(MODEL, Map.of(), "employer_id", null, List.of(),
                List.of(), 0.95));
    }

    @Benchmark
    public long modelCounts() throws SQLException {
        return pool.query("SELECT seb, gender, ethnicity, age_band, year, employer_id, promoted, count(*) FROM pool GROUP BY ALL");
    }

    private static TimeToPromotion.Question survivalQuestion() {
        return new TimeToPromotion.Question("months_in_grade", "promoted", List.of("seb"), Map.of(), List.of(), List.of(),
                Ties.EFRON, List.of(6, 12, 24, 36, 48, 60, 120), 0.95);
    }

    @Benchmark
    public TimeToPromotion survival() {
        return TimeToPromotion.of(source(), survivalQuestion());
    }

    /** The same statistics from the cube built in set-up: their cost once the cube is built, which rows do not change. */
    @Benchmark
    public TimeToPromotion survivalStatistics() {
        return TimeToPromotion.of(survivalCube, survivalQuestion());
    }

    @Benchmark
    public long survivalCounts() throws SQLException {
        return pool.query("SELECT seb, months_in_grade, promoted, count(*) FROM pool GROUP BY ALL");
    }
}
