package ladder.reports.cli;

import java.util.List;
import ladder.engine.cube.CubeSource;
import ladder.models.progression.TrainingTakeUp;
import ladder.models.result.Result;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "training", mixinStandardHelpOptions = true,
        description = "Training take-up by background: the share with training = 1 by SEB with Wilson intervals, odds "
                + "ratios against professionals crude and Mantel-Haenszel within employers, adjusted by a logistic "
                + "model with cluster-robust (CR1) errors, and the same by grade.")
final class TrainingCommand extends AnalysisCommand {
    @Option(names = "--strata", split = ",", paramLabel = "COLUMN",
            description = "Mantel-Haenszel strata. Default: employer_id.")
    List<String> strata = List.of("employer_id");

    @Option(names = "--adjust", split = ",", paramLabel = "TERM",
            description = "The model's terms besides seb. Default: gender,ethnicity,age_band,C(grade),C(year).")
    List<String> adjust = TrainingTakeUp.Question.defaults().adjust();

    @Option(names = "--cluster", paramLabel = "COLUMN", defaultValue = "employer_id",
            description = "Clusters of the CR1 errors; 'none' for model-based errors. Default: ${DEFAULT-VALUE}.")
    String cluster;

    @Mixin
    PublishOptions estimate;

    @Override
    Result analyse(CubeSource source) {
        TrainingTakeUp training = TrainingTakeUp.of(source, new TrainingTakeUp.Question(strata, adjust,
                cluster.equalsIgnoreCase("none") ? null : cluster, estimate.level()));
        return estimate.publish ? training.publishable() : training;
    }
}
