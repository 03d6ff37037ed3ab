package ladder.models.contingency;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ladder.engine.LadderException;
import ladder.models.result.Result;
import ladder.models.result.ResultTable;
import ladder.models.result.ResultTable.Kind;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * The generalised Cochran-Mantel-Haenszel test of no association between an R-level row factor
 * and a C-level column factor within K strata (Landis, Heyman and Koch 1978), as R's
 * {@code mantelhaen.test} on an R x C x K array with R or C above 2.
 *
 * <p>With n<sub>k</sub> the vector of the first R - 1 by C - 1 cells of stratum k (row index
 * fastest), m<sub>k</sub> its expectation under independence given the margins,
 * m<sub>ijk</sub> = n<sub>i.k</sub> n<sub>.jk</sub> / N<sub>k</sub>, and
 * V<sub>k</sub> = (N<sub>k</sub> diag(c) - c c<sup>T</sup>) &otimes; (N<sub>k</sub> diag(r) - r r<sup>T</sup>) / (N<sub>k</sub><sup>2</sup>(N<sub>k</sub> - 1))
 * (r, c the first R - 1 row and C - 1 column totals), the statistic is
 * Q = (&Sigma;(n<sub>k</sub> - m<sub>k</sub>))<sup>T</sup> (&Sigma;V<sub>k</sub>)<sup>-1</sup> (&Sigma;(n<sub>k</sub> - m<sub>k</sub>)),
 * chi-squared on (R - 1)(C - 1) df. The inverse is taken through the singular value decomposition
 * (Commons Math); when &Sigma;V is singular (a row or column empty in every stratum), R's
 * {@code qr.solve} stops, while here the Moore-Penrose inverse is used and the df is its rank,
 * as a note says.
 *
 * <p>Strata with fewer than 2 people are left out (R refuses them), and so are strata with a single
 * non-empty row or column, which add exactly 0 to every sum; both are counted.
 *
 * @param rows the row factor's levels
 * @param columns the column factor's levels
 * @param strataNames the strata, in the order given
 * @param strataUsed for each stratum, null when used, else why not
 * @param statistic Q, or null when no stratum is informative
 * @param df degrees of freedom (the rank of &Sigma;V)
 * @param pValue upper-tail chi-squared p-value, or null
 * @param strataTotals people in each stratum
 * @param rankDeficient whether &Sigma;V was singular
 */
