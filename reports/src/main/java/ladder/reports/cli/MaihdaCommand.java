package ladder.reports.cli;

import java.util.List;
import ladder.engine.cube.CubeSource;
import ladder.models.multilevel.MaihdaOnCube;
import ladder.models.result.Result;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "maihda", mixinStandardHelpOptions = true,
        description = "Intersectional MAIHDA (Evans, Merlo and colleagues): random-intercept logistic models of the "
                + "intersectional strata (null and main-effects), fitted by the Laplace approximation as lme4::glmer "
                + "(or adaptive Gauss-Hermite quadrature with --nagq): stratum variance, VPC, median odds ratio, PCV, "
                + "and each stratum's prediction and interaction effect.")
final class MaihdaCommand extends AnalysisCommand {
    @Option(names = "--outcome", defaultValue = "promoted", paramLabel = "OUTCOME",
            description = "A 0/1 column or a condition such as grade>=4. Default: ${DEFAULT-VALUE}.")
    String outcome;

    @Option(names = "--strata", split = ",", paramLabel = "DIM", defaultValue = "seb,gender,ethnicity",
            description = "The dimensions whose combinations are the strata. Default: ${DEFAULT-VALUE}.")
    List<String> strata;

    @Option(names = "--nagq", defaultValue = "1", paramLabel = "K",
            description = "1: Laplace (glmer nAGQ = 1); more: adaptive Gauss-Hermite points. Default: ${DEFAULT-VALUE}.")
    int points;

    @Option(names = "--level", paramLabel = "P", defaultValue = "0.95", description = "Confidence level. Default: ${DEFAULT-VALUE}.")
    double level;

    @Option(names = "--publish", description = "Withhold strata with a count under 10.")
    boolean publish;

    @Override
    boolean streams() {
        return true;
    }

    @Override
    Result analyse(CubeSource source) {
        Main.checkLevel(level);
        MaihdaOnCube.Fitted fit = MaihdaOnCube.of(source, new MaihdaOnCube.Question(outcome, strata, points, level));
        return publish ? fit.publishable() : fit;
    }
}
