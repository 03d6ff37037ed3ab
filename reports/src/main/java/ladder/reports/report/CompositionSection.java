package ladder.reports.report;

import java.util.List;
import ladder.engine.contract.Seb;
import ladder.models.composition.Composition;
import ladder.models.disclosure.SuppressionPlan;
import ladder.models.result.ResultTable;
import ladder.models.trend.ShareTrend;

/**
 * Class composition of the pool against the national benchmark (professional 34%, intermediate
 * 24%, working class 42%), overall and by year ({@link Composition}), and the working-class share's
 * trend over the years ({@link ShareTrend}: Wilson intervals, Cochran-Armitage and logistic trend
 * tests).
 */
final class CompositionSection implements Section {
    private final Composition overall;
    private final Composition byYear;
    private final ShareTrend trend;

    CompositionSection(ReportInputs inputs) {
        overall = Composition.of(inputs.cubes(), List.of(), 0.95).publishable();
        byYear = Composition.of(inputs.cubes(), List.of("year"), 0.95).publishable();
        trend = ShareTrend.of(inputs.cubes(), new ShareTrend.Question("seb", Seb.WORKING_CLASS.level(), "year", List.of(),
                0.95)).publishable();
    }

    @Override
    public void publish(Disclosure disclosure, PartWriter out) {
        SebCells pool = cells(disclosure, SuppressionPlan.TOTAL);
        out.paragraph("Shares are over the classifiable answers to the parental occupation question; the national"
                + " benchmark is the UK working population (Social Mobility Commission): professional 34%,"
                + " intermediate 24%, working class 42%.");
        ResultTable shares = Disclosure.mask(overall.tables().get(0),
                row -> pool.groupColumns(row, pool));
        ResultTable poolCells = Disclosure.mask(overall.tables().get(1), row -> pool.cellColumns(row));
        boolean poolComplete = shares.equals(overall.tables().get(0)) && poolCells.equals(overall.tables().get(1));
        out.prefix("pool").rests(overall).notes(overall, poolComplete).charts(overall.charts(), poolComplete)
                .table(shares).table(poolCells);

        out.heading("By year");
        ResultTable yearShares = Disclosure.mask(byYear.tables().get(0),
                row -> cells(disclosure, row.label("year")).groupColumns(row, pool));
        out.prefix("by_year").rests(byYear).charts(byYear.charts(), yearShares.equals(byYear.tables().get(0)))
                .table(yearShares)
                .table(Disclosure.mask(byYear.tables().get(1), row -> cells(disclosure, row.label("year")).cellColumns(row)));

        out.heading("Trend of the working-class share");
        ResultTable periods = trend.tables().get(0);
        ResultTable published = Disclosure.mask(periods, row -> {
            SebCells year = cells(disclosure, row.label("period"));
            java.util.Set<String> withheld = new java.util.HashSet<>();
            SebCells.put(withheld, row.table(), year.answer(Seb.WORKING_CLASS.level()), "count");
            SebCells.put(withheld, row.table(), year.classifiable(), "total");
            SebCells.put(withheld, row.table(), year.share(Seb.WORKING_CLASS.level()), "share", "lower", "upper", "gap",
                    "gap_lower", "gap_upper");
            return withheld;
        });
        boolean complete = published.equals(periods);
        out.prefix("trend").rests(trend).notes(trend, complete).charts(trend.charts(), complete).table(published);
        for (ResultTable t : trend.tables().subList(1, trend.tables().size())) {
            // Changes and trend tests rest on every period's counts: published only when all are.
            out.table(Disclosure.maskAll(t, !complete));
        }
    }

    private static SebCells cells(Disclosure disclosure, String year) {
        return new SebCells(disclosure, PlanTables.RESPONSE, List.of(SuppressionPlan.TOTAL, year));
    }
}
