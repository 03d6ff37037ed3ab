package ladder.reports.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import ladder.models.disclosure.CountTable;
import ladder.models.disclosure.SuppressionPlan;
import ladder.models.result.ResultTable;
import ladder.models.survival.TimeToPromotion;

/**
 * Time to promotion by SEB ({@link TimeToPromotion}): Kaplan-Meier curves and medians, the
 * log-rank test within employers, and the Cox model with a baseline per employer and errors robust
 * to clustering by employer. Its counts are published under the report's plan as sums of the table
 * {@value #TIME} (seb x months in grade, in the {@link MonthBands} of the months shown, x promoted):
 * at month 0 and in the log-rank test a group's people with a time recorded are its seb count less
 * those without, and its promotions the promotion table's less those without a time, so the
 * analysis's own rule (counts under 10) cannot print a count the plan withholds elsewhere. The
 * promotions between the months shown are not printed.
 */
final class PromotionTimeSection implements Section {
    /** The plan's table of this section's counts. */
    static final String TIME = "time_in_grade";
    private static final String TOTAL = SuppressionPlan.TOTAL;

    private final TimeToPromotion survival;
    private final Optional<CountTable> counts;

    PromotionTimeSection(ReportInputs inputs) {
        TimeToPromotion.Question d = TimeToPromotion.Question.defaults();
        TimeToPromotion.Question question = new TimeToPromotion.Question(d.time(), d.event(), d.by(), d.levels(),
                List.of("employer_id"), List.of("employer_id"), d.ties(), d.times(), d.level());
        survival = TimeToPromotion.of(inputs.cubes(), question).publishable();
        MonthBands bands = new MonthBands(question.times());
        counts = PlanTables.table(inputs.cubes(), TIME, List.of("seb", question.time(), question.event()),
                Map.of(question.time(), bands::of));
    }

    @Override
    public List<CountTable> counts() {
        return counts.stream().toList();
    }

    @Override
    public void publish(Disclosure disclosure, PartWriter out) {
        if (!disclosure.has(TIME)) {
            out.analysis(survival);
            return;
        }
        List<String> bands = disclosure.levels(TIME, 1);
        Function<String, Disclosure.Count> people = g -> Disclosure.Count.sum(List.of(g, TOTAL, TOTAL), 1,
                MonthBands.from(bands, 0));
        Function<String, Disclosure.Count> promoted = g -> Disclosure.Count.sum(List.of(g, TOTAL, "1"), 1,
                MonthBands.from(bands, 0));
        boolean testWithheld = survival.tables().stream().filter(t -> t.name().equals("log_rank"))
                .flatMap(t -> t.rows().stream().map(r -> r.get(t.column("group")).toString()))
                .anyMatch(g -> disclosure.withheld(TIME, people.apply(g)) || disclosure.withheld(TIME, promoted.apply(g)));
        out.analysis(survival, t -> switch (t.name()) {
            case "at_risk" -> Disclosure.mask(t, row -> atRisk(disclosure, bands, row));
            case "survival_at" -> survivalAt(disclosure, bands, t);
            case "log_rank" -> {
                Map<String, Function<Disclosure.Row, Disclosure.Count>> c = new LinkedHashMap<>();
                c.put("n", row -> people.apply(row.label("group")));
                c.put("observed", row -> promoted.apply(row.label("group")));
                yield Disclosure.mask(t, disclosure.counts(TIME, c, Set.of()));
            }
            case "test" -> Disclosure.maskAll(t, testWithheld);
            default -> t;
        }, PromotionTimeSection::withoutPromotionsBetween);
    }

    /** A group's people at risk at each month shown: those with a time of that month or more. */
    private static Set<String> atRisk(Disclosure disclosure, List<String> bands, Disclosure.Row row) {
        Set<String> out = new java.util.HashSet<>();
        for (ResultTable.ColumnSpec c : row.table().columns()) {
            if (c.name().startsWith("month_") && row.value(c.name()) != null && disclosure.withheld(TIME,
                    Disclosure.Count.sum(List.of(row.label("group"), TOTAL, TOTAL), 1,
                            MonthBands.from(bands, Integer.parseInt(c.name().substring("month_".length())))))) {
                out.add(c.name());
            }
        }
        return out;
    }

    /**
     * S at the months shown: a row's people at risk, every estimate of the row blank where they are withheld;
     * its promotions since the previous month shown are withheld throughout (they are no sum of the plan's
     * bands, which would need a band for each month shown to hold them).
     */
    private static ResultTable survivalAt(Disclosure disclosure, List<String> bands, ResultTable t) {
        Map<String, Function<Disclosure.Row, Disclosure.Count>> c = new LinkedHashMap<>();
        c.put("n_risk", row -> Disclosure.Count.sum(List.of(row.label("group"), TOTAL, TOTAL), 1,
                MonthBands.from(bands, month(row))));
        return withoutPromotionsBetween(Disclosure.mask(t, disclosure.counts(TIME, c, Set.of("time"))));
    }

    /** The survival table without its promotions between the months shown, which the report never prints. */
    private static ResultTable withoutPromotionsBetween(ResultTable t) {
        return !t.name().equals("survival_at") ? t : Disclosure.mask(t, row -> Set.of("n_event"));
    }

    private static int month(Disclosure.Row row) {
        return ((Number) row.value("time")).intValue();
    }
}
