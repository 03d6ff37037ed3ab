package ladder.reports.cli;

import java.util.List;
import ladder.engine.contract.Schema;
import ladder.engine.cube.CubeSource;
import ladder.models.funnel.RecruitmentFunnel;
import ladder.models.result.Result;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "funnel", mixinStandardHelpOptions = true,
        description = "The recruitment funnel by socio-economic background, from applicants files: at each stage "
                + "(applied, shortlisted, interviewed, offered, hired) the SEB composition with Wilson intervals, the "
                + "conversion rate from the stage before, the adverse impact ratio with its Katz interval and the "
                + "four-fifths rule, the odds ratio of progressing (crude, and within employers by Mantel-Haenszel), "
                + "where the working-class share drops most, and applicants and hires against the national 34/24/42.")
final class FunnelCommand extends AnalysisCommand {
    @Option(names = "--strata", split = ",", paramLabel = "COLUMN", defaultValue = "employer_id",
            description = "Pool the odds ratios within the strata of these columns (Mantel-Haenszel). "
                    + "Default: ${DEFAULT-VALUE}.")
    List<String> strata;

    @Option(names = "--level", paramLabel = "P", defaultValue = "0.95",
            description = "Confidence level of the intervals. Default: ${DEFAULT-VALUE}.")
    double level;

    @Option(names = "--publish",
            description = "Apply disclosure control for publication: counts under 10 withheld, with the counts that "
                    + "would reveal them, and the rates and ratios resting on them.")
    boolean publish;

    @Override
    Schema table() {
        return Schema.APPLICANTS;
    }

    @Override
    boolean streams() {
        return true;
    }

    @Override
    Result analyse(CubeSource source) {
        Main.checkLevel(level);
        RecruitmentFunnel funnel = RecruitmentFunnel.of(source, new RecruitmentFunnel.Question(strata, level));
        return publish ? funnel.publishable() : funnel;
    }
}
