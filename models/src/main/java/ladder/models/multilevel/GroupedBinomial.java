package ladder.models.multilevel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ladder.engine.LadderException;
import ladder.models.pay.Factor;
import ladder.models.pay.TreatmentCoding;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RRQRDecomposition;
import org.apache.commons.math3.special.Gamma;

/**
 * The data of a binomial-logit model with one random intercept per group, compiled from
 * {@link BinomialRow}s: the groups in order of first appearance, the fixed-effect design in R's
 * treatment coding ({@link TreatmentCoding}: an intercept, then one 0/1 column per non-reference
 * level), and per distinct (group, covariate levels) one binomial row whose trials and events are
 * the sums of the rows given for it. Rows with no trials carry no information and are dropped.
 *
 * <p>Summing is exact for the likelihood: n Bernoulli people with the same linear predictor and
 * y events have log-likelihood y log &mu; + (n - y) log(1 - &mu;), and the binomial row has that plus
 * log C(n, y), a constant. So the fit on grouped rows is the fit on people (R's
 * {@code glmer(y ~ ...)} on 0/1 rows) and the two log-likelihoods differ by
 * &Sigma; log C(n, y) ({@link #logChoose()}).
 */
public final class GroupedBinomial {

    private final List<Factor> factors;
    private final List<String> names;
    private final List<String> groups;
    private final int[] groupOf;
    private final int[][] rowsOf;
    private final double[][] x;
    private final double[] n;
    private final double[] y;
    private final long rowsGiven;
    private final long rowsEmpty;

    private GroupedBinomial(List<Factor> factors, List<String> names, List<String> groups, int[] groupOf,
            double[][] x, double[] n, double[] y, long rowsGiven, long rowsEmpty) {
        this.factors = factors;
        this.names = names;
        this.groups = groups;
        this.groupOf = groupOf;
        this.x = x;
        this.n = n;
        this.y = y;
        this.rowsGiven = rowsGiven;
        this.rowsEmpty = rowsEmpty;
        int[] count = new int[groups.size()];
        for (int g : groupOf) {
            count[g]++;
        }
        rowsOf = new int[groups.size()][];
        for (int g = 0; g < count.length; g++) {
            rowsOf[g] = new int[count[g]];
            count[g] = 0;
        }
        for (int i = 0; i < groupOf.length; i++) {
            rowsOf[groupOf[i]][count[groupOf[i]]++] = i;
        }
    }

