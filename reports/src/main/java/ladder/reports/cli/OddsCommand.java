package ladder.reports.cli;

import java.util.ArrayList;
import java.util.List;
import ladder.engine.LadderException;
import ladder.engine.cube.CubeSource;
import ladder.models.contingency.ProgressionOdds;
import ladder.models.result.Result;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "odds", mixinStandardHelpOptions = true,
        description = "Odds of an outcome (promotion, reaching a grade) for each exposure level (e.g. working class) "
                + "against a reference level (e.g. professional): crude 2x2 statistics (odds ratios with Woolf, exact "
                + "and mid-p intervals, risk ratio and difference, chi-square and Fisher tests) and, with --strata, "
                + "pooled within strata by Mantel-Haenszel with the Robins-Breslow-Greenland interval, the CMH test and "
                + "the Breslow-Day test of homogeneity.")
final class OddsCommand extends AnalysisCommand {
    @Option(names = "--outcome", defaultValue = "promoted", paramLabel = "OUTCOME",
            description = "A 0/1 column (promoted, training) or a condition (grade>=4). Default: ${DEFAULT-VALUE}.")
    String outcome;

    @Option(names = "--exposure", defaultValue = "seb", paramLabel = "COLUMN[=LEVEL,...]",
            description = "The exposure column, optionally with the levels to compare, e.g. seb=working_class. "
                    + "Default: ${DEFAULT-VALUE} (every level that is an answer).")
    String exposure;

    @Option(names = "--reference", paramLabel = "COLUMN=LEVEL",
            description = "The reference level, e.g. seb=professional (default for seb: professional; else the first level).")
    String reference;

    @Option(names = "--strata", split = ",", paramLabel = "COLUMN",
            description = "Pool within the strata of these columns (Mantel-Haenszel), e.g. employer_id.")
    List<String> strata = List.of();

    @Option(names = "--by", split = ",", paramLabel = "COLUMN", description = "Repeat for each level of these, e.g. year.")
    List<String> by = List.of();

    @Option(names = "--level", paramLabel = "P", defaultValue = "0.95",
            description = "Confidence level of the intervals. Default: ${DEFAULT-VALUE}.")
    double level;

    @Option(names = "--publish",
            description = "Apply disclosure control for publication: strata and crude cells with counts under 10 withheld.")
    boolean publish;

    @Override
    boolean streams() {
        return true;
    }

    @Override
    Result analyse(CubeSource source) {
        Main.checkLevel(level);
        String[] exp = exposure.split("=", 2);
        String column = exp[0].strip();
        List<String> levels = new ArrayList<>();
        if (exp.length == 2) {
            for (String l : exp[1].split(",")) {
                if (!l.isBlank()) {
                    levels.add(l.strip());
                }
            }
        }
        String ref = null;
        if (reference != null) {
            String[] r = reference.split("=", 2);
            if (r.length == 1) {
                ref = r[0].strip();
            } else if (!r[0].strip().equalsIgnoreCase(column)) {
                throw new LadderException("--reference names column " + r[0].strip() + " but --exposure is " + column);
            } else {
                ref = r[1].strip();
            }
        }
        ProgressionOdds odds = ProgressionOdds.of(source,
                new ProgressionOdds.Question(outcome, column, levels, ref, strata, by, level));
        return publish ? odds.publishable() : odds;
    }
}
