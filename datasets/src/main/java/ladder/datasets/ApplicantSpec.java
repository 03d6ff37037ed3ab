package ladder.datasets;

import java.util.List;
import ladder.engine.contract.Field;

/**
 * What {@link ApplicantGenerator} writes: a synthetic pool of applications (table
 * {@code applicants} of the data contract), its seed, and the true effects of background on
 * getting through each stage of recruitment, so that a funnel analysis can be checked against them.
 *
 * <p>The stages after {@code applied} are {@code s = 1..4} ({@code shortlisted}, {@code interviewed},
 * {@code offered}, {@code hired}); {@code stage_reached} is the furthest stage an application got to.
 * Of the applications that reached stage {@code s - 1} at employer {@code j}, those of class
 * {@code c} reach stage {@code s} with probability
 * {@code logit^-1(logit(stageRates[s]) + u_js + stageWorkingClass[s]*WC + stageWorkingClass[s]/2*INT)},
 * {@code u_js ~ N(0, employerSd^2)} independently by employer and stage. So
 * {@code exp(stageWorkingClass[s])} is the true odds ratio of progressing at stage {@code s} for
 * working class against professional within an employer (the Mantel-Haenszel target), and half
 * the log odds ratio for intermediate. Class is drawn whether or not the applicant answers the
 * parental-occupation question, and non-response is independent of class, so estimates over
 * respondents are unbiased for these parameters.
 *
 * @param rows total applications written; exactly this many
 * @param employers number of employers, {@code E001}, {@code E002}, ...
 * @param firstYear first recruitment year
 * @param lastYear last recruitment year (inclusive)
 * @param seed the seed; the same spec always gives byte-identical output
 * @param workingClassShare the expected working-class share of applicants, before each employer's
 *     deviation {@code N(0, 0.06^2)} (clamped to {@code [0, 1 - intermediateShare]})
 * @param intermediateShare the expected intermediate share of applicants; professional is the rest
 * @param nonResponse the average share of applications with parental occupation empty; employer
 *     {@code j}'s rate is {@code nonResponse * (0.5 + U_j)}, {@code U_j ~ Uniform(0, 1)}
 * @param stageRates the probability that a professional application at an average employer
 *     ({@code u_js = 0}) that reached the stage before reaches each stage, shortlisted to hired
 * @param stageWorkingClass the log odds ratio of progressing at each stage, shortlisted to hired,
 *     for working class against professional (intermediate: half of it)
 * @param employerSd the standard deviation of the employer's shift {@code u_js} of each stage's log odds
 */
public record ApplicantSpec(long rows, int employers, int firstYear, int lastYear, long seed,
        double workingClassShare, double intermediateShare, double nonResponse,
        List<Double> stageRates, List<Double> stageWorkingClass, double employerSd) {

    /** The stages an application can progress to: every stage after {@code applied}. */
    public static final int STEPS = Field.STAGE_REACHED.codebook().size() - 1;

    public ApplicantSpec {
        stageRates = List.copyOf(stageRates);
        stageWorkingClass = List.copyOf(stageWorkingClass);
        GeneratorSpec.require(rows >= 0, "rows must be 0 or more, was " + rows);
        GeneratorSpec.require(employers >= 1, "employers must be 1 or more, was " + employers);
        GeneratorSpec.require(Field.YEAR.min() <= firstYear && firstYear <= lastYear && lastYear <= Field.YEAR.max(),
                "years must satisfy " + Field.YEAR.min() + " <= firstYear <= lastYear <= " + Field.YEAR.max());
        GeneratorSpec.require(workingClassShare >= 0 && intermediateShare >= 0 && workingClassShare + intermediateShare <= 1,
                "workingClassShare and intermediateShare must be in [0, 1] with a sum of at most 1");
        GeneratorSpec.require(nonResponse >= 0 && nonResponse <= 0.6, "nonResponse must be in [0, 0.6], was " + nonResponse);
        GeneratorSpec.require(stageRates.size() == STEPS && stageWorkingClass.size() == STEPS,
                "need one rate and one effect for each of the " + STEPS + " stages after applied");
        GeneratorSpec.require(stageRates.stream().allMatch(p -> p > 0 && p < 1), "stage rates must be in (0, 1)");
        GeneratorSpec.require(stageWorkingClass.stream().allMatch(Double::isFinite), "stage effects must be finite");
        GeneratorSpec.require(employerSd >= 0 && employerSd <= 5, "employerSd must be in [0, 5], was " + employerSd);
    }

    /**
     * Applications with the default true effects: applicants 40% working class and 24%
     * intermediate; 10% non-response; professional conversion 40% to shortlist, 60% to interview,
     * 45% to offer and 85% of offers accepted; working class against professional log odds
     * ratios -0.45 (shortlisted), -0.20 (interviewed), -0.35 (offered), -0.10 (hired), that is odds
     * ratios 0.64, 0.82, 0.70, 0.90; employer shift SD 0.30.
     */
    public static ApplicantSpec defaults(long rows, int employers, int firstYear, int lastYear, long seed) {
        return new ApplicantSpec(rows, employers, firstYear, lastYear, seed, 0.40, 0.24, 0.10,
                List.of(0.40, 0.60, 0.45, 0.85), List.of(-0.45, -0.20, -0.35, -0.10), 0.30);
    }

    /** The same applications with no class effect at any stage. */
    public ApplicantSpec withoutEffects() {
        return new ApplicantSpec(rows, employers, firstYear, lastYear, seed, workingClassShare, intermediateShare,
                nonResponse, stageRates, List.of(0.0, 0.0, 0.0, 0.0), employerSd);
    }

    /** The number of years, {@code lastYear - firstYear + 1}. */
    public int years() {
        return lastYear - firstYear + 1;
    }
}
