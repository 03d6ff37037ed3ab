package ladder.models.pay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ladder.models.result.Result;
import ladder.models.result.ResultTable;
import ladder.models.result.ResultTable.Kind;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The adjusted class pay gap: OLS of log hourly pay on categorical covariates (e.g. seb, gender, ethnicity,
 * age_band, grade, year), treatment coded ({@link TreatmentCoding}), with model-based and employer-clustered
 * (CR1) standard errors ({@link OlsFit}). A group's adjusted gap against the reference level is
 * 100 (1 - exp(b)) for its coefficient b (positive: the reference is paid more, as the raw gaps), with the
 * interval 100 (1 - exp(b &pm; t se)) from the coefficient's interval, t the (1 + level)/2 quantile of Student's
 * t on n - p degrees of freedom (as R's {@code confint(fit)} and {@code lmtest::coefci(fit, vcov = vcovCL(...))}).
 *
 * @param gapFactor the factor whose levels' gaps are reported (e.g. "seb")
 */
public record AdjustedPayGap(OlsFit fit, String gapFactor, String reference, List<String> covariates, double level)
        implements Result {

    public AdjustedPayGap {
        covariates = List.copyOf(covariates);
    }

    /** Fits the accumulated rows; the gaps are those of {@code gapFactor}'s levels against its reference. */
    public static AdjustedPayGap of(OlsAccumulator acc, String gapFactor, double level) {
        Factor factor = acc.coding().factors().stream().filter(f -> f.name().equals(gapFactor)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no factor " + gapFactor + " in the design"));
        return new AdjustedPayGap(OlsFit.of(acc), gapFactor, factor.reference(),
                acc.coding().factors().stream().map(Factor::name).toList(), level);
    }

    /** The adjusted gap in percent for a term, e.g. "seb=working_class". */
    public double gap(String term) {
        return 100 * (1 - Math.exp(fit.coefficients()[fit.term(term)]));
    }

    /** {lower, upper} of a term's gap, from the clustered (true) or model-based coefficient interval. */
    public double[] gapInterval(String term, boolean clustered) {
        int t = fit.term(term);
        double se = Math.sqrt((clustered ? fit.clusterCovariance() : fit.modelCovariance())[t][t]);
        double q = TDistribution.of(fit.df()).inverseCumulativeProbability((1 + level) / 2);
        double b = fit.coefficients()[t];
        return new double[] {100 * (1 - Math.exp(b + q * se)), 100 * (1 - Math.exp(b - q * se))};
    }

    @Override
    public String title() {
        return "Adjusted pay gap by " + gapFactor + " (OLS of log hourly pay)";
    }

    @Override
    public Map<String, Object> inputs() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("model", "log(hourly pay) ~ " + String.join(" + ", covariates));
        inputs.put("reference", reference);
        inputs.put("rows", fit.n());
        inputs.put("excluded", fit.excluded());
        inputs.put("employers", (long) fit.clusters());
        inputs.put("confidence_level", level);
        return inputs;
    }

    @Override
    public List<ResultTable> tables() {
        String pct = Math.round(level * 100) + "%";
        ResultTable.Builder gaps = ResultTable.builder("gaps", "Adjusted gaps against " + reference)
                .column("group", Kind.LABEL, gapFactor + " level")
                .column("gap_percent", Kind.NUMBER, "100 (1 - exp(b)); positive: " + reference + " paid more")
                .column("lower", Kind.NUMBER, pct + " interval from the employer-clustered (CR1) coefficient interval")
                .column("upper", Kind.NUMBER, "upper bound")
                .column("model_lower", Kind.NUMBER, pct + " interval from the model-based coefficient interval")
                .column("model_upper", Kind.NUMBER, "upper bound");
        ResultTable.Builder coefficients = ResultTable.builder("coefficients", "Coefficients of log hourly pay")
                .column("term", Kind.LABEL, "design column, factor=level")
                .column("estimate", Kind.NUMBER, "OLS coefficient")
                .column("se", Kind.NUMBER, "model-based standard error (R vcov(lm))")
                .column("se_cluster", Kind.NUMBER, "employer-clustered CR1 standard error (sandwich::vcovCL, HC1)")
                .column("lower", Kind.NUMBER, pct + " interval with the clustered SE, t on n - p df")
                .column("upper", Kind.NUMBER, "upper bound");
        double q = TDistribution.of(fit.df()).inverseCumulativeProbability((1 + level) / 2);
        for (int t = 0; t < fit.names().size(); t++) {
            String term = fit.names().get(t);
            double b = fit.coefficients()[t];
            double seCluster = Math.sqrt(fit.clusterCovariance()[t][t]);
            boolean defined = fit.clusters() > 1;
            coefficients.row(term, b, Math.sqrt(fit.modelCovariance()[t][t]), defined ? seCluster : null,
                    defined ? b - q * seCluster : null, defined ? b + q * seCluster : null);
            if (term.startsWith(gapFactor + "=")) {
                double[] model = gapInterval(term, false);
                double[] cl = defined ? gapInterval(term, true) : null;
                gaps.row(term.substring(gapFactor.length() + 1), gap(term), cl == null ? null : cl[0],
                        cl == null ? null : cl[1], model[0], model[1]);
            }
        }
        return List.of(gaps.build(), coefficients.build());
    }

    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        for (String term : fit.names()) {
            if (term.startsWith(gapFactor + "=") && fit.clusters() > 1) {
                double g = gap(term);
                double[] ci = gapInterval(term, true);
                notes.add(String.format(Locale.ROOT, "Holding %s fixed, staff from %s backgrounds were paid %.1f%% %s per hour"
                                + " than those from %s backgrounds (%d%% CI %.1f%% to %.1f%%, employer-clustered standard errors over %d employers).",
                        String.join(", ", covariates.stream().filter(c -> !c.equals(gapFactor)).toList()),
                        term.substring(gapFactor.length() + 1).replace('_', '-'), Math.abs(g), g >= 0 ? "less" : "more",
                        reference.replace('_', '-'), Math.round(level * 100), ci[0], ci[1], fit.clusters()));
            }
        }
        notes.add("OLS of log hourly pay with treatment coding (reference levels as given); the gap is 100 (1 - exp(b)).");
        notes.add("Clustered standard errors: CR1, G/(G - 1) (n - 1)/(n - p) times the sandwich with per-employer scores, as"
                + " sandwich::vcovCL(fit, cluster = ~employer, type = \"HC1\") (Cameron and Miller 2015).");
        if (fit.clusters() < 2) {
            notes.add("Clustered standard errors need at least 2 employers; they are not given.");
        } else if (fit.clusters() < 30) {
            notes.add("Only " + fit.clusters() + " employers: clustered standard errors may be too small (Cameron and Miller 2015).");
        }
        return notes;
    }
}
