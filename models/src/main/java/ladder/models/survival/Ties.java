package ladder.models.survival;

/**
 * How the Cox partial likelihood treats promotions at the same month. With whole months nearly
 * every time is tied, and the choice matters.
 */
public enum Ties {
    /**
     * Efron's approximation (Efron 1977), R's default: of the D promoted at t, the risk set of the
     * k-th factor keeps a fraction 1 - (k - 1)/D of their summed risk scores.
     */
    EFRON("efron"),
    /** Breslow's approximation (Breslow 1974): all D promoted stay in the risk set of every factor. */
    BRESLOW("breslow");

    private final String r;

    Ties(String r) {
        this.r = r;
    }

    /** R's name, as in {@code coxph(..., ties = "efron")}. */
    public String rName() {
        return r;
    }
}
