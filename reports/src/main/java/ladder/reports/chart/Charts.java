package ladder.reports.chart;

import java.awt.image.BufferedImage;
import java.util.Optional;
import ladder.CompositionQuery;
import ladder.models.composition.Composition;
import ladder.models.result.Result;

/** Which results are better looked at than read, and their charts. */
public final class Charts {
    private Charts() {
    }

    /** The chart of {@code result}, if it has one: today a composition by one dimension ({@link CompositionChart}). */
    public static Optional<BufferedImage> of(Result result) {
        Result value = result instanceof CompositionQuery query ? query.result() : result;
        if (value instanceof Composition composition && CompositionChart.drawable(composition)) {
            return Optional.of(CompositionChart.draw(composition));
        }
        return Optional.empty();
    }
}
