package ladder;

import java.util.List;
import java.util.Map;
import ladder.models.result.Chart;
import ladder.models.result.Result;
import ladder.models.result.ResultTable;

/**
 * A question about a pool that is itself a {@link Result}: computed when first shown (or when
 * {@link #result} is asked), once, so {@code pool.composition()} displays in a notebook at once
 * and its refinements ({@code .by("year")}) are new questions. Every analysis's fluent query is
 * one of these; only {@link #compute} differs.
 */
public abstract class Question<R extends Result> implements Result {
    private R result;

    /** Computes the answer; called once. */
    protected abstract R compute();

    /** The answer. */
    public final synchronized R result() {
        if (result == null) {
            result = compute();
        }
        return result;
    }

    @Override
    public final String title() {
        return result().title();
    }

    @Override
    public final Map<String, Object> inputs() {
        return result().inputs();
    }

    @Override
    public final List<ResultTable> tables() {
        return result().tables();
    }

    @Override
    public final List<String> notes() {
        return result().notes();
    }

    @Override
    public final List<Chart> charts() {
        return result().charts();
    }

    @Override
    public final String toString() {
        return ladder.reports.render.Format.TABLE.render(this);
    }
}
