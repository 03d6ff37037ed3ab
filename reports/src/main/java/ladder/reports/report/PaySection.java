package ladder.reports.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ladder.engine.Threads;
import ladder.engine.cube.CubeSource;
import ladder.models.disclosure.CountTable;
import ladder.models.disclosure.SuppressionPlan;
import ladder.models.pay.ClassPayGap;
import ladder.models.pay.PayGapAnalysis;
import ladder.models.pay.PayHistogram;
import ladder.models.result.ResultTable;

/**
 * The class pay gap ({@link ClassPayGap}) as gender pay gap reporting: mean and median hourly pay
 * and bonus by SEB group, the gaps against professional with intervals, pay quarters; for
 * publication (figures on fewer than 10 people, dominated means and thin quantiles withheld). Its
 * counts are published under the report's plan, in two tables the section adds to it:
 * {@value #HOURLY} (seb x pay quarter, or {@value #NO_PAY} for those without hourly pay) and
 * {@value #BONUS} (seb x {@value #NO_BONUS}, {@value #UNPAID} or {@value #PAID}), each over every row
 * (those who did not answer the SEB question in the quarters their pay falls in, though the section
 * leaves them out: a table that put them all at "no pay" would have zeros a reader knows, and the plan
 * would count on them as unknown). A group's n is its seb count less those without pay, so the analysis's own rule
 * (counts under 10) cannot print a count the plan withholds elsewhere.
 */
final class PaySection implements Section {
    static final String HOURLY = "pay_quarters";
    static final String BONUS = "bonus";
    static final String NO_PAY = "no_hourly_pay";
    static final String NO_BONUS = "no_bonus_recorded";
    static final String UNPAID = "no_bonus_paid";
    static final String PAID = "bonus_paid";
    private static final String TOTAL = SuppressionPlan.TOTAL;
    private static final List<String> CLASSIFIABLE = ladder.engine.contract.Seb.CLASSIFIABLE.stream()
            .map(ladder.engine.contract.Seb::level).toList();
    private static final List<String> QUARTERS = List.of("Q1", "Q2", "Q3", "Q4");
    private static final List<String> HOURLY_COLUMNS = List.of("n", "mean_hourly", "median_hourly",
            "lower_quartile_hourly", "upper_quartile_hourly");
    private static final List<String> BONUS_COLUMNS = List.of("bonus_n", "bonus_paid", "bonus_share",
            "bonus_share_lower", "bonus_share_upper", "mean_bonus", "median_bonus");

    private final ClassPayGap gap;
    private final List<CountTable> counts = new ArrayList<>();

    /**
     * In an employer's pack the gap reads the employer's pay off the pool's cube the comparison with the
     * pool built (employer x sector x seb x hourly pay), rather than scanning the rows again for it.
     */
    PaySection(ReportInputs inputs) {
        ClassPayGap.Question defaults = ClassPayGap.Question.defaults();
        CubeSource cubes = inputs.employer().isPresent() && inputs.pool() instanceof SharedCubes pool
                ? pool.slice("employer_id", inputs.employer().get()) : inputs.cubes();
        gap = ClassPayGap.of(cubes, new ClassPayGap.Question(defaults.reference(), defaults.by(),
                defaults.quantileType(), defaults.replicates(), defaults.seed(), defaults.level(), true), Threads.all());
        PayGapAnalysis a = gap.parts().get("");
        PlanTables.table(cubes, HOURLY, List.of("seb", "hourly_pay"), Map.of("hourly_pay", level -> {
            long pence = PayHistogram.pence(List.of(level))[0];
            return pence < 0 ? NO_PAY : QUARTERS.get(a.quarters().quarterOf(pence));
        })).ifPresent(t -> counts.add(agrees(t, a, (g, q) -> whole(a.quarters().counts()[QUARTERS.indexOf(q)][g]),
                QUARTERS)));
        if (a.bonus() != null) {
            PlanTables.table(cubes, BONUS, List.of("seb", "bonus"), Map.of("bonus", level -> {
                long pence = PayHistogram.pence(List.of(level))[0];
                return pence < 0 ? NO_BONUS : pence == 0 ? UNPAID : PAID;
            })).ifPresent(t -> counts.add(agrees(t, a, (g, b) -> b.equals(PAID) ? a.bonus().get(g).above(0).n()
                    : a.bonus().get(g).n() - a.bonus().get(g).above(0).n(), List.of(UNPAID, PAID))));
        }
    }

