package ladder.reports.cli;

import java.util.List;
import ladder.engine.cube.CubeSource;
import ladder.models.composition.Composition;
import ladder.models.result.Result;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "composition", mixinStandardHelpOptions = true,
        description = "Class composition: per cell the counts and shares of the three SEB groups over classifiable "
                + "answers with Wilson intervals, the response rate, representation ratios and the chi-square test "
                + "against the national 34/24/42.")
final class CompositionCommand extends AnalysisCommand {
    @Option(names = "--by", split = ",", paramLabel = "DIM",
            description = "Dimensions to break down by, e.g. year,grade (coded columns). Default: none (the whole pool).")
    List<String> by = List.of();

    @Option(names = "--publish",
            description = "Apply disclosure control for publication: counts under 10 withheld (NA), with enough others "
                    + "that they cannot be worked back.")
    boolean publish;

    @Option(names = "--level", paramLabel = "P", defaultValue = "0.95",
            description = "Confidence level of the intervals. Default: ${DEFAULT-VALUE}.")
    double level;

    @Override
    boolean streams() {
        return true;
    }

    @Override
    Result analyse(CubeSource source) {
        Main.checkLevel(level);
        Composition composition = Composition.of(source, by, level);
        return publish ? composition.publishable() : composition;
    }
}
