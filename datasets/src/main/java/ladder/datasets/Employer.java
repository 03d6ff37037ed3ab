package ladder.datasets;

/**
 * One synthetic employer: the fixed traits drawn for it from the seed.
 *
 * @param id the {@code employer_id}, {@code E001}, {@code E002}, ...
 * @param sector its sector
 * @param region index of its main region in the {@code region} codebook
 * @param workingClassShare its expected working-class share in the first year ({@code w_j})
 * @param nonResponse the probability that a person leaves parental occupation empty
 * @param payLevel multiplies all its pay, Uniform(0.9, 1.1)
 * @param promotionOdds {@code exp(b0 + u_j)}, its promotion odds at the reference levels
 * @param size relative headcount in the first year, log-normal with log-SD 1
 * @param growth yearly headcount growth, Uniform(-0.03, 0.08)
 * @param turnover share of staff leaving each year, Uniform(0.10, 0.18)
 */
record Employer(String id, Sector sector, int region, double workingClassShare,
        double nonResponse, double payLevel, double promotionOdds,
        double size, double growth, double turnover) {
}
