package ladder.models.multilevel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import ladder.engine.LadderException;
import ladder.models.pay.Factor;
import ladder.models.result.Chart;
import ladder.models.result.Result;
import ladder.models.result.ResultTable;
import ladder.models.result.ResultTable.Kind;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Employers' effects on a binary outcome (e.g. promotion) after people's characteristics: a
 * random intercept per employer in a logistic model, logit(&mu;) = x&beta; + b<sub>employer</sub>, as
 * lme4's {@code glmer(cbind(y, n - y) ~ seb + ... + (1 | employer_id), family = binomial)}
 * ({@link RandomInterceptLogit}; the same machinery as {@link Maihda} with employers for strata,
 * but people's covariates vary within an employer). Reported: the fixed effects, the
 * between-employer variance with its VPC and MOR ({@link BetweenGroupVariance}), and per
 * employer its effect b&#770; (conditional mode, shrunk toward 0 for small employers) with its
 * conditional SD, as an odds ratio against the average employer, ranked.
 *
 * @param employers ranked by effect, highest first
 */
public record EmployerEffects(List<Factor> factors, RandomInterceptLogit model, BetweenGroupVariance variance,
        List<Employer> employers, long rowsGiven, long rowsEmpty, double level) implements Result {

    /**
     * An employer.
     *
     * @param effect b&#770;, log-odds against the average employer (lme4 ranef)
     * @param effectSd its conditional SD (lme4 condVar)
     * @param oddsRatio exp(b&#770;), with the interval exp(b&#770; &plusmn; z sd)
     */
    public record Employer(String employer, double n, double events, int rank, double effect, double effectSd,
            double lower, double upper, double oddsRatio, double oddsRatioLower, double oddsRatioUpper) {
        public double rate() {
            return events / n;
        }
    }

    public EmployerEffects {
        factors = List.copyOf(factors);
        employers = List.copyOf(employers);
    }

    /** The Laplace fit (lme4's default) at 95%. */
    public static EmployerEffects of(List<Factor> covariates, List<BinomialRow> rows) {
        return of(covariates, rows, Approximation.LAPLACE, 1, 0.95);
    }

    /**
     * The fit of rows whose group is the employer id.
     *
     * @throws LadderException for fewer than two employers with people, or covariates not identified
     */
    public static EmployerEffects of(List<Factor> covariates, List<BinomialRow> rows, Approximation approximation,
            int points, double level) {
        long count = GroupedBinomial.groupsWithTrials(rows);
        if (count < 2) {
            throw new LadderException("a random intercept by employer needs at least two employers with people, got "
                    + count);
        }
        GroupedBinomial data = GroupedBinomial.of(covariates, rows);
        RandomInterceptLogit fit = RandomInterceptLogit.fit(data, approximation, points, CovarianceMethod.HESSIAN, level);
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability((1 + level) / 2);
        List<Employer> employers = new ArrayList<>();
        List<GroupEffect> groups = new ArrayList<>(fit.groups());
        groups.sort(Comparator.comparingDouble(GroupEffect::mode).reversed());
        for (int r = 0; r < groups.size(); r++) {
            GroupEffect g = groups.get(r);
            double lo = g.mode() - z * g.conditionalSd(), hi = g.mode() + z * g.conditionalSd();
            employers.add(new Employer(g.group(), g.trials(), g.events(), r + 1, g.mode(), g.conditionalSd(), lo, hi,
                    Math.exp(g.mode()), Math.exp(lo), Math.exp(hi)));
        }
        return new EmployerEffects(covariates, fit, BetweenGroupVariance.of(fit.theta()), employers, data.rowsGiven(),
                data.rowsEmpty(), level);
    }

    private String formula() {
        return "cbind(y, n - y) ~ " + (factors.isEmpty() ? "1"
                : factors.stream().map(Factor::name).collect(Collectors.joining(" + "))) + " + (1 | employer)";
    }

    @Override
    public String title() {
        return "Employer effects (random intercept by employer)";
    }

    @Override
    public Map<String, Object> inputs() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("employers", (long) employers.size());
        m.put("people", employers.stream().mapToDouble(Employer::n).sum());
        m.put("events", employers.stream().mapToDouble(Employer::events).sum());
        m.put("rows", rowsGiven);
        if (rowsEmpty > 0) {
            m.put("rows with no people (dropped)", rowsEmpty);
        }
        m.put("covariates", factors.stream().map(f -> f.name() + " (reference " + f.reference() + ")")
                .collect(Collectors.joining(", ")));
        m.put("level", level);
        return m;
    }

    @Override
    public List<ResultTable> tables() {
        String pct = Math.round(level * 100) + "%";
        ResultTable.Builder b = ResultTable.builder("employers", "Employers ranked by effect")
                .column("rank", Kind.COUNT, "1 for the highest effect")
                .column("employer", Kind.LABEL, "the employer")
                .column("n", Kind.NUMBER, "people")
                .column("events", Kind.NUMBER, "people with the outcome")
                .column("rate", Kind.PROPORTION, "observed rate")
                .column("effect", Kind.NUMBER, "log-odds against the average employer, covariates held (lme4 ranef)")
                .column("effect_sd", Kind.NUMBER, "its conditional SD (lme4 condVar)")
                .column("effect_lower", Kind.NUMBER, pct + " lower bound")
                .column("effect_upper", Kind.NUMBER, pct + " upper bound")
                .column("odds_ratio", Kind.NUMBER, "exp(effect)")
                .column("or_lower", Kind.NUMBER, "exp(effect_lower)")
                .column("or_upper", Kind.NUMBER, "exp(effect_upper)");
        for (Employer e : employers) {
            b.row((long) e.rank(), e.employer(), e.n(), e.events(), e.rate(), e.effect(), e.effectSd(), e.lower(), e.upper(),
                    e.oddsRatio(), e.oddsRatioLower(), e.oddsRatioUpper());
        }
        Map<String, RandomInterceptLogit> models = Map.of("employer", model);
        Map<String, Double> pcv = new LinkedHashMap<>();
        return List.of(b.build(), ModelTables.variance(models, pcv, "employer"), ModelTables.fixedEffects(models, level));
    }

    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        notes.add(ModelTables.method(model, formula()));
        notes.add("VPC = sigma2 / (sigma2 + pi^2/3), latent scale (Goldstein, Browne and Rasbash 2002); MOR ="
                + " exp(sqrt(2 sigma2) qnorm(0.75)) (Larsen and Merlo 2005). Employer effects are conditional modes,"
                + " shrunk toward 0 the more the fewer people an employer has; intervals are effect +/- z condSD, the"
                + " fixed effects treated as known.");
        notes.add(ModelTables.logLikNote(model));
        notes.add(ModelTables.intervalNote(Map.of("employer", model)));
        if (variance.sigma2() == 0) {
            notes.add("The between-employer variance is at its boundary, 0 (lme4: boundary (singular) fit): employers"
                    + " differ no more than chance would make them, once the covariates are held; every effect is 0.");
        } else {
            notes.add(String.format("Reading: %.1f%% of the variation in the latent propensity lies between employers"
                    + " (VPC); between two people alike in the covariates at two random employers the odds differ by a"
                    + " median factor of %.2f (MOR).", 100 * variance.vpc(), variance.mor()));
        }
        notes.addAll(ModelTables.convergenceNotes(Map.of("employer", model)));
        return notes;
    }

    @Override
    public List<Chart> charts() {
        List<Chart.Forest.Row> rows = employers.stream()
                .map(e -> new Chart.Forest.Row(e.employer(), e.oddsRatio(), e.oddsRatioLower(), e.oddsRatioUpper(),
                        Math.round(e.n()), e.n() < Maihda.SMALL_STRATUM, false))
                .toList();
        return List.of(new Chart.Forest("Employer effects", "Odds ratio against the average employer with its "
                + Math.round(level * 100) + "% interval, covariates held", "Odds ratio", true, 1, rows));
    }
}
