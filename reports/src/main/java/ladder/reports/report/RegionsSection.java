package ladder.reports.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ladder.engine.contract.Seb;
import ladder.models.composition.Composition;
import ladder.models.composition.NationalBenchmark;
import ladder.models.disclosure.SuppressionPlan;
import ladder.models.result.ResultTable;

/**
 * Class composition by ITL1 region of the workplace ({@link Composition} by region), as a tile map
 * of the working-class share and as tables, under the report's plan (its region x seb table).
 */
final class RegionsSection implements Section {
    private final Composition byRegion;

    RegionsSection(ReportInputs inputs) {
        byRegion = Composition.of(inputs.cubes(), List.of("region"), 0.95).publishable();
    }

    @Override
    public void publish(Disclosure disclosure, PartWriter out) {
        SebCells all = new SebCells(disclosure, PlanTables.REGIONS, List.of(SuppressionPlan.TOTAL));
        ResultTable shares = Disclosure.mask(byRegion.tables().get(0), row -> region(disclosure, row)
                .groupColumns(row, all));
        ResultTable cells = Disclosure.mask(byRegion.tables().get(1), row -> region(disclosure, row).cellColumns(row));
        Map<String, TileMap.Value> values = new LinkedHashMap<>();
        for (int r = 0; r < shares.rows().size(); r++) {
            if (!Seb.WORKING_CLASS.level().equals(shares.get(r, "seb"))) {
                continue;
            }
            String region = (String) shares.get(r, "region");
            values.put(region, new TileMap.Value((Double) shares.get(r, "share"), classifiable(cells, region)));
        }
        out.paragraph("The share of working-class backgrounds among the classifiable answers, by the region of the"
                + " workplace (ITL1), against " + Words.percent(NationalBenchmark.WORKING_CLASS) + " nationally.");
        out.figure(TileMap.svg("regions-map", "Working-class share by region",
                "Share of classifiable answers from working-class backgrounds; national share "
                        + Words.percent(NationalBenchmark.WORKING_CLASS) + "; n = classifiable answers", values));
        out.rests(byRegion).table(shares).table(cells).notes(byRegion, shares.equals(byRegion.tables().get(0))
                && cells.equals(byRegion.tables().get(1)));
    }

    private static SebCells region(Disclosure disclosure, Disclosure.Row row) {
        return new SebCells(disclosure, PlanTables.REGIONS, List.of(row.label("region")));
    }

    private static Long classifiable(ResultTable cells, String region) {
        for (int r = 0; r < cells.rows().size(); r++) {
            if (region.equals(cells.get(r, "region"))) {
                return (Long) cells.get(r, "classifiable");
            }
        }
        return null;
    }
}
