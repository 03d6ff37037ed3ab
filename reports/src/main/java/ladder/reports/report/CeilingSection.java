package ladder.reports.report;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import ladder.engine.contract.Seb;
import ladder.models.disclosure.SuppressionPlan;
import ladder.models.result.ResultTable;
import ladder.models.trend.ClassCeiling;

/**
 * The class ceiling ({@link ClassCeiling}): SEB composition by grade against the workforce and the
 * nation, and the odds of reaching each grade or above against professionals, crude and
 * Mantel-Haenszel within employers.
 */
final class CeilingSection implements Section {
    private final ClassCeiling ceiling;

    CeilingSection(ReportInputs inputs) {
        ceiling = ClassCeiling.of(inputs.cubes(), new ClassCeiling.Question(List.of("employer_id"), 0.95)).publishable();
    }

    @Override
    public void publish(Disclosure disclosure, PartWriter out) {
        SebCells workforce = new SebCells(disclosure, PlanTables.GRADES, List.of(SuppressionPlan.TOTAL));
        ResultTable composition = ceiling.tables().get(0);
        ResultTable published = Disclosure.mask(composition, row -> new SebCells(disclosure, PlanTables.GRADES,
                List.of(row.label("grade"))).groupColumns(row, workforce));
        ResultTable odds = ceiling.tables().get(1);
        List<String> grades = composition.rows().stream().map(r -> (String) r.get(composition.column("grade")))
                .distinct().toList();
        ResultTable publishedOdds = Disclosure.mask(odds, row -> oddsColumns(disclosure, row, grades));
        boolean complete = published.equals(composition) && publishedOdds.equals(odds);
        out.rests(ceiling).notes(ceiling, complete).charts(ceiling.charts(), complete)
                .table(published).table(publishedOdds);
    }

    /**
     * A ceiling row's counts are sums of the composition's over the grades at or above its cut
     * (reached) and below it (not reached), for its group and for professionals: each published
     * only when it follows from the published composition, and the crude odds ratio only when all four are.
     */
    private static Set<String> oddsColumns(Disclosure disclosure, Disclosure.Row row, List<String> grades) {
        int cut = grades.indexOf(row.label("cut"));
        List<String> above = grades.subList(cut, grades.size());
        List<String> below = grades.subList(0, cut);
        String group = row.label("seb");
        String professional = Seb.PROFESSIONAL.level();
        boolean[] withheld = {
            disclosure.sumWithheld(PlanTables.GRADES, List.of(SuppressionPlan.TOTAL, group), 0, above),
            disclosure.sumWithheld(PlanTables.GRADES, List.of(SuppressionPlan.TOTAL, group), 0, below),
            disclosure.sumWithheld(PlanTables.GRADES, List.of(SuppressionPlan.TOTAL, professional), 0, above),
            disclosure.sumWithheld(PlanTables.GRADES, List.of(SuppressionPlan.TOTAL, professional), 0, below)};
        String[] columns = {"reached", "not_reached", "professional_reached", "professional_not_reached"};
        Set<String> out = new HashSet<>();
        boolean any = false;
        for (int i = 0; i < columns.length; i++) {
            SebCells.put(out, row.table(), withheld[i], columns[i]);
            any |= withheld[i];
        }
        SebCells.put(out, row.table(), any, "odds_ratio", "lower", "upper");
        return out;
    }
}
