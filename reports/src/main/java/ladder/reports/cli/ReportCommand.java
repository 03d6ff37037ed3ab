package ladder.reports.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import ladder.engine.io.OutputFiles;
import ladder.reports.CubesSummary;
import ladder.reports.report.EvidenceReport;
import ladder.reports.report.ReportInputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "The steering group's evidence report: the data and response rates, class composition against "
                + "the national benchmark and its trend, the supplementary questions, the class ceiling, progression "
                + "(crude, Mantel-Haenszel and adjusted odds ratios), intersections and MAIHDA, the class pay gap, time "
                + "to promotion, regions and a methods appendix, under one disclosure control plan. Writes DIR/index.html "
                + "(self-contained; print it to PDF from a browser) and every table as DIR/tables/*.csv.")
final class ReportCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write index.html and tables/ into.")
    Path out;

    @Option(names = "--title", defaultValue = "Socio-economic background: evidence report", paramLabel = "TEXT",
            description = "The report's title. Default: ${DEFAULT-VALUE}.")
    String title;

    @Option(names = "--employer", paramLabel = "ID",
            description = "Write employer ID's benchmark pack instead: where it stands beside the coalition, its sector "
                    + "and the nation (with its percentile), its SMC scorecard, then every section on its own data.")
    String employer;

    /** For the recruitment funnel, the scorecard's applicants and a pack's funnel figures. */
    @Mixin
    ApplicantsOptions applicants;

    @Mixin
    ProgressOptions progress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        List<Path> given = data.input.data != null ? data.input.data.stream().map(Path::of).toList() : data.input.cubes;
        // The tables are CSV files: in an input folder, the next load would read them as data.
        OutputFiles.checkNotInput(out.resolve("tables").resolve("data-response.csv"), given, "the report's tables");
        long start = System.nanoTime();
        DataOptions.Opened in;
        try (ProgressLine line = progress.start(spec.commandLine().getErr())) {
            in = data.open(ladder.engine.contract.Schema.EMPLOYEES, line.progress());
        }
        spec.commandLine().getErr().println(in.line());
        // From here on is the report's own time (the "under 60 s after load"), the inputs' SHA-256 included.
        long loaded = System.nanoTime();
        String command = "ladder " + spec.commandLine().getParseResult().originalArgs().stream()
                .map(ReportInputs::shellWord).collect(Collectors.joining(" "));
        ReportInputs inputs = in.report() != null
                ? ReportInputs.ofRows(in.source(), in.report(), command, title)
                : ReportInputs.ofCubes(in.source(), data.input.cubes, ((CubesSummary) in.account()).merged(), command, title);
        java.util.Optional<ApplicantsOptions.Opened> a = applicants.open(data.threads());
        if (a.isPresent()) {
            spec.commandLine().getErr().println("Applicants: " + a.get().line());
            inputs = inputs.withApplicants(a.get().source(), a.get().files());
        }
        if (employer != null) {
            inputs = inputs.forEmployer(employer);
        }
        EvidenceReport report = EvidenceReport.of(inputs);
        Path index = report.write(out);
        spec.commandLine().getErr().println(String.format("Wrote %s (%d sections) and %d tables to %s in %.1f s after"
                        + " loading (%.1f s in all); open %s in a browser, and print it to PDF from there",
                index, report.sections().size(), report.tables().size(), out.resolve("tables"),
                (System.nanoTime() - loaded) / 1e9, (System.nanoTime() - start) / 1e9, index));
        return data.strict && in.rejected() > 0 ? Main.EXIT_REJECTED : 0;
    }
}
