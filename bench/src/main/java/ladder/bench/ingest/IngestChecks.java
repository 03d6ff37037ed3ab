package ladder.bench.ingest;

import ladder.engine.io.Loader;

/** Guards that a benchmark loaded what it should, so that a fast wrong answer cannot pass for a fast load. */
final class IngestChecks {
    private IngestChecks() {
    }

    /** The rows of a Ladder load, which must be all {@code expected} with none rejected. */
    static long rows(Loader.Loaded loaded, long expected) {
        if (loaded.report().rejected() != 0) {
            throw new IllegalStateException(loaded.report().rejected() + " rows rejected: "
                    + loaded.report().firstRejections());
        }
        return rows(loaded.table().rows(), expected);
    }

    /** {@code rows}, which must be {@code expected}. */
    static long rows(long rows, long expected) {
        if (rows != expected) {
            throw new IllegalStateException("loaded " + rows + " rows, expected " + expected);
        }
        return rows;
    }
}
