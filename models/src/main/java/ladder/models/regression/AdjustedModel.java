package ladder.models.regression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import ladder.engine.LadderException;
import ladder.engine.cube.CubeSource;
import ladder.engine.cube.Outcome;
import ladder.models.result.Chart;
import ladder.models.result.Result;
import ladder.models.result.ResultTable;

/**
 * A logistic model of an outcome on a pool, as a researcher asks for it: the formula over the
 * data contract's columns, reference levels, an optional cluster for cluster-robust errors, the
 * margins and the additive interaction. Fitted on the grouped cells of a cube when no covariate
 * is a decimal ({@link ModelData}), so it runs alike on rows and on merged cube files; on rows
 * otherwise. With {@code publish}, the output check ({@link OutputCheck}) withholds coefficients
 * resting on fewer than 10 people, or the whole model when its residual degrees of freedom are
 * under 10.
 */
public record AdjustedModel(Question question, LogisticModel model, ModelData data, OutputCheck check, boolean publish)
        implements Result {

    /**
     * What is asked.
     *
     * @param formula e.g. {@code promoted ~ seb + gender + ethnicity + age_band + C(year)}
     * @param references reference level by variable (others: the first level with people; seb: professional)
     * @param cluster the column whose levels are clusters (e.g. employer_id), or null
     * @param covariance the covariance of errors and tests, or null for the default (CR1 with a cluster, else model-based)
     * @param margins categorical variables whose average predictions and discrete changes are given
     * @param interaction two binary contrasts (e.g. seb=working_class, gender=woman) for RERI, AP and S, or empty
     * @param level the confidence level
     */
    public record Question(String formula, Map<String, String> references, String cluster, CovarianceType covariance,
            List<String> margins, List<String> interaction, double level) {
        public Question {
            // Sorted, so that of several bad references the same one is named on every run.
            references = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(references));
            margins = List.copyOf(margins);
            interaction = List.copyOf(interaction);
            if (!interaction.isEmpty() && interaction.size() != 2) {
                throw new LadderException("--interaction takes two contrasts, e.g. seb=working_class,gender=woman");
            }
        }
    }

    /** The model {@code question} asks for, fitted to the rows or cells of {@code source}. */
    public static AdjustedModel fit(CubeSource source, Question question) {
        Formula formula = Formula.parse(question.formula(), ModelData::kind);
        Outcome outcome = Outcome.parse(formula.outcome());
        String cluster = question.cluster() == null || question.cluster().isBlank() ? null
                : question.cluster().strip().toLowerCase(Locale.ROOT);
        ModelData data = ModelData.of(source, formula, outcome, cluster);
        Set<String> variables = formula.terms().stream().flatMap(t -> t.variables().stream())
                .map(Term.Variable::name).collect(Collectors.toSet());
        LogisticRegression.Builder b = LogisticRegression.of(formula, data.data()).level(question.level());
        Map<String, String> references = new LinkedHashMap<>(question.references());
        if (variables.contains("seb") && !references.containsKey("seb")) {
            references.put("seb", "professional");
        }
        references.forEach((variable, level) -> {
            if (!variables.contains(variable)) {
                throw new LadderException("--ref " + variable + "=" + level + ": " + variable + " is not in the formula");
            }
            b.reference(variable, level);
        });
        if (question.covariance() != null) {
            if (question.covariance() != CovarianceType.MODEL && cluster == null) {
                throw new LadderException("--covariance " + question.covariance().name().toLowerCase(Locale.ROOT)
                        + " needs --cluster (e.g. --cluster employer_id)");
            }
            b.covariance(question.covariance());
        }
        List<String> margins = new ArrayList<>(question.margins());
        if (margins.isEmpty() && variables.contains("seb")) {
            margins.add("seb");
        }
        for (String m : margins) {
            if (!variables.contains(m) || ModelData.kind(m) != VariableKind.CATEGORICAL && !formula.text().contains("C(" + m)) {
                throw new LadderException("--margins " + m + ": margins are for categorical variables of the formula");
            }
        }
        b.margins(margins.toArray(String[]::new));
        if (!question.interaction().isEmpty()) {
            b.interaction(question.interaction().get(0), question.interaction().get(1));
        }
        b.threads(source.threads());
        LogisticModel model = b.fit();
        return new AdjustedModel(question, model, data, OutputCheck.of(model), false);
    }

    /** The same model checked for publication. */
    public AdjustedModel publishable() {
        return new AdjustedModel(question, model, data, check, true);
    }

    @Override
    public String title() {
        return model.title();
    }

    @Override
    public Map<String, Object> inputs() {
        Map<String, Object> inputs = new LinkedHashMap<>(model.inputs());
        inputs.put("fitted_to", data.grouped() ? "the grouped binomial cells of a cube (estimates identical to the"
                + " row-level fit)" : "one row per person");
        inputs.put("cluster", question.cluster() == null ? "none" : question.cluster());
        data.excluded().forEach((why, n) -> inputs.put("excluded: " + why, n));
        inputs.put("output_check", publish ? (check.publishable() ? "passed" : "withheld: " + String.join("; ", check.reasons()))
                : "none (not for publication)");
        return inputs;
    }

    @Override
    public List<ResultTable> tables() {
        if (!publish || check.publishable()) {
            return model.tables();
        }
        if (check.modelWithheld()) {
            return List.of(model.tables().stream().filter(t -> t.name().equals("fit")).findFirst().orElseThrow());
        }
        Set<String> withheld = check.withheldCoefficients().stream().map(OutputCheck.Flag::coefficient)
                .collect(Collectors.toSet());
        List<ResultTable> out = new ArrayList<>();
        for (ResultTable t : model.tables()) {
            int term = t.column("term");
            if (!t.name().equals("coefficients") || term < 0) {
                out.add(t);
                continue;
            }
            List<List<Object>> rows = new ArrayList<>();
            for (List<Object> row : t.rows()) {
                List<Object> copy = new ArrayList<>(row);
                if (withheld.contains((String) row.get(term))) {
                    for (int c = 0; c < copy.size(); c++) {
                        if (t.columns().get(c).kind() != ResultTable.Kind.LABEL) {
                            copy.set(c, null);
                        }
                    }
                    copy.set(t.column("status"), "withheld: fewer than " + OutputCheck.MINIMUM_PEOPLE + " people");
                }
                rows.add(copy);
            }
            out.add(new ResultTable(t.name(), t.title(), t.columns(), rows));
        }
        return out;
    }

    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        if (publish && !check.publishable()) {
            notes.add("Output check (as ACRO-style checkers require): " + String.join("; ", check.reasons())
                    + (check.modelWithheld() ? "; the model is withheld." : "; those coefficients are withheld."));
        }
        notes.addAll(findings());
        notes.addAll(model.notes());
        return notes;
    }

    /** The margins in words: each level's chance against the reference's, for otherwise similar people. */
    @Override
    public List<String> findings() {
        List<String> notes = new ArrayList<>();
        for (Margins margins : model.margins()) {
            for (Margins.Contrast c : margins.contrasts()) {
                notes.add(margins.sentence(c.level(),
                        ladder.models.contingency.Phrases.outcome(Outcome.parse(model.outcome())), l -> group(margins.variable(), l)));
            }
        }
        return notes;
    }

    /** How people at a level are named in a sentence: "working-class staff", "professional-background staff". */
    private static String group(String variable, String level) {
        if (variable.equals("seb")) {
            return level.equals("working_class") ? "working-class staff" : level + "-background staff";
        }
        return "staff with " + variable + " " + level;
    }

    /** A forest plot of the adjusted odds ratios (withheld ones left out). */
    @Override
    public List<Chart> charts() {
        List<Chart.Forest.Row> rows = new ArrayList<>();
        Set<String> withheld = publish ? check.withheldCoefficients().stream().map(OutputCheck.Flag::coefficient)
                .collect(Collectors.toSet()) : Set.of();
        if (publish && check.modelWithheld()) {
            return List.of();
        }
        for (Coefficient c : model.coefficients()) {
            if (c.name().equals("(Intercept)") || c.status() != Coefficient.Status.ESTIMATED) {
                continue;
            }
            boolean hide = withheld.contains(c.name());
            rows.add(new Chart.Forest.Row(c.name(), hide ? null : c.oddsRatio(), hide ? null : c.oddsRatioLower(),
                    hide ? null : c.oddsRatioUpper(), Math.round(c.people()), c.people() < OutputCheck.MINIMUM_PEOPLE,
                    false));
        }
        return List.of(new Chart.Forest("Adjusted odds ratios: " + model.formula(), "Odds ratio with "
                + Math.round(question.level() * 100) + "% Wald interval (" + model.covariance().name() + " covariance);"
                + " dashed line: no difference.", "adjusted odds ratio", true, 1.0, rows));
    }
}
