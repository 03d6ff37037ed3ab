package ladder.models.multilevel;

import static ladder.models.multilevel.MaihdaReference.assertClose;
import static ladder.models.multilevel.MaihdaReference.rName;
import static ladder.models.multilevel.MaihdaReference.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import ladder.engine.LadderException;
import ladder.models.pay.Factor;
import ladder.models.result.Chart;
import ladder.models.result.ResultTable;
import org.junit.jupiter.api.Test;

/**
 * MAIHDA against lme4: the null and main-effects models of maihda_a (stratum SD 0.35 simulated),
 * maihda_c (no interaction: the main model at the boundary), fitted in R by
 * {@code glmer(cbind(y, n - y) ~ 1 + (1 | stratum), data = maihda_a, family = binomial, <TIGHT>)}
 * and {@code glmer(cbind(y, n - y) ~ seb + gender + ethnicity + age + (1 | stratum), ...)}; the
 * MAIHDA measures are computed here from R's VarCorr, fixef, ranef and condVar SDs by their
 * formulas, independently of the Java code. Tolerance 1e-5 relative (+ 1e-6), standard errors 1e-4,
 * as {@link RandomInterceptLogitTest}.
 */
class MaihdaTest {

    static final List<String> DIMENSIONS = List.of("seb", "gender", "ethnicity", "age");

    static Maihda maihda(String name, PredictionInterval interval) {
        return Maihda.of(MaihdaReference.MAIN, MaihdaReference.rows(name, "stratum", DIMENSIONS), Approximation.LAPLACE, 1,
                interval, 0.95);
    }

    static void close(double expected, double actual, String what) {
        assertClose(expected, actual, 1e-5, 1e-6, what);
    }

