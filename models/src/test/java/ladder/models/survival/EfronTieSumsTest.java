package ladder.models.survival;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Efron's closed-form sums against the loop they replace, summed term by term with Neumaier's
 * compensated summation (so the reference is good to about 1e-16), to 1e-12 relative: random
 * (x, d) over every regime and the extremes (everyone at risk promoted, x = d; x = 1e12 with few
 * promoted; a million promoted).
 */
class EfronTieSumsTest {

    private static final double TOLERANCE = 1e-12;

    /** The five sums by the loop over j = 0..d-1 of the definition. */
    private static double[] loop(double x, long d) {
        CompensatedSum log = new CompensatedSum();
        CompensatedSum inv = new CompensatedSum();
        CompensatedSum inv2 = new CompensatedSum();
        CompensatedSum w = new CompensatedSum();
        CompensatedSum w2 = new CompensatedSum();
        for (long j = 0; j < d; j++) {
            double t = x - j;
            log.add(Math.log(t));
            inv.add(1 / t);
            inv2.add(1 / (t * t));
            w.add((d - j) / t);
            w2.add((d - j) / (t * t));
        }
        return new double[] {log.value(), inv.value(), inv2.value(), w.value(), w2.value()};
    }

    private static void check(double x, long d) {
        double[] expected = loop(x, d);
        EfronTieSums s = EfronTieSums.of(x, d);
        double[] actual = {s.logSum(), s.inverse(), s.inverse2(), s.weighted(), s.weighted2()};
        String[] names = {"logSum", "inverse", "inverse2", "weighted", "weighted2"};
        for (int k = 0; k < 5; k++) {
            double e = expected[k];
            double a = actual[k];
            // logSum is 0 at x = d = 1 (log 1); elsewhere every sum is away from 0.
            double error = e == 0 ? Math.abs(a) : Math.abs(a - e) / Math.abs(e);
            int kk = k;
            assertTrue(error <= TOLERANCE, () -> names[kk] + " at x = " + x + ", d = " + d + ": loop " + e
                    + ", closed form " + a + " (relative error " + error + ")");
        }
    }

    @Test
    void everyoneAtRiskPromoted() {
        for (long d : new long[] {1, 2, 5, 16, 17, 18, 31, 32, 100, 1000, 123_457, 1_000_000}) {
            check(d, d);
        }
    }

    @Test
    void hugeRiskSetFewPromoted() {
        for (long d : new long[] {1, 2, 16, 17, 18, 100, 1000}) {
            check(1e12, d);
            check(1e7, d);
            check(1e12 + 0.5, d);
        }
    }

    @Test
    void aMillionPromoted() {
        for (double x : new double[] {1e6, 1e6 + 0.25, 1e6 + 15.5, 1e6 + 16, 1.5e6, 1e7, 1e9, 1e12, 1e15}) {
            check(x, 1_000_000);
        }
    }

    @Test
    void nearTheShiftAndTheDirectLimits() {
        for (long d : new long[] {16, 17, 18, 20, 40}) {
            for (double y : new double[] {-0.999, -0.5, 0, 1e-9, 0.3, 14, 14.999, 15, 15.001, 16, 17, 31.7, 1e3}) {
                check(d + y, d);
            }
        }
    }

    @Test
    void randomAcrossRegimes() {
        Random random = new Random(16);
        List<double[]> cases = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            long d = (long) Math.floor(Math.exp(random.nextDouble() * Math.log(2e5))) + 1;
            double x;
            switch (i % 3) {
                case 0 -> x = d - 1 + random.nextDouble() * 40; // risk set barely larger than the promoted
                case 1 -> x = d * Math.exp(random.nextDouble() * Math.log(1e8)); // x/d up to 1e8
                default -> x = Math.exp(random.nextDouble() * Math.log(1e13)) + d; // any x up to 1e13
            }
            if (x > d - 1) {
                cases.add(new double[] {x, d});
            }
        }
        assertTrue(cases.size() > 350);
        for (double[] c : cases) {
            check(c[0], (long) c[1]);
        }
    }
}
