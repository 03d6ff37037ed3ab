package ladder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ladder.models.regression.AdjustedModel;
import ladder.models.regression.CovarianceType;

/**
 * A logistic model of an outcome, as researchers write it:
 * {@code Ladder.logit("promoted ~ seb + gender + ethnicity + age_band + C(year)").ref("seb", "professional")
 * .cluster("employer_id").fit(pool)} shows the adjusted odds ratios with cluster-robust intervals,
 * the fit, joint tests, average predictions by SEB and a forest plot.
 */
public final class ModelQuery {
    private final AdjustedModel.Question question;

    ModelQuery(AdjustedModel.Question question) {
        this.question = question;
    }

    static ModelQuery of(String formula) {
        return new ModelQuery(new AdjustedModel.Question(formula, Map.of(), null, null, List.of(), List.of(), 0.95));
    }

    /** The reference level of a categorical variable (default: professional for seb, else the first level). */
    public ModelQuery ref(String variable, String level) {
        Map<String, String> refs = new LinkedHashMap<>(question.references());
        refs.put(variable, level);
        return with(new AdjustedModel.Question(question.formula(), refs, question.cluster(), question.covariance(),
                question.margins(), question.interaction(), question.level()));
    }

    /** Cluster-robust (CR1, as Stata and sandwich::vcovCL type HC1) errors by this column, e.g. employer_id. */
    public ModelQuery cluster(String column) {
        return with(new AdjustedModel.Question(question.formula(), question.references(), column, question.covariance(),
                question.margins(), question.interaction(), question.level()));
    }

    /** Another covariance: MODEL, CR1, HC0 or CLUSTER_ONLY. */
    public ModelQuery covariance(CovarianceType type) {
        return with(new AdjustedModel.Question(question.formula(), question.references(), question.cluster(), type,
                question.margins(), question.interaction(), question.level()));
    }

    /** Average predictions and discrete changes for these categorical variables (default: seb). */
    public ModelQuery margins(String... variables) {
        return with(new AdjustedModel.Question(question.formula(), question.references(), question.cluster(),
                question.covariance(), List.of(variables), question.interaction(), question.level()));
    }

    /** The additive interaction (RERI, AP, S) of two binary contrasts, e.g. "seb=working_class", "gender=woman". */
    public ModelQuery interaction(String a, String b) {
        return with(new AdjustedModel.Question(question.formula(), question.references(), question.cluster(),
                question.covariance(), question.margins(), List.of(a, b), question.level()));
    }

    /** Intervals at {@code confidence}. */
    public ModelQuery level(double confidence) {
        return with(new AdjustedModel.Question(question.formula(), question.references(), question.cluster(),
                question.covariance(), question.margins(), question.interaction(), confidence));
    }

    private ModelQuery with(AdjustedModel.Question q) {
        return new ModelQuery(q);
    }

    /** The model fitted to {@code pool}: a question that computes when first shown. */
    public Question<AdjustedModel> fit(Pool pool) {
        return new Question<>() {
            @Override
            protected AdjustedModel compute() {
                return AdjustedModel.fit(pool.cubes(), question);
            }
        };
    }
}
