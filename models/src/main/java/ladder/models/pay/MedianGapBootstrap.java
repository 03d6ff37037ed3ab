package ladder.models.pay;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import ladder.models.proportion.ConfidenceInterval;

/**
 * A cluster (employer) bootstrap of median pay gaps: each replicate draws as many employers as there
 * are, with replacement, pools the drawn employers' histograms of each group (an employer drawn twice
 * counts twice), and recomputes each group's median gap 100(med<sub>ref</sub> - med<sub>g</sub>)/med<sub>ref</sub>
 * (medians as R's {@code median}). The interval is the percentile interval: R's
 * {@code quantile(gaps, c((1 - level)/2, (1 + level)/2), type = 7)} of the replicates' gaps (Efron and
 * Tibshirani 1993, ch. 13; resampling clusters: Davison and Hinkley 1997, section 3.8).
 *
 * <p>Reproducibility: replicate r draws from {@code new SplittableRandom(s_r)} where s<sub>0</sub>, s<sub>1</sub>, ...
 * are the successive {@code nextLong()} of {@code new SplittableRandom(seed)}, and employer indices are
 * {@code nextInt(G)}. The replicates run in parallel but each depends only on its own seed, so the numbers are
 * the same to the last digit for any thread count. A replicate in which a group or the reference has nobody,
 * or the reference median is 0, has no gap and is left out; {@link Replicates#used} counts those kept.
 */
public final class MedianGapBootstrap {

    private MedianGapBootstrap() {
    }

    /**
     * The replicates' gaps.
     *
     * @param gaps one array per comparison group, in the order of the employers' histograms after the
     *     reference; NaN for a replicate without a gap
     */
    public record Replicates(double[][] gaps, int replicates, long seed, int employers) {
        /** Replicates with a gap for comparison group g. */
        public int used(int g) {
            return (int) Arrays.stream(gaps[g]).filter(x -> !Double.isNaN(x)).count();
        }

        /** The percentile interval of comparison group g's gap; undefined when no replicate has one. */
        public ConfidenceInterval interval(int g, double level) {
            double[] kept = Arrays.stream(gaps[g]).filter(x -> !Double.isNaN(x)).sorted().toArray();
            if (kept.length == 0) {
                return ConfidenceInterval.undefined(level);
            }
            return new ConfidenceInterval(QuantileType.TYPE_7.quantile(kept, (1 - level) / 2),
                    QuantileType.TYPE_7.quantile(kept, (1 + level) / 2), level);
        }
    }

    /**
     * Bootstraps the median gaps.
     *
     * @param employers per employer, its histograms of the reference group first, then each comparison group
     *     (empty histograms where it has nobody of a group); every employer lists the same number of groups
     * @param replicates B, at least 1
     * @param seed the master seed
     * @param threads worker threads, at least 1 (the result does not depend on it)
     */
    public static Replicates of(List<List<PayHistogram>> employers, int replicates, long seed, int threads) {
        if (employers.isEmpty()) {
            throw new IllegalArgumentException("bootstrap over no employers");
        }
        if (replicates < 1 || threads < 1) {
            throw new IllegalArgumentException("need replicates >= 1 and threads >= 1, got " + replicates + ", " + threads);
        }
        int groups = employers.get(0).size();
        if (groups < 2 || employers.stream().anyMatch(e -> e.size() != groups)) {
            throw new IllegalArgumentException("every employer needs the reference and the same comparison groups");
        }
        int clusters = employers.size();
        // Per group, the pooled distinct values, and for each employer the positions of its values among
        // them (ascending) and its cumulative counts at each.
        long[][] values = new long[groups][];
        int[][][] positions = new int[groups][clusters][];
        long[][][] cumulative = new long[groups][clusters][];
        for (int g = 0; g < groups; g++) {
            int group = g;
            values[g] = PayHistogram.mergeAll(employers.stream().map(e -> e.get(group)).toList()).values();
            for (int e = 0; e < clusters; e++) {
                PayHistogram h = employers.get(e).get(g);
                positions[g][e] = new int[h.distinct()];
                cumulative[g][e] = new long[h.distinct()];
                long running = 0;
                for (int i = 0; i < h.distinct(); i++) {
                    positions[g][e][i] = Arrays.binarySearch(values[g], h.value(i));
                    running += h.count(i);
                    cumulative[g][e][i] = running;
                }
            }
        }
        SplittableRandom master = new SplittableRandom(seed);
        long[] seeds = new long[replicates];
        for (int r = 0; r < replicates; r++) {
            seeds[r] = master.nextLong();
        }
        double[][] gaps = new double[groups - 1][replicates];
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(() -> IntStream.range(0, replicates).parallel().forEach(r -> {
                SplittableRandom random = new SplittableRandom(seeds[r]);
                int[] times = new int[clusters];
                for (int i = 0; i < clusters; i++) {
                    times[random.nextInt(clusters)]++;
                }
                double reference = median(values[0], positions[0], cumulative[0], times);
                for (int g = 1; g < groups; g++) {
                    double median = median(values[g], positions[g], cumulative[g], times);
                    gaps[g - 1][r] = Double.isNaN(reference) || Double.isNaN(median) || reference == 0 ? Double.NaN
                            : 100 * (reference - median) / reference;
                }
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("bootstrap interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("bootstrap failed", e.getCause());
        } finally {
            pool.shutdown();
        }
        return new Replicates(gaps, replicates, seed, clusters);
    }

    /**
     * The median of the drawn employers' pooled counts, employer e counted {@code times[e]} times;
     * NaN when they hold nobody. The j-th smallest pooled value is the first value at which the
     * pooled cumulative count, the sum over employers of times[e] times e's cumulative count there,
     * reaches j: found by bisecting the pooled values, each step summing the drawn employers'
     * cumulative counts (a binary search in each), so a replicate costs about log2(values) x drawn
     * employers x log2(an employer's values) steps rather than a pass over every drawn employer's
     * whole histogram (at 1,000 employers, some 20 times fewer).
     */
    private static double median(long[] values, int[][] positions, long[][] cumulative, int[] times) {
        long n = 0;
        for (int e = 0; e < times.length; e++) {
            if (times[e] > 0 && cumulative[e].length > 0) {
                n += times[e] * cumulative[e][cumulative[e].length - 1];
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        return QuantileType.TYPE_7.quantile(n, 0.5, j -> {
            int lo = 0, hi = values.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (pooledAtOrBelow(mid, positions, cumulative, times) >= j) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return values[lo];
        });
    }

    /** The pooled count of the drawn employers at or below pooled value {@code at}. */
    private static long pooledAtOrBelow(int at, int[][] positions, long[][] cumulative, int[] times) {
        long sum = 0;
        for (int e = 0; e < times.length; e++) {
            if (times[e] == 0) {
                continue;
            }
            int found = Arrays.binarySearch(positions[e], at);
            int below = found >= 0 ? found : -found - 2;
            if (below >= 0) {
                sum += times[e] * cumulative[e][below];
            }
        }
        return sum;
    }
}
