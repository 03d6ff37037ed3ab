package ladder.models.regression;

/**
 * The covariance of the coefficients behind standard errors, tests and intervals.
 *
 * <p>Cluster-robust (sandwich) types, with B = (X'WX)<sup>-1</sup>, cluster score sums
 * u<sub>g</sub> = &Sigma;<sub>i&isin;g</sub> x<sub>i</sub>(y<sub>i</sub> - n<sub>i</sub>&mu;<sub>i</sub>) over G clusters,
 * N people and k estimated coefficients:
 * <pre>
 *   V = c &middot; B (&Sigma;<sub>g</sub> u<sub>g</sub>u<sub>g</sub>') B
 * </pre>
 * (Liang and Zeger 1986; Zeileis, A. (2004), "Econometric computing with HC and HAC covariance
 * matrix estimators", J. Statistical Software 11(10), and Zeileis, K&ouml;ll and Graham (2020),
 * J. Statistical Software 95(1), for {@code sandwich::vcovCL}).
 */
public enum CovarianceType {
    /** Model-based: (X'WX)<sup>-1</sup> at the estimate, as R's {@code vcov(glm)}. */
    MODEL("model-based (X'WX)^-1, as R vcov(glm)"),
    /**
     * c = G/(G-1) &middot; (N-1)/(N-k): Stata's {@code vce(cluster)}, R's
     * {@code sandwich::vcovCL(fit, cluster, type = "HC1", cadjust = TRUE)}, statsmodels' {@code cov_type="cluster"}.
     */
    CR1("cluster-robust CR1: G/(G-1) (N-1)/(N-k) B M B (Stata vce(cluster); sandwich::vcovCL type = \"HC1\"; Zeileis 2004)"),
    /** c = 1: {@code sandwich::vcovCL(fit, cluster, type = "HC0", cadjust = FALSE)}. */
    HC0("cluster-robust without small-sample adjustment: B M B (sandwich::vcovCL type = \"HC0\", cadjust = FALSE; Zeileis 2004)"),
    /** c = G/(G-1): {@code sandwich::vcovCL(fit, cluster, type = "HC0", cadjust = TRUE)}. */
    CLUSTER_ONLY("cluster-robust with G/(G-1) only: G/(G-1) B M B (sandwich::vcovCL type = \"HC0\", cadjust = TRUE; Zeileis 2004)");

    private final String description;

    CovarianceType(String description) {
        this.description = description;
    }

    /** The formula and its source, for notes. */
    public String description() {
        return description;
    }

    /** Whether this is a cluster-robust type (needs clusters). */
    public boolean clustered() {
        return this != MODEL;
    }

    /** The factor c for G clusters, N people and k coefficients; 1 for {@link #MODEL}. */
    double adjustment(long clusters, double people, int k) {
        return switch (this) {
            case MODEL, HC0 -> 1;
            case CLUSTER_ONLY -> clusters / (clusters - 1.0);
            case CR1 -> clusters / (clusters - 1.0) * (people - 1) / (people - k);
        };
    }
}
