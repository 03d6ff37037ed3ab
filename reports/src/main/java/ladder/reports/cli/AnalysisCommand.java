package ladder.reports.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import ladder.engine.contract.Schema;
import ladder.engine.filter.Filter;
import ladder.engine.filter.FilterParser;
import ladder.engine.io.Loader;
import ladder.engine.table.Table;
import ladder.models.result.Result;
import ladder.reports.LoadSummary;
import ladder.reports.render.Format;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A subcommand that pools the data, keeps the rows that pass {@code --where}, runs one analysis and
 * prints its result in the chosen format. The load's account goes to standard error for people
 * (table, csv) and into the document for software (json), so standard output holds only the result.
 */
abstract class AnalysisCommand implements Callable<Integer> {
    static final Path DEFAULT_REJECTS = Path.of("ladder-rejects.csv");

    @Mixin
    DataOptions data;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (for people), json or csv (full double precision, for software). Default: ${DEFAULT-VALUE}.")
    String format;

    @Spec
    CommandSpec spec;

    /**
     * Loads {@code paths}; rejected rows go to {@code rejects}, or when it is null to
     * {@link #DEFAULT_REJECTS}, which is left behind only if a row was rejected.
     */
    static Loader.Loaded load(Schema schema, java.util.List<Path> paths, Path rejects) throws IOException {
        Path target = rejects == null ? DEFAULT_REJECTS : rejects;
        Loader.Loaded loaded = Loader.load(schema, paths, target);
        if (rejects == null && loaded.report().rejected() == 0) {
            Files.deleteIfExists(target);
        }
        return loaded;
    }

    /** The analysis over the pooled table's rows that pass {@code filter}. */
    abstract Result analyse(Table table, Filter filter);

    @Override
    public Integer call() throws IOException {
        Format out = Main.format(format);
        Loader.Loaded loaded = load(Schema.EMPLOYEES, data.data, data.rejects);
        LoadSummary load = new LoadSummary(loaded.report());
        Filter filter = FilterParser.parse(data.where, loaded.table());
        Result result = analyse(loaded.table(), filter);
        PrintWriter stdout = spec.commandLine().getOut();
        if (out == Format.JSON) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("command", spec.name());
            doc.put("load", load.inputs());
            doc.put("result", Format.document(result));
            stdout.print(ladder.reports.render.Json.write(doc));
        } else {
            spec.commandLine().getErr().println(load.line());
            stdout.print(out.render(result));
        }
        stdout.flush();
        return data.strict && loaded.report().rejected() > 0 ? Main.EXIT_REJECTED : 0;
    }
}
