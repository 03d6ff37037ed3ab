package ladder.reports.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import ladder.models.result.ResultTable;
import ladder.models.result.ResultTable.Kind;
import org.junit.jupiter.api.Test;

/**
 * A logistic model's fit table prints its people and events, and its degrees of freedom (people less 1, less
 * the parameters), null deviance and BIC (deviance + parameters x log people) give them back: where the plan
 * withholds either count those are blank, the rest of the fit kept.
 */
class ModelFitDisclosureTest {
    private static final ResultTable FIT = ResultTable.builder("fit", "Fit statistics")
            .column("statistic", Kind.LABEL, "statistic").column("value", Kind.NUMBER, "value")
            .row("people", 9.0).row("cells", 4.0).row("events", 3.0).row("parameters", 2.0).row("null_df", 8.0)
            .row("residual_df", 7.0).row("deviance", 10.5).row("null_deviance", 11.4).row("aic", 14.5)
            .row("bic", 14.9).row("iterations", 4.0).build();

    @Test
    void theStatisticsThatGiveThePeopleOrEventsBackAreBlankWhenTheyAreWithheld() {
        ResultTable fit = Disclosure.fit(FIT, true);
        for (int r = 0; r < fit.rows().size(); r++) {
            String statistic = (String) fit.get(r, "statistic");
            if (Disclosure.FIT_COUNTS.contains(statistic)) {
                assertNull(fit.get(r, "value"), statistic);
            } else {
                assertEquals(FIT.get(r, "value"), fit.get(r, "value"), statistic);
            }
        }
        assertEquals(List.of("people", "events", "null_df", "residual_df", "null_deviance", "bic"), FIT.rows().stream()
                .map(row -> (String) row.get(0)).filter(Disclosure.FIT_COUNTS::contains).toList());
        assertSame(FIT, Disclosure.fit(FIT, false));
    }
}
