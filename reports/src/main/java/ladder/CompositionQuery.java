package ladder;

import java.util.List;
import java.util.Map;
import ladder.models.composition.Composition;
import ladder.models.result.Result;
import ladder.models.result.ResultTable;

/**
 * A class-composition question about a pool. It is itself a {@link Result} (computed when first
 * shown), so {@code pool.composition()} displays at once, and {@code .by("year")} or
 * {@code .level(0.9)} ask a refined question.
 */
public final class CompositionQuery implements Result {
    private final Pool pool;
    private final List<String> by;
    private final double level;
    private final boolean publishable;
    private Composition result;

    CompositionQuery(Pool pool, List<String> by, double level, boolean publishable) {
        this.pool = pool;
        this.by = List.copyOf(by);
        this.level = level;
        this.publishable = publishable;
    }

    /** The composition broken down by the named dimensions, e.g. {@code by("year", "grade")}. */
    public CompositionQuery by(String... dimensions) {
        return new CompositionQuery(pool, List.of(dimensions), level, publishable);
    }

    /** The same question with intervals at {@code confidence}, e.g. 0.9. */
    public CompositionQuery level(double confidence) {
        return new CompositionQuery(pool, by, confidence, publishable);
    }

    /** The same question with disclosure control for publication: counts under 10 withheld, and enough others. */
    public CompositionQuery publishable() {
        return new CompositionQuery(pool, by, level, true);
    }

    /** The computed composition. */
    public synchronized Composition result() {
        if (result == null) {
            Composition computed = Composition.of(pool.table(), pool.filter(), by, level, pool.threads());
            result = publishable ? computed.publishable() : computed;
        }
        return result;
    }

    @Override
    public String title() {
        return result().title();
    }

    @Override
    public Map<String, Object> inputs() {
        return result().inputs();
    }

    @Override
    public List<ResultTable> tables() {
        return result().tables();
    }

    @Override
    public List<String> notes() {
        return result().notes();
    }

    @Override
    public String toString() {
        return ladder.reports.render.Format.TABLE.render(this);
    }
}
