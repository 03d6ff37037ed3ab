package ladder.datasets;

/**
 * The standard normal quantile function, and tables of log-normal factors drawn from it, computed
 * with {@link StrictMath} so that every JVM gets the same bits.
 */
final class Normal {
    private static final double[] A = {-3.969683028665376e+01, 2.209460984245205e+02,
            -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    private static final double[] B = {-5.447609879822406e+01, 1.615858368580409e+02,
            -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01};
    private static final double[] C = {-7.784894002430293e-03, -3.223964580411365e-01,
            -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    private static final double[] D = {7.784695709041462e-03, 3.224671290700398e-01,
            2.445134137142996e+00, 3.754408661907416e+00};
    private static final double LOW = 0.02425;

    private Normal() {
    }

    /**
     * {@code Phi^-1(p)} for {@code 0 < p < 1}, by Acklam's rational approximation (relative error
     * below 1.2e-9), which is ample for simulation.
     */
    static double quantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("quantile needs 0 < p < 1, was " + p);
        }
        if (p < LOW) {
            double q = StrictMath.sqrt(-2 * StrictMath.log(p));
            return tail(q);
        }
        if (p > 1 - LOW) {
            double q = StrictMath.sqrt(-2 * StrictMath.log(1 - p));
            return -tail(q);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
                / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
    }

    private static double tail(double q) {
        return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
                / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
    }

    /**
     * {@code size} equally likely values of {@code exp(sigma * Z)}, {@code Z} standard normal (at the
     * mid-points of {@code size} equal-probability bins), scaled so that their mean is exactly 1:
     * a multiplicative noise that leaves expected values unchanged.
     */
    static double[] logNormalFactors(double sigma, int size) {
        double[] factors = new double[size];
        double sum = 0;
        for (int i = 0; i < size; i++) {
            factors[i] = StrictMath.exp(sigma * quantile((i + 0.5) / size));
            sum += factors[i];
        }
        double mean = sum / size;
        for (int i = 0; i < size; i++) {
            factors[i] /= mean;
        }
        return factors;
    }
}