public record GeneralizedCmh(List<String> rows, List<String> columns, List<String> strataNames,
        List<String> strataUsed, double[] strataTotals, Double statistic, long df, Double pValue,
        boolean rankDeficient) implements Result {

    public GeneralizedCmh {
        rows = List.copyOf(rows);
        columns = List.copyOf(columns);
        strataNames = List.copyOf(strataNames);
        strataUsed = java.util.Collections.unmodifiableList(new ArrayList<>(strataUsed));
        strataTotals = strataTotals.clone();
    }

    /**
     * The test of {@code counts[k][i][j]} (stratum k, row i, column j).
     *
     * @throws LadderException if the strata are not all R x C with R, C &gt;= 2, or the names do not match
     */
    public static GeneralizedCmh of(double[][][] counts, List<String> rows, List<String> columns,
            List<String> strataNames) {
        int nr = rows.size();
        int nc = columns.size();
        if (nr < 2 || nc < 2) {
            throw new LadderException("the generalised CMH test needs at least 2 rows and 2 columns, given " + nr
                    + " x " + nc);
        }
        if (counts.length != strataNames.size() || counts.length == 0) {
            throw new LadderException(counts.length + " strata but " + strataNames.size() + " stratum names");
        }
        int df = (nr - 1) * (nc - 1);
        double[] deviation = new double[df];
        double[][] variance = new double[df][df];
        List<String> used = new ArrayList<>();
        double[] totals = new double[counts.length];
        for (int k = 0; k < counts.length; k++) {
            double[][] f = counts[k];
            if (f.length != nr) {
                throw new LadderException("stratum " + strataNames.get(k) + " has " + f.length + " rows, not " + nr);
            }
            double[] rowTotals = new double[nr];
            double[] colTotals = new double[nc];
            double n = 0;
            for (int i = 0; i < nr; i++) {
                if (f[i].length != nc) {
                    throw new LadderException("stratum " + strataNames.get(k) + " row " + rows.get(i) + " has "
                            + f[i].length + " columns, not " + nc);
                }
                for (int j = 0; j < nc; j++) {
                    double v = f[i][j];
                    if (!(v >= 0 && v < Double.POSITIVE_INFINITY)) {
                        throw new IllegalArgumentException("counts must be finite and >= 0, got " + v);
                    }
                    rowTotals[i] += v;
                    colTotals[j] += v;
                    n += v;
                }
            }
            totals[k] = n;
            String why = n < 2 ? "fewer than 2 people" : nonEmpty(rowTotals) < 2 ? "a single non-empty row"
                    : nonEmpty(colTotals) < 2 ? "a single non-empty column" : null;
            used.add(why);
            if (why != null) {
                continue;
            }
            double scale = n * n * (n - 1);
            for (int j = 0; j < nc - 1; j++) {
                for (int i = 0; i < nr - 1; i++) {
                    int p = j * (nr - 1) + i;
                    deviation[p] += f[i][j] - rowTotals[i] * colTotals[j] / n;
                    for (int jj = 0; jj < nc - 1; jj++) {
                        for (int ii = 0; ii < nr - 1; ii++) {
                            double colPart = (j == jj ? n * colTotals[j] : 0) - colTotals[j] * colTotals[jj];
                            double rowPart = (i == ii ? n * rowTotals[i] : 0) - rowTotals[i] * rowTotals[ii];
                            variance[p][jj * (nr - 1) + ii] += colPart * rowPart / scale;
                        }
                    }
                }
            }
        }
        if (used.stream().allMatch(w -> w != null)) {
            return new GeneralizedCmh(rows, columns, strataNames, used, totals, null, df, null, false);
        }
        RealMatrix v = new Array2DRowRealMatrix(variance, false);
        SingularValueDecomposition svd = new SingularValueDecomposition(v);
        RealVector d = new ArrayRealVector(deviation, false);
        double q = d.dotProduct(svd.getSolver().solve(d));
        int rank = svd.getRank();
        return new GeneralizedCmh(rows, columns, strataNames, used, totals, q, rank,
                ChiSquaredDistribution.of(rank).survivalProbability(q), rank < df);
    }

    /** People in each stratum (a copy). */
    @Override
    public double[] strataTotals() {
        return strataTotals.clone();
    }

    private static int nonEmpty(double[] totals) {
        int count = 0;
        for (double t : totals) {
            if (t > 0) {
                count++;
            }
        }
        return count;
    }

    /** The test as a {@link HypothesisTest}. */
    public HypothesisTest test() {
        String method = "generalised Cochran-Mantel-Haenszel (R mantelhaen.test)";
        if (statistic == null) {
            return HypothesisTest.undefined("association", method, "no stratum with information");
        }
        return new HypothesisTest("association", method, statistic, df, pValue, rankDeficient
                ? "the summed covariance matrix is singular (R's qr.solve stops); Moore-Penrose inverse, df = its rank"
                : null);
    }

    @Override
    public String title() {
        return "Generalised Cochran-Mantel-Haenszel test, " + rows.size() + " x " + columns.size() + " x "
                + strataNames.size();
    }

    @Override
    public Map<String, Object> inputs() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("rows", String.join(", ", rows));
        inputs.put("columns", String.join(", ", columns));
        inputs.put("strata", (long) strataNames.size());
        inputs.put("strata_used", strataUsed.stream().filter(w -> w == null).count());
        return inputs;
    }

    @Override
    public List<ResultTable> tables() {
        ResultTable.Builder strata = ResultTable.builder("strata", "Strata")
                .column("stratum", Kind.LABEL, "stratum")
                .column("n", Kind.NUMBER, "people in the stratum")
                .column("use", Kind.LABEL, "used or excluded")
                .column("reason", Kind.LABEL, "why excluded");
        for (int k = 0; k < strataNames.size(); k++) {
            String why = strataUsed.get(k);
            strata.row(strataNames.get(k), strataTotals[k], why == null ? "used" : "excluded", why);
        }
        return List.of(TwoByTwoAnalysis.testsTable(List.of(test())), strata.build());
    }

    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        notes.add("Generalised Cochran-Mantel-Haenszel statistic (Landis, Heyman and Koch 1978), as R mantelhaen.test"
                + " on an R x C x K array; general association, (R - 1)(C - 1) df.");
        long excluded = strataUsed.stream().filter(w -> w != null).count();
        if (excluded > 0) {
            notes.add(excluded + " of " + strataNames.size() + " strata left out: fewer than 2 people (R refuses them)"
                    + " or a single non-empty row or column (they add exactly 0)");
        }
        if (test().reason() != null) {
            notes.add(test().reason());
        }
        return notes;
    }
}