    static double plogis(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    @Test
    void measuresMatchLme4() {
        Maihda m = maihda("maihda_a", PredictionInterval.CONDITIONAL);
        String r0 = MaihdaReference.glmerTight(RandomInterceptLogitTest.NULL, "maihda_a", 1);
        String r1 = MaihdaReference.glmerTight(RandomInterceptLogitTest.MAIN, "maihda_a", 1);
        double s0 = value(r0, "sigma2"), s1 = value(r1, "sigma2");
        ResultTable variance = m.tables().get(1);
        assertEquals("variance", variance.name());
        close(s0, (Double) variance.get(0, "sigma2"), "sigma2 null");
        close(s1, (Double) variance.get(1, "sigma2"), "sigma2 main");
        close(Math.sqrt(s1), (Double) variance.get(1, "sd"), "sd main");
        close(s0 / (s0 + Math.PI * Math.PI / 3), (Double) variance.get(0, "vpc"), "VPC null");
        close(s1 / (s1 + Math.PI * Math.PI / 3), (Double) variance.get(1, "vpc"), "VPC main");
        // qnorm(0.75) = 0.6744897501960817
        close(Math.exp(Math.sqrt(2 * s0) * 0.6744897501960817), (Double) variance.get(0, "mor"), "MOR null");
        close((s0 - s1) / s0, (Double) variance.get(1, "pcv"), "PCV");
        assertNull(variance.get(0, "pcv"));
        close(value(r1, "loglik"), (Double) variance.get(1, "loglik_binomial"), "logLik main");
        close(value(r1, "aic"), (Double) variance.get(1, "aic_binomial"), "AIC main");

        ResultTable fixed = m.tables().get(2);
        for (int i = 0; i < fixed.rows().size(); i++) {
            String call = fixed.get(i, "model").equals("null") ? r0 : r1;
            String term = rName((String) fixed.get(i, "term"));
            close(value(call, "fixef:" + term), (Double) fixed.get(i, "estimate"), "fixef " + term);
            assertClose(value(call, "se:" + term), (Double) fixed.get(i, "se"), 1e-4, 1e-7, "se " + term);
        }
        assertEquals(1 + 8, fixed.rows().size());

        // Strata: effects, predicted probabilities with the conditional interval, the interaction strata.
        Set<String> expectedInteraction = new TreeSet<>();
        double previous = Double.POSITIVE_INFINITY;
        for (Maihda.Stratum s : m.strata()) {
            double u = value(r1, "ranef:" + s.label()), sd = value(r1, "condsd:" + s.label());
            close(u, s.effect(), "ranef " + s.label());
            close(sd, s.effectSd(), "condsd " + s.label());
            close(value(r0, "ranef:" + s.label()), s.nullEffect(), "null ranef " + s.label());
            double xb = value(r1, "fixef:(Intercept)");
            for (int f = 0; f < 4; f++) {
                Factor factor = MaihdaReference.MAIN.get(f);
                if (!s.levels().get(f).equals(factor.reference())) {
                    xb += value(r1, "fixef:" + factor.name() + s.levels().get(f));
                }
            }
            close(plogis(xb + u), s.predicted(), "predicted " + s.label());
            close(plogis(xb + u - 1.959963984540054 * sd), s.lower(), "lower " + s.label());
            close(plogis(xb + u + 1.959963984540054 * sd), s.upper(), "upper " + s.label());
            close(plogis(xb), s.mainEffectsOnly(), "main effects only " + s.label());
            if (Math.abs(u / sd) > 1.959963984540054) {
                expectedInteraction.add(s.label());
            }
            assertTrue(s.predicted() <= previous, "ranked by predicted probability");
            previous = s.predicted();
        }
        assertEquals(54, m.strata().size());
        Set<String> interaction = new TreeSet<>(m.interactionStrata().stream().map(Maihda.Stratum::label).toList());
        assertEquals(expectedInteraction, interaction);
        assertFalse(interaction.isEmpty(), "the simulated stratum SD 0.35 leaves some strata beyond their intervals");
        assertTrue(m.notes().stream().anyMatch(n -> n.contains(interaction.iterator().next())), "the reading names them");
    }

    /** The interval with the fixed effects' uncertainty: R's predsd, from lme4's matrices (see the script). */
    @Test
    void predictionIntervalIncludesFixedEffects() {
        Maihda m = maihda("maihda_a", PredictionInterval.WITH_FIXED_EFFECTS);
        String r1 = MaihdaReference.glmerTight(RandomInterceptLogitTest.MAIN, "maihda_a", 1);
        for (Maihda.Stratum s : m.strata()) {
            double eta = Math.log(s.predicted() / (1 - s.predicted()));
            double sd = value(r1, "predsd:" + s.label());
            assertClose(plogis(eta - 1.959963984540054 * sd), s.lower(), 1e-4, 1e-7, "lower " + s.label());
            assertClose(plogis(eta + 1.959963984540054 * sd), s.upper(), 1e-4, 1e-7, "upper " + s.label());
            assertTrue(sd > s.effectSd(), "wider than the conditional SD");
        }
    }

    @Test
    void tablesAndChart() {
        Maihda m = maihda("maihda_a", PredictionInterval.WITH_FIXED_EFFECTS);
        ResultTable strata = m.tables().get(0);
        assertEquals("strata", strata.name());
        assertEquals(List.of("rank", "stratum", "seb", "gender", "ethnicity", "age", "n", "events", "rate", "predicted",
                "predicted_lower", "predicted_upper", "main_effects_only", "effect", "effect_sd", "effect_lower",
                "effect_upper", "interaction", "null_effect", "null_effect_sd"),
                strata.columns().stream().map(ResultTable.ColumnSpec::name).toList());
        assertEquals(1L, strata.get(0, "rank"));
        Chart.Forest chart = (Chart.Forest) m.charts().get(0);
        assertFalse(chart.logScale());
        assertEquals(54, chart.rows().size());
        assertEquals(m.events() / m.trials(), chart.nullValue(), 1e-15);
        assertEquals(4000, m.trials(), 0);
        assertEquals(m.strata().get(0).label(), chart.rows().get(0).label());
        assertEquals(m.strata().get(0).predicted(), chart.rows().get(0).estimate(), 0);
        assertTrue(m.notes().get(0).contains("Evans"));
        assertTrue(m.notes().stream().anyMatch(n -> n.contains("Laplace") && n.contains("glmer")));
    }

    /** maihda_a has a stratum with no events: it gets finite, shrunk values and a note. */
    @Test
    void stratumWithNoEvents() {
        Maihda m = maihda("maihda_a", PredictionInterval.WITH_FIXED_EFFECTS);
        Maihda.Stratum none = m.strata().stream().filter(s -> s.events() == 0).findFirst().orElseThrow();
        assertTrue(none.predicted() > 0 && none.lower() > 0 && none.upper() < 1);
        assertTrue(none.predicted() < none.mainEffectsOnly(), "pulled below its main effects' prediction, not to 0");
        close(value(MaihdaReference.glmerTight(RandomInterceptLogitTest.MAIN, "maihda_a", 1), "ranef:" + none.label()),
                none.effect(), "its ranef");
        long count = m.strata().stream().filter(s -> s.events() == 0).count();
        assertTrue(m.notes().stream().anyMatch(n -> n.startsWith(count + " stratum(s) have no events")), m.notes().toString());
        // Published, with the strata under 10 withheld, the count is not said: it could give a withheld stratum's events.
        assertTrue(m.notes(true).stream().anyMatch(n -> n.startsWith("Some strata have no events")));
        assertTrue(m.notes(true).stream().noneMatch(n -> n.contains(count + " stratum(s)")), m.notes(true).toString());
    }

    /**
     * maihda_c: no interaction simulated, and lme4 fits the main model at the boundary, theta 0
     * ("boundary (singular) fit"): sigma2 0, VPC 0, MOR 1, PCV 1, every effect 0, none an
     * interaction stratum, and the fixed effects those of the GLM.
     */
    @Test
    void mainModelAtTheBoundary() {
        Maihda m = maihda("maihda_c", PredictionInterval.WITH_FIXED_EFFECTS);
        String r1 = MaihdaReference.glmerTight(RandomInterceptLogitTest.MAIN, "maihda_c", 1);
        // lme4's default fit lands on the bound exactly; its tight BOBYQA stops at 7e-10
        assertEquals(0, value(MaihdaReference.glmer(RandomInterceptLogitTest.MAIN, "maihda_c", 1), "theta"));
        assertTrue(value(r1, "theta") < 1e-9);
        assertEquals(0, m.mainVariance().sigma2());
        assertEquals(0, m.mainVariance().vpc());
        assertEquals(1, m.mainVariance().mor());
        assertEquals(1, m.pcv());
        assertEquals("yes", m.tables().get(1).get(1, "boundary"));
        assertTrue(m.interactionStrata().isEmpty());
        for (Maihda.Stratum s : m.strata()) {
            assertEquals(0, s.effect());
            assertEquals(0, s.effectSd());
        }
        for (FixedEffect f : m.mainModel().fixedEffects()) {
            close(value(r1, "fixef:" + rName(f.name())), f.estimate(), f.name());
            assertClose(value(r1, "se:" + rName(f.name())), f.se(), 1e-4, 1e-7, "se " + f.name());
        }
        assertTrue(m.notes().stream().anyMatch(n -> n.contains("boundary (singular) fit")));
    }

    /**
     * Strata exactly alike (lme4 refuses a constant response, "Response is constant"): the null
     * variance is 0 at the boundary, the fixed effects those of the GLM, PCV undefined (null) and said so.
     */
    @Test
    void strataExactlyAlike() {
        List<BinomialRow> rows = new ArrayList<>();
        for (String seb : List.of("professional", "intermediate", "working_class")) {
            for (String gender : List.of("man", "woman")) {
                rows.add(new BinomialRow(seb + " / " + gender, List.of(seb, gender), 50, 10));
            }
        }
        Maihda m = Maihda.of(List.of(MaihdaReference.SEB, MaihdaReference.GENDER), rows);
        assertEquals(0, m.nullVariance().sigma2());
        assertEquals(0, m.mainVariance().sigma2());
        assertNull(m.pcv());
        assertEquals(Math.log(0.25), m.nullModel().fixedEffects().get(0).estimate(), 1e-10);
        assertTrue(m.notes().stream().anyMatch(n -> n.contains("PCV is not defined")));
        for (Maihda.Stratum s : m.strata()) {
            assertEquals(0.2, s.predicted(), 1e-10);
        }
    }

    /** R: glmer(cbind(y, n - y) ~ 1 + (1 | stratum), data = alike, family = binomial): theta 0 exactly; fixef, se, logLik with TIGHT control. */
    @Test
    void nearlyAlikeStrataAtTheBoundaryAsLme4() {
        GroupedBinomial data = GroupedBinomial.of(List.of(), MaihdaReference.rows("alike", "stratum", List.of()));
        RandomInterceptLogit fit = RandomInterceptLogit.laplace(data);
        String call = MaihdaReference.glmerTight(RandomInterceptLogitTest.NULL, "alike", 1);
        assertEquals(0, value(MaihdaReference.glmer(RandomInterceptLogitTest.NULL, "alike", 1), "theta"));
        assertTrue(value(call, "theta") < 1e-9);
        assertEquals(0, fit.theta());
        assertTrue(fit.boundary() && fit.singular());
        close(value(call, "fixef:(Intercept)"), fit.fixedEffects().get(0).estimate(), "fixef");
        assertClose(value(call, "se:(Intercept)"), fit.fixedEffects().get(0).se(), 1e-4, 1e-7, "se");
        close(value(call, "loglik"), fit.logLik(), "logLik");
        close(value(call, "aic"), fit.aic(), "AIC");
    }

    @Test
    void oneStratumIsRefused() {
        List<BinomialRow> rows = List.of(new BinomialRow("professional / man", List.of("professional", "man"), 40, 12),
                new BinomialRow("intermediate / woman", List.of("intermediate", "woman"), 0, 0));
        LadderException e = assertThrows(LadderException.class,
                () -> Maihda.of(List.of(MaihdaReference.SEB, MaihdaReference.GENDER), rows));
        assertTrue(e.getMessage().contains("at least two strata"), e.getMessage());
    }

    /** No events at all, or a level with none: infinite log-odds, refused with one line (glmer warns and reports a huge coefficient). */
    @Test
    void infiniteLogOddsAreRefused() {
        LadderException e = assertThrows(LadderException.class, () -> Maihda.of(List.of(MaihdaReference.SEB), List.of(
                new BinomialRow("a", List.of("professional"), 40, 0), new BinomialRow("b", List.of("intermediate"), 30, 0),
                new BinomialRow("c", List.of("working_class"), 30, 0))));
        assertTrue(e.getMessage().contains("no events"), e.getMessage());
        List<BinomialRow> rows = new ArrayList<>();
        rows.add(new BinomialRow("professional / man", List.of("professional", "man"), 40, 10));
        rows.add(new BinomialRow("professional / woman", List.of("professional", "woman"), 40, 8));
        rows.add(new BinomialRow("working_class / man", List.of("working_class", "man"), 40, 0));
        rows.add(new BinomialRow("working_class / woman", List.of("working_class", "woman"), 40, 0));
        rows.add(new BinomialRow("intermediate / man", List.of("intermediate", "man"), 40, 5));
        e = assertThrows(LadderException.class, () -> Maihda.of(List.of(MaihdaReference.SEB, MaihdaReference.GENDER), rows));
        assertTrue(e.getMessage().contains("seb=working_class have no events"), e.getMessage());
    }

    @Test
    void stratumWithMixedLevelsIsRefused() {
        List<BinomialRow> rows = List.of(new BinomialRow("S1", List.of("professional"), 40, 12),
                new BinomialRow("S1", List.of("intermediate"), 30, 12), new BinomialRow("S2", List.of("professional"), 30, 5));
        assertThrows(LadderException.class, () -> Maihda.of(List.of(MaihdaReference.SEB), rows));
    }

    /** A stratum's people given as several rows are summed: the same fit as one row. */
    @Test
    void rowsOfAStratumAreSummed() {
        List<BinomialRow> rows = MaihdaReference.rows("maihda_a", "stratum", DIMENSIONS);
        List<BinomialRow> split = new ArrayList<>();
        for (BinomialRow r : rows) {
            double n1 = Math.floor(r.n() / 2), y1 = Math.min(n1, Math.floor(r.y() / 2));
            split.add(new BinomialRow(r.group(), r.levels(), n1, y1));
            split.add(new BinomialRow(r.group(), r.levels(), r.n() - n1, r.y() - y1));
        }
        Maihda a = Maihda.of(MaihdaReference.MAIN, rows);
        Maihda b = Maihda.of(MaihdaReference.MAIN, split);
        assertEquals(a.mainModel().theta(), b.mainModel().theta(), 1e-12);
        assertEquals(a.strata().get(0).predicted(), b.strata().get(0).predicted(), 1e-12);
        assertEquals(a.mainModel().logLikBernoulli(), b.mainModel().logLikBernoulli(), 1e-9);
    }
}
