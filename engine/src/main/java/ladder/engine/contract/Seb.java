package ladder.engine.contract;

import java.util.List;

/**
 * The derived socio-economic background: the Social Mobility Commission's three-way grouping of
 * parental occupation at about age 14 (question Q1).
 *
 * <p>{@code professional} and {@code manager} are professional; {@code small_business} and
 * {@code clerical} intermediate; {@code technical_craft}, {@code routine} and
 * {@code long_term_unemployed} working class; {@code other} and {@code prefer_not_to_say} are
 * excluded (an answer outside the three groups); no answer is missing.
 */
public enum Seb {
    PROFESSIONAL("professional"),
    INTERMEDIATE("intermediate"),
    WORKING_CLASS("working_class"),
    EXCLUDED("excluded"),
    MISSING("missing");

    /** The level names of the derived {@code seb} column, in code order. */
    public static final List<String> LEVELS =
            List.of("professional", "intermediate", "working_class", "excluded", "missing");

    /** The three classifiable groups, over which shares are reported. */
    public static final List<Seb> CLASSIFIABLE = List.of(PROFESSIONAL, INTERMEDIATE, WORKING_CLASS);

    private final String level;

    Seb(String level) {
        this.level = level;
    }

    public String level() {
        return level;
    }

    public boolean classifiable() {
        return ordinal() < 3;
    }

    /** The group of a Q1 code index in {@link Field#PARENTAL_OCCUPATION}'s codebook; -1 means no answer. */
    public static Seb ofParentalOccupation(int codeIndex) {
        if (codeIndex < 0) {
            return MISSING;
        }
        return switch (Field.PARENTAL_OCCUPATION.codebook().codes().get(codeIndex)) {
            case "professional", "manager" -> PROFESSIONAL;
            case "small_business", "clerical" -> INTERMEDIATE;
            case "technical_craft", "routine", "long_term_unemployed" -> WORKING_CLASS;
            case "other", "prefer_not_to_say" -> EXCLUDED;
            default -> throw new IllegalStateException("Q1 code without an SEB group: " + codeIndex);
        };
    }
}
