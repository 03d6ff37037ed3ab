package ladder.reports.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import ladder.engine.contract.Seb;
import ladder.models.benchmark.EmployerComparison;
import ladder.models.disclosure.SuppressionPlan;
import ladder.models.funnel.RecruitmentFunnel;
import ladder.models.progression.EntryRoutes;
import ladder.models.progression.ProgressionAfter;
import ladder.models.progression.TrainingTakeUp;
import ladder.models.result.ResultTable;

/**
 * Getting in and getting on: the recruitment funnel by SEB ({@link RecruitmentFunnel}, from the
 * applicants files when given), entry routes ({@link EntryRoutes}), training take-up
 * ({@link TrainingTakeUp}) and promotion within two years after training ({@link ProgressionAfter},
 * which follows people across years and so needs rows). Entry routes' and training's counts are
 * published under the report's plan ({@link PlanTables#ROUTES}, {@link PlanTables#TRAINING}); the
 * funnel (applicants, another population) and promotion after training (people linked across years)
 * apply their own analysis's control; in an employer's pack the funnel takes the plan of the
 * applications its comparison publishes ({@link EmployerComparison#employerFunnel}).
 */
final class GettingInSection implements Section {
    private final Attempt funnel;
    private final Attempt routes;
    private final Attempt training;
    private final Attempt after;

    GettingInSection(ReportInputs inputs) {
        this(inputs, null);
    }

    /**
     * In an employer's pack, {@code comparison} (where the employer stands) publishes figures of the same
     * applications as the funnel: when it was made, the funnel is published under its applications' plan, so
     * that neither gives away a count the other withholds.
     */
    GettingInSection(ReportInputs inputs, Attempt comparison) {
        funnel = inputs.applicants().isEmpty() ? null : Attempt.of("The recruitment funnel", () -> {
            RecruitmentFunnel own = RecruitmentFunnel.of(inputs.applicants().get(), RecruitmentFunnel.Question.defaults());
            return comparison != null && comparison.result() instanceof EmployerComparison standing
                    ? standing.employerFunnel(own).orElseGet(own::publishable) : own.publishable();
        });
        routes = Attempt.of("Entry routes", () -> EntryRoutes.of(inputs.cubes(), EntryRoutes.Question.defaults())
                .publishable());
        training = Attempt.of("Training", () -> TrainingTakeUp.of(inputs.cubes(), TrainingTakeUp.Question.defaults())
                .publishable());
        after = Attempt.of("Promotion after training", () -> ProgressionAfter.of(inputs.cubes(),
                ProgressionAfter.Question.defaults()).publishable());
    }

    @Override
    public void publish(Disclosure disclosure, PartWriter out) {
        out.paragraph("Where the working-class share changes on the way in (from application to hire), by entry"
                + " route, in who takes part in training, and who is promoted within two years after training.");
        if (funnel != null) {
            out.prefix("funnel").analysis(funnel);
        } else {
            out.heading("The recruitment funnel").paragraph("The funnel reads the applicants files, and none were given"
                    + " (ladder report --applicants PATH).");
        }
        out.prefix("routes").analysis(routes, t -> routes(disclosure, t))
                .prefix("training").analysis(training, t -> training(disclosure, t))
                .prefix("after_training").analysis(after, t -> after(disclosure, t));
    }

    /**
     * Promotion after training under the plan's grade x seb x training table: a group's cohort (its
     * person-years with training) is the table's count, so a group whose cohort the plan withholds has
     * its follow-up row withheld (its parts sum to the cohort); the rows of those excluded and missing
     * split the plan's one count of non-answers and are withheld; the linkage's person-years are the
     * pool's total. The follow-up's parts and the promotion table are the analysis's own control.
     */
    private static ResultTable after(Disclosure disclosure, ResultTable table) {
        String plan = PlanTables.TRAINING;
        if (!disclosure.has(plan)) {
            return table;
        }
        if (table.name().equals("follow_up")) {
            Set<String> classifiable = new java.util.HashSet<>(Seb.CLASSIFIABLE.stream().map(Seb::level).toList());
            return Disclosure.mask(table, row -> !classifiable.contains(row.label("seb"))
                    || disclosure.withheld(plan, TOTAL, row.label("seb"), "1") ? numbers(row.table()) : Set.of(),
                    "withheld: the cohort is a count the report's disclosure plan withholds, or splits one (excluded,"
                    + " missing)");
        }
        if (table.name().equals("linkage") && disclosure.withheld(plan, TOTAL, TOTAL, TOTAL)) {
            return Disclosure.mask(table, row -> Set.of("person_years"));
        }
        return table;
    }

