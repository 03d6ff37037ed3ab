package ladder.models.regression;

import ladder.engine.LadderException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * The joint Wald test that all estimated coefficients of a term are zero:
 * W = b'V<sup>-1</sup>b on the term's columns, referred to &chi;<sup>2</sup> with as many degrees of
 * freedom as columns (as R's {@code aod::wald.test} or Stata's {@code testparm}). A cluster-robust
 * V has rank at most G - 1 (here, with G clusters); when the term's block is singular the test is
 * not available and {@code chiSquare} and {@code p} are null.
 *
 * @param term the term, e.g. {@code seb}
 * @param covariance the covariance used
 * @param chiSquare W, or null
 * @param df the term's estimated columns
 * @param p the upper-tail p-value, or null
 */
public record WaldTest(String term, CovarianceType covariance, Double chiSquare, long df, Double p) {

    static WaldTest of(String term, int[] columns, double[] estimates, double[][] v, CovarianceType type) {
        int q = columns.length;
        if (q == 0) {
            throw new LadderException("term " + term + " has no estimated coefficient to test");
        }
        double[][] block = new double[q][q];
        double[] b = new double[q];
        for (int i = 0; i < q; i++) {
            b[i] = estimates[columns[i]];
            for (int j = 0; j < q; j++) {
                block[i][j] = v[columns[i]][columns[j]];
            }
        }
        Array2DRowRealMatrix m = new Array2DRowRealMatrix(block, false);
        SingularValueDecomposition svd = new SingularValueDecomposition(m);
        if (svd.getConditionNumber() > 1e12) {
            return new WaldTest(term, type, null, q, null);
        }
        double w = new ArrayRealVector(b, false)
                .dotProduct(new LUDecomposition(m).getSolver().solve(new ArrayRealVector(b, false)));
        return new WaldTest(term, type, w, q, ChiSquaredDistribution.of(q).survivalProbability(w));
    }
}
