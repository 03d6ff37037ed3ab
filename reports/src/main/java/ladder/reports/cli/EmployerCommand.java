package ladder.reports.cli;

import ladder.engine.cube.CubeSource;
import ladder.models.benchmark.EmployerComparison;
import ladder.models.result.Result;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "employer", mixinStandardHelpOptions = true,
        description = "Where one employer stands: its SEB shares, response rate, working-class share at grade 4 or "
                + "above, promotion rates by SEB and the working-class vs professional odds ratio, each beside the "
                + "pooled coalition, its sector without it and the national benchmark, with intervals, and its "
                + "percentile among the coalition's employers.")
final class EmployerCommand extends AnalysisCommand {
    @Option(names = "--id", required = true, paramLabel = "EMPLOYER", description = "The employer_id, e.g. E001.")
    String id;

    @Mixin
    PublishOptions estimate;

    @Override
    boolean streams() {
        return true;
    }

    @Override
    Result analyse(CubeSource source) {
        EmployerComparison c = EmployerComparison.of(source, id, estimate.level());
        return estimate.publish ? c.publishable() : c;
    }
}
