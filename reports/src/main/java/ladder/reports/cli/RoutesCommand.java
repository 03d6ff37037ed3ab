package ladder.reports.cli;

import java.util.List;
import ladder.engine.cube.CubeSource;
import ladder.models.progression.EntryRoutes;
import ladder.models.result.Result;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "routes", mixinStandardHelpOptions = true,
        description = "Entry routes by background: the SEB composition of each entry_route with Wilson intervals and "
                + "representation ratios against the workforce and the UK working population (34/24/42), and "
                + "progression (promotion, reaching grade 4 or above) by route and SEB with odds ratios against "
                + "professionals, crude and Mantel-Haenszel within employers.")
final class RoutesCommand extends AnalysisCommand {
    @Option(names = "--outcomes", split = ",", paramLabel = "OUTCOME",
            description = "0/1 columns or conditions, e.g. promoted,grade>=4 (the default).")
    List<String> outcomes = List.of("promoted", "grade>=4");

    @Option(names = "--strata", split = ",", paramLabel = "COLUMN",
            description = "Mantel-Haenszel strata. Default: employer_id.")
    List<String> strata = List.of("employer_id");

    @Mixin
    PublishOptions estimate;

    @Override
    Result analyse(CubeSource source) {
        EntryRoutes routes = EntryRoutes.of(source, new EntryRoutes.Question(outcomes, strata, estimate.level()));
        return estimate.publish ? routes.publishable() : routes;
    }
}
