package ladder.reports.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import ladder.Ladder;
import ladder.models.disclosure.CountTable;
import ladder.models.disclosure.SuppressionAudit;
import ladder.models.disclosure.SuppressionPlan;
import org.junit.jupiter.api.Test;

/**
 * One employer's plan (the sample's E003, about 1,200 people a year): its seb x gender x ethnicity
 * x promoted table is mostly zeros, some of which no box protects. Those are protected by the cells
 * withheld around them, as their linear-programming range shows, so the plan does not add the
 * one person that would withhold the employer's count of each year and its total (it did, before
 * the range was checked: E003's 2022 row was blank in its pack).
 */
class SparsePlanTest {
    @Test
    void zerosNoBoxProtectsAreCheckedByTheirRangeBeforeAnyTotalIsWithheld() {
        List<CountTable> tables = PlanTables.of(Ladder.load(EvidenceReportTest.SAMPLE).cubes().where("employer_id", "E003"));
        Disclosure disclosure = new Disclosure(tables);
        SuppressionPlan plan = disclosure.plan();
        String total = SuppressionPlan.TOTAL;
        for (String year : List.of("2022", "2023", "2024", total)) {
            assertFalse(disclosure.withheld(PlanTables.RESPONSE, "E003", year, total), "E003's count in " + year);
        }
        assertTrue(plan.ranged() > 0, "no cell was left to the range check: the case does not test it");
        SuppressionAudit audit = plan.audit();
        assertTrue(audit.sound(), "a withheld count can be worked back: "
                + audit.entries().stream().filter(e -> e.determined() || e.width() < 1 - 1e-7).toList());
    }
}
