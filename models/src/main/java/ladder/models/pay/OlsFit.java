package ladder.models.pay;

import java.util.List;
import ladder.engine.LadderException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * An OLS fit from an {@link OlsAccumulator}: b = (X'X)<sup>-1</sup>X'y by Cholesky, the model-based covariance
 * s&sup2;(X'X)<sup>-1</sup> with s&sup2; = RSS/(n - p), as R's {@code vcov(lm(...))}, and the employer-clustered
 * CR1 covariance
 * <pre>
 *   V = G/(G - 1) &middot; (n - 1)/(n - p) &middot; (X'X)<sup>-1</sup> [&Sigma;<sub>g</sub> s<sub>g</sub> s<sub>g</sub>'] (X'X)<sup>-1</sup>,
 *   s<sub>g</sub> = X<sub>g</sub>'y<sub>g</sub> - X<sub>g</sub>'X<sub>g</sub> b
 * </pre>
 * as {@code sandwich::vcovCL(fit, cluster = ~employer, type = "HC1")} (Zeileis, K&ouml;ll and Graham 2020,
 * J. Stat. Software 95(1); Cameron and Miller 2015, J. Human Resources 50, 317-372).
 *
 * @param names design column names, intercept first
 * @param clusters G, the clusters with rows
 */
public record OlsFit(List<String> names, double[] coefficients, double[][] modelCovariance,
        double[][] clusterCovariance, long n, long excluded, int clusters, double sigma) {

    /** Residual degrees of freedom n - p. */
    public long df() {
        return n - names.size();
    }

    /** The position of a term, e.g. "seb=working_class". */
    public int term(String name) {
        int t = names.indexOf(name);
        if (t < 0) {
            throw new IllegalArgumentException("no term " + name + " in " + names);
        }
        return t;
    }

    /** Fits the accumulated rows. */
    public static OlsFit of(OlsAccumulator acc) {
        int p = acc.coding().columns();
        long n = acc.rows();
        int groups = acc.clusterCount();
        if (n <= p) {
            throw new LadderException("the regression has " + n + " usable rows for " + p + " coefficients");
        }
        RealMatrix xx = new Array2DRowRealMatrix(p, p);
        RealVector xy = new ArrayRealVector(p);
        double yy = 0;
        for (int g = 0; g < acc.clusterSlots(); g++) {
            xx = xx.add(new Array2DRowRealMatrix(acc.crossProduct(g), false));
            xy = xy.add(new ArrayRealVector(acc.crossY(g), false));
            yy += acc.sumOfSquaresY(g);
        }
        for (int j = 0; j < p; j++) {
            if (xx.getEntry(j, j) == 0) {
                throw new LadderException("no rows at " + acc.coding().names().get(j) + "; drop the level or choose another reference");
            }
        }
        DecompositionSolver solver;
        try {
            solver = new CholeskyDecomposition(xx, 1e-12, 1e-10).getSolver();
        } catch (NonPositiveDefiniteMatrixException e) {
            throw new LadderException("the covariates are collinear (a level is determined by others); the model cannot be fitted");
        }
        RealMatrix inverse = solver.getInverse();
        RealVector b = solver.solve(xy);
        double rss = Math.max(0, yy - b.dotProduct(xy));
        double s2 = rss / (n - p);
        RealMatrix model = inverse.scalarMultiply(s2);
        RealMatrix meat = new Array2DRowRealMatrix(p, p);
        for (int g = 0; g < acc.clusterSlots(); g++) {
            RealMatrix xxg = new Array2DRowRealMatrix(acc.crossProduct(g), false);
            RealVector score = new ArrayRealVector(acc.crossY(g), false).subtract(xxg.operate(b));
            meat = meat.add(score.outerProduct(score));
        }
        double adjust = groups < 2 ? Double.NaN : (double) groups / (groups - 1) * (double) (n - 1) / (n - p);
        RealMatrix cluster = inverse.multiply(meat).multiply(inverse).scalarMultiply(adjust);
        return new OlsFit(acc.coding().names(), b.toArray(), model.getData(), cluster.getData(), n, acc.excluded(), groups,
                Math.sqrt(s2));
    }
}
