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
 * Intersectional MAIHDA, multilevel analysis of individual heterogeneity and discriminatory
 * accuracy (Evans, Williams, Onnela and Subramanian 2018, SSM - Population Health 4, 179-188;
 * Merlo 2018, Social Science &amp; Medicine 203, 74-80): people are nested in intersectional strata
 * (every combination of, say, SEB x gender x ethnicity x age) and a binary outcome is modelled
 * with a random intercept per stratum, twice:
 * <ul>
 * <li>the null model logit(&mu;) = &beta;<sub>0</sub> + u<sub>s</sub>, whose stratum variance
 *     &sigma;<sub>0</sub>&sup2; measures how much the strata differ at all (VPC, MOR:
 *     {@link BetweenGroupVariance});</li>
 * <li>the main-effects model logit(&mu;) = &beta;<sub>0</sub> + &Sigma; main effects of the
 *     dimensions + u<sub>s</sub>, whose &sigma;<sub>1</sub>&sup2; is what the dimensions' additive effects
 *     leave: the interaction (intersectional) variance. PCV = (&sigma;<sub>0</sub>&sup2; - &sigma;<sub>1</sub>&sup2;)
 *     / &sigma;<sub>0</sub>&sup2; is the share of the between-strata variance the main effects explain.</li>
 * </ul>
 * Both are fitted as lme4's {@code glmer(cbind(y, n - y) ~ ... + (1 | stratum), family = binomial)}
 * ({@link RandomInterceptLogit}). Per stratum: its people and events, the predicted probability
 * plogis(x&beta;&#770; + u&#770;<sub>s</sub>) of the main model with an interval ({@link PredictionInterval}), the
 * main effects' part plogis(x&beta;&#770;), and the stratum's interaction effect u&#770;<sub>s</sub> with its
 * conditional SD; strata whose effect interval u&#770; &plusmn; z condSD excludes 0 are the
 * interaction strata, doing better or worse than their dimensions' main effects predict.
 *
 * @param strata ranked by predicted probability, highest first
 * @param pcv PCV, or null when &sigma;<sub>0</sub>&sup2; = 0
 */
public record Maihda(List<Factor> factors, RandomInterceptLogit nullModel, RandomInterceptLogit mainModel,
        BetweenGroupVariance nullVariance, BetweenGroupVariance mainVariance, Double pcv, List<Stratum> strata,
        double trials, double events, long rowsGiven, long rowsEmpty, PredictionInterval interval, double level)
        implements Result {

    /** Strata with fewer people than this are marked as small in the chart. */
    public static final double SMALL_STRATUM = 30;

    /** Whether a stratum's effect interval lies above 0, below 0, or spans it. */
    public enum Interaction {
        HIGHER, LOWER, NONE
    }

    /**
     * A stratum.
     *
     * @param levels its level of each dimension, in the factors' order
     * @param rank 1 for the highest predicted probability
     * @param predicted plogis(x&beta;&#770; + u&#770;) of the main-effects model
     * @param mainEffectsOnly plogis(x&beta;&#770;), what the dimensions' additive effects predict
     * @param effect u&#770;, the main model's conditional mode (log-odds): the interaction effect
     * @param effectSd its conditional SD (lme4 condVar)
     * @param nullEffect u&#770; of the null model (log-odds from the overall intercept)
     */
    public record Stratum(String label, List<String> levels, double n, double events, int rank, double predicted,
            double lower, double upper, double mainEffectsOnly, double effect, double effectSd, double effectLower,
            double effectUpper, Interaction interaction, double nullEffect, double nullEffectSd) {
        public Stratum {
            levels = List.copyOf(levels);
        }

        public double rate() {
            return events / n;
        }
    }

    public Maihda {
        factors = List.copyOf(factors);
        strata = List.copyOf(strata);
    }

    /** MAIHDA by Laplace (lme4's default), intervals with the fixed effects' uncertainty, at 95%. */
    public static Maihda of(List<Factor> dimensions, List<BinomialRow> rows) {
        return of(dimensions, rows, Approximation.LAPLACE, 1, PredictionInterval.WITH_FIXED_EFFECTS, 0.95);
    }

    /**
     * MAIHDA of grouped rows: each row's group is its stratum label and its levels are the
     * stratum's level of each dimension (the main effects), constant within a stratum.
     *
     * @param points Gauss-Hermite points for {@link Approximation#ADAPTIVE_GAUSS_HERMITE}
     * @throws LadderException for no dimensions, fewer than two strata with people (lme4 refuses
     *     a grouping factor with one level), a stratum whose rows differ in their levels, or main
     *     effects not identified by the strata
     */
    public static Maihda of(List<Factor> dimensions, List<BinomialRow> rows, Approximation approximation, int points,
            PredictionInterval interval, double level) {
        if (dimensions.isEmpty()) {
            throw new LadderException("MAIHDA needs the dimensions that define the strata (e.g. seb, gender) as main effects");
        }
        long strata = GroupedBinomial.groupsWithTrials(rows);
        if (strata < 2) {
            throw new LadderException("MAIHDA needs at least two strata with people, got " + strata
                    + ": a stratum variance cannot be estimated from one stratum");
        }
        GroupedBinomial main = GroupedBinomial.of(dimensions, rows);
        if (!main.covariatesConstantWithinGroups()) {
            throw new LadderException("a stratum has rows with different levels of the dimensions: a MAIHDA stratum is"
                    + " one combination of the dimensions' levels");
        }
        GroupedBinomial nul = GroupedBinomial.of(List.of(),
                rows.stream().map(r -> new BinomialRow(r.group(), List.of(), r.n(), r.y())).toList());
        RandomInterceptLogit nullFit = RandomInterceptLogit.fit(nul, approximation, points, CovarianceMethod.HESSIAN, level);
        RandomInterceptLogit mainFit = RandomInterceptLogit.fit(main, approximation, points, CovarianceMethod.HESSIAN, level);
        BetweenGroupVariance v0 = BetweenGroupVariance.of(nullFit.theta());
        BetweenGroupVariance v1 = BetweenGroupVariance.of(mainFit.theta());
        Double pcv = v0.sigma2() > 0 ? (v0.sigma2() - v1.sigma2()) / v0.sigma2() : null;

        Map<String, List<String>> levels = new LinkedHashMap<>();
        for (BinomialRow r : rows) {
            levels.putIfAbsent(r.group(), r.levels());
        }
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability((1 + level) / 2);
        List<Stratum> ranked = new ArrayList<>();
        for (GroupEffect g : mainFit.groups()) {
            GroupEffect g0 = nullFit.group(g.group());
            double eta = g.linearPredictor() + g.mode();
            double sd = interval == PredictionInterval.CONDITIONAL ? g.conditionalSd() : g.predictionSd();
            double lo = g.mode() - z * g.conditionalSd(), hi = g.mode() + z * g.conditionalSd();
            Interaction interaction = lo > 0 ? Interaction.HIGHER : hi < 0 ? Interaction.LOWER : Interaction.NONE;
            ranked.add(new Stratum(g.group(), levels.get(g.group()), g.trials(), g.events(), 0,
                    MarginalDeviance.expit(eta), MarginalDeviance.expit(eta - z * sd), MarginalDeviance.expit(eta + z * sd),
                    MarginalDeviance.expit(g.linearPredictor()), g.mode(), g.conditionalSd(), lo, hi, interaction, g0.mode(),
                    g0.conditionalSd()));
        }
        ranked.sort(Comparator.comparingDouble(Stratum::predicted).reversed());
        for (int r = 0; r < ranked.size(); r++) {
            Stratum s = ranked.get(r);
            ranked.set(r, new Stratum(s.label(), s.levels(), s.n(), s.events(), r + 1, s.predicted(), s.lower(), s.upper(),
                    s.mainEffectsOnly(), s.effect(), s.effectSd(), s.effectLower(), s.effectUpper(), s.interaction(),
                    s.nullEffect(), s.nullEffectSd()));
        }
        double trials = 0, events = 0;
        for (int g = 0; g < main.groups().size(); g++) {
            trials += main.trials(g);
            events += main.events(g);
        }
        return new Maihda(dimensions, nullFit, mainFit, v0, v1, pcv, ranked, trials, events, main.rowsGiven(),
                main.rowsEmpty(), interval, level);
    }

    /** The overall rate, events / people. */
    public double overallRate() {
        return events / trials;
    }

    /** The interaction strata: those whose main-model effect interval excludes 0. */
    public List<Stratum> interactionStrata() {
        return strata.stream().filter(s -> s.interaction() != Interaction.NONE).toList();
    }

    private String dimensionNames() {
        return factors.stream().map(Factor::name).collect(Collectors.joining(" x "));
    }

    @Override
    public String title() {
        return "Intersectional MAIHDA: strata of " + dimensionNames();
    }

    @Override
    public Map<String, Object> inputs() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("strata", (long) strata.size());
        m.put("people", trials);
        m.put("events", events);
        m.put("rows", rowsGiven);
        if (rowsEmpty > 0) {
            m.put("rows with no people (dropped)", rowsEmpty);
        }
        m.put("dimensions", factors.stream().map(f -> f.name() + " (reference " + f.reference() + ")")
                .collect(Collectors.joining(", ")));
        m.put("approximation", mainModel.approximation() == Approximation.LAPLACE ? "Laplace"
                : "adaptive Gauss-Hermite, " + mainModel.points() + " points");
        m.put("interval", interval == PredictionInterval.CONDITIONAL ? "conditional SD of the stratum effect"
                : "with the fixed effects' uncertainty");
        m.put("level", level);
        return m;
    }

    @Override
    public List<ResultTable> tables() {
        String pct = Math.round(level * 100) + "%";
        ResultTable.Builder b = ResultTable.builder("strata", "Strata ranked by predicted probability (main-effects model)")
                .column("rank", Kind.COUNT, "1 for the highest predicted probability")
                .column("stratum", Kind.LABEL, "the intersectional stratum");
        for (Factor f : factors) {
            b.column(f.name(), Kind.LABEL, "the stratum's " + f.name());
        }
        b.column("n", Kind.NUMBER, "people")
                .column("events", Kind.NUMBER, "people with the outcome")
                .column("rate", Kind.PROPORTION, "observed rate events / n")
                .column("predicted", Kind.PROPORTION, "plogis(x beta + u): main effects and the stratum's effect")
                .column("predicted_lower", Kind.PROPORTION, pct + " lower bound of the predicted probability")
                .column("predicted_upper", Kind.PROPORTION, pct + " upper bound")
                .column("main_effects_only", Kind.PROPORTION, "plogis(x beta): what the dimensions' additive effects predict")
                .column("effect", Kind.NUMBER, "u: the stratum's interaction effect, log-odds (lme4 ranef of the main model)")
                .column("effect_sd", Kind.NUMBER, "its conditional SD (lme4 condVar)")
                .column("effect_lower", Kind.NUMBER, pct + " lower bound u - z sd")
                .column("effect_upper", Kind.NUMBER, pct + " upper bound u + z sd")
                .column("interaction", Kind.LABEL, "higher / lower when the effect's interval excludes 0")
                .column("null_effect", Kind.NUMBER, "u of the null model: log-odds from the overall intercept")
                .column("null_effect_sd", Kind.NUMBER, "its conditional SD");
        for (Stratum s : strata) {
            List<Object> row = new ArrayList<>(List.of((long) s.rank(), s.label()));
            row.addAll(s.levels());
            row.addAll(List.of(s.n(), s.events(), s.rate(), s.predicted(), s.lower(), s.upper(), s.mainEffectsOnly(),
                    s.effect(), s.effectSd(), s.effectLower(), s.effectUpper(),
                    s.interaction() == Interaction.NONE ? "" : s.interaction().name().toLowerCase(), s.nullEffect(),
                    s.nullEffectSd()));
            b.row(row);
        }
        Map<String, RandomInterceptLogit> models = models();
        Map<String, Double> pcvs = new LinkedHashMap<>();
        pcvs.put("main effects", pcv);
        return List.of(b.build(), ModelTables.variance(models, pcvs, "strata"), ModelTables.fixedEffects(models, level));
    }

    private Map<String, RandomInterceptLogit> models() {
        Map<String, RandomInterceptLogit> models = new LinkedHashMap<>();
        models.put("null", nullModel);
        models.put("main effects", mainModel);
        return models;
    }

    @Override
    public List<String> notes() {
        return notes(false);
    }

    /**
     * The notes; {@code published} when strata under the disclosure threshold are withheld, in
     * which case how many strata have no events is not said (with the withheld strata known, it
     * could tell a withheld stratum's count of events: 0).
     */
    List<String> notes(boolean published) {
        String main = String.join(" + ", factors.stream().map(Factor::name).toList());
        List<String> notes = new ArrayList<>();
        notes.add("MAIHDA (Evans, Williams, Onnela and Subramanian 2018; Merlo 2018): a random intercept per intersectional"
                + " stratum, first alone (null model), then with the dimensions " + main + " as main effects; the stratum"
                + " variance left by the main effects is the interaction (intersectional) variance.");
        notes.add(ModelTables.method(mainModel, "cbind(y, n - y) ~ " + main + " + (1 | stratum)"));
        notes.add("VPC = sigma2 / (sigma2 + pi^2/3) on the latent scale (Goldstein, Browne and Rasbash 2002); MOR ="
                + " exp(sqrt(2 sigma2) qnorm(0.75)) (Larsen and Merlo 2005); PCV = (sigma2_null - sigma2_main) / sigma2_null.");
        notes.add((interval == PredictionInterval.CONDITIONAL
                ? "Predicted-probability intervals are plogis(x beta + u +/- z condSD): the stratum effect's conditional SD"
                        + " only, the fixed effects treated as known."
                : "Predicted-probability intervals are plogis(x beta + u +/- z SD), the SD of x beta + u from the joint"
                        + " penalised information of the fixed effects and the stratum effects (fixed-effect uncertainty"
                        + " included, the stratum SD held at its estimate).")
                + " Stratum-effect intervals are u +/- z condSD (lme4 condVar). Strata with fewer than "
                + Math.round(SMALL_STRATUM) + " people are marked in the chart.");
        notes.add(ModelTables.logLikNote(mainModel));
        notes.add(ModelTables.intervalNote(models()));
        notes.add(reading());
        if (nullVariance.sigma2() == 0) {
            notes.add("The null model's stratum variance is at its boundary, 0 (lme4: boundary (singular) fit): the strata's"
                    + " rates differ no more than chance would make them; VPC 0, MOR 1, and PCV is not defined.");
        }
        if (mainVariance.sigma2() == 0 && nullVariance.sigma2() > 0) {
            notes.add("The main-effects model's stratum variance is at its boundary, 0 (lme4: boundary (singular) fit): the"
                    + " main effects account for all the between-strata variation these data can detect, so no stratum has"
                    + " an interaction effect (every effect is 0).");
        } else if (mainModel.singular() && mainVariance.sigma2() > 0) {
            notes.add("The main-effects model's stratum SD is below 1e-4 (lme4 would call the fit singular).");
        }
        if (pcv != null && pcv < 0) {
            notes.add("PCV is negative: the stratum variance grew once the main effects were added, which happens when"
                    + " main effects of opposite sign mask each other in the null model.");
        }
        long none = strata.stream().filter(s -> s.events() == 0).count();
        if (none > 0) {
            notes.add((published ? "Some strata" : none + " stratum(s)") + " have no events: their observed rate is 0 and"
                    + " their predicted probability is pulled toward what the main effects predict.");
        }
        notes.addAll(ModelTables.convergenceNotes(models()));
        return notes;
    }

    /** A plain-English reading of the numbers. */
    private String reading() {
        StringBuilder s = new StringBuilder();
        s.append(String.format("Reading: in the null model %.1f%% of the variation in the latent propensity lies between"
                + " strata (VPC), and two people from two random strata differ in odds by a median factor of %.2f (MOR).",
                100 * nullVariance.vpc(), nullVariance.mor()));
        if (pcv != null) {
            s.append(String.format(" The main effects of %s explain %.0f%% of that between-strata variance (PCV);",
                    dimensionNames().replace(" x ", ", "), 100 * pcv));
            s.append(String.format(" what is left, VPC %.1f%%, is the part due to intersections beyond the additive effects.",
                    100 * mainVariance.vpc()));
        }
        List<Stratum> inter = interactionStrata();
        if (inter.isEmpty()) {
            s.append(" No stratum's interaction effect interval excludes zero.");
        } else {
            s.append(" ").append(inter.size()).append(" stratum(s) differ from their main effects' prediction beyond their ")
                    .append(Math.round(level * 100)).append("% interval: ")
                    .append(inter.stream().map(x -> x.label() + " (" + x.interaction().name().toLowerCase() + ")")
                            .collect(Collectors.joining(", ")))
                    .append(".");
        }
        return s.toString();
    }

    @Override
    public List<Chart> charts() {
        List<Chart.Forest.Row> rows = strata.stream()
                .map(s -> new Chart.Forest.Row(s.label(), s.predicted(), s.lower(), s.upper(), Math.round(s.n()),
                        s.n() < SMALL_STRATUM, false))
                .toList();
        String subtitle = "Predicted probability of the main-effects model with its " + Math.round(level * 100)
                + "% interval, ranked; the line is the overall rate";
        return List.of(new Chart.Forest("Predicted probability by stratum", subtitle, "Predicted probability", false,
                overallRate(), rows));
    }
}
