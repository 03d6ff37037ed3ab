package ladder.models.regression;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import ladder.engine.LadderException;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Counterfactual average predictions for the levels of a categorical variable, and their
 * differences from the reference level (average marginal effects of a discrete change), as
 * Stata's {@code margins seb} and {@code margins, dydx(i.seb)} or R's
 * {@code marginaleffects::avg_predictions / avg_comparisons}: everyone is set to level l, the
 * other variables kept as observed, and the predicted probabilities are averaged over people:
 * <pre>
 *   P(l) = &Sigma;<sub>i</sub> n<sub>i</sub> &mu;<sub>i</sub>(l) / N,   &part;P(l)/&part;&beta; = &Sigma;<sub>i</sub> n<sub>i</sub> &mu;<sub>i</sub>(l)(1 - &mu;<sub>i</sub>(l)) x<sub>i</sub>(l) / N
 * </pre>
 * with delta-method standard errors &radic;(g'Vg) under the model's covariance and Wald intervals.
 * (R's {@code emmeans(..., regrid = "response")} averages over a grid of all level combinations
 * instead, so it gives other numbers.)
 *
 * @param variable the categorical variable
 * @param reference its reference level
 * @param covariance the covariance of the delta method
 * @param level the confidence level
 * @param predictions one per level (dropped levels left out), in level order
 * @param contrasts one per non-reference level: P(l) - P(reference)
 */
public record Margins(String variable, String reference, CovarianceType covariance, double level,
        List<Prediction> predictions, List<Contrast> contrasts) {

    /** The average prediction at a level with its delta-method standard error and Wald interval. */
    public record Prediction(String level, double probability, double se, double lower, double upper) {
    }

    /** A difference of average predictions from the reference level, with its z test. */
    public record Contrast(String level, double difference, double se, double z, double p, double lower,
            double upper) {
    }

    public Margins {
        predictions = List.copyOf(predictions);
        contrasts = List.copyOf(contrasts);
    }

    static Margins of(Design design, String variable, double[] beta, boolean[] kept, Covariances covariances,
            CovarianceType type, double level, int threads) {
        Design.Factor factor = design.factors().get(variable);
        if (factor == null) {
            throw new LadderException("margins of '" + variable + "': not a categorical variable of the model");
        }
        int[] index = Covariances.keptIndex(kept);
        int p = design.columns();
        BinomialData data = design.data();
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability((1 + level) / 2);
        List<Prediction> predictions = new ArrayList<>();
        List<double[]> gradients = new ArrayList<>();
        List<String> levels = new ArrayList<>();
        for (int l = 0; l < factor.levels().size(); l++) {
            if (l != factor.reference() && factor.position()[l] < 0) {
                continue; // dropped: no people at it
            }
            int code = l;
            // sums[0..p-1]: gradient numerators; sums[p]: sum of n mu; sums[p+1]: N.
            double[] sums = RowChunks.run(data.rows(), threads, () -> new double[p + 2], (a, from, to) -> {
                double[] x = new double[p];
                for (int r = from; r < to; r++) {
                    double n = data.trials(r);
                    if (n == 0) {
                        continue;
                    }
                    design.row(r, x, factor, code);
                    double mu = IrlsAccumulator.mean(LogisticRegression.dot(x, beta));
                    double w = n * mu * (1 - mu);
                    for (int j = 0; j < p; j++) {
                        a[j] += w * x[j];
                    }
                    a[p] += n * mu;
                    a[p + 1] += n;
                }
            }, (a, b) -> {
                for (int j = 0; j < a.length; j++) {
                    a[j] += b[j];
                }
                return a;
            });
            double people = sums[p + 1];
            double[] g = new double[index.length];
            for (int c = 0; c < index.length; c++) {
                g[c] = sums[index[c]] / people;
            }
            double probability = sums[p] / people;
            double se = Math.sqrt(covariances.quadratic(type, g));
            predictions.add(new Prediction(factor.levels().get(l), probability, se, probability - z * se,
                    probability + z * se));
            gradients.add(g);
            levels.add(factor.levels().get(l));
        }
        int ref = levels.indexOf(factor.levels().get(factor.reference()));
        List<Contrast> contrasts = new ArrayList<>();
        for (int l = 0; l < levels.size(); l++) {
            if (l == ref) {
                continue;
            }
            double[] g = new double[index.length];
            for (int c = 0; c < index.length; c++) {
                g[c] = gradients.get(l)[c] - gradients.get(ref)[c];
            }
            double d = predictions.get(l).probability() - predictions.get(ref).probability();
            double se = Math.sqrt(covariances.quadratic(type, g));
            double zValue = se > 0 ? d / se : 0;
            contrasts.add(new Contrast(levels.get(l), d, se, zValue,
                    2 * NormalDistribution.of(0, 1).survivalProbability(Math.abs(zValue)), d - z * se, d + z * se));
        }
        return new Margins(variable, factor.levels().get(factor.reference()), type, level, predictions, contrasts);
    }

    /**
     * A plain-English sentence comparing a level with the reference, e.g. "working-class staff had a
     * 6.1% chance of promotion against 8.4% for otherwise similar professional-background staff
     * (difference -2.3 percentage points, 95% CI -3.1 to -1.5)".
     *
     * @param outcome what the event is, e.g. "promotion"
     * @param group how to name the people at a level, e.g. {@code l -> l.replace('_', '-') + " staff"}
     */
    public String sentence(String levelLabel, String outcome, UnaryOperator<String> group) {
        Prediction at = prediction(levelLabel);
        Prediction base = prediction(reference);
        Contrast c = contrasts.stream().filter(x -> x.level().equals(levelLabel)).findFirst()
                .orElseThrow(() -> new LadderException("'" + levelLabel + "' is the reference level of " + variable));
        return String.format(Locale.ROOT,
                "%s had a %s chance of %s against %s for otherwise similar %s (difference %.1f percentage points, %d%% CI %.1f to %.1f)",
                group.apply(levelLabel), LogisticRegression.percent(at.probability()), outcome,
                LogisticRegression.percent(base.probability()), group.apply(reference), 100 * c.difference(),
                Math.round(level * 100), 100 * c.lower(), 100 * c.upper());
    }

    /** The prediction at a level. */
    public Prediction prediction(String levelLabel) {
        return predictions.stream().filter(x -> x.level().equals(levelLabel)).findFirst()
                .orElseThrow(() -> new LadderException("no level '" + levelLabel + "' of " + variable + " in the margins"));
    }
}
