package ladder;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import ladder.engine.contract.Schema;
import ladder.engine.io.Loader;

/**
 * Where a researcher starts: load a pool, then ask it questions.
 *
 * <pre>{@code
 * var pool = Ladder.load("datasets/sample");    // validates; pool.validation() says what was rejected and why
 * pool.describe();                              // rows, employers, years, response rates
 * pool.composition().by("year");                // SEB shares with Wilson intervals, against 34/24/42
 * pool.where("grade >= 4").composition();       // the same for senior grades
 * }</pre>
 */
public final class Ladder {
    private Ladder() {
    }

    /** Loads the employee files or folders at {@code paths} into one pool; rejected rows are kept in memory only. */
    public static Pool load(String... paths) {
        return load(Arrays.stream(paths).map(Path::of).toList(), null);
    }

    /** Loads the employee files or folders at {@code paths}, writing rejected rows to {@code rejects} (may be null). */
    public static Pool load(List<Path> paths, Path rejects) {
        Loader.Loaded loaded = Loader.load(Schema.EMPLOYEES, paths, rejects);
        return new Pool(loaded.table(), loaded.report(), "");
    }
}
