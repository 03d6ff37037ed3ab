package ladder.models.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Counts against rows: random person-level data, aggregated to cells for Ladder's classes, and
 * the same statistics computed here from the rows by the textbook formulas in plain loops over
 * people (no cells, no sorting tricks). They agree to rounding (1e-10 relative).
 */
class RowLevelCheckTest {

    private static final double TOLERANCE = 1e-10;
    private static final List<String> GROUPS = List.of("professional", "intermediate", "working");
    private static final List<String> SEXES = List.of("female", "male");

    /** A person: covariates (group, sex), stratum, cluster, months, promoted. */
    private record Row(int group, int sex, int stratum, int cluster, int time, boolean event) {
        double[] x() {
            return new double[] {group == 1 ? 1 : 0, group == 2 ? 1 : 0, sex};
        }
    }

    private static List<Row> rows(long seed) {
        return rows(seed, 500, 45);
    }

    /** {@code n} people censored at 0 to {@code months} - 1 months. */
    private static List<Row> rows(long seed, int n, int months) {
        Random random = new Random(seed);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int group = random.nextInt(3);
            int sex = random.nextInt(2);
            double rate = 0.05 * Math.exp(-0.3 * group + 0.2 * sex);
            int event = (int) Math.ceil(-Math.log(random.nextDouble()) / rate);
            int censor = random.nextInt(months); // whole months: heavy ties, some at 0
            rows.add(new Row(group, sex, random.nextInt(3), random.nextInt(9), Math.min(event, censor), event <= censor));
        }
        return rows;
    }

    /** The rows aggregated to cells: one per (group, sex, stratum, cluster, month). */
    private static List<SurvivalCell> cells(List<Row> rows, boolean withSex) {
        Map<List<Object>, double[]> cells = new LinkedHashMap<>();
        for (Row r : rows) {
            double[] dc = cells.computeIfAbsent(List.of(r.group(), r.sex(), r.stratum(), r.cluster(), r.time()),
                    k -> new double[2]);
            dc[r.event() ? 0 : 1]++;
        }
        List<SurvivalCell> out = new ArrayList<>();
        cells.forEach((k, dc) -> {
            List<String> levels = withSex ? List.of(GROUPS.get((Integer) k.get(0)), SEXES.get((Integer) k.get(1)))
                    : List.of(GROUPS.get((Integer) k.get(0)));
            out.add(new SurvivalCell(levels, "s" + k.get(2), "e" + k.get(3), (Integer) k.get(4), dc[0], dc[1]));
        });
        return out;
    }

    private static void assertRelative(double expected, double actual, String what) {
        double error = Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
        assertTrue(expected == actual || error <= TOLERANCE,
                () -> what + ": rows give " + expected + ", counts " + actual + " (error " + error + ")");
    }

    @org.junit.jupiter.api.Test
    void kaplanMeierFromCountsEqualsRows() {
        List<Row> rows = rows(1);
        KaplanMeier km = KaplanMeier.of(cells(rows, true), ConfidenceType.LOG, 0.95, KaplanMeier.DEFAULT_TIMES);
        int compared = 0;
        for (int g = 0; g < 3; g++) {
            for (int sex = 0; sex < 2; sex++) {
                KaplanMeierCurve curve = km.curve(GROUPS.get(g) + " / " + SEXES.get(sex));
                double s = 1;
                double v = 0;
                for (KaplanMeierCurve.Point p : curve.points()) {
                    int n = 0;
                    int d = 0;
                    for (Row r : rows) {
                        if (r.group() == g && r.sex() == sex && r.time() >= p.time()) {
                            n++;
                            d += r.time() == p.time() && r.event() ? 1 : 0;
                        }
                    }
                    s *= 1 - (double) d / n;
                    v += d == 0 ? 0 : (double) d / ((double) n * (n - d));
                    assertEquals(n, p.nRisk());
                    assertEquals(d, p.nEvent());
                    assertRelative(s, p.survival(), "S at " + p.time());
                    if (s > 0) {
                        assertRelative(s * Math.sqrt(v), p.se(), "se at " + p.time());
                    }
                    compared++;
                }
            }
        }
        assertTrue(compared > 100, "compared " + compared);
    }

    @org.junit.jupiter.api.Test
    void logRankFromCountsEqualsRows() {
        List<Row> rows = rows(2);
        for (boolean stratified : new boolean[] {false, true}) {
            LogRank test = LogRank.of(cells(rows, false), 0, stratified);
            double[] o = new double[3];
            double[] e = new double[3];
            double[][] v = new double[3][3];
            for (int s = 0; s < 3; s++) {
                TreeSet<Integer> times = new TreeSet<>();
                rows.forEach(r -> times.add(r.time()));
                for (int t : times) {
                    double[] n = new double[3];
                    double[] d = new double[3];
                    for (Row r : rows) {
                        if ((!stratified || r.stratum() == s) && r.time() >= t) {
                            n[r.group()]++;
                            d[r.group()] += r.time() == t && r.event() ? 1 : 0;
                        }
                    }
                    double total = n[0] + n[1] + n[2];
                    double deaths = d[0] + d[1] + d[2];
                    for (int g = 0; g < 3; g++) {
                        o[g] += d[g];
                        e[g] += total == 0 ? 0 : deaths * n[g] / total;
                        for (int h = 0; h < 3 && total > 1; h++) {
                            v[g][h] += deaths * (total - deaths) / (total - 1) * n[g] / total
                                    * ((g == h ? 1 : 0) - n[h] / total);
                        }
                    }
                }
                if (!stratified) {
                    break;
                }
            }
            RealMatrix vv = new Array2DRowRealMatrix(new double[][] {{v[1][1], v[1][2]}, {v[2][1], v[2][2]}});
            double[] oe = {o[1] - e[1], o[2] - e[2]};
            double[] sol = new LUDecomposition(vv).getSolver().solve(new org.apache.commons.math3.linear.ArrayRealVector(oe))
                    .toArray();
            double chi = sol[0] * oe[0] + sol[1] * oe[1];
            assertRelative(chi, test.chiSquare(), "log-rank chi-square, stratified " + stratified);
            for (LogRank.Group g : test.groups()) {
                int gi = GROUPS.indexOf(g.group());
                assertRelative(o[gi], g.observed(), "observed " + g.group());
                assertRelative(e[gi], g.expected(), "expected " + g.group());
            }
        }
    }

    /**
     * The fit from counts is the maximum of the row-level partial likelihood: its log-likelihood
     * and score there, the information, and the per-cluster score residuals (robust variance),
     * computed here person by person, factor by factor. The second data set has 33 to 124
     * promotions per stratum and month, so Efron's sums take their closed form there (more than
     * {@value EfronTieSums#DIRECT} factors).
     */
    @ParameterizedTest
    @CsvSource({"EFRON,500,45", "BRESLOW,500,45", "EFRON,12000,4", "BRESLOW,12000,4"})
    void coxFromCountsEqualsRows(Ties ties, int n, int months) {
        List<Row> rows = rows(3, n, months);
        if (n > 1000) {
            Map<List<Integer>, Integer> tied = new LinkedHashMap<>();
            rows.stream().filter(Row::event).forEach(r -> tied.merge(List.of(r.stratum(), r.time()), 1, Integer::sum));
            assertTrue(tied.values().stream().allMatch(d -> d > EfronTieSums.DIRECT), "promotions per stratum and month "
                    + tied.values());
        }
        for (boolean stratified : new boolean[] {false, true}) {
            CoxModel fit = CoxModel.fit(List.of("group", "sex"), List.of(GROUPS, SEXES), cells(rows, true),
                    new CoxModel.Options(ties, stratified, true, 0.95));
            double[] beta = fit.coefficients().stream().mapToDouble(CoxModel.Coefficient::coef).toArray();
            Naive at = naive(rows, beta, ties, stratified);
            assertRelative(at.logLik, fit.logLik(), "log-likelihood at the fit");
            assertRelative(naive(rows, new double[3], ties, stratified).logLik, fit.logLikNull(), "null log-likelihood");
            for (double u : at.score) {
                assertEquals(0, u, 1e-6, "row-level score at the fit");
            }
            RealMatrix v = new LUDecomposition(new Array2DRowRealMatrix(at.information)).getSolver().getInverse();
            RealMatrix b = new Array2DRowRealMatrix(3, 3);
            for (double[] u : at.clusterScores) {
                b = b.add(new Array2DRowRealMatrix(u).multiply(new Array2DRowRealMatrix(u).transpose()));
            }
            RealMatrix robust = v.multiply(b).multiply(v);
            for (int j = 0; j < 3; j++) {
                // The fit's beta solves the counts' score equations to R's 1e-9 criterion, so
                // derivatives at it agree to about 1e-8.
                assertEquals(Math.sqrt(v.getEntry(j, j)), fit.coefficients().get(j).se(), 1e-8, "se " + j);
                assertEquals(Math.sqrt(robust.getEntry(j, j)), fit.coefficients().get(j).robustSe(), 1e-8,
                        "robust se " + j);
            }
        }
    }

    private record Naive(double logLik, double[] score, double[][] information, double[][] clusterScores) {
    }

    /** Partial likelihood, score, information and score residuals summed per cluster, person by person. */
    private static Naive naive(List<Row> rows, double[] beta, Ties ties, boolean stratified) {
        double ll = 0;
        double[] u = new double[3];
        double[][] imat = new double[3][3];
        double[][] resid = new double[rows.size()][3];
        TreeSet<Integer> times = new TreeSet<>();
        rows.forEach(r -> times.add(r.time()));
        for (int s = 0; s < (stratified ? 3 : 1); s++) {
            for (int t : times) {
                List<Integer> risk = new ArrayList<>();
                Set<Integer> dead = new HashSet<>();
                for (int i = 0; i < rows.size(); i++) {
                    Row r = rows.get(i);
                    if ((!stratified || r.stratum() == s) && r.time() >= t) {
                        risk.add(i);
                        if (r.time() == t && r.event()) {
                            dead.add(i);
                        }
                    }
                }
                int deaths = dead.size();
                if (deaths == 0) {
                    continue;
                }
                for (int i : dead) {
                    double[] x = rows.get(i).x();
                    for (int j = 0; j < 3; j++) {
                        ll += beta[j] * x[j];
                        u[j] += x[j];
                    }
                }
                int factors = ties == Ties.EFRON ? deaths : 1;
                for (int k = 0; k < factors; k++) {
                    // Efron: the promoted keep 1 - k/D of their weight in factor k; Breslow: all of it, D times.
                    double down = ties == Ties.EFRON ? (double) k / deaths : 0;
                    double mult = ties == Ties.EFRON ? 1 : deaths;
                    double den = 0;
                    double[] s1 = new double[3];
                    double[][] s2 = new double[3][3];
                    for (int i : risk) {
                        double[] x = rows.get(i).x();
                        double w = risk(beta, x) * (dead.contains(i) ? 1 - down : 1);
                        den += w;
                        for (int j = 0; j < 3; j++) {
                            s1[j] += w * x[j];
                            for (int l = 0; l < 3; l++) {
                                s2[j][l] += w * x[j] * x[l];
                            }
                        }
                    }
                    ll -= mult * Math.log(den);
                    for (int j = 0; j < 3; j++) {
                        u[j] -= mult * s1[j] / den;
                        for (int l = 0; l < 3; l++) {
                            imat[j][l] += mult * (s2[j][l] / den - s1[j] * s1[l] / (den * den));
                        }
                    }
                    // Score residuals: dN_i - Y_i r_i dLambda, with the promoted's share of factor k.
                    for (int i : risk) {
                        double[] x = rows.get(i).x();
                        boolean died = dead.contains(i);
                        double share = died ? 1 - down : 1;
                        for (int j = 0; j < 3; j++) {
                            double centred = x[j] - s1[j] / den;
                            if (died) {
                                resid[i][j] += centred * mult / deaths;
                            }
                            resid[i][j] -= centred * risk(beta, x) * share * mult / den;
                        }
                    }
                }
            }
        }
        double[][] clusters = new double[9][3];
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < 3; j++) {
                clusters[rows.get(i).cluster()][j] += resid[i][j];
            }
        }
        return new Naive(ll, u, imat, clusters);
    }

    private static double risk(double[] beta, double[] x) {
        return Math.exp(beta[0] * x[0] + beta[1] * x[1] + beta[2] * x[2]);
    }
}
