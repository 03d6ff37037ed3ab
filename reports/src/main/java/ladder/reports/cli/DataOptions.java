package ladder.reports.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The options every analysis shares: which files to pool, which rows to keep, where rejected rows go. */
final class DataOptions {
    @Option(names = "--data", required = true, arity = "1..*", paramLabel = "PATH",
            description = "CSV, Arrow IPC or Parquet files of table employees, or folders of them; all pool into one table.")
    List<Path> data;

    @Option(names = "--where", paramLabel = "FILTER",
            description = "Keep only rows that pass, e.g. \"grade>=4 and gender in (woman, man)\".")
    String where;

    @Option(names = "--rejects", paramLabel = "FILE",
            description = "Write rejected rows here (default: ladder-rejects.csv in the working folder, when any row is rejected).")
    Path rejects;

    @Option(names = "--strict", description = "Exit with status 1 if any row is rejected.")
    boolean strict;

    @Option(names = "--threads", paramLabel = "N", description = "Cores to use (default: all).")
    Integer threads;

    int threads() {
        return threads == null ? Runtime.getRuntime().availableProcessors() : Math.max(1, threads);
    }
}
