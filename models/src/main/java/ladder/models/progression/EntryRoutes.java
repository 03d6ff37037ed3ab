package ladder.models.progression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import ladder.engine.LadderException;
import ladder.engine.contract.Seb;
import ladder.engine.cube.Cube;
import ladder.engine.cube.CubeSource;
import ladder.models.composition.NationalBenchmark;
import ladder.models.contingency.ProgressionOdds;
import ladder.models.contingency.StratifiedAnalysis;
import ladder.models.disclosure.SmallCellSuppression;
import ladder.models.disclosure.SuppressionPlan;
import ladder.models.result.Answers;
import ladder.models.result.Chart;
import ladder.models.result.Result;
import ladder.models.result.ResultTable;
import ladder.models.trend.ClassCeiling;
import ladder.models.trend.ClassCeiling.GradeGroup;

/**
 * Entry routes by background: the SEB composition of each {@code entry_route} (graduate scheme,
 * apprenticeship, experienced hire, internal, other) with Wilson intervals and representation
 * ratios against the whole workforce and the UK working population (34/24/42), computed as
 * {@link ClassCeiling#composition} computes them for grades; and progression within each route
 * (promotion, reaching grade 4 or above) by SEB, with each group's odds against professionals,
 * crude and within strata (Mantel-Haenszel by employer), by {@link ProgressionOdds} with
 * {@code by = entry_route}. Reads the cube over {@code entry_route x seb} and, per outcome, over
 * {@code entry_route x strata x seb x outcome}, so it runs alike on rows and on merged cube files.
 *
 * @param routes the routes with classifiable people, in contract order
 * @param composition per route and SEB group, routes in order, groups in {@link Seb#CLASSIFIABLE} order
 * @param progression per outcome as asked, the odds by SEB within each route
 * @param leftOut rows without a classifiable SEB, by level
 * @param disclosure the composition's suppression plan when published
 */
