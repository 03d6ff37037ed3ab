package ladder.models.intersect;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Adjustment of p-values for multiple comparisons, exactly as R's {@code p.adjust(p, method)}
 * (R 4.2.2, stats package), whose code this follows step by step. NaN entries are R's NA: they
 * stay NaN and do not count in the number of tests.
 */
public enum PAdjust {
    /** Benjamini and Hochberg (1995), JRSS B 57, 289-300: false discovery rate. R's "BH". The default. */
    BH,
    /** Benjamini and Yekutieli (2001), Annals of Statistics 29, 1165-1188: FDR under any dependence. R's "BY". */
    BY,
    /** Holm (1979), Scandinavian Journal of Statistics 6, 65-70: family-wise error, step-down. */
    HOLM,
    /** Hochberg (1988), Biometrika 75, 800-802: family-wise error, step-up (needs independence or positive dependence). */
    HOCHBERG,
    /** Hommel (1988), Biometrika 75, 383-386: family-wise error, more powerful than Hochberg. */
    HOMMEL,
    /** Bonferroni: n p, capped at 1. */
    BONFERRONI,
    /** No adjustment. */
    NONE;

    /** R's name of the method. */
    public String rName() {
        return switch (this) {
            case BH, BY -> name();
            default -> name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** The adjusted p-values, in the order of {@code p}. */
    public double[] adjust(double[] p) {
        int[] present = IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).toArray();
        double[] q = Arrays.stream(present).mapToDouble(i -> p[i]).toArray();
        double[] adjusted = q.length <= 1 ? q.clone() : adjustPresent(q);
        double[] out = new double[p.length];
        Arrays.fill(out, Double.NaN);
        for (int k = 0; k < present.length; k++) {
            out[present[k]] = adjusted[k];
        }
        return out;
    }

    private double[] adjustPresent(double[] p) {
        int n = p.length;
        double[] out = new double[n];
        switch (this) {
            case NONE -> System.arraycopy(p, 0, out, 0, n);
            case BONFERRONI -> {
                for (int i = 0; i < n; i++) {
                    out[i] = Math.min(1, n * p[i]);
                }
            }
            case HOLM -> {
                // pmin(1, cummax((n - i + 1) * p[o]))[ro], o = order(p)
                int[] o = order(p, false);
                double running = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    running = Math.max(running, (n - i) * p[o[i]]);
                    out[o[i]] = Math.min(1, running);
                }
            }
            case HOCHBERG, BH, BY -> {
                // pmin(1, cummin(f(i) * p[o]))[ro], o = order(p, decreasing = TRUE), i = n:1
                int[] o = order(p, true);
                double q = 0;
                for (int i = 1; i <= n; i++) {
                    q += 1.0 / i;
                }
                double running = Double.POSITIVE_INFINITY;
                for (int k = 0; k < n; k++) {
                    int i = n - k;
                    double factor = switch (this) {
                        case HOCHBERG -> n + 1 - i;
                        case BH -> (double) n / i;
                        default -> q * n / i;
                    };
                    running = Math.min(running, factor * p[o[k]]);
                    out[o[k]] = Math.min(1, running);
                }
            }
            case HOMMEL -> {
                int[] o = order(p, false);
                double[] s = new double[n];
                for (int i = 0; i < n; i++) {
                    s[i] = p[o[i]];
                }
                double min = Double.POSITIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    min = Math.min(min, n * s[i] / (i + 1));
                }
                double[] q = new double[n];
                double[] pa = new double[n];
                Arrays.fill(q, min);
                Arrays.fill(pa, min);
                for (int m = n - 1; m >= 2; m--) {
                    // i1 = 1..(n - m + 1), i2 = (n - m + 2)..n (R's 1-based ranks)
                    double q1 = Double.POSITIVE_INFINITY;
                    for (int r = n - m + 2, d = 2; r <= n; r++, d++) {
                        q1 = Math.min(q1, m * s[r - 1] / d);
                    }
                    for (int r = 1; r <= n - m + 1; r++) {
                        q[r - 1] = Math.min(m * s[r - 1], q1);
                    }
                    for (int r = n - m + 2; r <= n; r++) {
                        q[r - 1] = q[n - m];
                    }
                    for (int r = 0; r < n; r++) {
                        pa[r] = Math.max(pa[r], q[r]);
                    }
                }
                for (int i = 0; i < n; i++) {
                    out[o[i]] = Math.max(pa[i], s[i]);
                }
            }
        }
        return out;
    }

    /** R's order(p) or order(p, decreasing = TRUE): a stable sort of the indices. */
    private static int[] order(double[] p, boolean decreasing) {
        Comparator<Integer> byValue = Comparator.comparingDouble(i -> p[i]);
        return IntStream.range(0, p.length).boxed().sorted(decreasing ? byValue.reversed() : byValue)
                .mapToInt(Integer::intValue).toArray();
    }
}
