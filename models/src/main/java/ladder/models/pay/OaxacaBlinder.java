package ladder.models.pay;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ladder.engine.LadderException;
import ladder.models.result.Result;
import ladder.models.result.ResultTable;
import ladder.models.result.ResultTable.Kind;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The two-fold Oaxaca-Blinder decomposition (Oaxaca 1973; Blinder 1973) of the gap in mean log hourly pay
 * between a reference group A (e.g. professional) and a group B (e.g. working class):
 * <pre>
 *   gap = &ybar;<sub>A</sub> - &ybar;<sub>B</sub> = (x&#772;<sub>A</sub> - x&#772;<sub>B</sub>)'&beta;* + [x&#772;<sub>A</sub>'(&beta;<sub>A</sub> - &beta;*) + x&#772;<sub>B</sub>'(&beta;* - &beta;<sub>B</sub>)]
 *       =  explained  +  unexplained
 * </pre>
 * with the reference coefficients &beta;* of the pooled OLS over both groups that includes the group indicator
 * (then dropped): statsmodels' default {@code OaxacaBlinder(...).two_fold(two_fold_type="pooled")}, Jann (2008),
 * "The Blinder-Oaxaca decomposition for linear regression models", Stata Journal 8, 453-479, section 2.2 (Fortin
 * 2008's choice; Jann's {@code oaxaca, pooled}). The covariates are treatment-coded factors and a constant.
 *
 * <p>Standard errors by the delta method, as Jann (2008, section 2.3) in principle, but with the joint covariance of
 * the group means and the pooled coefficients, which Jann's formulas take as independent: each component's
 * influence function is summed in squares over people,
 * <pre>
 *   &psi;<sub>i</sub>(E) = [i&isin;A](x<sub>i</sub> - x&#772;<sub>A</sub>)'&beta;* / n<sub>A</sub> - [i&isin;B](x<sub>i</sub> - x&#772;<sub>B</sub>)'&beta;* / n<sub>B</sub> + d'(Z'Z)<sup>-1</sup>z<sub>i</sub>e<sub>i</sub>,
 *   &psi;<sub>i</sub>(gap) = [i&isin;A](y<sub>i</sub> - &ybar;<sub>A</sub>)/n<sub>A</sub> - [i&isin;B](y<sub>i</sub> - &ybar;<sub>B</sub>)/n<sub>B</sub>,  &psi;<sub>i</sub>(U) = &psi;<sub>i</sub>(gap) - &psi;<sub>i</sub>(E),
 * </pre>
 * where Z is the pooled design with the indicator, e the pooled residuals and d = (x&#772;<sub>A</sub> - x&#772;<sub>B</sub>, 0);
 * Var = &Sigma;<sub>i</sub> &psi;<sub>i</sub>&sup2; (a heteroskedasticity-robust HC0 sandwich, no small-sample factor;
 * people independent, so clustering by employer is not allowed for). U = gap - E exactly, since
 * &ybar;<sub>A</sub> = x&#772;<sub>A</sub>'&beta;<sub>A</sub> for OLS with a constant. Two passes over the rows.
 */
public record OaxacaBlinder(String reference, String group, long nReference, long nGroup, double gap, double explained,
        double unexplained, double seGap, double seExplained, double seUnexplained, List<String> names,
        double[] referenceCoefficients, double level) implements Result {

    public OaxacaBlinder {
        names = List.copyOf(names);
        referenceCoefficients = referenceCoefficients.clone();
    }

    /**
     * Decomposes the gap between rows with {@code group[i] == 0} (the reference) and {@code group[i] == 1}; other
     * rows, and rows with a missing code or pay not above 0, are left out.
     *
     * @param coding the covariates (not the group)
     * @param codes per factor of the coding, the rows' level codes
     * @param payPence hourly pay in pence (y = log pay)
     * @param labels the names of groups 0 and 1
     */
    public static OaxacaBlinder of(TreatmentCoding coding, int[][] codes, long[] payPence, int[] group, List<String> labels,
            double level) {
        int p = coding.columns();
        int q = p + 1;
        // the intercept, one column per factor and the group indicator
        int[] ones = new int[coding.factors().size() + 2];
        long[] n = new long[2];
        double[][] sumX = new double[2][p];
        double[] sumY = new double[2];
        double[][] zz = new double[q][q];
        double[] zy = new double[q];
        // Pass 1: group means and the pooled normal equations (design with the indicator last).
        for (int i = 0; i < payPence.length; i++) {
            int k = usable(coding, codes, payPence, group, i, ones);
            if (k < 0) {
                continue;
            }
            int g = group[i];
            double y = Math.log(payPence[i]);
            n[g]++;
            sumY[g] += y;
            if (g == 1) {
                ones[k++] = p;
            }
            for (int a = 0; a < k; a++) {
                if (ones[a] < p) {
                    sumX[g][ones[a]]++;
                }
                zy[ones[a]] += y;
                for (int b = 0; b < k; b++) {
                    zz[ones[a]][ones[b]]++;
                }
            }
        }
        if (n[0] < 2 || n[1] < 2) {
            throw new LadderException("the decomposition needs people in both " + labels.get(0) + " and " + labels.get(1));
        }
        DecompositionSolver solver;
        try {
            solver = new CholeskyDecomposition(new Array2DRowRealMatrix(zz, false), 1e-12, 1e-10).getSolver();
        } catch (NonPositiveDefiniteMatrixException e) {
            throw new LadderException("the covariates are collinear, or a level has nobody in the two groups; the pooled model cannot be fitted");
        }
        double[] full = solver.solve(new ArrayRealVector(zy, false)).toArray();
        double[][] mean = new double[2][p];
        for (int g = 0; g < 2; g++) {
            for (int j = 0; j < p; j++) {
                mean[g][j] = sumX[g][j] / n[g];
            }
        }
        double[] d = new double[q];
        double explained = 0;
        for (int j = 0; j < p; j++) {
            d[j] = mean[0][j] - mean[1][j];
            explained += d[j] * full[j];
        }
        double[] meanY = {sumY[0] / n[0], sumY[1] / n[1]};
        double gap = meanY[0] - meanY[1];
        RealVector w = solver.solve(new ArrayRealVector(d, false));
        // x-bar'beta* of each group, so that (x_i - x-bar_g)'beta* = x_i'beta* - this
        double[] fittedMean = new double[2];
        for (int g = 0; g < 2; g++) {
            for (int j = 0; j < p; j++) {
                fittedMean[g] += mean[g][j] * full[j];
            }
        }
        // Pass 2: the influence functions.
        double varE = 0;
        double varU = 0;
        double varG = 0;
        for (int i = 0; i < payPence.length; i++) {
            int k = usable(coding, codes, payPence, group, i, ones);
            if (k < 0) {
                continue;
            }
            int g = group[i];
            if (g == 1) {
                ones[k++] = p;
            }
            double y = Math.log(payPence[i]);
            double xBeta = 0;
            double zw = 0;
            for (int a = 0; a < k; a++) {
                if (ones[a] < p) {
                    xBeta += full[ones[a]];
                }
                zw += w.getEntry(ones[a]);
            }
            double fitted = xBeta + (g == 1 ? full[p] : 0);
            double sign = g == 0 ? 1 : -1;
            double psiE = sign * (xBeta - fittedMean[g]) / n[g] + zw * (y - fitted);
            double psiG = sign * (y - meanY[g]) / n[g];
            varE += psiE * psiE;
            varU += (psiG - psiE) * (psiG - psiE);
            varG += psiG * psiG;
        }
        return new OaxacaBlinder(labels.get(0), labels.get(1), n[0], n[1], gap, explained, gap - explained,
                Math.sqrt(varG), Math.sqrt(varE), Math.sqrt(varU), coding.names(), java.util.Arrays.copyOf(full, p), level);
    }

    private static int usable(TreatmentCoding coding, int[][] codes, long[] pay, int[] group, int i, int[] ones) {
        if (group[i] != 0 && group[i] != 1 || pay[i] <= 0) {
            return -1;
        }
        return coding.ones(codes, i, ones);
    }

    @Override
    public String title() {
        return "Oaxaca-Blinder decomposition of the " + reference + " / " + group + " gap in mean log hourly pay";
    }

    @Override
    public Map<String, Object> inputs() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("reference", reference);
        inputs.put("group", group);
        inputs.put("people_reference", nReference);
        inputs.put("people_group", nGroup);
        inputs.put("covariates", String.join(", ", names.subList(1, names.size())));
        inputs.put("reference_coefficients", "pooled model with group indicator (statsmodels two_fold_type='pooled')");
        inputs.put("confidence_level", level);
        return inputs;
    }

    @Override
    public List<ResultTable> tables() {
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability((1 + level) / 2);
        String pct = Math.round(level * 100) + "%";
        ResultTable.Builder t = ResultTable.builder("decomposition", "Two-fold decomposition of the gap in mean log pay")
                .column("component", Kind.LABEL, "gap, explained (characteristics), unexplained")
                .column("estimate", Kind.NUMBER, "log points")
                .column("se", Kind.NUMBER, "delta-method standard error (influence functions, HC0)")
                .column("lower", Kind.NUMBER, pct + " normal interval")
                .column("upper", Kind.NUMBER, "upper bound")
                .column("share_of_gap", Kind.NUMBER, "component / gap (null for a zero gap)");
        double[][] parts = {{gap, seGap}, {explained, seExplained}, {unexplained, seUnexplained}};
        String[] labels = {"gap", "explained", "unexplained"};
        for (int c = 0; c < 3; c++) {
            t.row(labels[c], parts[c][0], parts[c][1], parts[c][0] - z * parts[c][1], parts[c][0] + z * parts[c][1],
                    gap == 0 ? null : parts[c][0] / gap);
        }
        ResultTable.Builder coefficients = ResultTable.builder("reference_coefficients", "Reference coefficients beta*")
                .column("term", Kind.LABEL, "design column")
                .column("estimate", Kind.NUMBER, "pooled OLS coefficient (with the group indicator, not shown)");
        for (int j = 0; j < names.size(); j++) {
            coefficients.row(names.get(j), referenceCoefficients[j]);
        }
        return List.of(t.build(), coefficients.build());
    }

    @Override
    public List<String> notes() {
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability((1 + level) / 2);
        String sentence = gap == 0 ? "There is no gap in mean log hourly pay to decompose."
                : String.format(Locale.ROOT, "Of the gap of %.3f log points in mean hourly pay between staff from %s and %s"
                                + " backgrounds, %.3f (%.0f%%; %d%% CI %.3f to %.3f) is explained by differences in %s, and %.3f"
                                + " (%.0f%%; %d%% CI %.3f to %.3f) is unexplained: the pay difference among otherwise similar staff.",
                        gap, reference.replace('_', '-'), group.replace('_', '-'), explained, 100 * explained / gap,
                        Math.round(level * 100), explained - z * seExplained, explained + z * seExplained,
                        String.join(", ", names.subList(1, names.size()).stream().map(s -> s.substring(0, s.indexOf('='))).distinct().toList()),
                        unexplained, 100 * unexplained / gap, Math.round(level * 100), unexplained - z * seUnexplained,
                        unexplained + z * seUnexplained);
        return List.of(sentence,
                "Two-fold Oaxaca-Blinder decomposition with the pooled model's coefficients (including a group indicator) as the"
                        + " reference, as statsmodels' OaxacaBlinder(...).two_fold() default and Jann (2008), section 2.2.",
                "Standard errors: delta method with the joint covariance of the group means and the pooled coefficients"
                        + " (influence functions, heteroskedasticity-robust HC0); people taken as independent, not clustered by employer.");
    }
}
