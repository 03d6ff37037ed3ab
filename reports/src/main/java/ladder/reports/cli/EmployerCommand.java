package ladder.reports.cli;

import ladder.engine.cube.CubeSource;
import ladder.models.benchmark.EmployerComparison;
import ladder.models.result.Result;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "employer", mixinStandardHelpOptions = true,
        description = "Where one employer stands: its SEB shares and response rate, the supplementary questions "
                + "(independent school, free school meals, first in family among graduate hires), the working-class "
                + "share by grade band, promotion rates by SEB and the working-class vs professional odds ratios "
                + "(crude and within employers), the median and mean class pay gaps, the working-class share of "
                + "graduate-scheme and apprenticeship hires and training rates, and with --applicants the working-class "
                + "share of applications and the offer rate ratio (working class vs professional), each beside the pooled coalition, its "
                + "sector without it and the national benchmark, with intervals, and its percentile among the "
                + "coalition's employers.")
final class EmployerCommand extends AnalysisCommand {
    @Option(names = "--id", required = true, paramLabel = "EMPLOYER", description = "The employer_id, e.g. E001.")
    String id;

    /** For the recruitment funnel's figures; without them those figures are absent. */
    @Mixin
    ApplicantsOptions applicants;

    @Mixin
    PublishOptions estimate;

    @Override
    Result analyse(CubeSource source) {
        EmployerComparison c = EmployerComparison.of(source, applicants.source(data.threads()), id, estimate.level());
        return estimate.publish ? c.publishable() : c;
    }
}
