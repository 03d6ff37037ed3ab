package ladder.reports.cli;

import ladder.engine.LadderException;
import ladder.engine.cube.CubeSource;
import ladder.engine.filter.FilterParser;
import ladder.models.pay.ClassPayGap;
import ladder.models.pay.PayModel;
import ladder.models.pay.QuantileType;
import ladder.models.result.Result;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "pay", mixinStandardHelpOptions = true,
        description = "The class pay gap, as gender pay gap reporting: mean, median and quartiles of hourly pay and bonus by"
                + " SEB group from exact pence histograms, each group's mean and median gap against the reference (delta-method"
                + " and employer cluster bootstrap intervals), the share paid a bonus and the pay quarters; with --adjusted"
                + " (rows only) the OLS adjusted gap with employer-clustered SEs and the Oaxaca-Blinder decomposition.")
final class PayCommand extends AnalysisCommand {
    @Option(names = "--by", paramLabel = "COLUMN",
            description = "Repeat for each level of this column: year, grade, sector or employer_id (any coded column).")
    String by;

    @Option(names = "--reference", defaultValue = "professional", paramLabel = "GROUP",
            description = "The reference SEB group. Default: ${DEFAULT-VALUE}.")
    String reference;

    @Option(names = "--quantile-type", defaultValue = "7", paramLabel = "K",
            description = "R's quantile type (1-9) of the quartiles and quarter cutpoints. Default: ${DEFAULT-VALUE}.")
    int quantileType;

    @Option(names = "--replicates", defaultValue = "999", paramLabel = "B",
            description = "Bootstrap replicates of the median gaps (employers resampled). Default: ${DEFAULT-VALUE}.")
    int replicates;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "SEED",
            description = "The bootstrap's seed: the same seed gives the same intervals. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--level", paramLabel = "P", defaultValue = "0.95",
            description = "Confidence level of the intervals. Default: ${DEFAULT-VALUE}.")
    double level;

    @Option(names = "--adjusted",
            description = "Also the adjusted gap (OLS of log hourly pay on seb, gender, ethnicity, age_band, grade, year) and"
                    + " the Oaxaca-Blinder decomposition; needs the rows (--data).")
    boolean adjusted;

    @Option(names = "--publish",
            description = "Apply disclosure control: figures on fewer than 10 people, means failing the dominance rule and"
                    + " quantiles read from a value held by fewer than 3 people withheld.")
    boolean publish;

    @Override
    Result analyse(CubeSource source) {
        Main.checkLevel(level);
        if (quantileType < 1 || quantileType > 9) {
            throw new LadderException("--quantile-type must be 1 to 9 (R's quantile types), got " + quantileType);
        }
        return ClassPayGap.of(source, new ClassPayGap.Question(reference, by, QuantileType.of(quantileType), replicates,
                seed, level, publish), data.threads());
    }

    @Override
    Result analyse(DataOptions.Opened in) {
        if (adjusted && in.loaded() == null) {
            throw new LadderException("--adjusted needs the rows (each person's log pay), which cube files do not hold;"
                    + " run it with --data");
        }
        ClassPayGap gaps = (ClassPayGap) analyse(in.source());
        if (!adjusted) {
            return gaps;
        }
        return gaps.withModel(PayModel.of(in.loaded().table(), FilterParser.parse(data.where, in.loaded().table()),
                reference, level, data.threads()));
    }
}
