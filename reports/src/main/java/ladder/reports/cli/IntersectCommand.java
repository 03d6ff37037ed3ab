package ladder.reports.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import ladder.engine.LadderException;
import ladder.engine.cube.CubeSource;
import ladder.models.intersect.IntersectionalBreakdown;
import ladder.models.intersect.PAdjust;
import ladder.models.result.Result;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "intersect", mixinStandardHelpOptions = true,
        description = "A rate (promotion, reaching a grade) in each cell of a cross-classification (seb x gender x "
                + "ethnicity ...): the rate with its Wilson interval, the difference from the rest of the pool with "
                + "Pearson's and Fisher's tests, p-values adjusted across cells as R's p.adjust.")
final class IntersectCommand extends AnalysisCommand {
    @Option(names = "--outcome", defaultValue = "promoted", paramLabel = "OUTCOME",
            description = "A 0/1 column (promoted, training) or a condition (grade>=4). Default: ${DEFAULT-VALUE}.")
    String outcome;

    @Option(names = "--by", split = ",", required = true, paramLabel = "COLUMN",
            description = "The columns whose level combinations are the cells, e.g. seb,gender,ethnicity.")
    List<String> by;

    @Option(names = "--adjust", defaultValue = "bh", paramLabel = "METHOD",
            description = "P-value adjustment across cells: bh, by, holm, hochberg, hommel, bonferroni or none. "
                    + "Default: ${DEFAULT-VALUE}.")
    String adjust;

    @Mixin
    PublishOptions estimate;

    @Override
    boolean streams() {
        return true;
    }

    @Override
    Result analyse(CubeSource source) {
        double level = estimate.level();
        PAdjust adjustment = Arrays.stream(PAdjust.values()).filter(p -> p.name().equalsIgnoreCase(adjust.strip()))
                .findFirst().orElseThrow(() -> new LadderException("--adjust must be one of " + String.join(", ",
                        Arrays.stream(PAdjust.values()).map(p -> p.name().toLowerCase(Locale.ROOT)).toList())
                        + "; got '" + adjust + "'"));
        IntersectionalBreakdown breakdown = IntersectionalBreakdown.of(source,
                new IntersectionalBreakdown.Question(outcome, by, adjustment, level));
        return estimate.publish ? breakdown.publishable() : breakdown;
    }
}
