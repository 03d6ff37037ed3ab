package ladder;

import java.util.List;
import ladder.models.composition.Composition;

/**
 * A class-composition question about a pool: {@code pool.composition()} displays at once, and
 * {@code .by("year")}, {@code .level(0.9)} or {@code .publishable()} ask a refined question.
 */
public final class CompositionQuery extends Question<Composition> {
    private final Pool pool;
    private final List<String> by;
    private final double level;
    private final boolean publishable;

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

    @Override
    protected Composition compute() {
        Composition computed = Composition.of(pool.cubes(), by, level);
        return publishable ? computed.publishable() : computed;
    }
}
