package ladder;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import ladder.engine.contract.Schema;
import ladder.engine.cube.Cube;
import ladder.engine.cube.CubeFile;
import ladder.engine.Threads;
import ladder.engine.io.Loader;
import ladder.engine.io.Progress;
import ladder.engine.snapshot.SnapshotReader;

/**
 * Where a researcher starts: load a pool (rows, or cube files that employers sent), then ask it
 * questions.
 *
 * <pre>{@code
 * var pool = Ladder.load("datasets/sample");    // validates; pool.validation() says what was rejected and why
 * pool.describe();                              // rows, employers, years, response rates
 * pool.composition().by("year");                // SEB shares with Wilson intervals, against 34/24/42
 * pool.where("grade >= 4").composition();       // the same for senior grades
 * var pooled = Ladder.cubes("E1.cube", "E2.cube");  // the same questions on merged cube files
 * Ladder.applicants("datasets/sample-applicants").funnel();  // the recruitment funnel by SEB
 * }</pre>
 */
public final class Ladder {
    private Ladder() {
    }

    /**
     * Loads the employee files or folders at {@code paths} into one pool; rejected rows are kept in
     * memory only. A snapshot folder written by {@code ladder import} ({@code Ladder.load("pool.ladder")})
     * is read as imported, without validating again, each column when a question first needs it.
     */
    public static Pool load(String... paths) {
        return load(Arrays.stream(paths).map(Path::of).toList(), null);
    }

    /** Loads the employee files or folders at {@code paths}, writing rejected rows to {@code rejects} (may be null). */
    public static Pool load(List<Path> paths, Path rejects) {
        Path snapshot = Loader.snapshotOf(paths);
        if (snapshot != null) {
            return Pool.of(SnapshotReader.open(snapshot, Schema.EMPLOYEES, Threads.all(), Progress.NONE));
        }
        Loader.Loaded loaded = Loader.load(Schema.EMPLOYEES, paths, rejects);
        return Pool.of(loaded.table(), loaded.report());
    }

    /**
     * Loads the applicants files or folders at {@code paths} (table {@code applicants}) into one
     * pool, e.g. {@code Ladder.applicants("datasets/sample-applicants").funnel()}.
     */
    public static Pool applicants(String... paths) {
        Loader.Loaded loaded = Loader.load(Schema.APPLICANTS, Arrays.stream(paths).map(Path::of).toList(), null);
        return Pool.of(loaded.table(), loaded.report());
    }

    /**
     * A logistic model of an outcome, e.g. {@code Ladder.logit("promoted ~ seb + gender + C(year)")
     * .ref("seb", "professional").cluster("employer_id").fit(pool)}.
     */
    public static ModelQuery logit(String formula) {
        return ModelQuery.of(formula);
    }

    /** A pool of cube files (written by {@code ladder cube}), merged: every cube analysis runs on it. */
    public static Pool cubes(String... files) {
        return Pool.of(CubeFile.merge(Arrays.stream(files).map(Path::of).toList()));
    }

    /**
     * A pool of cubes already built (e.g. by {@code LadderSpark.cube} on a Spark cluster), merged
     * by label: every cube analysis runs on it.
     */
    public static Pool cubes(Cube first, Cube... more) {
        Cube merged = first;
        for (Cube cube : more) {
            merged = merged.merge(cube);
        }
        return Pool.of(merged);
    }
}
