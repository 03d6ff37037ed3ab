package ladder.bench.analyses;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import ladder.bench.shapes.ShapePool;
import ladder.engine.cube.CubeSource;
import ladder.engine.filter.Filter;
import ladder.engine.table.Chunk;
import ladder.engine.table.Column;
import ladder.models.regression.AdjustedModel;
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
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.measure.NominalScale;
import smile.data.type.DataTypes;
import smile.data.type.StructField;
import smile.data.vector.BaseVector;
import smile.data.vector.IntVector;
import smile.glm.GLM;
import smile.glm.model.Bernoulli;

/**
 * The logistic model {@code promoted ~ seb + gender + ethnicity + age_band + C(year)} after load:
 * Ladder's grouped fit (the cube's cells, IRLS on cells) beside Smile 3.1.1's GLM on the same rows in
 * the same JVM ({@code smile}; its data frame is built in set-up, outside the measurement). Before
 * measuring, the two fits' log-likelihoods are checked equal to 1e-6 relative. {@code numeric} adds hourly pay, a
 * decimal covariate, so Ladder fits the rows (two passes over the rows per IRLS iteration); its time per
 * iteration is the measured time over the iterations done (printed in set-up).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(0)
public class ModelBenchmarks {
    static final List<String> COVARIATES = List.of("seb", "gender", "ethnicity", "age_band", "year");
    static final String NUMERIC = "promoted ~ seb + gender + ethnicity + age_band + C(year) + hourly_pay";

    @Param({"1000000"})
    public long rows;

    private ShapePool pool;
    private DataFrame frame;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        pool = ShapePool.of(rows);
        frame = rows <= 1_000_000 ? frame() : null; // Smile holds the dense n x p design: 1M rows only
        if (frame != null) {
            GLM smile = smile();
            AdjustedModel ladder = ladder();
            // The same model in another parametrisation (reference levels may differ): the same likelihood.
            double ours = ladder.model().statistics().logLikelihood();
            if (Math.abs(ours - smile.logLikelihood()) > 1e-6 * Math.abs(ours)
                    || ladder.model().statistics().parameters() != smile.coefficients().length) {
                throw new IllegalStateException("log-likelihood: Ladder " + ours + " with "
                        + ladder.model().statistics().parameters() + " parameters, Smile " + smile.logLikelihood()
                        + " with " + smile.coefficients().length);
            }
            System.out.printf("%n[model] Ladder and Smile agree: log-likelihood %.6f, %d parameters%n", ours,
                    smile.coefficients().length);
        }
        System.out.printf("[model] numeric covariate fit: %d IRLS iterations%n",
                numeric().model().statistics().iterations());
    }

    @Benchmark
    public AdjustedModel ladder() {
        return AdjustedModel.fit(CubeSource.of(pool.table, Filter.ALL, 2), new AdjustedModel.Question(
                AnalysisBenchmarks.MODEL, Map.of("seb", "professional"), null, null, List.of(), List.of(), 0.95));
    }

    @Benchmark
    public GLM smile() {
        return GLM.fit(Formula.lhs("promoted"), frame, Bernoulli.logit());
    }

    @Benchmark
    public AdjustedModel numeric() {
        return AdjustedModel.fit(CubeSource.of(pool.table, Filter.ALL, 2), new AdjustedModel.Question(NUMERIC,
                Map.of("seb", "professional"), null, null, List.of(), List.of(), 0.95));
    }

    /** The rows as Smile's data frame: each covariate a nominal integer column, the outcome 0/1. */
    private DataFrame frame() {
        int n = Math.toIntExact(rows);
        List<BaseVector<?, ?, ?>> vectors = new ArrayList<>();
        for (String name : COVARIATES) {
            Column column = pool.table.column(name);
            int[] codes = new int[n];
            int r = 0;
            for (Chunk chunk : pool.table.chunks()) {
                for (int i = 0; i < chunk.rows(); i++) {
                    codes[r++] = chunk.codes()[column.index()].get(i) - column.minCode();
                }
            }
            List<String> levels = column.labels(column.minCode(), column.maxCode());
            vectors.add(IntVector.of(new StructField(name, DataTypes.IntegerType, new NominalScale(levels)), codes));
        }
        Column promoted = pool.table.column("promoted");
        int[] y = new int[n];
        int r = 0;
        for (Chunk chunk : pool.table.chunks()) {
            for (int i = 0; i < chunk.rows(); i++) {
                y[r++] = promoted.label(chunk.codes()[promoted.index()].get(i)).equals("1") ? 1 : 0;
            }
        }
        vectors.add(IntVector.of("promoted", y));
        return DataFrame.of(vectors.toArray(BaseVector[]::new));
    }
}
