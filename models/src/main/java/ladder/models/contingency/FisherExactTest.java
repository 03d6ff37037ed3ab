package ladder.models.contingency;

/**
 * Fisher's exact test of no association in a 2x2 table (Fisher 1935), two-sided as R's
 * {@code fisher.test}: the p-value is the sum of the probabilities, under the hypergeometric
 * distribution of a given the margins, of the tables no more probable than the observed one, with
 * R's relative tolerance: P(table) &lt;= P(observed) (1 + 1e-7).
 */
public final class FisherExactTest {

    static final String METHOD = "Fisher's exact test, two-sided (R fisher.test rule)";

    private FisherExactTest() {
    }

    /** The test of {@code table}, whose cells must be whole numbers. */
    public static HypothesisTest test(TwoByTwo table) {
        if (!table.isWhole()) {
            return HypothesisTest.undefined("association", METHOD, "the exact test needs whole counts");
        }
        String empty = table.emptyMargin();
        return new HypothesisTest("association", METHOD, null, null, pValue(table),
                empty == null ? null : "p = 1: with " + empty + " only the observed table is possible");
    }

    /** The two-sided p-value (1 when a margin is empty: one table is possible). */
    static double pValue(TwoByTwo table) {
        return Math.min(1, new NoncentralHypergeometric(table).at(1).noMoreLikelyThan(table.a()));
    }
}
