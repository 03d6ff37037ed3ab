package ladder.models.progression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ladder.engine.LadderException;
import ladder.engine.contract.Seb;
import ladder.engine.cube.Cube;
import ladder.engine.cube.CubeSource;
import ladder.models.contingency.ProgressionOdds;
import ladder.models.disclosure.SmallCellSuppression;
import ladder.models.disclosure.SuppressionPlan;
import ladder.models.regression.AdjustedModel;
import ladder.models.regression.Coefficient;
import ladder.models.regression.CovarianceType;
import ladder.models.result.Chart;
import ladder.models.result.Result;
import ladder.models.result.ResultTable;
import ladder.models.result.ResultTable.Kind;

/**
 * Training take-up by background: the share of each SEB group with {@code training} = 1 in the
 * year, with Wilson intervals; each group's odds of training against professionals, crude and
 * within strata (Mantel-Haenszel by employer; {@link ProgressionOdds}); adjusted, by a logistic
 * model {@code training ~ seb + gender + ethnicity + age_band + C(grade) + C(year)} with
 * cluster-robust CR1 errors by employer ({@link AdjustedModel}, fitted to the grouped cells of a
 * cube, as R's {@code glm} with {@code sandwich::vcovCL(type = "HC1")}); and the same rates and
 * odds ratios within each grade. Everything is over people with a classifiable SEB: the model is
 * fitted to them alone (excluded and missing answers are left out and counted, not modelled as
 * levels).
 *
 * @param overall take-up by SEB over the pool
 * @param byGrade take-up by SEB within each grade
 * @param model the adjusted model
 * @param suppressBelow counts under this withheld; 0 for none
 * @param disclosure when published, the plan over the events and non-events by grade and SEB with
 *     their margins (the pool's row is the margin over grades, a row's people over the outcome)
 */
