package ladder.models.regression;

import static ladder.models.regression.LogisticReference.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Cells (with the cluster one of the cell's dimensions) and the same people one row each give the
 * same fit: coefficients, model and cluster-robust SEs (the CR1 factor uses N people, not cells),
 * Bernoulli log-likelihood, deviance, AIC, BIC and margins, to 1e-10 relative. And a fit does not
 * depend on the number of threads, to the last bit.
 */
class GroupedVersusRowsTest {

    private static final double TIGHT = 1e-10;

    @Test
    void cellsOfThreeThousandPeopleEqualTheirRows() {
        Map<String, List<String>> c = TestData.read("logistic_rows.csv");
        // Cells: employer x seb x gender x ethnicity x year.
        Map<String, double[]> cells = new LinkedHashMap<>();
        for (int r = 0; r < c.get("promoted").size(); r++) {
            String key = c.get("employer_id").get(r) + "," + c.get("seb").get(r) + "," + c.get("gender").get(r) + ","
                    + c.get("ethnicity").get(r) + "," + c.get("year").get(r);
            double[] ny = cells.computeIfAbsent(key, k -> new double[2]);
            ny[0]++;
            ny[1] += Double.parseDouble(c.get("promoted").get(r));
        }
        int m = cells.size();
        String[][] parts = new String[5][m];
        double[] n = new double[m];
        double[] y = new double[m];
        int i = 0;
        for (Map.Entry<String, double[]> e : cells.entrySet()) {
            String[] p = e.getKey().split(",");
            for (int d = 0; d < 5; d++) {
                parts[d][i] = p[d];
            }
            n[i] = e.getValue()[0];
            y[i] = e.getValue()[1];
            i++;
        }
        double[] year = new double[m];
        for (int r = 0; r < m; r++) {
            year[r] = Double.parseDouble(parts[4][r]);
        }
        BinomialData grouped = BinomialData.builder(y).trials(n).clusters(parts[0])
                .categorical("seb", parts[1], TestData.SEB).categorical("gender", parts[2], TestData.GENDER)
                .categorical("ethnicity", parts[3], TestData.ETHNICITY).numeric("year", year).build();
        String formula = "promoted ~ seb * gender + ethnicity + C(year)";
        LogisticModel fromCells = LogisticRegression.of(formula, grouped).margins("seb").fit();
        LogisticModel fromRows = LogisticRegression.of(formula, TestData.rows()).margins("seb").fit();
        assertEquals(true, m < 3000, "cells merge people");
        assertSame(fromRows, fromCells, TIGHT);

        // The same cells as covariate patterns (what the fit iterates over) with their cells by employer kept apart
        // (for the clusters' score sums): the same fit again.
        Map<String, Integer> patternOf = new LinkedHashMap<>();
        Map<String, Integer> employerOf = new LinkedHashMap<>();
        int[] row = new int[m];
        int[] cluster = new int[m];
        for (int r = 0; r < m; r++) {
            row[r] = patternOf.computeIfAbsent(parts[1][r] + "," + parts[2][r] + "," + parts[3][r] + "," + parts[4][r],
                    k -> patternOf.size());
            cluster[r] = employerOf.computeIfAbsent(parts[0][r], k -> employerOf.size());
        }
        int patterns = patternOf.size();
        double[] pn = new double[patterns];
        double[] py = new double[patterns];
        String[][] at = new String[4][patterns];
        for (int r = 0; r < m; r++) {
            pn[row[r]] += n[r];
            py[row[r]] += y[r];
            for (int d = 0; d < 4; d++) {
                at[d][row[r]] = parts[d + 1][r];
            }
        }
        double[] patternYear = new double[patterns];
        for (int r = 0; r < patterns; r++) {
            patternYear[r] = Double.parseDouble(at[3][r]);
        }
        BinomialData split = BinomialData.builder(py).trials(pn)
                .categorical("seb", at[0], TestData.SEB).categorical("gender", at[1], TestData.GENDER)
                .categorical("ethnicity", at[2], TestData.ETHNICITY).numeric("year", patternYear)
                .clusterCells(new BinomialData.ClusterCells(List.copyOf(employerOf.keySet()), row, cluster, n, y)).build();
        assertEquals(true, patterns < m, "patterns merge the employers' cells");
        // (1e-9: fewer, larger rows take a slightly different floating-point path to the same convergence.)
        assertSame(fromRows, LogisticRegression.of(formula, split).margins("seb").fit(), 1e-9);
    }

    @Test
    void fortyThousandPeopleEqualTheirCellsOnAnyNumberOfThreads() {
        BinomialData cells = TestData.cells();
        List<Double> y = new ArrayList<>();
        List<String> seb = new ArrayList<>();
        List<String> gender = new ArrayList<>();
        List<String> employer = new ArrayList<>();
        Map<String, List<String>> c = TestData.read("logistic_cells.csv");
        for (int r = 0; r < cells.rows(); r++) {
            for (int k = 0; k < cells.trials(r); k++) {
                y.add(k < cells.events(r) ? 1.0 : 0.0);
                seb.add(c.get("seb").get(r));
                gender.add(c.get("gender").get(r));
                employer.add(c.get("employer_id").get(r));
            }
        }
        BinomialData people = BinomialData.builder(y.stream().mapToDouble(Double::doubleValue).toArray())
                .categorical("seb", seb.toArray(String[]::new), TestData.SEB)
                .categorical("gender", gender.toArray(String[]::new), TestData.GENDER)
                .clusters(employer.toArray(String[]::new)).build();
        assertEquals(40000, people.rows(), "more than one chunk of rows");
        LogisticModel one = LogisticRegression.of("promoted ~ seb + gender", people).margins("seb").threads(1).fit();
        LogisticModel three = LogisticRegression.of("promoted ~ seb + gender", people).margins("seb").threads(3).fit();
        assertSame(one, LogisticRegression.of("promoted ~ seb + gender", cells).margins("seb").fit(), TIGHT);
        for (CovarianceType t : CovarianceType.values()) {
            double[][] a = one.covariances().matrix(t);
            double[][] b = three.covariances().matrix(t);
            for (int r = 0; r < a.length; r++) {
                assertArrayEquals(a[r], b[r], 0, "threads change nothing: " + t);
            }
        }
        assertEquals(one.coefficients(), three.coefficients());
        assertEquals(one.statistics(), three.statistics());
        assertEquals(one.margins(), three.margins());
    }

    private static void assertSame(LogisticModel rows, LogisticModel cells, double tolerance) {
        assertEquals(rows.covariances().names(), cells.covariances().names());
        for (Coefficient r : rows.coefficients()) {
            Coefficient g = cells.coefficient(r.name());
            assertClose(r.estimate(), g.estimate(), tolerance, "estimate " + r.name());
            assertClose(r.modelSe(), g.modelSe(), tolerance, "model SE " + r.name());
            assertClose(r.se(), g.se(), tolerance, "CR1 SE " + r.name());
            assertEquals(r.people(), g.people(), "people behind " + r.name());
        }
        for (CovarianceType t : CovarianceType.values()) {
            double[][] a = rows.covariances().matrix(t);
            double[][] b = cells.covariances().matrix(t);
            for (int i = 0; i < a.length; i++) {
                assertClose(a[i][i], b[i][i], tolerance, t + " variance " + i);
            }
        }
        FitStatistics a = rows.statistics();
        FitStatistics b = cells.statistics();
        assertEquals(a.people(), b.people());
        assertClose(a.logLikelihood(), b.logLikelihood(), tolerance, "Bernoulli log-likelihood");
        assertClose(a.deviance(), b.deviance(), tolerance, "deviance");
        assertClose(a.nullDeviance(), b.nullDeviance(), tolerance, "null deviance");
        assertClose(a.aic(), b.aic(), tolerance, "AIC");
        assertClose(a.bic(), b.bic(), tolerance, "BIC");
        assertEquals(a.residualDf(), b.residualDf());
        Margins ma = rows.margins("seb");
        Margins mb = cells.margins("seb");
        for (int l = 0; l < ma.predictions().size(); l++) {
            assertClose(ma.predictions().get(l).probability(), mb.predictions().get(l).probability(), tolerance, "margin");
            assertClose(ma.predictions().get(l).se(), mb.predictions().get(l).se(), tolerance, "margin SE");
        }
    }
}
