package ladder.spark;

import java.util.function.Supplier;
import ladder.engine.LadderException;

/** Spark wraps what a task threw; a user's mistake found on an executor reaches the driver as the engine's one line. */
final class SparkFailures {
    private SparkFailures() {
    }

    /** Runs a Spark action; a {@link LadderException} thrown in a task is rethrown as it was. */
    static <T> T unwrap(Supplier<T> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof LadderException ladder) {
                    throw new LadderException(ladder.getMessage());
                }
            }
            throw e;
        }
    }
}
