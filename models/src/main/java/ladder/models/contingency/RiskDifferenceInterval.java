package ladder.models.contingency;

/** How the interval of a risk difference of one 2x2 table is formed. */
public enum RiskDifferenceInterval {
    /**
     * Wald: p<sub>1</sub> - p<sub>0</sub> &plusmn; z &radic;(p<sub>1</sub>(1 - p<sub>1</sub>)/n<sub>1</sub> + p<sub>0</sub>(1 - p<sub>0</sub>)/n<sub>0</sub>),
     * with the Wald p-value; {@code prop.test(correct = FALSE)$conf.int}, and {@code epiR::epi.2by2}
     * {@code ARisk.strata.wald} but for the clipping to [-1, 1].
     */
    WALD("Wald interval"),
    /**
     * Wald with continuity correction as R's {@code prop.test(c(a, c), c(a + b, c + d))}: the
     * half-width grows by min(0.5, |p<sub>1</sub> - p<sub>0</sub>| / (1/n<sub>1</sub> + 1/n<sub>0</sub>)) (1/n<sub>1</sub> + 1/n<sub>0</sub>),
     * the bounds are clipped to [-1, 1], and the p-value is prop.test's (Pearson's with Yates' correction).
     */
    CONTINUITY_CORRECTED("Wald interval with continuity correction (R prop.test)");

    private final String label;

    RiskDifferenceInterval(String label) {
        this.label = label;
    }

    /** The method column in result tables. */
    public String label() {
        return label;
    }
}
