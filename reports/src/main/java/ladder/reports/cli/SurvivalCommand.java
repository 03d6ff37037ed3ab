package ladder.reports.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ladder.engine.LadderException;
import ladder.engine.cube.CubeSource;
import ladder.models.result.Result;
import ladder.models.survival.KaplanMeier;
import ladder.models.survival.Ties;
import ladder.models.survival.TimeToPromotion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "survival", mixinStandardHelpOptions = true,
        description = "Time to promotion by group: Kaplan-Meier curves (Greenwood standard errors, log intervals, "
                + "medians with intervals, survival and numbers at risk at chosen months), the log-rank test (within "
                + "--strata) and a Cox model on the --by columns (Efron or Breslow ties, a baseline hazard per stratum, "
                + "cluster-robust standard errors with --cluster) with cox.zph's test of proportional hazards.")
final class SurvivalCommand extends AnalysisCommand {
    @Option(names = "--time", defaultValue = "months_in_grade", paramLabel = "COLUMN",
            description = "Whole months in grade (an integer column). Default: ${DEFAULT-VALUE}.")
    String time;

    @Option(names = "--event", defaultValue = "promoted", paramLabel = "COLUMN",
            description = "The 0/1 event: 1 promoted, 0 censored at the time. Default: ${DEFAULT-VALUE}.")
    String event;

    @Option(names = "--by", split = ",", paramLabel = "COLUMN", defaultValue = "seb",
            description = "Columns whose groups to compare (categorical). Default: ${DEFAULT-VALUE}.")
    List<String> by;

    @Option(names = "--levels", paramLabel = "COLUMN=LEVEL,...",
            description = "The levels of a --by column to compare, the reference first, e.g. "
                    + "seb=working_class,professional (default: every answer; excluded and missing left out).")
    Map<String, String> levels = new LinkedHashMap<>();

    @Option(names = "--strata", split = ",", paramLabel = "COLUMN",
            description = "Stratify the log-rank test and the Cox baseline hazard, e.g. employer_id.")
    List<String> strata = List.of();

    @Option(names = "--cluster", split = ",", paramLabel = "COLUMN",
            description = "Cluster-robust standard errors of the Cox model over these clusters, e.g. employer_id.")
    List<String> cluster = List.of();

    @Option(names = "--ties", defaultValue = "efron", paramLabel = "efron|breslow",
            description = "How the Cox model treats promotions in the same month. Default: ${DEFAULT-VALUE}.")
    String ties;

    @Option(names = "--times", split = ",", paramLabel = "MONTHS",
            description = "Months at which survival and numbers at risk are shown. Default: 6,12,24,36,48,60,120.")
    List<Integer> times = KaplanMeier.DEFAULT_TIMES;

    @Option(names = "--level", paramLabel = "P", defaultValue = "0.95",
            description = "Confidence level of the intervals. Default: ${DEFAULT-VALUE}.")
    double level;

    @Option(names = "--publish",
            description = "Apply disclosure control: numbers at risk and of promotions under 10 withheld, with the "
                    + "survival estimates resting on them.")
    boolean publish;

    @Override
    boolean streams() {
        return true;
    }

    @Override
    Result analyse(CubeSource source) {
        Main.checkLevel(level);
        Map<String, List<String>> named = new LinkedHashMap<>();
        levels.forEach((column, list) -> named.put(column, Arrays.stream(list.split(",")).map(String::strip)
                .filter(l -> !l.isEmpty()).toList()));
        TimeToPromotion result = TimeToPromotion.of(source, new TimeToPromotion.Question(time, event, by, named,
                strata, cluster, ties(ties), times, level));
        return publish ? result.publishable() : result;
    }

    static Ties ties(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "efron" -> Ties.EFRON;
            case "breslow" -> Ties.BRESLOW;
            default -> throw new LadderException("--ties must be efron or breslow, not '" + name + "'");
        };
    }
}
