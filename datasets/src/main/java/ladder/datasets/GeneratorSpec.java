package ladder.datasets;

import ladder.engine.contract.Field;

/**
 * What {@link PoolGenerator} writes: the size and shape of a synthetic pool of employers, its seed,
 * and the true effects built into it, so that an analysis of the output can be checked against them.
 *
 * <p>Notation used below, for the row of person {@code i} at employer {@code j} in year {@code t}:
 * {@code WC}, {@code INT} are indicators of the person's socio-economic background (their class,
 * drawn once and kept across years; professional is the reference); {@code woman} is
 * {@code gender = woman}; {@code minority} is {@code ethnicity} in {@code mixed, asian, black, other}
 * (not {@code white} or {@code prefer_not_to_say}); {@code disabled} is {@code disability = yes}.
 * The class drives the outcomes whether or not the person answered the parental-occupation
 * question; non-response is independent of class within an employer, so estimates over the
 * respondents are unbiased for these parameters. {@link PoolGenerator} documents the fixed parts
 * of the model (baselines, grade and age terms).
 *
 * @param rows total person-year rows written; exactly this many
 * @param employers number of employers, {@code E001}, {@code E002}, ...
 * @param firstYear first reporting year
 * @param lastYear last reporting year (inclusive)
 * @param seed the seed; the same spec always gives byte-identical output
 * @param workingClassShare the expected working-class share of an employer's people in
 *     {@code firstYear}, before the employer's sector offset and its own deviation (see
 *     {@link #workingClassTrend})
 * @param intermediateShare the expected intermediate share of every employer's people in every
 *     year; professional is the rest
 * @param workingClassTrend yearly change in the working-class share: within employer {@code j} the
 *     expected working-class share of the people present in year {@code t} is
 *     {@code w_j + workingClassTrend * (t - firstYear)}, clamped to {@code [0, 1 - intermediateShare]},
 *     where {@code w_j = workingClassShare + sectorOffset + N(0, 0.04^2)} (clamped likewise); people
 *     keep their class, so the change is carried by who joins (exact in expectation unless a year
 *     has too few joiners to carry it)
 * @param nonResponse the average share of rows whose parental occupation is empty; employer
 *     {@code j}'s rate is {@code nonResponse * (0.5 + U_j)}, {@code U_j ~ Uniform(0, 1)}
 * @param promotionWorkingClass {@code bWC} in the promotion model
 *     {@code promoted ~ Bernoulli(logit^-1(b0 + u_j + bWC*WC + bWC/2*INT + bWoman*woman
 *     + bMinority*minority + bDisabled*disabled + bGrade[grade] + bAge[age_band]))} for grades 1 to 5,
 *     with {@code u_j ~ N(0, employerPromotionSd^2)}; nobody at grade 6 is promoted. The
 *     intermediate term is half the working-class term
 * @param promotionWoman {@code bWoman} in the promotion model
 * @param promotionEthnicMinority {@code bMinority} in the promotion model
 * @param promotionDisabled {@code bDisabled} in the promotion model
 * @param employerPromotionSd standard deviation of the employer random intercept {@code u_j} on the
 *     promotion log-odds
 * @param seniorWorkingClass {@code aWC} in the grade model for a person's first year in the data:
 *     {@code P(grade >= k) = logit^-1(aWC*WC + aWC/2*INT + aWoman*woman + aMinority*minority
 *     + aDisabled*disabled + aAge[age_band] - theta_k)}, {@code k = 2..6} (proportional odds), so
 *     {@code aWC} is the log odds ratio of being senior ({@code grade >= 4}, or any other cut) for
 *     working class against professional. After the first year grade rises only by promotion
 * @param seniorWoman {@code aWoman} in the grade model
 * @param seniorEthnicMinority {@code aMinority} in the grade model
 * @param seniorDisabled {@code aDisabled} in the grade model
 * @param payGapWorkingClass the working-class pay gap at the same grade: expected hourly pay is
 *     multiplied by {@code 1 - payGapWorkingClass} for working class and by
 *     {@code 1 - payGapWorkingClass/2} for intermediate, all else (employer, year, grade, region,
 *     gender) equal
 * @param payGapWoman the gender pay gap at the same grade: women's expected hourly pay is multiplied
 *     by {@code 1 - payGapWoman}
 */
