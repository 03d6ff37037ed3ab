package ladder.models.pay;

/** How the interval of a mean pay gap, 100(1 - m<sub>g</sub>/m<sub>ref</sub>), is found; see {@link MeanGap}. */
public enum MeanGapMethod {
    /** The delta method for the ratio of two independent means. */
    DELTA("delta method for a ratio of independent means"),
    /** Fieller's theorem (Fieller 1954) for the ratio of two independent normal means. */
    FIELLER("Fieller's theorem for a ratio of independent means (Fieller 1954, JRSS B 16, 175-185)");

    private final String description;

    MeanGapMethod(String description) {
        this.description = description;
    }

    /** The method as named in a result's notes. */
    public String description() {
        return description;
    }
}
