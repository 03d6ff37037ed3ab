package ladder.models.pay;

import java.util.SplittableRandom;

/**
 * A person-level bootstrap of one employer's median pay gap 100(med<sub>ref</sub> - med<sub>g</sub>)/med<sub>ref</sub>
 * (medians as R's {@code median}, type 7): each replicate resamples each group's people with replacement, n of
 * that group (a multinomial draw over its exact {@link PayHistogram}), the two groups independently; the
 * interval is the percentile interval of the replicates' gaps, R's
 * {@code quantile(gaps, c((1 - level)/2, (1 + level)/2), type = 7)} (Efron and Tibshirani 1993, ch. 13). One
 * employer has no clusters to resample, which is why its interval is this one and the pool's the cluster
 * bootstrap of {@link MedianGapBootstrap}.
 *
 * <p>The resample's median is drawn without drawing its n people: the bootstrap sample is
 * F<sub>n</sub><sup>-1</sup>(U<sub>1</sub>), ..., F<sub>n</sub><sup>-1</sup>(U<sub>n</sub>) for uniform U<sub>i</sub>,
 * and F<sub>n</sub><sup>-1</sup> is non-decreasing, so its k-th smallest value is F<sub>n</sub><sup>-1</sup>(U<sub>(k)</sub>),
 * the original order statistic ceil(n U<sub>(k)</sub>); U<sub>(k)</sub> ~ Beta(k, n - k + 1), and given it,
 * U<sub>(k+1)</sub> = U<sub>(k)</sub> + (1 - U<sub>(k)</sub>)(1 - V<sup>1/(n-k)</sup>) with V uniform (the least of
 * n - k uniforms on the rest of the interval; David and Nagaraja 2003, ch. 2). A replicate costs the same for
 * 10 people as for a million, and is distributed exactly as the median of n draws.
 *
 * <p>Reproducibility: as {@link MedianGapBootstrap}, replicate r draws from {@code new SplittableRandom(s_r)}, s_r
 * the successive {@code nextLong()} of {@code new SplittableRandom(seed)}: the reference group's median first,
 * then the other's. Beta(a, b) is G<sub>a</sub> / (G<sub>a</sub> + G<sub>b</sub>) of gamma variates (Marsaglia
 * and Tsang 2000, shapes at least 1 here). A replicate whose reference median is 0 has no gap and is left out.
 */
public final class PersonMedianGapBootstrap {

    private PersonMedianGapBootstrap() {
    }

    /**
     * The replicates of the gap of {@code group} against {@code reference}.
     *
     * @param reference the reference group's pay (at least one person)
     * @param group the compared group's pay (at least one person)
     * @param replicates B, at least 1
     * @param seed the master seed
     */
    public static MedianGapBootstrap.Replicates of(PayHistogram reference, PayHistogram group, int replicates,
            long seed) {
        if (reference.n() == 0 || group.n() == 0) {
            throw new IllegalArgumentException("a person bootstrap needs people in both groups");
        }
        if (replicates < 1) {
            throw new IllegalArgumentException("need replicates >= 1, got " + replicates);
        }
        SplittableRandom master = new SplittableRandom(seed);
        double[] gaps = new double[replicates];
        for (int r = 0; r < replicates; r++) {
            SplittableRandom random = new SplittableRandom(master.nextLong());
            double ref = resampledMedian(reference, random);
            double median = resampledMedian(group, random);
            gaps[r] = ref == 0 ? Double.NaN : 100 * (ref - median) / ref;
        }
        return new MedianGapBootstrap.Replicates(new double[][] {gaps}, replicates, seed, 1);
    }

    /** The median (R's type 7) of n people drawn with replacement from {@code h}. */
    static double resampledMedian(PayHistogram h, SplittableRandom random) {
        long n = h.n();
        if (n % 2 == 1) {
            long k = (n + 1) / 2;
            return h.orderStatistic(person(n, beta(k, n - k + 1, random)));
        }
        long k = n / 2;
        double u = beta(k, n - k + 1, random);
        // The least of the n - k uniforms above U_(k), as a fraction of (U_(k), 1): 1 - V^(1/(n-k)).
        double next = u + (1 - u) * -Math.expm1(Math.log(1 - random.nextDouble()) / (n - k));
        return (h.orderStatistic(person(n, u)) + (double) h.orderStatistic(person(n, next))) / 2;
    }

    /** F_n^-1(u) as the 1-based order statistic of the original people: ceil(n u), within 1..n. */
    private static long person(long n, double u) {
        return Math.max(1, Math.min(n, (long) Math.ceil(n * u)));
    }

    /** A Beta(a, b) variate, a and b at least 1. */
    private static double beta(double a, double b, SplittableRandom random) {
        double x = gamma(a, random);
        return x / (x + gamma(b, random));
    }

    /** A Gamma(shape, 1) variate for shape at least 1 (Marsaglia and Tsang 2000). */
    private static double gamma(double shape, SplittableRandom random) {
        double d = shape - 1.0 / 3, c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = 1 - random.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }
}
