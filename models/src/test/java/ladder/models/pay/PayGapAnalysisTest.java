package ladder.models.pay;

import static ladder.models.pay.PayReference.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import ladder.engine.LadderException;
import ladder.models.proportion.ConfidenceInterval;
import ladder.models.proportion.WilsonInterval;
import ladder.models.result.ResultTable;
import org.junit.jupiter.api.Test;

class PayGapAnalysisTest {

    private static final List<String> GROUPS = List.of("intermediate", "working_class");
    private static final PayGapOptions OPTIONS = PayGapOptions.defaults("professional", GROUPS).withBootstrap(199, 1, 1);

    private static PayGapAnalysis.Gap gap(PayGapAnalysis a, String measure, String group) {
        return a.gaps().stream().filter(g -> g.measure().equals(measure) && g.group().equals(group)).findFirst().orElseThrow();
    }

    /**
     * pay_reference.R: "mean gap pay_pence g" is 100 * (mean(ref) - mean(x)) / mean(ref) with the delta-method
     * interval r +- qnorm(0.975) r sqrt(va/a^2 + vb/b^2) and Fieller's roots of (b^2 - z^2 vb) R^2 - 2ab R + a^2 - z^2 va
     * (va = var(x)/length(x)); "median gap" is 100 * (median(ref) - median(x)) / median(ref); the bonus ones over
     * bonus_pence > 0. Agreement to 1e-9.
     */
    @Test
    void gapsAndMeanGapIntervalsMatchR() {
        PayGapAnalysis delta = PayGapAnalysis.of(PayReference.employerPay(), OPTIONS);
        PayGapAnalysis fieller = PayGapAnalysis.of(PayReference.employerPay(), OPTIONS.withMeanGapMethod(MeanGapMethod.FIELLER));
        for (String g : GROUPS) {
            for (String measure : List.of("pay_pence", "bonus_pence")) {
                String m = measure.equals("pay_pence") ? "hourly" : "bonus";
                String call = "mean gap " + measure + " " + g;
                PayGapAnalysis.Gap mean = gap(delta, "mean_" + m, g);
                assertClose(PayReference.R.value(call, "gap"), mean.percent(), 1e-9, call);
                assertClose(PayReference.R.value(call, "delta_lower"), mean.interval().lower(), 1e-9, call + " delta lower");
                assertClose(PayReference.R.value(call, "delta_upper"), mean.interval().upper(), 1e-9, call + " delta upper");
                ConfidenceInterval f = gap(fieller, "mean_" + m, g).interval();
                assertClose(PayReference.R.value(call, "fieller_lower"), f.lower(), 1e-9, call + " Fieller lower");
                assertClose(PayReference.R.value(call, "fieller_upper"), f.upper(), 1e-9, call + " Fieller upper");
                assertClose(PayReference.R.value("median gap " + measure + " " + g, "gap"),
                        gap(delta, "median_" + m, g).percent(), 1e-9, "median gap " + measure + " " + g);
            }
        }
    }

    /** pay_reference.R: {@code mean(bonus_pence[seb == g] > 0)}; the interval is WilsonInterval's (tested against prop.test). */
    @Test
    void bonusSharesMatchR() {
        ResultTable groups = PayGapAnalysis.of(PayReference.employerPay(), OPTIONS).tables().get(0);
        for (int row = 0; row < 3; row++) {
            String g = (String) groups.get(row, "group");
            assertClose(PayReference.R.value("mean(bonus_pence[seb == \"" + g + "\"] > 0)", "share"),
                    (Double) groups.get(row, "bonus_share"), 1e-12, g);
            ConfidenceInterval w = WilsonInterval.of((Long) groups.get(row, "bonus_paid"), (Long) groups.get(row, "n"));
            assertEquals(w.lower(), (Double) groups.get(row, "bonus_share_lower"));
            assertClose(PayReference.R.value("pay_pence[seb == \"" + g + "\"]", "median"),
                    (Double) groups.get(row, "median_hourly"), 1e-12, g + " median");
        }
    }

    /**
     * pay_reference.R "quarters type k": cuts = quantile(pay_pence, c(.25, .5, .75), type = k) and
     * sum(quarter == q & seb == g) with quarter = 1 + (pay > cut1) + (pay > cut2) + (pay > cut3); "quarters
     * equal_size": the proportional sharing of tied values over ranks floor((k-1)n/4)+1 .. floor(kn/4), looped
     * in R. Counts exactly (cutpoints) or to 1e-9 (equal size).
     */
    @Test
    void quartersMatchR() {
        List<PayHistogram> hourly = PayGapAnalysis.of(PayReference.employerPay(), OPTIONS).hourly();
        List<String> labels = List.of("professional", "intermediate", "working_class");
        for (int type : new int[] {7, 3}) {
            PayQuarters q = PayQuarters.of(labels, hourly, QuarterMethod.CUTPOINTS, QuantileType.of(type));
            String call = "quarters type " + type;
            for (int k = 0; k < 3; k++) {
                assertEquals(PayReference.R.value(call, "cut" + (k + 1)), q.upper()[k], call);
            }
            for (int k = 0; k < 4; k++) {
                for (int g = 0; g < 3; g++) {
                    assertEquals(PayReference.R.value(call, "q" + (k + 1) + ":" + labels.get(g)), q.counts()[k][g], call);
                }
            }
        }
        PayQuarters equal = PayQuarters.of(labels, hourly, QuarterMethod.EQUAL_SIZE, QuantileType.TYPE_7);
        for (int k = 0; k < 4; k++) {
            assertEquals(750, equal.size(k), 1e-9, "equal-sized quarters of 3000");
            for (int g = 0; g < 3; g++) {
                assertClose(PayReference.R.value("quarters equal_size", "q" + (k + 1) + ":" + labels.get(g)),
                        equal.counts()[k][g], 1e-9, "equal size Q" + (k + 1) + " " + labels.get(g));
            }
        }
    }