public record GeneratorSpec(
        long rows, int employers, int firstYear, int lastYear, long seed,
        double workingClassShare, double intermediateShare, double workingClassTrend, double nonResponse,
        double promotionWorkingClass, double promotionWoman, double promotionEthnicMinority,
        double promotionDisabled, double employerPromotionSd,
        double seniorWorkingClass, double seniorWoman, double seniorEthnicMinority, double seniorDisabled,
        double payGapWorkingClass, double payGapWoman) {

    public GeneratorSpec {
        require(rows >= 0, "rows must be 0 or more, was " + rows);
        require(employers >= 1, "employers must be 1 or more, was " + employers);
        require(Field.YEAR.min() <= firstYear && firstYear <= lastYear && lastYear <= Field.YEAR.max(),
                "years must satisfy " + Field.YEAR.min() + " <= firstYear <= lastYear <= " + Field.YEAR.max()
                        + ", were " + firstYear + ".." + lastYear);
        require(share(workingClassShare) && share(intermediateShare)
                        && workingClassShare + intermediateShare <= 1,
                "workingClassShare and intermediateShare must be in [0, 1] with a sum of at most 1");
        require(Double.isFinite(workingClassTrend), "workingClassTrend must be finite");
        require(nonResponse >= 0 && nonResponse <= 0.6, "nonResponse must be in [0, 0.6], was " + nonResponse);
        require(Double.isFinite(promotionWorkingClass) && Double.isFinite(promotionWoman)
                        && Double.isFinite(promotionEthnicMinority) && Double.isFinite(promotionDisabled)
                        && Double.isFinite(seniorWorkingClass) && Double.isFinite(seniorWoman)
                        && Double.isFinite(seniorEthnicMinority) && Double.isFinite(seniorDisabled),
                "log-odds effects must be finite");
        require(employerPromotionSd >= 0 && employerPromotionSd <= 5,
                "employerPromotionSd must be in [0, 5], was " + employerPromotionSd);
        require(payGapWorkingClass >= 0 && payGapWorkingClass < 1 && payGapWoman >= 0 && payGapWoman < 1,
                "pay gaps must be in [0, 1)");
    }

    /**
     * A pool with the default true effects: working-class share 42% (intermediate 24%, so
     * professional 34%, as the Social Mobility Commission's national figures) rising by one
     * percentage point a year; 12% non-response to parental occupation; promotion log-odds -0.35
     * working class (odds ratio 0.70), -0.15 women, -0.20 ethnic minority, -0.20 disabled, employer
     * intercept SD 0.30; seniority log-odds -0.50 working class (odds ratio 0.61), -0.30 women,
     * -0.25 ethnic minority, -0.25 disabled; pay 8% lower for working class and 6% lower for women at
     * the same grade.
     */
    public static GeneratorSpec defaults(long rows, int employers, int firstYear, int lastYear, long seed) {
        return new GeneratorSpec(rows, employers, firstYear, lastYear, seed,
                0.42, 0.24, 0.01, 0.12,
                -0.35, -0.15, -0.20, -0.20, 0.30,
                -0.50, -0.30, -0.25, -0.25,
                0.08, 0.06);
    }

    /**
     * The same pool with every effect set to zero: no trend, no class, gender, ethnicity or
     * disability terms in promotion, grade or pay, and no employer variation in promotion. For
     * checking that an analysis finds nothing where there is nothing.
     */
    public GeneratorSpec withoutEffects() {
        return new GeneratorSpec(rows, employers, firstYear, lastYear, seed,
                workingClassShare, intermediateShare, 0, nonResponse,
                0, 0, 0, 0, 0,
                0, 0, 0, 0,
                0, 0);
    }

    /** The same pool with another seed. */
    public GeneratorSpec withSeed(long newSeed) {
        return new GeneratorSpec(rows, employers, firstYear, lastYear, newSeed,
                workingClassShare, intermediateShare, workingClassTrend, nonResponse,
                promotionWorkingClass, promotionWoman, promotionEthnicMinority, promotionDisabled,
                employerPromotionSd, seniorWorkingClass, seniorWoman, seniorEthnicMinority, seniorDisabled,
                payGapWorkingClass, payGapWoman);
    }

    /** Number of reporting years. */
    public int years() {
        return lastYear - firstYear + 1;
    }

    private static boolean share(double p) {
        return p >= 0 && p <= 1;
    }

    static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