    private static Set<String> numbers(ResultTable table) {
        Set<String> out = new java.util.HashSet<>();
        table.columns().stream().filter(c -> c.kind() != ResultTable.Kind.LABEL).forEach(c -> out.add(c.name()));
        return out;
    }

    private static final String TOTAL = SuppressionPlan.TOTAL;
    private static final String PROFESSIONAL = Seb.PROFESSIONAL.level();

    /**
     * Entry routes under the plan's entry_route x seb x promoted table: a route's count of a group
     * and its classifiable total; each route and group's n and promotions, the odds ratio resting on
     * the professionals' too. Reaching grade 4 by route is not in the plan: the analysis's own
     * control applies to those rows.
     */
    private static ResultTable routes(Disclosure disclosure, ResultTable table) {
        String plan = PlanTables.ROUTES;
        if (!disclosure.has(plan)) {
            return table;
        }
        Map<String, Function<Disclosure.Row, Disclosure.Count>> counts = new LinkedHashMap<>();
        if (table.name().equals("composition")) {
            counts.put("count", row -> Disclosure.Count.cell(row.label("entry_route"), row.label("seb"), TOTAL));
            counts.put("route_total", row -> Disclosure.Count.sum(List.of(row.label("entry_route"), TOTAL, TOTAL), 1,
                    Seb.CLASSIFIABLE.stream().map(Seb::level).toList()));
            return Disclosure.mask(table, disclosure.counts(plan, counts, Set.of("national_share")));
        }
        if (!table.name().equals("progression")) {
            return table;
        }
        BiFunction<Disclosure.Row, String, List<Disclosure.Count>> promotion = (row, seb) -> "promoted".equals(
                row.label("outcome")) ? List.of(Disclosure.Count.cell(row.label("entry_route"), seb, TOTAL),
                        Disclosure.Count.cell(row.label("entry_route"), seb, "1")) : List.of();
        counts.put("n", row -> promotion.apply(row, row.label("seb")).isEmpty() ? null : promotion.apply(row, row.label("seb")).get(0));
        counts.put("events", row -> promotion.apply(row, row.label("seb")).isEmpty() ? null : promotion.apply(row, row.label("seb")).get(1));
        return Disclosure.mask(table, disclosure.counts(plan, counts, row -> promotion.apply(row, PROFESSIONAL), Set.of()));
    }

    /**
     * Training take-up under the plan's grade x seb x training table: each grade's (or all grades')
     * n and trained of a group, the odds ratio resting on the professionals' too.
     */
    private static ResultTable training(Disclosure disclosure, ResultTable table) {
        String plan = PlanTables.TRAINING;
        if (disclosure.has(plan) && disclosure.has(PlanTables.RESPONSE) && table.name().equals("model_fit")) {
            // The model is over the classifiable: its people a sum of the response table's, its events of this one's.
            List<String> groups = Seb.CLASSIFIABLE.stream().map(Seb::level).toList();
            return Disclosure.fit(table, disclosure.sumWithheld(PlanTables.RESPONSE, List.of(TOTAL, TOTAL, TOTAL), 2, groups)
                    || disclosure.sumWithheld(plan, List.of(TOTAL, TOTAL, "1"), 1, groups));
        }
        if (!disclosure.has(plan) || !table.name().equals("take_up")) {
            return table;
        }
        Function<Disclosure.Row, String> grade = row -> "all".equals(row.label("grade")) ? TOTAL : row.label("grade");
        Map<String, Function<Disclosure.Row, Disclosure.Count>> counts = new LinkedHashMap<>();
        counts.put("n", row -> Disclosure.Count.cell(grade.apply(row), row.label("seb"), TOTAL));
        counts.put("events", row -> Disclosure.Count.cell(grade.apply(row), row.label("seb"), "1"));
        return Disclosure.mask(table, disclosure.counts(plan, counts, row -> List.of(
                Disclosure.Count.cell(grade.apply(row), PROFESSIONAL, TOTAL),
                Disclosure.Count.cell(grade.apply(row), PROFESSIONAL, "1")), Set.of()));
    }
}
