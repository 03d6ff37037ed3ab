package ladder.reports.report;

import java.util.ArrayList;
import java.util.List;
import ladder.models.composition.NationalBenchmark;
import ladder.models.disclosure.SuppressionPlan;
import ladder.models.result.Answers;
import ladder.models.result.ResultTable;
import ladder.models.trend.ShareTrend;

/**
 * The supplementary SEB questions against their national figures, each as a share among those who
 * answered, by year ({@link ShareTrend}, with its own disclosure control): attended an independent
 * school (7.5% nationally), eligible for free school meals (15% of pupils at state-funded schools),
 * and among graduate-scheme hires, no parent with a degree: first in family (67% of graduates).
 */
final class SupplementarySection implements Section {

    /** One question: the share asked for, its national figure and the sentence's subject. */
    private record Question(String key, ShareTrend trend, double national, String who, String group, String plan,
            String level) {
    }

    private final List<Question> questions = new ArrayList<>();

    SupplementarySection(ReportInputs inputs) {
        questions.add(new Question("independent_school", share(inputs, "school_type", "independent", List.of()),
                NationalBenchmark.INDEPENDENT_SCHOOL, "attended an independent school", null, PlanTables.SCHOOL, "independent"));
        questions.add(new Question("free_school_meals", share(inputs, "free_school_meals", "yes", List.of()),
                NationalBenchmark.FREE_SCHOOL_MEALS, "were eligible for free school meals", null, PlanTables.MEALS, "yes"));
        questions.add(new Question("first_in_family", share(inputs, "parent_degree", "no", List.of("entry_route")),
                NationalBenchmark.FIRST_GENERATION_GRADUATES, "were the first in their family to go to university (no"
                        + " parent with a degree), among graduate-scheme hires", "graduate_scheme", PlanTables.DEGREE, "no"));
    }

    private static ShareTrend share(ReportInputs inputs, String column, String level, List<String> by) {
        return ShareTrend.of(inputs.cubes(), new ShareTrend.Question(column, level, "year", by, 0.95)).publishable();
    }

    @Override
    public void publish(Disclosure disclosure, PartWriter out) {
        out.paragraph("Each share is over those who answered the question (\u201cdon't know\u201d, \u201cprefer not to"
                + " say\u201d and no answer are left out; for free school meals \u201cnot applicable\u201d counts as an"
                + " answer). National figures (Social Mobility Commission): independent school 7.5%; free school meals"
                + " 15% of pupils at state-funded schools; first in family 67% of graduates.");
        for (Question q : questions) {
            out.heading(q.trend().title()).prefix(q.key()).rests(q.trend());
            out.words(List.of(latest(q)));
            List<ResultTable> tables = published(disclosure, q);
            tables.forEach(out::table);
            out.charts(q.trend().charts(), tables.equals(q.trend().tables()));
            out.notes(q.trend(), tables.equals(q.trend().tables()));
        }
    }

    /**
     * The question's tables under the report's plan (its column x year table, or entry_route x
     * parent_degree x year): each period's count of the level, and its total (a sum over the
     * answers); the changes and trend tests rest on every period, so they are withheld whole when
     * the plan withholds any period's figures.
     */
    private static List<ResultTable> published(Disclosure disclosure, Question q) {
        List<ResultTable> tables = q.trend().tables();
        String plan = q.plan();
        if (!disclosure.has(plan)) {
            return tables;
        }
        int answer = q.group() == null ? 0 : 1;
        List<String> answers = disclosure.levels(plan, answer).stream().filter(Answers::isAnswer).toList();
        java.util.function.BiFunction<Disclosure.Row, String, List<String>> at = (row, level) -> q.group() == null
                ? List.of(level, row.label("period"))
                : List.of(row.label("entry_route"), level, row.label("period"));
        java.util.Map<String, java.util.function.Function<Disclosure.Row, Disclosure.Count>> counts =
                new java.util.LinkedHashMap<>();
        counts.put("count", row -> new Disclosure.Count(at.apply(row, q.level()), -1, List.of()));
        counts.put("total", row -> Disclosure.Count.sum(at.apply(row, SuppressionPlan.TOTAL), answer, answers));
        ResultTable periods = Disclosure.mask(tables.get(0), disclosure.counts(plan, counts, java.util.Set.of("score")));
        List<ResultTable> out = new ArrayList<>(List.of(periods));
        boolean cut = !periods.equals(tables.get(0));
        tables.subList(1, tables.size()).forEach(t -> out.add(Disclosure.maskAll(t, cut)));
        return out;
    }

    /** The latest year's share in words against the national figure, from the published table. */
    private static String latest(Question q) {
        ResultTable periods = q.trend().tables().get(0);
        int group = periods.column("entry_route");
        for (int r = periods.rows().size() - 1; r >= 0; r--) {
            if (q.group() != null && !q.group().equals(periods.rows().get(r).get(group))) {
                continue;
            }
            Double share = (Double) periods.get(r, "share");
            String year = (String) periods.get(r, "period");
            if (share == null) {
                return "In " + year + " the share of those who " + q.who() + " is withheld (disclosure control); the"
                        + " national figure is " + Words.percent(q.national()) + ".";
            }
            return "In " + year + ", " + Words.percent(share) + " (95% CI " + Words.percent((Double) periods.get(r, "lower"))
                    + " to " + Words.percent((Double) periods.get(r, "upper")) + ") of those who answered " + q.who()
                    + ", against " + Words.percent(q.national()) + " nationally.";
        }
        return "No one answered: the share of those who " + q.who() + " cannot be given.";
    }
}
