package ladder.reports.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import ladder.engine.contract.Schema;
import ladder.engine.io.Loader;
import ladder.engine.io.OutputFiles;
import ladder.engine.snapshot.Snapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Load once, ask many: read and validate employee files once, write the rejected rows once, and "
                + "save the validated pool as a snapshot folder; every command then takes the folder as --data and "
                + "loads it at about the speed of the disk, without validating again.")
final class ImportCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, arity = "1..*", paramLabel = "PATH",
            description = "CSV, Arrow IPC or Parquet files of table employees, or folders of them.")
    List<Path> data;

    @Option(names = "--out", required = true, paramLabel = "POOL",
            description = "The snapshot folder to write, e.g. pool.ladder (an earlier snapshot there is replaced).")
    Path out;

    @Mixin
    RejectsOptions rejects;

    @Option(names = "--threads", paramLabel = "N", description = "Cores to use (default: all).")
    Integer threads;

    @Mixin
    ProgressOptions progress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        int cores = ladder.engine.Threads.of(threads);
        OutputFiles.checkNotInput(out, data, "the snapshot");
        Path snapshot = Loader.snapshotOf(data);
        if (snapshot != null) {
            throw new ladder.engine.LadderException(snapshot + " is already a snapshot; name it as --data to any command"
                    + " (or copy the folder)");
        }
        Loader.Loaded loaded;
        try (ProgressLine line = progress.start(spec.commandLine().getErr())) {
            loaded = rejects.load(Schema.EMPLOYEES, data, line.progress());
            line.phase("writing the snapshot");
            Snapshot.write(loaded, out, cores);
        }
        spec.commandLine().getErr().println(DataOptions.line(loaded));
        spec.commandLine().getErr().println(String.format("Saved a snapshot of %,d rows to %s; ask it questions with"
                + " --data %s", loaded.table().rows(), out, out));
        return rejects.status(loaded);
    }
}
