package ladder.reports.report;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ladder.engine.contract.Seb;
import ladder.models.contingency.ProgressionOdds;
import ladder.models.disclosure.SuppressionPlan;
import ladder.models.regression.AdjustedModel;
import ladder.models.result.ResultTable;

/**
 * Progression: the odds of reaching grade 4 or above and of promotion for intermediate and
 * working-class backgrounds against professional, crude and Mantel-Haenszel within employers
 * ({@link ProgressionOdds}), and adjusted for gender, ethnicity, age band and year by logistic
 * regression with employer-clustered (CR1) intervals ({@link AdjustedModel}); as forest plots and
 * in words.
 */
final class ProgressionSection implements Section {
    static final String SENIOR = "grade>=4";
    static final String PROMOTED = "promoted";
    static final String ADJUSTED_FOR = " ~ seb + gender + ethnicity + age_band + C(year)";
    private final ProgressionOdds senior;
    private final ProgressionOdds promotion;
    private final List<Attempt> models;

    ProgressionSection(ReportInputs inputs) {
        senior = odds(inputs, SENIOR);
        promotion = odds(inputs, PROMOTED);
        models = List.of(Attempt.of("Adjusted odds ratios of reaching grade 4 or above", () -> model(inputs, SENIOR)),
                Attempt.of("Adjusted odds ratios of promotion", () -> model(inputs, PROMOTED)));
    }

    private static ProgressionOdds odds(ReportInputs inputs, String outcome) {
        return ProgressionOdds.of(inputs.cubes(), new ProgressionOdds.Question(outcome, "seb", List.of(),
                Seb.PROFESSIONAL.level(), List.of("employer_id"), List.of(), 0.95)).publishable();
    }

    private static AdjustedModel model(ReportInputs inputs, String outcome) {
        return AdjustedModel.fit(inputs.cubes(), new AdjustedModel.Question(outcome + ADJUSTED_FOR,
                Map.of("seb", Seb.PROFESSIONAL.level()), "employer_id", null, List.of("seb"), List.of(), 0.95)).publishable();
    }

    @Override
    public void publish(Disclosure disclosure, PartWriter out) {
        out.paragraph("Odds ratios compare intermediate and working-class backgrounds with professional backgrounds:"
                + " crude (the pool as one table), Mantel-Haenszel (within each employer, pooled) and adjusted (logistic"
                + " regression on gender, ethnicity, age band and year, with intervals robust to clustering by"
                + " employer). Below 1: lower odds than professionals.");
        publishOdds(out.prefix("senior"), "Reaching grade 4 or above", senior, disclosure, false);
        publishOdds(out.prefix("promotion"), "Promotion in the year", promotion, disclosure, true);
        out.prefix("model_senior").analysis(models.get(0), t -> fit(disclosure, t, false))
                .prefix("model_promotion").analysis(models.get(1), t -> fit(disclosure, t, true));
    }

