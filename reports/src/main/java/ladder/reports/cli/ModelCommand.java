package ladder.reports.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ladder.engine.LadderException;
import ladder.engine.cube.CubeSource;
import ladder.models.regression.AdjustedModel;
import ladder.models.regression.CovarianceType;
import ladder.models.result.Result;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "model", mixinStandardHelpOptions = true,
        description = "Logistic regression of a binary outcome by IRLS: adjusted odds ratios with model-based or "
                + "cluster-robust (CR1, as Stata and sandwich::vcovCL type HC1) intervals, fit statistics, joint Wald "
                + "tests, average predictions by SEB and their differences (delta method), and the additive "
                + "interaction (RERI, AP, S) of two contrasts. Fitted on the cells of a cube when every covariate is "
                + "categorical or a whole number (identical to the row-level fit).")
final class ModelCommand extends AnalysisCommand {
    @Option(names = "--formula", required = true, paramLabel = "FORMULA",
            description = "e.g. \"promoted ~ seb + gender + ethnicity + age_band + C(year) + seb:gender\"; the outcome "
                    + "may be a condition such as grade>=4.")
    String formula;

    @Option(names = "--ref", paramLabel = "VAR=LEVEL", description = "A reference level, e.g. seb=professional (repeatable).")
    List<String> refs = List.of();

    @Option(names = "--cluster", paramLabel = "COLUMN", description = "Cluster-robust errors by this column, e.g. employer_id.")
    String cluster;

    @Option(names = "--covariance", paramLabel = "TYPE",
            description = "model, cr1, hc0 or cluster_only (default: cr1 with --cluster, else model).")
    String covariance;

    @Option(names = "--margins", split = ",", paramLabel = "VAR", description = "Average predictions for these (default: seb).")
    List<String> margins = List.of();

    @Option(names = "--interaction", split = ",", paramLabel = "CONTRAST",
            description = "Additive interaction of two contrasts, e.g. seb=working_class,gender=woman.")
    List<String> interaction = List.of();

    @Option(names = "--level", paramLabel = "P", defaultValue = "0.95", description = "Confidence level. Default: ${DEFAULT-VALUE}.")
    double level;

    @Option(names = "--publish", description = "Output check: withhold coefficients on fewer than 10 people, or the model "
            + "when its residual degrees of freedom are under 10.")
    boolean publish;

    @Override
    boolean streams() {
        return true;
    }

    @Override
    Result analyse(CubeSource source) {
        Main.checkLevel(level);
        Map<String, String> references = new LinkedHashMap<>();
        for (String r : refs) {
            String[] kv = r.split("=", 2);
            if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                throw new LadderException("--ref takes VARIABLE=LEVEL, e.g. seb=professional; got '" + r + "'");
            }
            references.put(kv[0].strip().toLowerCase(Locale.ROOT), kv[1].strip());
        }
        CovarianceType type = null;
        if (covariance != null) {
            try {
                type = CovarianceType.valueOf(covariance.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new LadderException("--covariance must be model, cr1, hc0 or cluster_only, not '" + covariance + "'");
            }
        }
        AdjustedModel model = AdjustedModel.fit(source, new AdjustedModel.Question(formula, references, cluster, type,
                margins, interaction, level));
        return publish ? model.publishable() : model;
    }
}
