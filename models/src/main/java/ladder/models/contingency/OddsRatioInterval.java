package ladder.models.contingency;

/**
 * How an odds ratio of a 2x2 table is estimated and its interval formed. Each names the R call
 * it reproduces.
 */
public enum OddsRatioInterval {
    /**
     * Sample odds ratio ad/bc with the Woolf (logit) interval exp(log OR &plusmn; z &radic;(1/a + 1/b + 1/c + 1/d))
     * (Woolf 1955); {@code epiR::epi.2by2} {@code OR.strata.wald}. Needs every cell positive for the interval.
     */
    WOOLF("sample OR, Woolf (logit) interval", "Woolf (1955); epiR::epi.2by2 OR.strata.wald"),
    /**
     * Haldane-Anscombe: 0.5 added to every cell, then the sample odds ratio and Woolf interval
     * (Haldane 1956; Anscombe 1956); defined with zero cells.
     */
    HALDANE_ANSCOMBE("Haldane-Anscombe (+0.5 every cell), Woolf interval", "Haldane (1956), Anscombe (1956)"),
    /**
     * Conditional maximum-likelihood odds ratio with the exact (Fisher/Cornfield) interval
     * (Cornfield 1956); R's {@code fisher.test}.
     */
    EXACT("conditional MLE, exact (Cornfield) interval", "Cornfield (1956); R fisher.test"),
    /**
     * Conditional maximum-likelihood odds ratio with the mid-p exact interval, half the probability
     * of the observed table counted (Lancaster 1961); {@code epitools::oddsratio.midp} interval.
     */
    MID_P("conditional MLE, mid-p exact interval", "Lancaster (1961); epitools::oddsratio.midp");

    private final String label;
    private final String source;

    OddsRatioInterval(String label, String source) {
        this.label = label;
        this.source = source;
    }

    /** The method column in result tables. */
    public String label() {
        return label;
    }

    /** The paper and R function it follows. */
    public String source() {
        return source;
    }
}