    /**
     * The odds tables under the plan: the crude counts of promotion are cells of its promotion
     * table, those of reaching grade 4 sums over grades of its grades table; per-employer tables of
     * promotion are its cells too (grade 4 by employer is not in the plan: the analysis's own
     * control applies).
     */
    private static void publishOdds(PartWriter out, String heading, ProgressionOdds odds, Disclosure disclosure,
            boolean promoted) {
        out.heading(heading).rests(odds);
        boolean byEmployer = promoted && disclosure.has(PlanTables.PROMOTION);
        Map<String, ResultTable> tables = new java.util.LinkedHashMap<>();
        odds.tables().forEach(t -> tables.put(t.name(), t));
        Set<String> crudeWithheld = new HashSet<>();
        ResultTable cells = Disclosure.mask(tables.get("cells"), row -> {
            String exposure = row.label("exposure");
            boolean[] w = {crude(disclosure, promoted, exposure, true), crude(disclosure, promoted, exposure, false),
                crude(disclosure, promoted, Seb.PROFESSIONAL.level(), true),
                crude(disclosure, promoted, Seb.PROFESSIONAL.level(), false)};
            Set<String> columns = new HashSet<>();
            SebCells.put(columns, row.table(), w[0], "event");
            SebCells.put(columns, row.table(), w[1], "no_event");
            SebCells.put(columns, row.table(), w[2], "reference_event");
            SebCells.put(columns, row.table(), w[3], "reference_no_event");
            SebCells.put(columns, row.table(), w[0] || w[1], "risk");
            SebCells.put(columns, row.table(), w[2] || w[3], "reference_risk");
            if (w[0] || w[1] || w[2] || w[3]) {
                crudeWithheld.add(exposure);
            }
            return columns;
        });
        Set<String> crudeRow = Set.of("estimate", "lower", "upper", "p_value", "statistic", "df");
        // Pooled over one stratum (an employer's pack), the Mantel-Haenszel figures are the crude table's.
        Set<String> onePooled = new HashSet<>();
        odds.groups().forEach(g -> g.comparisons().stream().filter(c -> c.stratified() != null
                && c.stratified().pooledStrata() <= 1).forEach(c -> onePooled.add(c.exposureLevel())));
        java.util.function.Predicate<Disclosure.Row> withheldRow = row -> crudeWithheld.contains(row.label("exposure"))
                && ("crude".equals(row.label("analysis")) || onePooled.contains(row.label("exposure")));
        ResultTable estimates = Disclosure.mask(tables.get("estimates"), row -> withheldRow.test(row)
                ? columnsOf(row.table(), crudeRow) : Set.of());
        ResultTable tests = Disclosure.mask(tables.get("tests"), row -> withheldRow.test(row)
                ? columnsOf(row.table(), crudeRow) : Set.of());
        ResultTable strata = Disclosure.mask(tables.get("strata"), row -> {
            String e = row.label("stratum");
            String x = row.label("exposure");
            String p = Seb.PROFESSIONAL.level();
            boolean any = byEmployer ? disclosure.withheld(PlanTables.PROMOTION, e, x, "1")
                    || disclosure.withheld(PlanTables.PROMOTION, e, x, "0") || disclosure.withheld(PlanTables.PROMOTION, e, p, "1")
                    || disclosure.withheld(PlanTables.PROMOTION, e, p, "0")
                    : employerGroup(disclosure, e, x) || employerGroup(disclosure, e, p);
            return any || onePooled.contains(x) && crudeWithheld.contains(x)
                    ? columnsOf(row.table(), Set.of("n", "a", "b", "c", "d", "odds_ratio", "lower", "upper")) : Set.of();
        });
        boolean complete = estimates.equals(tables.get("estimates")) && strata.equals(tables.get("strata"));
        out.notes(odds, complete && cells.equals(tables.get("cells")) && tests.equals(tables.get("tests")))
                .charts(odds.charts(), complete);
        out.table(estimates).table(tests).table(cells).table(strata);
    }

    /**
     * A model's fit table under the plan: its people are the pool's rows, its events those promoted (the
     * promotion table's margin) or at grade 4 or above (a sum of the grades table's).
     */
    private static ResultTable fit(Disclosure disclosure, ResultTable table, boolean promoted) {
        if (!table.name().equals("fit") || !disclosure.has(PlanTables.RESPONSE)) {
            return table;
        }
        String t = SuppressionPlan.TOTAL;
        boolean people = disclosure.withheld(PlanTables.RESPONSE, t, t, t);
        boolean events = promoted ? disclosure.has(PlanTables.PROMOTION) && disclosure.withheld(PlanTables.PROMOTION, t, t, "1")
                : disclosure.has(PlanTables.GRADES) && disclosure.sumWithheld(PlanTables.GRADES, List.of(t, t), 0,
                        List.of("4", "5", "6"));
        return Disclosure.fit(table, people || events);
    }

    /** Whether a crude count (of {@code seb}, with or without the outcome) is withheld by the plan. */
    private static boolean crude(Disclosure disclosure, boolean promotion, String seb, boolean event) {
        if (promotion) {
            return disclosure.has(PlanTables.PROMOTION) && disclosure.withheld(PlanTables.PROMOTION, SuppressionPlan.TOTAL, seb, event ? "1" : "0");
        }
        if (!disclosure.has(PlanTables.GRADES)) {
            return false;
        }
        List<String> grades = List.of("4", "5", "6");
        List<String> at = List.of(SuppressionPlan.TOTAL, seb);
        return event ? disclosure.sumWithheld(PlanTables.GRADES, at, 0, grades)
                : disclosure.sumWithheld(PlanTables.GRADES, at, 0, List.of("1", "2", "3"));
    }

    /**
     * Whether an employer's count of a group (a stratum's a + b, or c + d, when the strata are employers) is
     * withheld: the margin of the plan's employer_id x year x seb table. Strata other than employers are not in
     * the plan (their own control applies).
     */
    private static boolean employerGroup(Disclosure disclosure, String employer, String seb) {
        return disclosure.has(PlanTables.RESPONSE) && disclosure.levels(PlanTables.RESPONSE, 0).contains(employer)
                && disclosure.withheld(PlanTables.RESPONSE, employer, SuppressionPlan.TOTAL, seb);
    }

    private static Set<String> columnsOf(ResultTable table, Set<String> names) {
        Set<String> out = new HashSet<>();
        names.forEach(n -> SebCells.put(out, table, true, n));
        return out;
    }
}
