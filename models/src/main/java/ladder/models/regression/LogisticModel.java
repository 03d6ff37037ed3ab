package ladder.models.regression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ladder.models.result.Result;
import ladder.models.result.ResultTable;
import ladder.models.result.ResultTable.Kind;

/**
 * A fitted logistic regression ({@link LogisticRegression}): coefficients as log odds ratios and
 * odds ratios with intervals, fit statistics, joint Wald tests of each term, and any margins and
 * additive interactions asked for.
 *
 * @param formula the formula as written
 * @param outcome its outcome text
 * @param references each categorical variable's reference level
 * @param droppedLevels levels left out for having no people
 * @param coefficients one per design column, in column order
 * @param statistics log-likelihood, deviance, AIC, BIC, iterations
 * @param covariance the covariance behind standard errors, tests, margins and interactions
 * @param level the confidence level
 * @param covariances every available covariance matrix of the estimated coefficients
 * @param tests joint Wald tests of each term, model-based and (if clustered) under {@code covariance}
 * @param margins average predictions and contrasts asked for
 * @param interactions additive interactions asked for
 * @param separationChecked whether Konis' separation check ran
 * @param warnings what a reader must know about this fit (separation, aliasing, convergence, dropped levels)
 */
public record LogisticModel(String formula, String outcome, Map<String, String> references,
        List<Design.DroppedLevel> droppedLevels, List<Coefficient> coefficients, FitStatistics statistics,
        CovarianceType covariance, double level, Covariances covariances, List<WaldTest> tests, List<Margins> margins,
        List<AdditiveInteraction> interactions, boolean separationChecked, List<String> warnings) implements Result {

    public LogisticModel {
        references = Map.copyOf(references);
        droppedLevels = List.copyOf(droppedLevels);
        coefficients = List.copyOf(coefficients);
        tests = List.copyOf(tests);
        margins = List.copyOf(margins);
        interactions = List.copyOf(interactions);
        warnings = List.copyOf(warnings);
    }

    /** The coefficient of a design column, e.g. {@code seb=working_class}. */
    public Coefficient coefficient(String name) {
        return coefficients.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no coefficient " + name + " in " + formula));
    }

    /** The margins of a variable asked for at fitting. */
    public Margins margins(String variable) {
        return margins.stream().filter(m -> m.variable().equals(variable)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no margins of " + variable + " were asked for"));
    }

    @Override
    public String title() {
        return "Logistic regression: " + formula;
    }

    @Override
    public Map<String, Object> inputs() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("formula", formula);
        inputs.put("outcome", outcome);
        List<String> refs = new ArrayList<>();
        references.forEach((v, l) -> refs.add(v + " = " + l));
        inputs.put("reference_levels", refs.isEmpty() ? "none" : String.join(", ", refs.stream().sorted().toList()));
        inputs.put("people", statistics.people());
        inputs.put("cells", statistics.cells());
        inputs.put("events", statistics.events());
        inputs.put("clusters", statistics.clusters());
        inputs.put("covariance", covariance.name());
        inputs.put("confidence_level", level);
        inputs.put("excluded_levels", droppedLevels.isEmpty() ? "none"
                : String.join(", ", droppedLevels.stream().map(d -> d.variable() + "=" + d.level()).toList()));
        return inputs;
    }

    @Override
    public List<ResultTable> tables() {
        String pct = Math.round(level * 100) + "%";
        List<ResultTable> tables = new ArrayList<>();
        ResultTable.Builder coef = ResultTable.builder("coefficients", "Coefficients (log odds ratios) and odds ratios")
                .column("term", Kind.LABEL, "design column, e.g. seb=working_class (against the reference level)")
                .column("status", Kind.LABEL, "estimated, aliased (not estimable, R's NA) or diverges (separation)")
                .column("estimate", Kind.NUMBER, "log odds ratio")
                .column("se", Kind.NUMBER, "standard error under the covariance named")
                .column("z", Kind.NUMBER, "estimate / se")
                .column("p", Kind.P_VALUE, "two-sided Wald p-value")
                .column("or", Kind.NUMBER, "odds ratio exp(estimate)")
                .column("or_lower", Kind.NUMBER, pct + " Wald interval of the odds ratio, lower")
                .column("or_upper", Kind.NUMBER, pct + " Wald interval of the odds ratio, upper")
                .column("model_se", Kind.NUMBER, "model-based standard error")
                .column("people", Kind.NUMBER, "people in rows where the column is non-zero")
                .column("covariance", Kind.LABEL, "covariance of se, z, p and intervals");
        for (Coefficient c : coefficients) {
            coef.row(c.name(), c.status().name().toLowerCase(java.util.Locale.ROOT), c.estimate(), c.se(), c.z(), c.p(),
                    c.oddsRatio(), c.oddsRatioLower(), c.oddsRatioUpper(), c.modelSe(), c.people(), covariance.name());
        }
        tables.add(coef.build());

        FitStatistics s = statistics;
        ResultTable.Builder fit = ResultTable.builder("fit", "Fit statistics (of the people, as R's glm on 0/1 rows)")
                .column("statistic", Kind.LABEL, "name")
                .column("value", Kind.NUMBER, "value");
        fit.row("people", s.people()).row("cells", (double) s.cells()).row("events", s.events())
                .row("parameters", (double) s.parameters()).row("clusters", (double) s.clusters())
                .row("log_likelihood", s.logLikelihood()).row("deviance", s.deviance())
                .row("null_deviance", s.nullDeviance()).row("null_df", s.nullDf()).row("residual_df", s.residualDf())
                .row("residual_df_cells", (double) s.residualDfCells()).row("aic", s.aic()).row("bic", s.bic())
                .row("iterations", (double) s.iterations()).row("converged", s.converged() ? 1.0 : 0.0)
                .row("tolerance", s.tolerance());
        tables.add(fit.build());

        ResultTable.Builder wald = ResultTable.builder("tests", "Joint Wald tests that all of a term's coefficients are 0")
                .column("term", Kind.LABEL, "formula term")
                .column("covariance", Kind.LABEL, "covariance used")
                .column("chi_square", Kind.NUMBER, "b' V^-1 b (null: V singular on the term)")
                .column("df", Kind.COUNT, "coefficients tested")
                .column("p", Kind.P_VALUE, "upper-tail chi-square p-value");
        for (WaldTest t : tests) {
            wald.row(t.term(), t.covariance().name(), t.chiSquare(), t.df(), t.p());
        }
        tables.add(wald.build());

        if (!margins.isEmpty()) {
            ResultTable.Builder m = ResultTable.builder("margins", "Average predicted probabilities, everyone set to each level")
                    .column("variable", Kind.LABEL, "categorical variable")
                    .column("level", Kind.LABEL, "level everyone is set to")
                    .column("probability", Kind.PROPORTION, "average predicted probability over people")
                    .column("se", Kind.NUMBER, "delta-method standard error")
                    .column("lower", Kind.PROPORTION, pct + " Wald interval, lower")
                    .column("upper", Kind.PROPORTION, pct + " Wald interval, upper")
                    .column("covariance", Kind.LABEL, "covariance of the delta method");
            ResultTable.Builder d = ResultTable.builder("contrasts", "Differences of average predictions from the reference level")
                    .column("variable", Kind.LABEL, "categorical variable")
                    .column("level", Kind.LABEL, "level")
                    .column("reference", Kind.LABEL, "reference level")
                    .column("difference", Kind.NUMBER, "P(level) - P(reference)")
                    .column("se", Kind.NUMBER, "delta-method standard error")
                    .column("z", Kind.NUMBER, "difference / se")
                    .column("p", Kind.P_VALUE, "two-sided p-value")
                    .column("lower", Kind.NUMBER, pct + " Wald interval, lower")
                    .column("upper", Kind.NUMBER, pct + " Wald interval, upper")
                    .column("covariance", Kind.LABEL, "covariance of the delta method");
            for (Margins mg : margins) {
                for (Margins.Prediction p : mg.predictions()) {
                    m.row(mg.variable(), p.level(), p.probability(), p.se(), p.lower(), p.upper(), mg.covariance().name());
                }
                for (Margins.Contrast c : mg.contrasts()) {
                    d.row(mg.variable(), c.level(), mg.reference(), c.difference(), c.se(), c.z(), c.p(), c.lower(),
                            c.upper(), mg.covariance().name());
                }
            }
            tables.add(m.build());
            tables.add(d.build());
        }
        if (!interactions.isEmpty()) {
            ResultTable.Builder t = ResultTable.builder("interaction", "Interaction of two binary contrasts (double disadvantage)")
                    .column("contrasts", Kind.LABEL, "the two columns and their product")
                    .column("measure", Kind.LABEL, "multiplicative (OR of the product), RERI, AP or S")
                    .column("estimate", Kind.NUMBER, "estimate")
                    .column("se", Kind.NUMBER, "delta-method se (of log S for S; of the coefficient for multiplicative)")
                    .column("lower", Kind.NUMBER, pct + " interval, lower (null if undefined)")
                    .column("upper", Kind.NUMBER, pct + " interval, upper (null if undefined)");
            for (AdditiveInteraction ai : interactions) {
                String label = ai.a() + " x " + ai.b();
                t.row(label, "multiplicative", ai.multiplicative().estimate(), ai.multiplicative().se(),
                        ai.multiplicative().lower(), ai.multiplicative().upper());
                t.row(label, "RERI", ai.reri().estimate(), ai.reri().se(), ai.reri().lower(), ai.reri().upper());
                t.row(label, "AP", ai.ap().estimate(), ai.ap().se(), ai.ap().lower(), ai.ap().upper());
                t.row(label, "S", ai.synergy().estimate(), ai.synergy().se(), ai.synergy().lower(), ai.synergy().upper());
            }
            tables.add(t.build());
        }
        return tables;
    }

    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        FitStatistics s = statistics;
        notes.add("Binomial logit fitted by iteratively reweighted least squares (Newton), as R's glm(family = binomial): "
                + (s.converged() ? "converged" : "NOT converged") + " after " + s.iterations() + " iterations (stop when"
                + " |dev - dev_old| / (|dev| + 0.1) < " + s.tolerance() + ", at most " + s.maxIterations() + ").");
        notes.add("Standard errors: " + covariance.description()
                + (covariance.clustered() ? ", over " + s.clusters() + " clusters" : "") + ".");
        notes.add("Log-likelihood, deviance, AIC and BIC are of the people (Bernoulli), equal to R's glm on one row per"
                + " person; BIC uses N = the people (the fit table's people).");
        notes.add("Intervals are Wald intervals; odds ratios and their bounds are exp of the log odds ratio's.");
        if (!margins.isEmpty()) {
            notes.add("Margins: everyone set to each level in turn, predictions averaged over people (Stata margins;"
                    + " marginaleffects avg_predictions / avg_comparisons), delta-method standard errors.");
        }
        if (!interactions.isEmpty()) {
            notes.add("Additive interaction: RERI, AP (Wald) and S (log scale) by the delta method of Hosmer and"
                    + " Lemeshow (1992), as epiR::epi.interaction(param = \"product\")"
                    + (covariance == CovarianceType.MODEL ? "." : ", with the " + covariance.name()
                            + " covariance (epiR uses the model-based one)."));
            interactions.stream().map(AdditiveInteraction::caveat).filter(java.util.Objects::nonNull).forEach(notes::add);
        }
        if (!separationChecked) {
            notes.add("Separation was not checked by linear programming (too many distinct designs).");
        }
        notes.addAll(warnings);
        return notes;
    }
}