public record TrainingTakeUp(Question question, ProgressionOdds overall, ProgressionOdds byGrade, AdjustedModel model,
        Map<String, Long> leftOut, int suppressBelow, java.util.Optional<SuppressionPlan> disclosure) implements Result {
    private static final String TAKE_UP = "take_up";
    private static final List<String> OUTCOMES = List.of("event", "no_event");

    /**
     * What is asked.
     *
     * @param strata the Mantel-Haenszel strata (e.g. employer_id)
     * @param adjust the model's terms besides seb, e.g. {@code gender}, {@code C(grade)}
     * @param cluster the column of the clusters of the CR1 errors (e.g. employer_id), or null for model-based errors
     * @param level the confidence level
     */
    public record Question(List<String> strata, List<String> adjust, String cluster, double level) {
        public Question {
            strata = List.copyOf(strata);
            adjust = List.copyOf(adjust);
            if (!(level > 0 && level < 1)) {
                throw new LadderException("the confidence level must be between 0 and 1, got " + level);
            }
        }

        /** Within employers; adjusted for gender, ethnicity, age band, grade and year; CR1 by employer. */
        public static Question defaults() {
            return new Question(List.of("employer_id"), List.of("gender", "ethnicity", "age_band", "C(grade)", "C(year)"),
                    "employer_id", 0.95);
        }

        /** The model's formula. */
        public String formula() {
            List<String> terms = new ArrayList<>(List.of("seb"));
            terms.addAll(adjust);
            return "training ~ " + String.join(" + ", terms);
        }
    }

    public TrainingTakeUp {
        leftOut = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(leftOut));
    }

    /** Training take-up in the pool {@code source} stands for. */
    public static TrainingTakeUp of(CubeSource source, Question question) {
        ProgressionOdds overall = ProgressionOdds.of(source, odds(question, List.of()));
        ProgressionOdds byGrade = ProgressionOdds.of(source, odds(question, List.of("grade")));
        CubeSource classifiable = new CubeSource() {
            @Override
            public Cube cube(List<String> dimensions, List<String> measures) {
                return source.cube(dimensions, measures)
                        .where("seb", l -> Seb.LEVELS.indexOf(l) < Seb.CLASSIFIABLE.size());
            }

            @Override
            public String filter() {
                return source.filter();
            }
        };
        AdjustedModel model = AdjustedModel.fit(classifiable, new AdjustedModel.Question(question.formula(),
                Map.of("seb", Seb.PROFESSIONAL.level()), question.cluster(),
                question.cluster() == null ? CovarianceType.MODEL : CovarianceType.CR1, List.of("seb"), List.of(),
                question.level()));
        return new TrainingTakeUp(question, overall, byGrade, model, overall.excluded(), 0, java.util.Optional.empty());
    }

    private static ProgressionOdds.Question odds(Question q, List<String> by) {
        return new ProgressionOdds.Question("training", "seb", List.of(), null, q.strata(), by, q.level());
    }

    /**
     * The same result with disclosure control: the events and the non-events by grade and SEB,
     * with the pool's row and each row's people as margins, as one {@link SuppressionPlan} (counts under 10 withheld
     * with enough others that none can be worked back from the pool's row); a take-up row is
     * withheld when either of its counts is; the model output-checked.
     */
    public TrainingTakeUp publishable() {
        List<String> grades = byGrade.groups().stream().map(g -> g.byLevels().get(0)).toList();
        List<String> groups = new ArrayList<>(List.of(byGrade.question().reference()));
        groups.addAll(byGrade.question().exposureLevels());
        long[] counts = new long[grades.size() * groups.size() * 2];
        for (int g = 0; g < grades.size(); g++) {
            List<ProgressionOdds.Comparison> cs = byGrade.groups().get(g).comparisons();
            ladder.models.contingency.TwoByTwo first = cs.get(0).crude().table();
            counts[g * groups.size() * 2] = Math.round(first.c());
            counts[g * groups.size() * 2 + 1] = Math.round(first.d());
            for (ProgressionOdds.Comparison c : cs) {
                int at = (g * groups.size() + groups.indexOf(c.exposureLevel())) * 2;
                counts[at] = Math.round(c.crude().table().a());
                counts[at + 1] = Math.round(c.crude().table().b());
            }
        }
        SuppressionPlan plan = SuppressionPlan.builder(SmallCellSuppression.DEFAULT_THRESHOLD)
                .table(TAKE_UP, List.of("grade", "seb", "outcome"), List.of(grades, groups, OUTCOMES), counts).build();
        return new TrainingTakeUp(question, overall, byGrade, model.publishable(), leftOut,
                SmallCellSuppression.DEFAULT_THRESHOLD, java.util.Optional.of(plan));
    }

    /** Whether the plan withholds the events, non-events or people at {@code grade} (the margin for the pool) and {@code seb}. */
    private boolean withheld(String grade, String seb) {
        return disclosure.map(p -> p.reason(TAKE_UP, List.of(grade, seb, OUTCOMES.get(0))).isPresent()
                || p.reason(TAKE_UP, List.of(grade, seb, OUTCOMES.get(1))).isPresent()
                || p.reason(TAKE_UP, List.of(grade, seb, SuppressionPlan.TOTAL)).isPresent()).orElse(false);
    }

    @Override
    public String title() {
        return "Training take-up by SEB: crude, within " + (question.strata().isEmpty() ? "the pool"
                : String.join(" x ", question.strata())) + ", adjusted, and by grade";
    }

    @Override
    public Map<String, Object> inputs() {
        Map<String, Object> inputs = new LinkedHashMap<>(overall.inputs());
        inputs.remove("outcome");
        inputs.remove("by");
        inputs.remove("disclosure_control");
        inputs.put("formula", question.formula());
        inputs.put("cluster", question.cluster() == null ? "none" : question.cluster());
        inputs.put("disclosure_control", SebRates.disclosureInput(suppressBelow)
                + (suppressBelow == 0 ? "" : "; the model output-checked"));
        return inputs;
    }

    @Override
    public List<ResultTable> tables() {
        SebRates rates = new SebRates("take_up", "Training take-up by SEB, over the pool and within each grade",
                List.of("grade"), "training = 1", question.level(), suppressBelow);
        rates.add(List.of("all"), overall, (by, seb) -> withheld(SuppressionPlan.TOTAL, seb));
        rates.add(List.of(), byGrade, (by, seb) -> withheld(by.get(0), seb));
        String pct = Math.round(question.level() * 100) + "%";
        ResultTable.Builder adjusted = ResultTable.builder("adjusted", "Adjusted odds ratios of training against professionals")
                .column("seb", Kind.LABEL, "SEB group")
                .column("odds_ratio", Kind.NUMBER, "exp(coefficient) of " + question.formula())
                .column("lower", Kind.NUMBER, pct + " Wald interval, lower")
                .column("upper", Kind.NUMBER, pct + " Wald interval, upper")
                .column("se", Kind.NUMBER, "standard error of the log odds ratio (" + model.model().covariance().name() + ")")
                .column("p_value", Kind.P_VALUE, "Wald test")
                .column("note", Kind.LABEL, "status, or why withheld");
        ResultTable coefficients = model.tables().get(0);
        int term = coefficients.column("term");
        for (List<Object> row : coefficients.rows()) {
            String name = (String) row.get(term);
            if (name.startsWith("seb=")) {
                Coefficient c = model.model().coefficient(name);
                boolean shown = row.get(coefficients.column("estimate")) != null;
                adjusted.row(name.substring(4), shown ? c.oddsRatio() : null, shown ? c.oddsRatioLower() : null,
                        shown ? c.oddsRatioUpper() : null, shown ? c.se() : null, shown ? c.p() : null,
                        c.status() == Coefficient.Status.ESTIMATED && shown ? null : (String) row.get(coefficients.column("status")));
            }
        }
        List<ResultTable> tables = new ArrayList<>(List.of(rates.build(), adjusted.build()));
        for (ResultTable t : model.tables()) {
            tables.add(new ResultTable("model_" + t.name(), "Adjusted model: " + t.title(), t.columns(), t.rows()));
        }
        return tables;
    }

    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>(headlines());
        notes.add("Take-up: the share with training = 1 in the year, over person-years, by SEB, with Wilson intervals;"
                + " odds ratios against professionals, crude (sample odds ratio, Woolf interval, Fisher's exact p) and"
                + " Mantel-Haenszel within strata (Robins-Breslow-Greenland interval; R mantelhaen.test(correct = FALSE));"
                + " rows with grade 'all' are over the pool, the others within the grade.");
        notes.add("Adjusted: logistic model " + question.formula() + " over classifiable SEB (professional the reference),"
                + (question.cluster() == null ? " model-based errors" : " cluster-robust CR1 errors by " + question.cluster()
                + " (sandwich::vcovCL type = \"HC1\")") + "; tables model_* give the whole fit.");
        if (!leftOut.isEmpty()) {
            notes.add(LEFT_OUT + " (not a classifiable SEB): " + ladder.models.result.Answers.leftOut(leftOut, suppressBelow) + ".");
        }
        notes.addAll(model.notes());
        return notes;
    }

    /** The working-class odds ratio of taking part in words, and the adjusted model's margins. */
    @Override
    public List<String> findings() {
        List<String> notes = new ArrayList<>(headlines());
        notes.addAll(model.findings());
        return notes;
    }

    private List<String> headlines() {
        return overall.workingClassHeadline("");
    }

    /** The take-up rates by grade as bars, and the adjusted model's forest plot. */
    @Override
    public List<Chart> charts() {
        List<String> grades = byGrade.groups().stream().map(g -> g.byLevels().get(0)).toList();
        List<Chart> charts = new ArrayList<>();
        charts.add(SebRates.bars(tables().get(0), grades, "Training take-up by grade and SEB",
                "Bars: share with training in the year, with " + Math.round(question.level() * 100)
                        + "% Wilson interval.", "grade", "share trained"));
        charts.addAll(model.charts());
        return charts;
    }
}
