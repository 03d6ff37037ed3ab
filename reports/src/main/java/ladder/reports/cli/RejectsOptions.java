package ladder.reports.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import ladder.engine.contract.Schema;
import ladder.engine.io.Loader;
import ladder.engine.io.Progress;
import picocli.CommandLine.Option;

/** Where the rows a load rejects go, and whether any rejection fails the command: for commands that load rows. */
final class RejectsOptions {
    @Option(names = "--rejects", paramLabel = "FILE",
            description = "Write rejected rows here (default: ladder-rejects.csv, written only if a row is rejected).")
    Path rejects;

    @Option(names = "--strict", description = "Exit with status 1 if any row is rejected (the command's work is still done).")
    boolean strict;

    /** Loads {@code data} as {@link DataOptions#load} does, rejected rows to {@link #rejects}. */
    Loader.Loaded load(Schema schema, List<Path> data, Progress progress) throws IOException {
        return DataOptions.load(schema, data, rejects, progress);
    }

    /** The exit status after {@code loaded}: {@link Main#EXIT_REJECTED} under --strict if a row was rejected, else 0. */
    int status(Loader.Loaded loaded) {
        return strict && loaded.report().rejected() > 0 ? Main.EXIT_REJECTED : 0;
    }
}
