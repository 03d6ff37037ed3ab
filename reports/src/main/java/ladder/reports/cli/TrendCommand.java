package ladder.reports.cli;

import java.util.List;
import ladder.engine.LadderException;
import ladder.engine.cube.CubeSource;
import ladder.models.result.Result;
import ladder.models.trend.ShareTrend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "trend", mixinStandardHelpOptions = true,
        description = "The share of one level among a column's answers (e.g. working class among classifiable SEB) "
                + "over ordered periods (year), overall or by sector, grade, region...: shares with Wilson intervals, "
                + "the gap to the national benchmark, year-on-year changes (Wald and Newcombe), the Cochran-Armitage "
                + "test and a logistic trend.")
final class TrendCommand extends AnalysisCommand {
    @Option(names = "--share", defaultValue = "seb=working_class", paramLabel = "COLUMN=LEVEL",
            description = "The share followed: LEVEL among the answers for COLUMN. Default: ${DEFAULT-VALUE}.")
    String share;

    @Option(names = "--over", defaultValue = "year", paramLabel = "COLUMN",
            description = "The ordered period column. Default: ${DEFAULT-VALUE}.")
    String over;

    @Option(names = "--by", split = ",", paramLabel = "COLUMN", description = "A trend for each level of these, e.g. sector.")
    List<String> by = List.of();

    @Mixin
    PublishOptions estimate;

    @Override
    boolean streams() {
        return true;
    }

    @Override
    Result analyse(CubeSource source) {
        double level = estimate.level();
        String[] parts = share.split("=", 2);
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new LadderException("--share needs COLUMN=LEVEL, e.g. seb=working_class; got '" + share + "'");
        }
        ShareTrend trend = ShareTrend.of(source, new ShareTrend.Question(parts[0].strip(), parts[1].strip(), over, by,
                level));
        return estimate.publish ? trend.publishable() : trend;
    }
}
