package ladder.models.regression;

/**
 * The sums one iteratively reweighted least squares (IRLS) step of a binomial logit needs,
 * accumulated row by row so that no n &times; p matrix is held: X'WX, X'Wz and the Bernoulli
 * log-likelihood. Accumulators of disjoint chunks of rows {@link #combine} into the sums of their union,
 * so a caller can run one per chunk on its own thread and merge them.
 *
 * <p>Per row with design x, trials n, events y and linear predictor &eta; (as R's
 * {@code glm.fit} with {@code binomial()}, on the proportion y/n with prior weight n):
 * <pre>
 *   &mu; = e<sup>&eta;</sup>/(1 + e<sup>&eta;</sup>),  d = d&mu;/d&eta; = &mu;(1 - &mu;),  w = n d<sup>2</sup>/(&mu;(1 - &mu;)),  z = &eta; + (y/n - &mu;)/d
 *   X'WX += w x x',  X'Wz += w z x,  log L += y log &mu; + (n - y) log(1 - &mu;)
 * </pre>
 * with R's clamping of &mu; and d where |&eta;| &gt; -log(&epsilon;) ({@code binomial()$linkinv},
 * {@code $mu.eta}), so a separated fit follows R's path. The log-likelihood is the Bernoulli one
 * (of the people), without the cells' log binomial coefficients.
 */
public final class IrlsAccumulator {

    private static final double EPSILON = Math.ulp(1.0);
    private static final double THRESHOLD = -Math.log(EPSILON);

    private final int p;
    // Upper triangle of X'WX, row-major; filled in full by xtwx().
    private final double[] xtwx;
    private final double[] xtwz;
    // The non-zero columns of the row being added: dummy-coded designs are mostly zeros, so X'WX is updated
    // over pairs of non-zeros only (about 25 products a row instead of 300 for 24 columns).
    private final int[] nonZero;
    private double logLikelihood;

    public IrlsAccumulator(int p) {
        this.p = p;
        this.xtwx = new double[p * p];
        this.xtwz = new double[p];
        this.nonZero = new int[p];
    }

    /** The inverse logit as R's {@code binomial()$linkinv}: &mu; stays within [&epsilon;/(1+&epsilon;), 1/(1+&epsilon;)]. */
    public static double mean(double eta) {
        double t = eta < -THRESHOLD ? EPSILON : eta > THRESHOLD ? 1 / EPSILON : Math.exp(eta);
        return t / (1 + t);
    }

    /** d&mu;/d&eta; as R's {@code binomial()$mu.eta}: &epsilon; beyond the thresholds. */
    static double derivative(double eta) {
        if (eta > THRESHOLD || eta < -THRESHOLD) {
            return EPSILON;
        }
        double e = Math.exp(eta);
        return e / ((1 + e) * (1 + e));
    }

    /** Adds one row: design {@code x}, trials {@code n}, events {@code y}, linear predictor {@code eta}. */
    public void add(double[] x, double n, double y, double eta) {
        if (n == 0) {
            return;
        }
        double mu = mean(eta);
        double d = derivative(eta);
        double w = n * d * d / (mu * (1 - mu));
        double z = eta + (y / n - mu) / d;
        logLikelihood += bernoulli(y, n, mu);
        int m = 0;
        for (int j = 0; j < p; j++) {
            if (x[j] != 0) {
                nonZero[m++] = j;
            }
        }
        for (int a = 0; a < m; a++) {
            int j = nonZero[a];
            double wx = w * x[j];
            xtwz[j] += wx * z;
            int base = j * p;
            for (int b = a; b < m; b++) {
                int k = nonZero[b];
                xtwx[base + k] += wx * x[k];
            }
        }
    }

    /** y log &mu; + (n - y) log(1 - &mu;), with 0 log 0 = 0. */
    static double bernoulli(double y, double n, double mu) {
        return (y > 0 ? y * Math.log(mu) : 0) + (n - y > 0 ? (n - y) * Math.log1p(-mu) : 0);
    }

    /** Adds the sums of {@code other} (another chunk's rows) to these; returns this. */
    public IrlsAccumulator combine(IrlsAccumulator other) {
        if (other.p != p) {
            throw new IllegalArgumentException("accumulators of " + p + " and " + other.p + " columns");
        }
        for (int i = 0; i < xtwx.length; i++) {
            xtwx[i] += other.xtwx[i];
        }
        for (int j = 0; j < p; j++) {
            xtwz[j] += other.xtwz[j];
        }
        logLikelihood += other.logLikelihood;
        return this;
    }

    /** X'WX, p &times; p, symmetric (a fresh copy). */
    public double[][] xtwx() {
        double[][] m = new double[p][p];
        for (int j = 0; j < p; j++) {
            for (int k = j; k < p; k++) {
                m[j][k] = xtwx[j * p + k];
                m[k][j] = xtwx[j * p + k];
            }
        }
        return m;
    }

    /** X'Wz (a fresh copy). */
    public double[] xtwz() {
        return xtwz.clone();
    }

    /** The Bernoulli log-likelihood of the rows at the linear predictors given. */
    public double logLikelihood() {
        return logLikelihood;
    }
}