    /**
     * Compiles rows for the model logit(&mu;) = x&beta; + b<sub>group</sub> with the given factors
     * (none for an intercept-only model).
     *
     * @throws LadderException when a row's levels do not match the factors, no row has trials, or
     *     the design is rank deficient (a level with no trials, or covariates that determine one another)
     */
    public static GroupedBinomial of(List<Factor> factors, List<BinomialRow> rows) {
        TreatmentCoding coding = new TreatmentCoding(factors);
        int p = coding.columns();
        Map<String, Integer> groupIndex = new LinkedHashMap<>();
        Map<List<Object>, Integer> cellIndex = new LinkedHashMap<>();
        List<double[]> design = new ArrayList<>();
        List<Integer> groupOf = new ArrayList<>();
        List<double[]> counts = new ArrayList<>();
        int[][] codes = new int[factors.size()][1];
        int[] ones = new int[1 + factors.size()];
        long empty = 0;
        for (BinomialRow row : rows) {
            if (row.levels().size() != factors.size()) {
                throw new LadderException("row of group " + row.group() + " has " + row.levels().size()
                        + " covariate levels for " + factors.size() + " factors " + factors.stream().map(Factor::name).toList());
            }
            for (int f = 0; f < factors.size(); f++) {
                codes[f][0] = factors.get(f).levels().indexOf(row.levels().get(f));
                if (codes[f][0] < 0) {
                    throw new LadderException("level " + row.levels().get(f) + " of row of group " + row.group()
                            + " is not a level of " + factors.get(f).name() + " " + factors.get(f).levels());
                }
            }
            if (row.n() == 0) {
                empty++;
                continue;
            }
            int g = groupIndex.computeIfAbsent(row.group(), k -> groupIndex.size());
            List<Object> key = new ArrayList<>(row.levels());
            key.add(0, row.group());
            Integer cell = cellIndex.get(key);
            if (cell == null) {
                cell = design.size();
                cellIndex.put(key, cell);
                double[] xi = new double[p];
                int k = coding.ones(codes, 0, ones);
                for (int j = 0; j < k; j++) {
                    xi[ones[j]] = 1;
                }
                design.add(xi);
                groupOf.add(g);
                counts.add(new double[2]);
            }
            counts.get(cell)[0] += row.n();
            counts.get(cell)[1] += row.y();
        }
        if (design.isEmpty()) {
            throw new LadderException("no row has trials: there is nothing to fit");
        }
        double[][] x = design.toArray(new double[0][]);
        if (x.length < p || new RRQRDecomposition(new Array2DRowRealMatrix(x, false)).getRank(1e-10) < p) {
            throw new LadderException("the fixed effects " + coding.names() + " are not identified by these rows"
                    + " (a level with no trials, or covariates that determine one another)");
        }
        double[] n = new double[x.length];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            n[i] = counts.get(i)[0];
            y[i] = counts.get(i)[1];
        }
        return new GroupedBinomial(List.copyOf(factors), coding.names(), List.copyOf(groupIndex.keySet()),
                groupOf.stream().mapToInt(Integer::intValue).toArray(), x, n, y, rows.size(), empty);
    }

    /** The number of distinct groups among rows with trials. */
    public static long groupsWithTrials(List<BinomialRow> rows) {
        return rows.stream().filter(r -> r.n() > 0).map(BinomialRow::group).distinct().count();
    }

    public List<Factor> factors() {
        return factors;
    }

    /** The fixed-effect column names, "(Intercept)" first, then "factor=level" (R writes "factorlevel"). */
    public List<String> names() {
        return names;
    }

    /** The groups with trials, in order of first appearance. */
    public List<String> groups() {
        return groups;
    }

    /** The number of fixed effects p. */
    public int columns() {
        return names.size();
    }

    /** The number of distinct binomial rows after summing. */
    public int rows() {
        return n.length;
    }

    /** The rows given, including those with no trials. */
    public long rowsGiven() {
        return rowsGiven;
    }

    /** The rows given with no trials, which were dropped. */
    public long rowsEmpty() {
        return rowsEmpty;
    }

    /** The binomial rows of group {@code g}. */
    int[] rowsOf(int g) {
        return rowsOf[g];
    }

    int groupOf(int i) {
        return groupOf[i];
    }

    /** The design row of binomial row {@code i} (not copied: do not change it). */
    double[] x(int i) {
        return x[i];
    }

    public double n(int i) {
        return n[i];
    }

    public double y(int i) {
        return y[i];
    }

    /** The trials of group {@code g}. */
    public double trials(int g) {
        double t = 0;
        for (int i : rowsOf[g]) {
            t += n[i];
        }
        return t;
    }

    /** The events of group {@code g}. */
    public double events(int g) {
        double t = 0;
        for (int i : rowsOf[g]) {
            t += y[i];
        }
        return t;
    }

    /** Whether every row of every group has the same covariates as the group's first row. */
    boolean covariatesConstantWithinGroups() {
        for (int[] group : rowsOf) {
            for (int i : group) {
                if (!java.util.Arrays.equals(x[i], x[group[0]])) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * &Sigma; log C(n, y) over the binomial rows: the binomial-scale log-likelihood minus the
     * Bernoulli (person-level) one. Non-integer counts use log &Gamma;.
     */
    public double logChoose() {
        double s = 0;
        for (int i = 0; i < n.length; i++) {
            s += Gamma.logGamma(n[i] + 1) - Gamma.logGamma(y[i] + 1) - Gamma.logGamma(n[i] - y[i] + 1);
        }
        return s;
    }

    /**
     * The saturated log-likelihood &Sigma; log dbinom(y; n, y / n), the binomial log-likelihood
     * minus half the sum of deviance residuals (R's {@code binomial()$dev.resids}).
     */
    double saturatedLogLik() {
        double s = logChoose();
        for (int i = 0; i < n.length; i++) {
            if (y[i] > 0) {
                s += y[i] * Math.log(y[i] / n[i]);
            }
            if (y[i] < n[i]) {
                s += (n[i] - y[i]) * Math.log((n[i] - y[i]) / n[i]);
            }
        }
        return s;
    }
}