    @Test
    void bootstrapIsTheSameOnAnyThreadCountAndChangesWithTheSeed() {
        List<EmployerPay> pay = PayReference.employerPay();
        PayGapAnalysis one = PayGapAnalysis.of(pay, OPTIONS.withBootstrap(199, 1, 1));
        PayGapAnalysis two = PayGapAnalysis.of(pay, OPTIONS.withBootstrap(199, 1, 2));
        PayGapAnalysis other = PayGapAnalysis.of(pay, OPTIONS.withBootstrap(199, 2, 2));
        for (String g : GROUPS) {
            ConfidenceInterval a = gap(one, "median_hourly", g).interval();
            ConfidenceInterval b = gap(two, "median_hourly", g).interval();
            assertEquals(a, b, "1 and 2 threads, seed 1");
            assertFalse(a.equals(gap(other, "median_hourly", g).interval()), "seed 2 differs");
            double point = gap(one, "median_hourly", g).percent();
            assertTrue(a.lower() <= point + 5 && a.upper() >= point - 5, "interval near the estimate");
        }
    }

    /** One replicate by hand: its seed is the first nextLong of SplittableRandom(seed), 40 draws of nextInt(40). */
    @Test
    void aReplicateIsThePooledMedianGapOfTheDrawnEmployers() {
        List<PayHistogram> a = List.of(PayHistogram.ofValues(100, 200), PayHistogram.ofValues(150));
        List<PayHistogram> b = List.of(PayHistogram.ofValues(300, 300, 400), PayHistogram.ofValues(250, 260));
        List<PayHistogram> c = List.of(PayHistogram.empty(), PayHistogram.ofValues(90));
        List<List<PayHistogram>> employers = List.of(a, b, c);
        MedianGapBootstrap.Replicates r = MedianGapBootstrap.of(employers, 1, 7, 1);
        java.util.SplittableRandom random = new java.util.SplittableRandom(new java.util.SplittableRandom(7).nextLong());
        PayHistogram ref = PayHistogram.empty();
        PayHistogram group = PayHistogram.empty();
        for (int i = 0; i < 3; i++) {
            List<PayHistogram> e = employers.get(random.nextInt(3));
            ref = ref.merge(e.get(0));
            group = group.merge(e.get(1));
        }
        double expected = ref.n() == 0 ? Double.NaN : 100 * (ref.median() - group.median()) / ref.median();
        assertEquals(expected, r.gaps()[0][0]);
    }

    @Test
    void sentenceNamesTheMethodAndNotesSayHowGapsAreDefined() {
        PayGapAnalysis a = PayGapAnalysis.of(PayReference.employerPay(), OPTIONS);
        PayGapAnalysis.Gap wc = gap(a, "median_hourly", "working_class");
        String expected = String.format(java.util.Locale.ROOT, "Staff from working-class backgrounds were paid a median %.1f%% less"
                + " per hour than those from professional backgrounds (95%% CI %.1f%% to %.1f%%, cluster bootstrap over 40"
                + " employers, 199 replicates, seed 1).", wc.percent(), wc.interval().lower(), wc.interval().upper());
        assertTrue(a.notes().contains(expected), () -> a.notes().toString());
        assertEquals(40, a.employers());
    }

    @Test
    void publishableTablesWithholdSmallGroups() {
        List<EmployerPay> pay = new java.util.ArrayList<>(PayReference.employerPay());
        pay.add(new EmployerPay("E99", "tiny", PayHistogram.ofValues(1000, 2000), PayHistogram.ofValues(0, 0)));
        PayGapOptions options = new PayGapOptions("professional", List.of("working_class", "tiny"), QuarterMethod.CUTPOINTS,
                QuantileType.TYPE_7, MeanGapMethod.DELTA, 0.95, 99, 1, 1, true);
        PayGapAnalysis a = PayGapAnalysis.of(pay, options);
        ResultTable groups = a.tables().get(0);
        assertNull(groups.get(2, "n"));
        assertNull(groups.get(2, "mean_hourly"));
        assertNull(groups.get(2, "median_hourly"));
        ResultTable gaps = a.tables().get(1);
        for (int row = 0; row < gaps.rows().size(); row++) {
            if (gaps.get(row, "group").equals("tiny")) {
                assertNull(gaps.get(row, "gap_percent"));
            }
        }
        assertThrows(LadderException.class, () -> PayGapAnalysis.of(pay, PayGapOptions.defaults("nobody", GROUPS)));
    }

