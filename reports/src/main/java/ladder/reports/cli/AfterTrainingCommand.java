package ladder.reports.cli;

import java.util.Locale;
import ladder.engine.LadderException;
import ladder.engine.cube.CubeSource;
import ladder.models.progression.ProgressionAfter;
import ladder.models.result.Result;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "after-training", mixinStandardHelpOptions = true,
        description = "Promotion within a window after training (or an apprenticeship) by background: each person "
                + "followed across years within their employer by (employer_id, person_id); promoted, not promoted, "
                + "left and censored counted by SEB; odds ratios against professionals, crude and Mantel-Haenszel "
                + "within employers. Needs rows (--data).")
final class AfterTrainingCommand extends AnalysisCommand {
    @Option(names = "--cohort", paramLabel = "training|apprenticeship", defaultValue = "training",
            description = "Who is followed: person-years with training = 1, or people with entry_route = "
                    + "apprenticeship. Default: ${DEFAULT-VALUE}.")
    String cohort;

    @Option(names = "--window", paramLabel = "YEARS", defaultValue = "2",
            description = "Years followed after the year of training. Default: ${DEFAULT-VALUE}.")
    int window;

    @Option(names = "--no-strata", description = "No Mantel-Haenszel strata (default: within employers).")
    boolean noStrata;

    @Mixin
    PublishOptions estimate;

    @Override
    Result analyse(CubeSource source) {
        ProgressionAfter.Cohort who;
        try {
            who = ProgressionAfter.Cohort.valueOf(cohort.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new LadderException("--cohort is training or apprenticeship, not '" + cohort.strip() + "'");
        }
        ProgressionAfter after = ProgressionAfter.of(source,
                new ProgressionAfter.Question(who, window, !noStrata, estimate.level()));
        return estimate.publish ? after.publishable() : after;
    }
}
