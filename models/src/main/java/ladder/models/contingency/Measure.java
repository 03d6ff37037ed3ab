package ladder.models.contingency;

/** What an {@link Estimate} compares between the exposure level and the reference level. */
public enum Measure {
    /** Odds of the event at the exposure level over its odds at the reference level, (a/b) / (c/d). */
    ODDS_RATIO("odds ratio", 1),
    /** Risk (proportion with the event) at the exposure level over that at the reference level. */
    RISK_RATIO("risk ratio", 1),
    /** Risk at the exposure level minus risk at the reference level. */
    RISK_DIFFERENCE("risk difference", 0);

    private final String label;
    private final double nullValue;

    Measure(String label, double nullValue) {
        this.label = label;
        this.nullValue = nullValue;
    }

    /** The name in tables, e.g. "odds ratio". */
    public String label() {
        return label;
    }

    /** The value under no association: 1 for the ratios, 0 for the difference. */
    public double nullValue() {
        return nullValue;
    }
}