    /**
     * {@code table} (seb x a pay dimension, all the section's rows, the non-answers too), checked against the
     * analysis's own counts of each group at {@code levels}: the cells the plan decides are the counts printed.
     */
    private static CountTable agrees(CountTable table, PayGapAnalysis a,
            java.util.function.BiFunction<Integer, String, Long> counted, List<String> levels) {
        for (int g = 0; g < a.labels().size(); g++) {
            for (String level : levels) {
                int s = table.levels().get(0).indexOf(a.labels().get(g));
                int l = table.levels().get(1).indexOf(level);
                long cell = s < 0 || l < 0 ? 0 : table.counts()[s * table.levels().get(1).size() + l];
                if (cell != counted.apply(g, level)) {
                    throw new IllegalStateException("table " + table.name() + " has " + cell + " " + a.labels().get(g)
                            + " at " + level + ", the pay analysis " + counted.apply(g, level));
                }
            }
        }
        return table;
    }

    private static long whole(double people) {
        if (people != Math.rint(people)) {
            throw new IllegalStateException("the report's pay quarters are cutpoint quarters, whole people; got " + people);
        }
        return (long) people;
    }

    @Override
    public List<CountTable> counts() {
        return counts;
    }

    @Override
    public void publish(Disclosure disclosure, PartWriter out) {
        if (!disclosure.has(HOURLY)) {
            out.analysis(gap);
            return;
        }
        out.analysis(gap, t -> switch (t.name()) {
            case "groups" -> Disclosure.mask(t, row -> groups(disclosure, row.label("group")));
            case "gaps" -> Disclosure.mask(t, row -> gaps(disclosure, row));
            case "quarters" -> Disclosure.mask(t, row -> quarters(disclosure, row));
            default -> t;
        });
    }

    /** Whether a group's people with hourly pay (its seb count less those without) are withheld. */
    private boolean hourlyWithheld(Disclosure disclosure, String group) {
        return disclosure.withheld(HOURLY, Disclosure.Count.sum(List.of(group, TOTAL), 1, QUARTERS));
    }

    /** Whether a group's people with a bonus recorded, or those paid one, are withheld. */
    private boolean bonusWithheld(Disclosure disclosure, String group) {
        return disclosure.has(BONUS) && (disclosure.withheld(BONUS, group, PAID)
                || disclosure.withheld(BONUS, Disclosure.Count.sum(List.of(group, TOTAL), 1, List.of(UNPAID, PAID))));
    }

    /** A group's hourly figures blank where its people with pay are withheld; its bonus figures alike. */
    private Set<String> groups(Disclosure disclosure, String group) {
        Set<String> out = new HashSet<>();
        if (hourlyWithheld(disclosure, group)) {
            out.addAll(HOURLY_COLUMNS);
        }
        if (bonusWithheld(disclosure, group)) {
            out.addAll(BONUS_COLUMNS);
        }
        return out;
    }

    /** A gap rests on the group's and the reference's people (with hourly pay, or paid a bonus). */
    private Set<String> gaps(Disclosure disclosure, Disclosure.Row row) {
        boolean bonus = row.label("measure").endsWith("bonus");
        String reference = gap.parts().get("").options().reference();
        boolean withheld = false;
        for (String g : List.of(row.label("group"), reference)) {
            withheld |= bonus ? bonusWithheld(disclosure, g) : hourlyWithheld(disclosure, g);
        }
        return withheld ? new HashSet<>(List.of("gap_percent", "lower", "upper")) : Set.of();
    }

    /**
     * A group's people in a quarter, its share of the quarter (resting on the quarter's people of the three
     * groups too: a sum the plan publishes only when it follows from printed counts) and of
     * the group (resting on the group's people with pay).
     */
    private Set<String> quarters(Disclosure disclosure, Disclosure.Row row) {
        String group = row.label("group");
        String quarter = row.label("quarter");
        Set<String> out = new HashSet<>();
        if (disclosure.withheld(HOURLY, group, quarter)) {
            out.addAll(List.of("people", "share_of_quarter", "share_of_group"));
        }
        if (disclosure.withheld(HOURLY, Disclosure.Count.sum(List.of(TOTAL, quarter), 0, CLASSIFIABLE))) {
            out.add("share_of_quarter");
        }
        if (hourlyWithheld(disclosure, group)) {
            out.add("share_of_group");
        }
        return out;
    }
}
