package ladder.reports.cli;

import java.util.List;
import java.util.Optional;
import ladder.engine.LadderException;
import ladder.engine.cube.CubeSource;
import ladder.models.benchmark.Scorecard;
import ladder.models.result.Result;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "scorecard", mixinStandardHelpOptions = true,
        description = "The Social Mobility Commission's scorecard for each employer (or one): response rate against "
                + "the 70%% target, which SEB questions are collected for applicants, new hires, apprentices and the "
                + "workforce, the spread against 34/24/42, and progress towards a target share with the year the "
                + "trend reaches it; each KPI rated red/amber/green by the rules printed with it.")
final class ScorecardCommand extends AnalysisCommand {
    @Option(names = "--employer", split = ",", paramLabel = "ID", description = "Score these employers (default: all).")
    List<String> employers = List.of();

    @Option(names = "--target", paramLabel = "LEVEL=SHARE",
            description = "A target share of a class, e.g. working_class=0.35 (a maximum for professional).")
    String target;

    /** For the questions collected from applicants. */
    @Mixin
    ApplicantsOptions applicants;

    @Mixin
    PublishOptions estimate;

    @Override
    Result analyse(CubeSource source) {
        double level = estimate.level();
        Scorecard s = Scorecard.of(source, new Scorecard.Question(employers, target(), level),
                applicants.source(data.threads()));
        return estimate.publish ? s.publishable() : s;
    }

    private Optional<Scorecard.Target> target() {
        if (target == null) {
            return Optional.empty();
        }
        String[] parts = target.split("=", 2);
        if (parts.length != 2 || parts[0].isBlank()) {
            throw new LadderException("--target needs LEVEL=SHARE, e.g. working_class=0.35; got '" + target + "'");
        }
        try {
            return Optional.of(new Scorecard.Target(parts[0].strip(), Double.parseDouble(parts[1].strip())));
        } catch (NumberFormatException e) {
            throw new LadderException("--target " + target + ": the share must be a number between 0 and 1, e.g. 0.35");
        }
    }
}
