package ladder.models.regression;

/**
 * One coefficient of a {@link LogisticModel}: the log odds ratio, its standard error from the
 * model's covariance, Wald z test and interval, and the odds ratio with its interval
 * (exp of the bounds). Values a user should not read are null, with the {@link Status} saying why.
 *
 * @param name the design column, e.g. {@code seb=working_class:gender=woman}
 * @param term the formula term, e.g. {@code seb:gender}; {@code (Intercept)} for the intercept
 * @param estimate the log odds ratio; &plusmn;Infinity when it diverges; null when aliased
 * @param se standard error under the model's covariance type
 * @param modelSe the model-based standard error, for comparison
 * @param z estimate / se
 * @param p two-sided p-value, 2(1 - &Phi;(|z|))
 * @param lower Wald interval estimate - z<sub>(1+level)/2</sub> se
 * @param upper Wald interval estimate + z<sub>(1+level)/2</sub> se
 * @param oddsRatio exp(estimate) (0 or +Infinity when diverging)
 * @param oddsRatioLower exp(lower)
 * @param oddsRatioUpper exp(upper)
 * @param people the people in rows where the column is non-zero (what the estimate rests on)
 * @param events the events among them
 */
public record Coefficient(String name, String term, Status status, Double estimate, Double se, Double modelSe, Double z,
        Double p, Double lower, Double upper, Double oddsRatio, Double oddsRatioLower, Double oddsRatioUpper,
        double people, double events) {

    /** Whether a coefficient was estimated. */
    public enum Status {
        /** Estimated. */
        ESTIMATED,
        /** A linear combination of earlier columns: not estimable, as R's NA. */
        ALIASED,
        /** Separation: the likelihood keeps rising as it goes to &plusmn;infinity, so there is no finite estimate. */
        DIVERGES
    }
}
