package ladder.models.benchmark;

/** The part of an employer's pack a key figure belongs to, each the subject of one section of the evidence report. */
public enum Topic {
    COMPOSITION("Class composition"),
    SUPPLEMENTARY("Supplementary questions"),
    CEILING("The class ceiling"),
    PROGRESSION("Progression"),
    PAY("The class pay gap"),
    TIME_TO_PROMOTION("Time to promotion"),
    GETTING_IN("Getting in and getting on");

    private final String title;

    Topic(String title) {
        this.title = title;
    }

    /** The heading, e.g. "The class ceiling". */
    public String title() {
        return title;
    }

    /** The name of the topic's comparison table, e.g. {@code figures_ceiling}. */
    public String table() {
        return "figures_" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
