package ladder.models.pay;

/** How people are put into pay quarters; see {@link PayQuarters}. */
public enum QuarterMethod {
    /**
     * Cutpoints at the pooled 25th, 50th and 75th percentiles (a chosen quantile type); a person whose pay
     * equals a cutpoint goes to the lower quarter, so quarters differ in size when many are tied at one.
     */
    CUTPOINTS,
    /**
     * The ranking of the Equality Act 2010 (Gender Pay Gap Information) Regulations 2017: everyone ranked by
     * hourly pay and split into four equal-sized quarters (ranks &lfloor;(k-1)n/4&rfloor;+1 to &lfloor;kn/4&rfloor;);
     * the people on a tied value that straddles a boundary are shared between the quarters in proportion to
     * each group's count on that value, as the gov.uk guidance asks them to be spread evenly. Counts are then
     * fractional (the expected make-up under a random order of the tied).
     */
    EQUAL_SIZE
}
