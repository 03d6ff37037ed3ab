package ladder.reports.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import ladder.engine.contract.Schema;
import ladder.engine.io.Loader;
import ladder.reports.LoadSummary;
import ladder.reports.render.Format;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check files against the data contract: count rows read, accepted and rejected, and write "
                + "every rejected row with its file, line, column, value and rule to the rejects file.")
final class ValidateCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, arity = "1..*", paramLabel = "PATH",
            description = "Files or folders to check.")
    java.util.List<Path> data;

    @Mixin
    RejectsOptions rejects;

    @Option(names = "--table", paramLabel = "TABLE",
            description = "Contract table the files hold: employees or applicants. Default: whichever the files hold, "
                    + "told apart by their columns.")
    String table;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table, json or csv.")
    String format;

    @Mixin
    ProgressOptions progress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Format out = Main.format(format);
        Loader.Loaded loaded;
        try (ProgressLine line = progress.start(spec.commandLine().getErr())) {
            try {
                loaded = rejects.load(table == null ? Schema.EMPLOYEES : Main.table(table), data, line.progress());
            } catch (ladder.engine.io.WrongTableException e) {
                if (table != null) {
                    throw e;
                }
                loaded = rejects.load(e.held(), data, line.progress());
            }
        }
        LoadSummary summary = new LoadSummary(loaded.report());
        if (out != Format.JSON) {
            spec.commandLine().getErr().println(DataOptions.line(loaded));
        }
        spec.commandLine().getOut().print(out.render(summary));
        spec.commandLine().getOut().flush();
        return rejects.status(loaded);
    }
}