public record EntryRoutes(Question question, List<String> routes, List<GradeGroup> composition,
        Map<String, ProgressionOdds> progression, Map<String, Long> leftOut, String filter,
        Optional<SuppressionPlan> disclosure) implements Result {
    private static final String COMPOSITION = "composition";

    /**
     * What is asked.
     *
     * @param outcomes 0/1 columns or conditions ({@code promoted}, {@code grade>=4})
     * @param strata columns whose level combinations are the Mantel-Haenszel strata (e.g. employer_id)
     * @param level the confidence level
     */
    public record Question(List<String> outcomes, List<String> strata, double level) {
        public Question {
            outcomes = List.copyOf(outcomes);
            strata = List.copyOf(strata);
            if (outcomes.isEmpty()) {
                throw new LadderException("give at least one outcome, e.g. promoted or grade>=4");
            }
            if (!(level > 0 && level < 1)) {
                throw new LadderException("the confidence level must be between 0 and 1, got " + level);
            }
        }

        /** Promotion and reaching grade 4 or above, within employers, 95% intervals. */
        public static Question defaults() {
            return new Question(List.of("promoted", "grade>=4"), List.of("employer_id"), 0.95);
        }
    }

    public EntryRoutes {
        routes = List.copyOf(routes);
        composition = List.copyOf(composition);
        progression = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(progression));
        leftOut = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(leftOut));
    }

    /** The entry routes of the pool {@code source} stands for. */
    public static EntryRoutes of(CubeSource source, Question question) {
        Cube cube = source.cube(List.of("entry_route", "seb"), List.of());
        if (cube.total() == 0) {
            throw new LadderException("the selection has no rows");
        }
        Map<String, Long> leftOut = new LinkedHashMap<>();
        for (Seb seb : List.of(Seb.EXCLUDED, Seb.MISSING)) {
            long n = cube.count(Map.of("seb", seb.level()));
            if (n > 0) {
                leftOut.put("seb " + seb.level(), n);
            }
        }
        Cube classifiable = cube.where("seb", l -> Seb.LEVELS.indexOf(l) < Seb.CLASSIFIABLE.size());
        List<String> routes = classifiable.dimensions().get(classifiable.dimension("entry_route")).levels().stream()
                .filter(r -> Answers.isAnswer(r) && classifiable.count(Map.of("entry_route", r)) > 0).toList();
        if (routes.isEmpty()) {
            throw new LadderException("no one in the selection has a classifiable SEB");
        }
        long[][] pooled = new long[routes.size()][Seb.CLASSIFIABLE.size()];
        for (int r = 0; r < routes.size(); r++) {
            for (int j = 0; j < Seb.CLASSIFIABLE.size(); j++) {
                pooled[r][j] = classifiable.count(Map.of("entry_route", routes.get(r), "seb",
                        Seb.CLASSIFIABLE.get(j).level()));
            }
        }
        Map<String, ProgressionOdds> progression = new LinkedHashMap<>();
        for (String outcome : question.outcomes()) {
            progression.put(outcome.strip(), ProgressionOdds.of(source, new ProgressionOdds.Question(outcome, "seb",
                    List.of(), null, question.strata(), List.of("entry_route"), question.level())));
        }
        return new EntryRoutes(question, routes, ClassCeiling.composition(routes, pooled, question.level()),
                progression, leftOut, source.filter(), Optional.empty());
    }

    /**
     * The same result with disclosure control: the composition's counts with their route and
     * workforce totals as one {@link SuppressionPlan} (counts under 10 withheld, with enough others
     * that none can be worked back); a progression row is withheld when its events or non-events
     * are under 10 or its people (the composition's count) are withheld.
     */
    public EntryRoutes publishable() {
        long[] counts = composition.stream().mapToLong(GradeGroup::count).toArray();
        SuppressionPlan plan = SuppressionPlan.builder(SmallCellSuppression.DEFAULT_THRESHOLD)
                .table(COMPOSITION, List.of("entry_route", "seb"),
                        List.of(routes, Seb.CLASSIFIABLE.stream().map(Seb::level).toList()), counts).build();
        return new EntryRoutes(question, routes, composition, progression, leftOut, filter, Optional.of(plan));
    }

    private int threshold() {
        return disclosure.isPresent() ? SmallCellSuppression.DEFAULT_THRESHOLD : 0;
    }

    private boolean withheld(String route, String seb) {
        return disclosure.flatMap(p -> p.reason(COMPOSITION, List.of(route, seb))).isPresent();
    }

    @Override
    public String title() {
        return "Entry routes: SEB composition and progression by route";
    }

    @Override
    public Map<String, Object> inputs() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("routes", String.join(", ", routes));
        inputs.put("outcomes", String.join(", ", progression.keySet()));
        inputs.put("strata", question.strata().isEmpty() ? "none" : String.join(", ", question.strata()));
        inputs.put("rows_left_out", Answers.leftOutTotal(leftOut, threshold()));
        inputs.put("reference_group", Seb.PROFESSIONAL.level());
        inputs.put("benchmark", "UK working population: professional 34%, intermediate 24%, working class 42% (SMC)");
        inputs.put("filter", filter.isBlank() ? "none" : filter);
        inputs.put("confidence_level", question.level());
        inputs.put("disclosure_control", SebRates.disclosureInput(threshold()));
        return inputs;
    }

    @Override
    public List<ResultTable> tables() {
        SebRates rates = new SebRates("progression", "Progression by SEB within each entry route",
                List.of("outcome", "entry_route"), "the row's outcome", question.level(), threshold());
        progression.forEach((outcome, odds) -> rates.add(List.of(outcome), odds,
                (by, seb) -> withheld(by.get(0), seb) || withheld(by.get(0), SuppressionPlan.TOTAL)));
        return List.of(ClassCeiling.compositionTable("entry_route", "entry route", composition, question.level(),
                disclosure, COMPOSITION), rates.build());
    }

    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>(findings());
        notes.addAll(methodNotes());
        return notes;
    }

    /** Each route's working-class share, and its working-class odds ratio of each outcome where it pools employers. */
    @Override
    public List<String> findings() {
        List<String> notes = new ArrayList<>();
        headline().ifPresent(notes::add);
        progression.forEach((outcome, odds) -> {
            for (ProgressionOdds.Group g : odds.groups()) {
                for (ProgressionOdds.Comparison c : g.comparisons()) {
                    StratifiedAnalysis s = c.stratified();
                    if (c.exposureLevel().equals(Seb.WORKING_CLASS.level()) && s != null && s.oddsRatio().isDefined()
                            && s.pooledStrata() >= 2) {
                        notes.add("Entry route " + g.byLevels().get(0) + ": " + s.headline());
                    }
                }
            }
        });
        return notes;
    }

    private List<String> methodNotes() {
        List<String> notes = new ArrayList<>();
        notes.add("Composition: shares over the classifiable people of each route with Wilson intervals; the"
                + " representation ratio against the workforce (share / the group's share of all routes) has a"
                + " log-scale delta-method interval allowing for the route being part of the workforce; against the"
                + " nation (SMC 34/24/42) the Wilson interval is divided by the national share.");
        notes.add("Progression: the rate of each outcome by SEB within each route (Wilson intervals); odds ratios"
                + " against professionals in the same route, crude (sample odds ratio, Woolf interval, Fisher's exact"
                + " p) and Mantel-Haenszel within " + (question.strata().isEmpty() ? "the pool (no strata)"
                : String.join(" x ", question.strata())) + " (Robins-Breslow-Greenland interval, as R"
                + " mantelhaen.test(correct = FALSE)); ladder odds --by entry_route gives every statistic.");
        if (!leftOut.isEmpty()) {
            notes.add(LEFT_OUT + ": " + Answers.leftOut(leftOut, threshold()) + " (the analysis is over classifiable SEB).");
        }
        if (disclosure.isPresent()) {
            notes.add("Disclosure control: composition counts under " + SmallCellSuppression.DEFAULT_THRESHOLD
                    + " withheld with enough others, route totals and workforce totals that none can be worked back;"
                    + " a progression row is withheld when its events or non-events are under "
                    + SmallCellSuppression.DEFAULT_THRESHOLD + " or its people are a withheld composition count, and"
                    + " so are the crude odds ratios resting on it.");
        }
        return notes;
    }

    /** E.g. "Working-class people are 9.1% of graduate-scheme entrants and 48.0% of apprenticeship entrants (UK 42%)." */
    private Optional<String> headline() {
        List<String> parts = new ArrayList<>();
        int wc = Seb.CLASSIFIABLE.indexOf(Seb.WORKING_CLASS);
        for (int r = 0; r < routes.size(); r++) {
            GradeGroup g = composition.get(r * Seb.CLASSIFIABLE.size() + wc);
            if (g.gradeTotal() > 0 && !withheld(g.grade(), g.group().level()) && !withheld(g.grade(), SuppressionPlan.TOTAL)) {
                parts.add(String.format(Locale.ROOT, "%.1f%% of %s entrants", 100 * g.share(), g.grade().replace('_', ' ')));
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of("Working-class people are " + String.join(", ", parts)
                + String.format(Locale.ROOT, " (UK working population: %.0f%%).", 100 * NationalBenchmark.WORKING_CLASS));
    }

    /**
     * The composition by route as bars with the national shares, and (not for publication: its
     * rows carry counts) a forest of the within-strata odds ratios.
     */
    @Override
    public List<Chart> charts() {
        List<Chart> charts = new ArrayList<>();
        charts.add(ClassCeiling.compositionChart("entry_route", routes, composition, question.level(), filter,
                disclosure, COMPOSITION));
        if (disclosure.isPresent()) {
            return charts;
        }
        progression.forEach((outcome, odds) -> {
            List<Chart.Forest.Row> rows = new ArrayList<>();
            for (ProgressionOdds.Group g : odds.groups()) {
                for (ProgressionOdds.Comparison c : g.comparisons()) {
                    var est = c.stratified() != null ? c.stratified().oddsRatio()
                            : c.crude().oddsRatio(ladder.models.contingency.OddsRatioInterval.WOOLF);
                    double n = c.crude().table().total();
                    rows.add(new Chart.Forest.Row(g.byLevels().get(0) + ": " + c.exposureLevel().replace('_', ' '),
                            est.estimate(), est.lower(), est.upper(), Math.round(n),
                            Math.min(c.crude().table().a(), c.crude().table().b()) < SmallCellSuppression.DEFAULT_THRESHOLD,
                            false));
                }
            }
            charts.add(new Chart.Forest("Odds of " + outcome + " against professionals, by entry route",
                    "Odds ratio with " + Math.round(question.level() * 100) + "% interval ("
                            + (question.strata().isEmpty() ? "crude, Woolf" : "Mantel-Haenszel within "
                            + String.join(" x ", question.strata())) + "); dashed line: no difference.",
                    "odds ratio", true, 1.0, "no difference", rows));
        });
        return charts;
    }
}
