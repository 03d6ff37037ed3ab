package ladder.models.survival;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import ladder.engine.LadderException;
import ladder.models.result.Result;
import ladder.models.result.ResultTable;
import ladder.models.result.ResultTable.Kind;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * The k-group log-rank test (Mantel 1966; Peto and Peto 1972) and its Fleming-Harrington
 * G<sup>&rho;</sup> family, optionally stratified, as R's
 * {@code survdiff(Surv(time, status) ~ group [+ strata(s)], rho = )} (survival 3.5-3).
 *
 * <p>At each distinct month t of a stratum, with N at risk, D promoted, n_k at risk and d_k
 * promoted in group k and weight w = S(t-)<sup>&rho;</sup> (the pooled Kaplan-Meier curve of the
 * stratum just before t):
 * <pre>
 *   O_k = &Sigma; w d_k,   E_k = &Sigma; w D n_k / N,
 *   V_jk = &Sigma; w&sup2; D (N - D) / (N - 1) &middot; (n_j / N) (&delta;_jk - n_k / N)
 * </pre>
 * summed over times and strata. The statistic is (O - E)' V<sup>-</sup> (O - E) on the groups with
 * E &gt; 0, dropping one (V is singular), chi-square on (groups with E &gt; 0) - 1 df.
 * &rho; = 0 is the log-rank test; &rho; = 1 is the Peto-Peto modification of the Gehan-Wilcoxon
 * test as survdiff defines it (more weight on early promotions).
 *
 * @param rho the Fleming-Harrington exponent, &gt;= 0
 * @param stratified whether the sums are within strata (the cells' stratum labels)
 * @param groups per group: people, weighted observed and expected promotions
 * @param variance V, groups by groups, in the order of {@code groups}
 * @param chiSquare the statistic, or null when fewer than two groups have expected promotions
 * @param df its degrees of freedom
 * @param pValue the upper-tail p-value, or null with the statistic
 * @param suppressBelow 0, or the disclosure threshold of {@link #publishable(int)}
 */
public record LogRank(double rho, boolean stratified, List<Group> groups, List<List<Double>> variance,
        Double chiSquare, int df, Double pValue, int suppressBelow) implements Result {

    /** A group's totals: people in it, (weighted) observed and expected promotions. */
    public record Group(String group, double n, double observed, double expected) {
    }

    public LogRank {
        groups = List.copyOf(groups);
        variance = variance.stream().map(List::copyOf).toList();
    }

    /** The log-rank test (&rho; = 0), unstratified. */
    public static LogRank of(List<SurvivalCell> cells) {
        return of(cells, 0, false);
    }

    /** The G<sup>&rho;</sup> test of the groups of {@code cells}, within strata if {@code stratified}. */
    public static LogRank of(List<SurvivalCell> cells, double rho, boolean stratified) {
        if (!(rho >= 0) || Double.isInfinite(rho)) {
            throw new IllegalArgumentException("rho must be >= 0, got " + rho);
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        Map<String, TreeMap<Integer, double[][]>> strata = new LinkedHashMap<>();
        for (SurvivalCell cell : cells) {
            if (stratified && cell.stratum() == null) {
                throw new LadderException("a stratified log-rank test needs a stratum for every cell; "
                        + cell.group() + " at month " + cell.time() + " has none");
            }
            index.putIfAbsent(cell.group(), index.size());
        }
        int k = index.size();
        if (k < 2) {
            throw new LadderException("a log-rank test compares two or more groups; the cells have " + k);
        }
        double[] n = new double[k];
        for (SurvivalCell cell : cells) {
            // per stratum, per time: [group] -> {events, people}
            double[][] at = strata.computeIfAbsent(stratified ? cell.stratum() : "", s -> new TreeMap<>())
                    .computeIfAbsent(cell.time(), t -> new double[k][2]);
            int g = index.get(cell.group());
            at[g][0] += cell.events();
            at[g][1] += cell.people();
            n[g] += cell.people();
        }
        double[] observed = new double[k];
        double[] expected = new double[k];
        double[][] v = new double[k][k];
        for (TreeMap<Integer, double[][]> byTime : strata.values()) {
            double[] risk = new double[k];
            for (double[][] at : byTime.values()) {
                for (int g = 0; g < k; g++) {
                    risk[g] += at[g][1];
                }
            }
            double km = 1; // pooled Kaplan-Meier of the stratum, left-continuous
            for (double[][] at : byTime.values()) {
                double total = 0;
                double deaths = 0;
                for (int g = 0; g < k; g++) {
                    total += risk[g];
                    deaths += at[g][0];
                }
                double w = rho == 0 ? 1 : Math.pow(km, rho);
                if (deaths > 0) {
                    for (int g = 0; g < k; g++) {
                        observed[g] += w * at[g][0];
                        expected[g] += w * deaths * risk[g] / total;
                    }
                    if (total > 1) {
                        double f = w * w * deaths * (total - deaths) / (total * (total - 1));
                        for (int i = 0; i < k; i++) {
                            double fi = f * risk[i];
                            v[i][i] += fi;
                            for (int j = 0; j < k; j++) {
                                v[i][j] -= fi * risk[j] / total;
                            }
                        }
                    }
                }
                km *= (total - deaths) / total;
                for (int g = 0; g < k; g++) {
                    risk[g] -= at[g][1];
                }
            }
        }
        List<Integer> kept = new ArrayList<>();
        for (int g = 0; g < k; g++) {
            if (expected[g] > 0) {
                kept.add(g);
            }
        }
        Double chi = null;
        Double p = null;
        int df = kept.size() - 1;
        if (kept.size() >= 2) {
            // Drop the first kept group: the rest of V is of full rank.
            int m = kept.size() - 1;
            RealMatrix vv = new Array2DRowRealMatrix(m, m);
            RealVector oe = new ArrayRealVector(m);
            for (int i = 0; i < m; i++) {
                int gi = kept.get(i + 1);
                oe.setEntry(i, observed[gi] - expected[gi]);
                for (int j = 0; j < m; j++) {
                    vv.setEntry(i, j, v[gi][kept.get(j + 1)]);
                }
            }
            chi = new LUDecomposition(vv).getSolver().solve(oe).dotProduct(oe);
            p = ChiSquaredDistribution.of(df).survivalProbability(chi);
        }
        List<Group> groups = new ArrayList<>();
        index.forEach((name, g) -> groups.add(new Group(name, n[g], observed[g], expected[g])));
        List<List<Double>> variance = new ArrayList<>();
        for (double[] row : v) {
            variance.add(Arrays.stream(row).boxed().toList());
        }
        return new LogRank(rho, stratified, groups, variance, chi, Math.max(df, 0), p, 0);
    }

    /**
     * The same test with disclosure control: a group's people and promotions under {@code threshold}
     * are withheld, and so are its (O-E)^2 terms (they give O back from E).
     */
    public LogRank publishable(int threshold) {
        return new LogRank(rho, stratified, groups, variance, chiSquare, df, pValue, threshold);
    }

    private String testName() {
        return rho == 0 ? "Log-rank test" : rho == 1 ? "Peto-Peto test (Fleming-Harrington rho = 1)"
                : "Fleming-Harrington test (rho = " + rhoText() + ")";
    }

    private String rhoText() {
        return rho == Math.rint(rho) ? Long.toString(Math.round(rho)) : Double.toString(rho);
    }

    @Override
    public String title() {
        return testName() + (stratified ? ", stratified," : "") + " of time to promotion by group";
    }

    @Override
    public Map<String, Object> inputs() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("groups", (long) groups.size());
        inputs.put("people", Math.round(groups.stream().mapToDouble(Group::n).sum()));
        inputs.put("rho", rho);
        inputs.put("stratified", stratified ? "yes, by the cells' stratum" : "no");
        return inputs;
    }

    @Override
    public List<ResultTable> tables() {
        String weighted = rho == 0 ? "" : " (weighted by S(t-)^rho)";
        ResultTable.Builder table = ResultTable.builder("log_rank", "Observed and expected promotions by group")
                .column("group", Kind.LABEL, "group")
                .column("n", Kind.COUNT, "people")
                .column("observed", Kind.NUMBER, "promotions" + weighted)
                .column("expected", Kind.NUMBER, "expected promotions under equal hazards" + weighted)
                .column("oe2_e", Kind.NUMBER, "(O-E)^2/E")
                .column("oe2_v", Kind.NUMBER, "(O-E)^2/V, V the variance of O-E");
        for (int g = 0; g < groups.size(); g++) {
            Group r = groups.get(g);
            double oe = r.observed() - r.expected();
            double var = variance.get(g).get(g);
            boolean few = r.n() < suppressBelow || r.observed() < suppressBelow;
            table.row(r.group(), r.n() < suppressBelow ? null : Math.round(r.n()), few ? null : r.observed(),
                    r.expected(), few || r.expected() == 0 ? null : oe * oe / r.expected(),
                    few || var == 0 ? null : oe * oe / var);
        }
        ResultTable test = ResultTable.builder("test", testName())
                .column("chi_square", Kind.NUMBER, "(O-E)' V^- (O-E)")
                .column("df", Kind.COUNT, "groups with expected promotions, minus 1")
                .column("p_value", Kind.P_VALUE, "upper-tail chi-square p-value")
                .row(chiSquare, (long) df, pValue)
                .build();
        return List.of(table.build(), test);
    }

    /** The test in words. */
    @Override
    public List<String> findings() {
        return chiSquare == null ? List.of() : List.of(String.format(Locale.ROOT, "%s: chi-square %.2f on %d df, p = %.3g.",
                testName(), chiSquare, df, pValue));
    }

    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        if (chiSquare == null) {
            notes.add("No test: fewer than two groups have anyone at risk when promotions happen.");
        } else {
            notes.addAll(findings());
        }
        notes.add((rho == 0 ? "Log-rank test (Mantel 1966; Peto and Peto 1972)"
                : "Fleming-Harrington G-rho test, weights S(t-)^rho of the pooled Kaplan-Meier curve"
                        + (rho == 1 ? " (Peto-Peto modification of the Gehan-Wilcoxon test, as survdiff rho = 1)" : ""))
                + (stratified ? ", sums within strata" : "")
                + ", as R's survdiff(Surv(time, status) ~ group" + (stratified ? " + strata(stratum)" : "")
                + ", rho = " + rhoText() + ") in survival 3.5-3.");
        return notes;
    }
}
