package ladder.models.multilevel;

import static ladder.models.multilevel.MaihdaReference.assertClose;
import static ladder.models.multilevel.MaihdaReference.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import ladder.engine.LadderException;
import ladder.models.result.Chart;
import ladder.models.result.ResultTable;
import org.junit.jupiter.api.Test;

/**
 * A random intercept by employer against R's
 * {@code glmer(cbind(y, n - y) ~ seb + gender + (1 | employer), data = employer, family = binomial, <TIGHT>)}
 * (30 employers, 2500 people grouped to (employer, seb, gender) rows, employer SD 0.5 simulated).
 */
class EmployerEffectsTest {

    @Test
    void matchesGlmer() {
        EmployerEffects e = EmployerEffects.of(List.of(MaihdaReference.SEB, MaihdaReference.GENDER),
                MaihdaReference.rows("employer", "employer", List.of("seb", "gender")));
        String call = MaihdaReference.glmerTight(RandomInterceptLogitTest.EMPLOYER, "employer", 1);
        double s2 = value(call, "sigma2");
        assertClose(s2, e.variance().sigma2(), 1e-5, 1e-7, "sigma2");
        assertClose(s2 / (s2 + Math.PI * Math.PI / 3), e.variance().vpc(), 1e-5, 1e-7, "VPC");
        assertEquals(30, e.employers().size());
        double previous = Double.POSITIVE_INFINITY;
        for (EmployerEffects.Employer x : e.employers()) {
            assertClose(value(call, "ranef:" + x.employer()), x.effect(), 1e-5, 1e-7, "ranef " + x.employer());
            assertClose(value(call, "condsd:" + x.employer()), x.effectSd(), 1e-5, 1e-7, "condsd " + x.employer());
            assertEquals(Math.exp(x.effect() + 1.959963984540054 * x.effectSd()), x.oddsRatioUpper(), 1e-12);
            assertTrue(x.effect() <= previous);
            previous = x.effect();
        }
        ResultTable fixed = e.tables().get(2);
        assertEquals(4, fixed.rows().size());
        assertClose(value(call, "se:sebworking_class"), (Double) fixed.get(2, "se"), 1e-4, 1e-7, "se");
        Chart.Forest chart = (Chart.Forest) e.charts().get(0);
        assertTrue(chart.logScale());
        assertEquals(1, chart.nullValue());
        assertTrue(e.notes().stream().anyMatch(n -> n.contains("(1 | employer)")));
    }

    @Test
    void oneEmployerIsRefused() {
        assertThrows(LadderException.class, () -> EmployerEffects.of(List.of(MaihdaReference.SEB),
                List.of(new BinomialRow("E1", List.of("professional"), 10, 3),
                        new BinomialRow("E1", List.of("intermediate"), 10, 4))));
    }
}
