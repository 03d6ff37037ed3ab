package ladder.models.survival;

/**
 * How a pointwise interval for S(t) is formed from the Greenwood standard error of log S(t),
 * as R's {@code survfit(..., conf.type = )} (survival 3.5-3, {@code survfit_confint}). With
 * s = se(log S) = &radic;(&Sigma; d / (n (n - d))) (Greenwood 1926) and z the normal quantile:
 * <ul>
 * <li>{@link #LOG} (R's default): exp(log S &plusmn; z s), the upper bound capped at 1;
 * <li>{@link #LOG_LOG}: exp(-exp(log(-log S) &plusmn; z s / log S)), which stays in (0, 1)
 *     (Kalbfleisch and Prentice 1980);
 * <li>{@link #PLAIN}: S &plusmn; z S s, clipped to [0, 1].
 * </ul>
 * At S = 1 (before the first event) every type gives [1, 1] (R does so at time 0; for log-log
 * at later times before the first event R gives NA). At S = 0 the Greenwood variance is
 * undefined and the interval is null.
 */
public enum ConfidenceType {
    LOG("log"),
    LOG_LOG("log-log"),
    PLAIN("plain");

    private final String r;

    ConfidenceType(String r) {
        this.r = r;
    }

    /** R's name of the type, e.g. "log-log". */
    public String rName() {
        return r;
    }

    /**
     * The interval {lower, upper} for survival {@code s} with standard error {@code seLog} of log S,
     * or null when s = 0.
     */
    double[] interval(double s, double seLog, double z) {
        if (s == 0) {
            return null;
        }
        if (s == 1 || seLog == 0) {
            return new double[] {s, s};
        }
        return switch (this) {
            case LOG -> new double[] {Math.exp(Math.log(s) - z * seLog), Math.min(Math.exp(Math.log(s) + z * seLog), 1)};
            case LOG_LOG -> {
                double w = z * seLog / Math.log(s);
                double ll = Math.log(-Math.log(s));
                yield new double[] {Math.exp(-Math.exp(ll - w)), Math.exp(-Math.exp(ll + w))};
            }
            case PLAIN -> {
                double w = seLog * s * z;
                yield new double[] {Math.max(s - w, 0), Math.min(s + w, 1)};
            }
        };
    }
}
