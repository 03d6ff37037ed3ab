package ladder.reports.cli;

import java.util.List;
import ladder.engine.cube.CubeSource;
import ladder.models.result.Result;
import ladder.models.trend.ClassCeiling;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "ceiling", mixinStandardHelpOptions = true,
        description = "The class ceiling: the SEB composition at each grade with representation ratios against the "
                + "workforce and the UK working population (34/24/42), and the odds of each group being at a grade or "
                + "above against professionals: crude (Woolf) and, with --strata, Mantel-Haenszel within strata.")
final class CeilingCommand extends AnalysisCommand {
    @Option(names = "--strata", split = ",", paramLabel = "COLUMN",
            description = "Pool the odds ratios within the strata of these columns (Mantel-Haenszel), e.g. employer_id.")
    List<String> strata = List.of();

    @Mixin
    PublishOptions estimate;

    @Override
    boolean streams() {
        return true;
    }

    @Override
    Result analyse(CubeSource source) {
        double level = estimate.level();
        ClassCeiling ceiling = ClassCeiling.of(source, new ClassCeiling.Question(strata, level));
        return estimate.publish ? ceiling.publishable() : ceiling;
    }
}
