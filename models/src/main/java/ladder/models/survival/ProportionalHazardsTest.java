package ladder.models.survival;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * The test of proportional hazards from scaled Schoenfeld residuals (Grambsch and Therneau 1994),
 * per covariate and global, as R's {@code cox.zph(fit, transform = "km")} in survival 3.5-3.
 *
 * <p>Survival 3.0 changed the algorithm: the test is now the exact score test of
 * &beta;(t) = &beta; + &theta; g(t) at &theta; = 0, at the fitted &beta; (zph1.c), not the older
 * regression of scaled residuals on g(t) with an approximate variance; the two agree only
 * approximately. This class follows the &gt;= 3.0 algorithm. With g(t) = 1 - S(t-), S the
 * Kaplan-Meier curve of everyone (strata ignored), centred on its mean over the promoted, the score
 * for &theta; is U_2 = &Sigma; g(t) (x - x&#772;(t)) over promotions, and with the 2p &times; 2p
 * information I of (&beta;, &theta;) (see {@link PartialLikelihood}) the statistic of a covariate's
 * columns J is u' I_KK<sup>-1</sup> u with K = (all of &beta;, &theta;_J), u = (0, U_2,J), chi-square on
 * |J| df; the global test uses all of &theta; on p df.
 *
 * @param terms one per covariate, then "GLOBAL"
 */
public record ProportionalHazardsTest(List<Term> terms) {

    /** A covariate's (or the global) test. */
    public record Term(String term, double chiSquare, int df, double pValue) {
    }

    public ProportionalHazardsTest {
        terms = List.copyOf(terms);
    }

    static ProportionalHazardsTest of(RiskSets sets, double[] beta, Ties ties) {
        CoxDesign design = sets.design;
        int p = beta.length;
        double[] g = kmTransform(sets);
        PartialLikelihood.Derivatives d = PartialLikelihood.at(sets, beta, ties, g);
        double[] u = d.score().clone();
        Arrays.fill(u, 0, p, 0); // the score for beta is 0 at the fit
        List<Term> terms = new ArrayList<>();
        for (int j = 0; j < design.covariates.size(); j++) {
            int[] cols = design.columnsOf(j);
            int[] keep = new int[p + cols.length];
            for (int i = 0; i < p; i++) {
                keep[i] = i;
            }
            for (int i = 0; i < cols.length; i++) {
                keep[p + i] = p + cols[i];
            }
            terms.add(term(design.covariates.get(j), u, d.information(), keep, cols.length));
        }
        int[] all = IntStream.range(0, 2 * p).toArray();
        terms.add(term("GLOBAL", u, d.information(), all, p));
        return new ProportionalHazardsTest(terms);
    }

    private static Term term(String name, double[] u, double[][] imat, int[] keep, int df) {
        RealMatrix m = new Array2DRowRealMatrix(keep.length, keep.length);
        RealVector v = new ArrayRealVector(keep.length);
        for (int i = 0; i < keep.length; i++) {
            v.setEntry(i, u[keep[i]]);
            for (int k = 0; k < keep.length; k++) {
                m.setEntry(i, k, imat[keep[i]][keep[k]]);
            }
        }
        double chi = new LUDecomposition(m).getSolver().solve(v).dotProduct(v);
        return new Term(name, chi, df, ChiSquaredDistribution.of(df).survivalProbability(chi));
    }

    /**
     * g(t) per block: 1 - S(t-) of the Kaplan-Meier curve of everyone, less its mean over the
     * promoted (R: {@code ttimes - mean(ttimes[event])}).
     */
    private static double[] kmTransform(RiskSets sets) {
        TreeMap<Integer, double[]> counts = new TreeMap<>();
        for (RiskSets.Block block : sets.blocks) {
            double[] c = counts.computeIfAbsent(block.time(), t -> new double[2]);
            for (int i = 0; i < block.pattern().length; i++) {
                c[0] += block.events()[i];
                c[1] += block.events()[i] + block.censored()[i];
            }
        }
        TreeMap<Integer, Double> before = new TreeMap<>();
        double atRisk = sets.people;
        double s = 1;
        for (var e : counts.entrySet()) {
            before.put(e.getKey(), 1 - s);
            s *= (atRisk - e.getValue()[0]) / atRisk;
            atRisk -= e.getValue()[1];
        }
        double mean = 0;
        for (RiskSets.Block block : sets.blocks) {
            mean += block.deaths() * before.get(block.time());
        }
        mean /= sets.deaths;
        double[] g = new double[sets.blocks.size()];
        for (int b = 0; b < g.length; b++) {
            g[b] = before.get(sets.blocks.get(b).time()) - mean;
        }
        return g;
    }
}
