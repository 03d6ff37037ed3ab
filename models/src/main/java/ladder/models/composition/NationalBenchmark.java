package ladder.models.composition;

import ladder.engine.contract.Seb;

/**
 * National benchmarks of the Social Mobility Commission, against which an employer's class
 * composition is compared. The figures are those of the Ladder data contract
 * ({@code DATA-CONTRACT.md}, "National benchmarks (Social Mobility Commission)"), which takes them
 * from the Commission's employers' toolkit ("Socio-economic diversity and inclusion: employers'
 * toolkit", Social Mobility Commission and the Bridge Group, cross-industry edition, February 2020,
 * updated July 2021), whose population figures are the Commission's analysis of the UK Labour
 * Force Survey.
 *
 * <p>All values are proportions in [0, 1].
 */
public final class NationalBenchmark {

    /** Share of the UK working population from a professional background (parental occupation at 14). */
    public static final double PROFESSIONAL = 0.34;

    /** Share of the UK working population from an intermediate background. */
    public static final double INTERMEDIATE = 0.24;

    /** Share of the UK working population from a working-class (lower) background. */
    public static final double WORKING_CLASS = 0.42;

    /** Share of the population that attended an independent (fee-paying) school. */
    public static final double INDEPENDENT_SCHOOL = 0.075;

    /** Share of pupils at state-funded schools eligible for free school meals. */
    public static final double FREE_SCHOOL_MEALS = 0.15;

    /** Share of graduates who were the first in their family to attend university. */
    public static final double FIRST_GENERATION_GRADUATES = 0.67;

    /** The target response rate to the parental occupation question: at least 70%. */
    public static final double RESPONSE_RATE_TARGET = 0.70;

    /** Response rate reached by leading employers among new hires. */
    public static final double RESPONSE_RATE_LEADING_NEW_HIRES = 0.87;

    /** Response rate reached by leading employers among current employees. */
    public static final double RESPONSE_RATE_LEADING_CURRENT_EMPLOYEES = 0.86;

    private NationalBenchmark() {
    }

    /**
     * A national share that the share of one answer to a contract question is read against: its
     * value, the figure a table names it by (a chart line at it names that figure), the line's words
     * and the note's sentence.
     */
    public record Share(double value, String figure, String line, String sentence) {
    }

    /**
     * The national share of answer {@code level} to {@code column} among those who answered, where
     * the Commission gives one over the same people: each SEB group's working-population share,
     * independent school ({@link #INDEPENDENT_SCHOOL}) and free school meals ({@link #FREE_SCHOOL_MEALS}).
     * First in family ({@link #FIRST_GENERATION_GRADUATES}) is not one: it is of graduates, so it is
     * read only against graduate hires, where a caller names them.
     */
    public static java.util.Optional<Share> share(String column, String level) {
        if (column.equals("seb") && Seb.CLASSIFIABLE.stream().anyMatch(g -> g.level().equals(level))) {
            Seb group = Seb.CLASSIFIABLE.stream().filter(g -> g.level().equals(level)).findFirst().orElseThrow();
            double v = workingPopulationShare(group);
            return java.util.Optional.of(new Share(v, shareFigure(group), percent("UK working population", v),
                    percent("the UK working population is", v) + " " + level.replace('_', ' ')));
        }
        if (column.equals("school_type") && level.equals("independent")) {
            return java.util.Optional.of(new Share(INDEPENDENT_SCHOOL, INDEPENDENT_SCHOOL_FIGURE,
                    percent("UK independent school", INDEPENDENT_SCHOOL),
                    percent("nationally", INDEPENDENT_SCHOOL) + " attended an independent school"));
        }
        if (column.equals("free_school_meals") && level.equals("yes")) {
            return java.util.Optional.of(new Share(FREE_SCHOOL_MEALS, FREE_SCHOOL_MEALS_FIGURE,
                    percent("UK free school meals", FREE_SCHOOL_MEALS),
                    percent("nationally", FREE_SCHOOL_MEALS) + " of pupils at state-funded schools are eligible for"
                            + " free school meals"));
        }
        return java.util.Optional.empty();
    }

    /** The figure the share of those who attended an independent school is named by. */
    public static final String INDEPENDENT_SCHOOL_FIGURE = "share_independent_school";

    /** The figure the share of those eligible for free school meals is named by. */
    public static final String FREE_SCHOOL_MEALS_FIGURE = "share_free_school_meals";

    private static String percent(String words, double share) {
        return words + " " + java.math.BigDecimal.valueOf(share).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    /**
     * The working-population share of a classifiable group: {@link #PROFESSIONAL},
     * {@link #INTERMEDIATE} or {@link #WORKING_CLASS}.
     *
     * @throws IllegalArgumentException for {@link Seb#EXCLUDED} and {@link Seb#MISSING}, which have no share
     */
    public static double workingPopulationShare(Seb group) {
        return switch (group) {
            case PROFESSIONAL -> PROFESSIONAL;
            case INTERMEDIATE -> INTERMEDIATE;
            case WORKING_CLASS -> WORKING_CLASS;
            case EXCLUDED, MISSING -> throw new IllegalArgumentException(
                    "only the classifiable groups have a national share, not " + group.level());
        };
    }

    /**
     * The figure a workforce's share of {@code group} is named by in tables (e.g.
     * {@code share_working_class}), whose national value is {@link #workingPopulationShare}; a chart
     * line at that value names it.
     */
    public static String shareFigure(Seb group) {
        workingPopulationShare(group);
        return "share_" + group.level();
    }

    /**
     * The figure the share of {@code group} among applications is named by (e.g.
     * {@code share_working_class_applicants}), read against the same working-population share as the
     * workforce's {@link #shareFigure}.
     */
    public static String applicantsShareFigure(Seb group) {
        return shareFigure(group) + "_applicants";
    }

    /** The working-population shares in {@link Seb#CLASSIFIABLE} order; a new array each call. */
    public static double[] workingPopulationShares() {
        return Seb.CLASSIFIABLE.stream().mapToDouble(NationalBenchmark::workingPopulationShare).toArray();
    }
}
