package ladder.reports.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import ladder.engine.contract.Schema;
import ladder.engine.cube.Cube;
import ladder.engine.cube.CubeFile;
import ladder.engine.cube.CubeKernel;
import ladder.engine.filter.FilterParser;
import ladder.engine.io.LoadReport;
import ladder.engine.io.Loader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "cube", mixinStandardHelpOptions = true,
        description = "Build a cube (counts and sums per cell of the named dimensions) from employee files and write it "
                + "as an Arrow IPC file: an employer can send it instead of personal records, and every analysis runs "
                + "on merged cube files (--cubes) as on pooled rows.")
final class CubeCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, arity = "1..*", paramLabel = "PATH",
            description = "CSV, Arrow IPC or Parquet files of table employees (or --table), or folders of them.")
    List<Path> data;

    @Option(names = "--table", paramLabel = "TABLE", defaultValue = "employees",
            description = "Contract table the files hold: employees, or applicants (then e.g. --dims "
                    + "employer_id,year,seb,stage_reached for ladder funnel --cubes). Default: ${DEFAULT-VALUE}.")
    String table;

    @Option(names = "--dims", required = true, split = ",", paramLabel = "DIM",
            description = "Dimensions, e.g. year,employer_id,grade,seb,gender,promoted (coded columns; hourly_pay or bonus "
                    + "give an exact histogram in pence).")
    List<String> dims;

    @Option(names = "--measures", split = ",", paramLabel = "COLUMN",
            description = "Numeric columns summed per cell (count, sum, sum of squares), e.g. hourly_pay,bonus. Default: none.")
    List<String> measures = List.of();

    @Option(names = "--where", paramLabel = "FILTER", description = "Keep only rows that pass; the cube records the filter.")
    String where;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The cube file to write (Arrow IPC).")
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
        ladder.engine.io.OutputFiles.checkNotInput(out, data, "the cube file");
        Loader.Loaded loaded;
        Cube cube;
        try (ProgressLine line = progress.start(spec.commandLine().getErr())) {
            loaded = rejects.load(Main.table(table), data, line.progress());
            line.phase("building the cube");
            cube = CubeKernel.build(loaded.table(), FilterParser.parse(where, loaded.table()), dims, measures, cores);
        }
        LoadReport report = loaded.report();
        List<Cube.Source> sources = new ArrayList<>();
        for (String file : report.files()) {
            sources.add(new Cube.Source(Path.of(file).getFileName().toString(), ladder.engine.io.FileHash.sha256(Path.of(file))));
        }
        CubeFile.write(cube.withProvenance(new Cube.Provenance(sources, report.read(), report.accepted(),
                report.rejected())), out);
        spec.commandLine().getErr().println(DataOptions.line(loaded));
        spec.commandLine().getErr().println(String.format("Wrote a cube of %,d cells over %s to %s", cube.size(),
                String.join(", ", dims), out));
        return rejects.status(loaded);
    }
}
