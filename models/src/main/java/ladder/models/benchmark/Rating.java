package ladder.models.benchmark;

/** A scorecard KPI's rating, by the rule of its {@link ScorecardRule}. */
public enum Rating {
    GREEN, AMBER, RED;

    /** As printed: green, amber, red. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
