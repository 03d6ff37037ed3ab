package ladder.models.pay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import ladder.models.proportion.ConfidenceInterval;
import org.junit.jupiter.api.Test;

/**
 * The person-level bootstrap of one employer's median gap against a plain R bootstrap that resamples people
 * (models/src/test/r/person_bootstrap_reference.R, R 4.2.2 Patched (2022-11-10 r83330), set.seed(18), 200000
 * replicates), on the table that script commits: 37 professionals, 50 working class. Random draws cannot match,
 * so the checks are the point estimate exactly, the interval's ends within binomial bands of the reference
 * quantiles (the script's header derives them), the replicates' mean and sd, and invariants.
 */
class PersonMedianGapBootstrapTest {
    private static final PayReference REF = PayReference.of("person_bootstrap_reference.csv");
    private static final String QUANTILES = "quantile(gaps of 200000 person resamples, p, type = 7)";

    private static PayHistogram table(String group) {
        Map<String, String> cells = REF.calls().get("table(" + group + ")");
        long[] values = cells.keySet().stream().mapToLong(Long::parseLong).toArray();
        long[] counts = cells.values().stream().mapToLong(v -> (long) Double.parseDouble(v)).toArray();
        return PayHistogram.of(values, counts);
    }

    private static final PayHistogram P = table("professional"), W = table("working");

    @Test
    void thePointEstimateIsRsMedianGapExactly() {
        // R: median(professional), median(working), 100 * (median(P) - median(W)) / median(P) (type 7)
        assertEquals(REF.value("median(professional)", "value"), P.median(), 0);
        assertEquals(REF.value("median(working)", "value"), W.median(), 0);
        assertEquals(REF.value("100 * (median(professional) - median(working)) / median(professional)", "value"),
                MeanGap.percent(P.median(), W.median()), 1e-12);
    }

    @Test
    void theIntervalsEndsLieWithinTheBinomialBandsOfTheReferenceQuantiles() {
        for (int b : new int[] {999, 20000}) {
            ConfidenceInterval ci = PersonMedianGapBootstrap.of(P, W, b, 1).interval(0, 0.95);
            // R: quantile(gaps, p -/+ 4 sqrt(p (1 - p) / b), type = 7) of the 200000 reference replicates
            within(ci.lower(), "p0.025:b" + b);
            within(ci.upper(), "p0.975:b" + b);
        }
    }

    private static void within(double end, String band) {
        double low = REF.value(QUANTILES, band + ":low"), high = REF.value(QUANTILES, band + ":high");
        assertTrue(low <= end && end <= high, band + ": " + end + " not in [" + low + ", " + high + "]");
    }

    @Test
    void theReplicatesAreDistributedAsThoseOfResamplingPeople() {
        double[] gaps = PersonMedianGapBootstrap.of(P, W, 200_000, 7).gaps()[0];
        double mean = Arrays.stream(gaps).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(gaps).map(g -> (g - mean) * (g - mean)).sum() / (gaps.length - 1));
        // R: mean(gaps), sd(gaps) of 200000 replicates. Each mean has Monte Carlo error sd / sqrt(200000) = 0.016,
        // their difference 0.022: 4 sigma is 0.09. Each sd's error is about sd / sqrt(2 * 200000) = 0.011
        // (more with heavy tails): 0.1 allows 6 sigma of the difference.
        assertEquals(REF.value("mean(gaps of 200000 person resamples)", "value"), mean, 0.09);
        assertEquals(REF.value("sd(gaps of 200000 person resamples)", "value"), sd, 0.1);
    }

    @Test
    void theIntervalHoldsTheEstimateAndTheSameSeedGivesTheSameInterval() {
        ConfidenceInterval a = PersonMedianGapBootstrap.of(P, W, 999, 1).interval(0, 0.95);
        ConfidenceInterval b = PersonMedianGapBootstrap.of(P, W, 999, 1).interval(0, 0.95);
        double estimate = MeanGap.percent(P.median(), W.median());
        assertTrue(a.lower() < estimate && estimate < a.upper(), a.toString());
        assertEquals(a.lower(), b.lower(), 0);
        assertEquals(a.upper(), b.upper(), 0);
        assertTrue(PersonMedianGapBootstrap.of(P, W, 999, 2).interval(0, 0.95).lower() != a.lower());
    }

    @Test
    void groupsOfOneValueGiveADegenerateInterval() {
        // Everyone resampled has the one value: every replicate's gap is 100 (2000 - 1500) / 2000 = 25.
        ConfidenceInterval ci = PersonMedianGapBootstrap.of(PayHistogram.of(new long[] {2000}, new long[] {7}),
                PayHistogram.of(new long[] {1500}, new long[] {1}), 999, 1).interval(0, 0.95);
        assertEquals(25, ci.lower(), 0);
        assertEquals(25, ci.upper(), 0);
    }

    @Test
    void aResampledMedianIsOneOfTheValuesOrAMidpointOfTwo() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        PayHistogram two = PayHistogram.ofValues(100, 300);
        for (int r = 0; r < 1000; r++) {
            double m = PersonMedianGapBootstrap.resampledMedian(two, random);
            // n = 2: the resample is {100, 100}, {100, 300} or {300, 300}: median 100, 200 or 300 (1/4, 1/2, 1/4).
            assertTrue(m == 100 || m == 200 || m == 300, "median " + m);
        }
    }
}
