package ladder.models.pay;

import java.util.Arrays;
import java.util.List;

/**
 * The pay quarters of a pool: the people of each group in each quarter of the pooled hourly pay, by
 * {@link QuarterMethod#CUTPOINTS} (pooled quantiles, ties at a cutpoint to the lower quarter) or
 * {@link QuarterMethod#EQUAL_SIZE} (the GPG regulations' equal-sized ranking, tied values straddling a
 * boundary shared in proportion).
 *
 * @param method how people were assigned
 * @param quantileType the type of the cutpoints (for EQUAL_SIZE, unused)
 * @param groups the group labels, in the order of {@code counts}' columns
 * @param lower the lowest pay in pence in each quarter (NaN for an empty quarter)
 * @param upper the highest pay in each quarter; for CUTPOINTS the cutpoint closing quarters 1 to 3
 * @param counts people (possibly fractional for EQUAL_SIZE) per quarter (rows 0..3) and group (columns)
 */
public record PayQuarters(QuarterMethod method, QuantileType quantileType, List<String> groups, double[] lower,
        double[] upper, double[][] counts) {

    public PayQuarters {
        groups = List.copyOf(groups);
    }

    /** The quarters of the people in {@code histograms} (one per group, pay in pence). */
    public static PayQuarters of(List<String> groups, List<PayHistogram> histograms, QuarterMethod method,
            QuantileType type) {
        if (groups.size() != histograms.size()) {
            throw new IllegalArgumentException(groups.size() + " groups but " + histograms.size() + " histograms");
        }
        PayHistogram pooled = PayHistogram.mergeAll(histograms);
        if (pooled.n() == 0) {
            throw new IllegalArgumentException("pay quarters of nobody");
        }
        double[][] counts = new double[4][groups.size()];
        double[] lower = new double[4];
        double[] upper = new double[4];
        if (method == QuarterMethod.CUTPOINTS) {
            double[] cuts = {pooled.quantile(0.25, type), pooled.quantile(0.5, type), pooled.quantile(0.75, type)};
            for (int g = 0; g < histograms.size(); g++) {
                PayHistogram h = histograms.get(g);
                for (int i = 0; i < h.distinct(); i++) {
                    counts[quarter(h.value(i), cuts)][g] += h.count(i);
                }
            }
            Arrays.fill(lower, Double.NaN);
            for (int i = 0; i < pooled.distinct(); i++) {
                int k = quarter(pooled.value(i), cuts);
                if (Double.isNaN(lower[k])) {
                    lower[k] = pooled.value(i);
                }
                upper[k] = pooled.value(i);
            }
            System.arraycopy(cuts, 0, upper, 0, 3);
        } else {
            long n = pooled.n();
            long[] bounds = new long[5];
            for (int k = 0; k <= 4; k++) {
                bounds[k] = Math.floorDiv(Math.multiplyExact(k, n), 4);
            }
            long[] pooledValues = pooled.values();
            long[] before = new long[pooledValues.length];
            for (int i = 1; i < before.length; i++) {
                before[i] = before[i - 1] + pooled.count(i - 1);
            }
            for (int g = 0; g < histograms.size(); g++) {
                PayHistogram h = histograms.get(g);
                for (int i = 0; i < h.distinct(); i++) {
                    int at = Arrays.binarySearch(pooledValues, h.value(i));
                    long start = before[at];
                    long count = pooled.count(at);
                    for (int k = 0; k < 4; k++) {
                        long overlap = Math.max(0, Math.min(start + count, bounds[k + 1]) - Math.max(start, bounds[k]));
                        if (overlap > 0) {
                            counts[k][g] += (double) (overlap * h.count(i)) / count;
                        }
                    }
                }
            }
            for (int k = 0; k < 4; k++) {
                boolean empty = bounds[k + 1] == bounds[k];
                lower[k] = empty ? Double.NaN : pooled.orderStatistic(bounds[k] + 1);
                upper[k] = empty ? Double.NaN : pooled.orderStatistic(bounds[k + 1]);
            }
        }
        return new PayQuarters(method, type, groups, lower, upper, counts);
    }

    /**
     * The quarter (0..3) of an hourly pay in pence by {@link QuarterMethod#CUTPOINTS}: the first whose cutpoint
     * it does not exceed (a pay equal to a cutpoint is in the lower quarter).
     */
    public int quarterOf(long pence) {
        if (method != QuarterMethod.CUTPOINTS) {
            throw new IllegalStateException("equal-sized quarters share tied pay between quarters; no pay has one quarter");
        }
        return quarter(pence, upper);
    }

    private static int quarter(double pence, double[] cuts) {
        int k = 0;
        while (k < 3 && pence > cuts[k]) {
            k++;
        }
        return k;
    }

    /** People in quarter k (0..3). */
    public double size(int k) {
        return Arrays.stream(counts[k]).sum();
    }

    /** People of group g over all quarters. */
    public double groupSize(int g) {
        double total = 0;
        for (double[] row : counts) {
            total += row[g];
        }
        return total;
    }
}
