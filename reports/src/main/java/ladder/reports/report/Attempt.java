package ladder.reports.report;

import java.util.function.Supplier;
import ladder.engine.LadderException;
import ladder.models.result.Result;

/**
 * An analysis a section tried: its result, or the one-line reason it cannot be given from these
 * inputs (a model that cannot be fitted, a cube without a dimension), so that one analysis that
 * fails leaves the rest of its section in the report.
 */
record Attempt(String title, Result result, String why) {

    static Attempt of(String title, Supplier<? extends Result> analysis) {
        try {
            return new Attempt(title, analysis.get(), null);
        } catch (LadderException e) {
            return new Attempt(title, null, e.getMessage());
        }
    }
}
