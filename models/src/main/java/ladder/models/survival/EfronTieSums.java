package ladder.models.survival;

/**
 * The sums over Efron's d factors at one month, in closed form: their cost does not grow with d,
 * the number promoted then.
 *
 * <p>At a month with risk-set weight sum a = S0 and d promoted whose weights sum to E0, Efron's
 * j-th factor (j = 0..d-1) has denominator a - j b with b = E0/d, that is b (x - j) with
 * x = a/b &gt;= d. With i = d - j (so 1 - j/d = i/d) and y = x - d, the sums are
 * <pre>
 *   logSum     = &Sigma;_j log(x - j)          = lnG(x + 1) - lnG(x - d + 1)
 *   inverse    = &Sigma;_j 1/(x - j)           = psi(x + 1) - psi(x - d + 1)
 *   inverse2   = &Sigma;_j 1/(x - j)^2         = psi1(x - d + 1) - psi1(x + 1)
 *   weighted   = &Sigma;_j (d - j)/(x - j)     = d - y inverse
 *   weighted2  = &Sigma;_j (d - j)/(x - j)^2   = inverse - y inverse2
 * </pre>
 * and so &Sigma;_j log(a - j b) = d log b + logSum, &Sigma;_j 1/(a - j b)^k = inverse(k)/b^k and
 * &Sigma;_j (1 - j/d)/(a - j b)^k = weighted(k)/(d b^k).
 *
 * <p>The right-hand sides cancel catastrophically as written when x is large and d small (x near
 * 1e7 with d = 17 loses seven digits), so the differences are formed algebraically instead: for
 * d &lt;= {@value #DIRECT} a direct loop; otherwise the terms with x - j &lt; {@value #SHIFT} are summed
 * directly (the recurrence lnG(z + 1) = lnG(z) + log z and its derivatives) and the rest from
 * Stirling's series for lnG(z+n) - lnG(z) and its derivatives (Abramowitz and Stegun 6.1.40, 6.3.18,
 * 6.4.12) with B_2 ... B_16, each difference of powers written z^-k (1 - (1 + n/z)^-k) with
 * {@code expm1} and {@code log1p}, and d - y inverse and inverse - y inverse2 from
 * u - log1p(u) and log1p(u) - u/(1 + u), u = n/z, taken term by term. The truncation error is
 * below 1e-20 relative for z &gt;= {@value #SHIFT}.
 *
 * @param logSum &Sigma;_j log(x - j)
 * @param inverse &Sigma;_j 1/(x - j)
 * @param inverse2 &Sigma;_j 1/(x - j)^2
 * @param weighted &Sigma;_j (d - j)/(x - j)
 * @param weighted2 &Sigma;_j (d - j)/(x - j)^2
 */
record EfronTieSums(double logSum, double inverse, double inverse2, double weighted, double weighted2) {

    /** Up to this many factors the sums are a direct loop. */
    static final int DIRECT = 16;
    /** The smallest argument of Stirling's series; smaller terms are summed directly. */
    static final double SHIFT = 16;

    /** B_2, B_4, ..., B_16. */
    private static final double[] BERNOULLI = {1.0 / 6, -1.0 / 30, 1.0 / 42, -1.0 / 30, 5.0 / 66, -691.0 / 2730,
        7.0 / 6, -3617.0 / 510};

    /**
     * The sums for {@code d} factors at x = a/b.
     *
     * @param x the risk set's weight over the promoted's mean weight; every factor's x - j must be &gt; 0
     * @param d the number promoted, &gt;= 1
     */
    static EfronTieSums of(double x, long d) {
        if (d < 1 || !(x > d - 1) || Double.isInfinite(x)) {
            throw new IllegalArgumentException("Efron's sums need d >= 1 and x > d - 1, got x = " + x + ", d = " + d);
        }
        // The terms i = 1..d, smallest first: t_i = x - (d - i).
        long direct = d <= DIRECT ? d : Math.min(d, (long) Math.ceil(SHIFT - (x - d + 1)));
        direct = Math.max(direct, 0);
        double log = 0;
        double inv = 0;
        double inv2 = 0;
        double w = 0;
        double w2 = 0;
        for (long i = 1; i <= direct; i++) {
            double t = x - (d - i);
            log += Math.log(t);
            inv += 1 / t;
            inv2 += 1 / (t * t);
            w += i / t;
            w2 += i / (t * t);
        }
        long n = d - direct;
        if (n == 0) {
            return new EfronTieSums(log, inv, inv2, w, w2);
        }
        // The remaining terms k = 0..n-1 at t = z + k carry i = k + 1 + direct.
        double z = x - (n - 1);
        Stirling s = new Stirling(z, n);
        return new EfronTieSums(log + s.logSum, inv + s.inverse, inv2 + s.inverse2,
                w + s.weighted + direct * s.inverse, w2 + s.weighted2 + direct * s.inverse2);
    }

