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