    @Test
    void theBonusShareIsOverThoseWhoseBonusIsRecordedWhichMayBeFewer() {
        PayHistogram hourly = PayHistogram.ofValues(1000, 1100, 1200, 1300);
        List<EmployerPay> pay = List.of(
                new EmployerPay("E1", "professional", hourly, PayHistogram.ofValues(0, 500, 700)),
                new EmployerPay("E1", "intermediate", hourly, PayHistogram.ofValues(0, 0)),
                new EmployerPay("E1", "working_class", hourly, PayHistogram.ofValues(900)));
        ResultTable groups = PayGapAnalysis.of(pay, OPTIONS).tables().get(0);
        assertEquals(4L, groups.get(0, "n"));
        assertEquals(3L, groups.get(0, "bonus_n"));
        assertEquals(2.0 / 3, (Double) groups.get(0, "bonus_share"), 1e-15);
        assertEquals(0.0, groups.get(1, "bonus_share"));
        assertNull(groups.get(1, "mean_bonus"), "nobody in intermediate is paid a bonus");
        assertEquals(1075.0, groups.get(0, "lower_quartile_hourly"), "R: quantile(c(1000, 1100, 1200, 1300), 0.25)");
    }

    @Test
    void publishableQuartersWithholdTheLowestAndHighestPayHeldByFewerThanThree() {
        long[] values = new long[30];
        for (int i = 0; i < values.length; i++) {
            values[i] = i < 27 ? 1000 + 100 * (i / 9) : 5000 + i;
        }
        PayHistogram h = PayHistogram.ofValues(values);
        List<EmployerPay> pay = List.of(new EmployerPay("E1", "professional", h, null),
                new EmployerPay("E1", "working_class", h, null));
        PayGapOptions options = PayGapOptions.defaults("professional", List.of("working_class")).withBootstrap(9, 1, 1);
        ResultTable open = PayGapAnalysis.of(pay, options).tables().get(2);
        ResultTable published = PayGapAnalysis.of(pay, options.publishable(true)).tables().get(2);
        int q4 = open.rows().size() - 1;
        assertEquals(5029.0, open.get(q4, "upper"), "the highest pay, one person's");
        assertNull(published.get(q4, "upper"));
        assertEquals(1000.0, published.get(0, "lower"), "the lowest pay is held by 18 people (9 in each group)");
    }

    @Test
    void fiellerIsUnboundedWhenTheReferenceMeanIsIndistinguishableFromZero() {
        PayHistogram ref = PayHistogram.ofValues(1, 1000);
        PayHistogram g = PayHistogram.ofValues(400, 600);
        ConfidenceInterval f = MeanGap.interval(ref, g, MeanGapMethod.FIELLER, 0.95);
        assertEquals(Double.NEGATIVE_INFINITY, f.lower());
        assertEquals(Double.POSITIVE_INFINITY, f.upper());
        assertFalse(MeanGap.interval(PayHistogram.ofValues(5), g, MeanGapMethod.DELTA, 0.95).isDefined());
        assertNull(MeanGap.percent(0, 10));
    }

    @Test
    void disclosureRules() {
        PayHistogram tenShared = PayHistogram.of(new long[] {1000, 1200, 1500}, new long[] {3, 4, 3});
        assertTrue(PayDisclosure.magnitude(tenShared).isEmpty());
        assertTrue(PayDisclosure.quantile(tenShared, 0.5, QuantileType.TYPE_7).isEmpty());
        assertTrue(PayDisclosure.magnitude(PayHistogram.of(new long[] {1000}, new long[] {9})).isPresent(), "n < 10");
        // two top earners of 100,000p among eight of 1,000p: 200,000 / 208,000 > 90%
        PayHistogram dominated = PayHistogram.of(new long[] {1000, 100_000}, new long[] {8, 2});
        assertTrue(PayDisclosure.magnitude(dominated).isPresent(), "dominance");
        // the median of 11 people is the 6th value: held by one person here
        PayHistogram single = PayHistogram.of(new long[] {1000, 1100, 1200}, new long[] {5, 1, 5});
        assertTrue(PayDisclosure.quantile(single, 0.5, QuantileType.TYPE_7).isPresent(), "median held by one");
        // interpolation between 1000 (5 people) and 1200 (5 people): both shared, published
        PayHistogram even = PayHistogram.of(new long[] {1000, 1200}, new long[] {5, 5});
        assertTrue(PayDisclosure.quantile(even, 0.5, QuantileType.TYPE_7).isEmpty());
        assertTrue(PayDisclosure.quantile(even, 1, QuantileType.TYPE_7).isEmpty());
        PayHistogram topAlone = PayHistogram.of(new long[] {1000, 5000}, new long[] {10, 1});
        assertTrue(PayDisclosure.quantile(topAlone, 1, QuantileType.TYPE_7).isPresent(), "the maximum is one person's pay");
        assertArrayEquals(new long[] {1000, 5000}, topAlone.values());
    }
}