    /**
     * Over k = 0..n-1 at z &gt;= {@value #SHIFT}: &Sigma; log(z+k), &Sigma; 1/(z+k), &Sigma; 1/(z+k)^2,
     * &Sigma; (k+1)/(z+k) = n - (z-1) inverse and &Sigma; (k+1)/(z+k)^2 = inverse - (z-1) inverse2.
     */
    private static final class Stirling {
        final double logSum;
        final double inverse;
        final double inverse2;
        final double weighted;
        final double weighted2;

        Stirling(double z, long count) {
            double n = count;
            double u = n / z;
            double l1p = Math.log1p(u);
            double g1 = uMinusLog1p(u, l1p);
            // lnG(z+n) - lnG(z) = (z - 1/2) log1p(u) + n (log(z+n) - 1) - sum_k B_2k/(2k(2k-1)) z^(1-2k) D_(2k-1)
            double lg = (z - 0.5) * l1p + n * (Math.log(z + n) - 1);
            // psi(z+n) - psi(z) = log1p(u) + n/(2z(z+n)) + sum_k B_2k/(2k) z^-2k D_2k
            double t1 = l1p + n / (2 * z * (z + n));
            // psi1(z) - psi1(z+n) = D_1/z + D_2/(2z^2) + sum_k B_2k z^(-2k-1) D_(2k+1)
            double t2 = n / (z * (z + n)) + powerDifference(2, l1p) / (2 * z * z);
            // n - z (psi(z+n) - psi(z)) = z (u - log1p(u)) - n/(2(z+n)) - sum_k B_2k/(2k) z^(1-2k) D_2k
            double p1 = z * g1 - n / (2 * (z + n));
            // (psi(z+n) - psi(z)) - z (psi1(z) - psi1(z+n))
            //   = log1p(u) - u/(1+u) - n/(2(z+n)^2) + sum_k B_2k z^-2k (D_2k/(2k) - D_(2k+1))
            double p2 = u * u / (1 + u) - g1 - n / (2 * (z + n) * (z + n));
            double zk = 1 / z; // z^(1-2k)
            for (int k = 1; k <= BERNOULLI.length; k++) {
                double b = BERNOULLI[k - 1];
                double dOdd = powerDifference(2 * k - 1, l1p);
                double dEven = powerDifference(2 * k, l1p);
                double dNext = powerDifference(2 * k + 1, l1p);
                double zEven = zk / z; // z^-2k
                lg -= b / (2 * k * (2 * k - 1)) * zk * dOdd;
                t1 += b / (2 * k) * zEven * dEven;
                t2 += b * zEven / z * dNext;
                p1 -= b / (2 * k) * zk * dEven;
                p2 += b * zEven * (dEven / (2 * k) - dNext);
                zk = zEven / z;
            }
            logSum = lg;
            inverse = t1;
            inverse2 = t2;
            weighted = p1 + t1;
            weighted2 = p2 + t2;
        }
    }

    /** D_k = 1 - (1 + u)^-k, from log1p(u), without cancellation for small u. */
    private static double powerDifference(int k, double log1pU) {
        return -Math.expm1(-k * log1pU);
    }

    /** u - log1p(u), by its series where the difference would cancel. */
    private static double uMinusLog1p(double u, double log1pU) {
        if (u > 0.25) {
            return u - log1pU;
        }
        // sum_{m>=2} (-1)^m u^m / m
        double sum = 0;
        double power = u;
        for (int m = 2; m < 60; m++) {
            power *= -u;
            double term = -power / m;
            sum += term;
            if (Math.abs(term) <= 1e-17 * Math.abs(sum)) {
                break;
            }
        }
        return sum;
    }
}
