package ladder.models.regression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ladder.engine.LadderException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Logistic regression (binomial GLM with logit link) by iteratively reweighted least squares, as
 * R's {@code glm(formula, family = binomial)}, from cells with counts or from people:
 * <pre>
 *   LogisticModel fit = LogisticRegression.of("promoted ~ seb * gender + C(year)", data)
 *           .reference("seb", "professional").covariance(CovarianceType.CR1).margins("seb").fit();
 * </pre>
 *
 * <p>Each iteration solves (X'WX) &beta; = X'Wz by Cholesky (Commons Math), the sums accumulated
 * over chunks of rows on several threads ({@link IrlsAccumulator}), starting as R does from
 * &mu; = (y + 1/2)/(n + 1). It stops when |dev - dev<sub>old</sub>| / (|dev| + 0.1) &lt; tolerance
 * (R's rule; default {@value #DEFAULT_TOLERANCE}, tighter than R's 10<sup>-8</sup>) or after
 * {@value #DEFAULT_MAX_ITERATIONS} iterations. Aliased columns are found at the first iteration
 * ({@link Aliasing}) and left out, as R's NA; separation is checked by Konis' linear program
 * ({@link Separation}).
 */
public final class LogisticRegression {

    public static final double DEFAULT_TOLERANCE = 1e-10;
    public static final int DEFAULT_MAX_ITERATIONS = 25;
    /** R's threshold for "fitted probabilities numerically 0 or 1 occurred": 10 &epsilon;. */
    static final double EXTREME = 10 * Math.ulp(1.0);

    private LogisticRegression() {
    }

    /** A regression of {@code formula} (R notation) over {@code data}, whose columns decide each variable's kind. */
    public static Builder of(String formula, BinomialData data) {
        return new Builder(Formula.parse(formula, data::kind), data);
    }

    /** A regression of a parsed formula over {@code data}. */
    public static Builder of(Formula formula, BinomialData data) {
        return new Builder(formula, data);
    }

    public static final class Builder {
        private final Formula formula;
        private final BinomialData data;
        private final Map<String, String> references = new LinkedHashMap<>();
        private CovarianceType covariance;
        private double tolerance = DEFAULT_TOLERANCE;
        private int maxIterations = DEFAULT_MAX_ITERATIONS;
        private double level = 0.95;
        private int threads = 1;
        private final List<String> margins = new ArrayList<>();
        private final List<String[]> interactions = new ArrayList<>();

        private Builder(Formula formula, BinomialData data) {
            this.formula = formula;
            this.data = data;
        }

        /** The reference level of a categorical variable (default: its first level with people). */
        public Builder reference(String variable, String level) {
            references.put(variable, level);
            return this;
        }

        /** The covariance of standard errors and tests (default: CR1 with clusters, else MODEL). */
        public Builder covariance(CovarianceType type) {
            this.covariance = type;
            return this;
        }

        /** The convergence tolerance on the relative deviance change (default {@value #DEFAULT_TOLERANCE}). */
        public Builder tolerance(double tolerance) {
            if (!(tolerance > 0)) {
                throw new IllegalArgumentException("tolerance must be positive: " + tolerance);
            }
            this.tolerance = tolerance;
            return this;
        }

        public Builder maxIterations(int maxIterations) {
            if (maxIterations < 1) {
                throw new IllegalArgumentException("maxIterations must be at least 1: " + maxIterations);
            }
            this.maxIterations = maxIterations;
            return this;
        }

        /** The confidence level of intervals (default 0.95). */
        public Builder level(double level) {
            if (!(level > 0 && level < 1)) {
                throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
            }
            this.level = level;
            return this;
        }

        /** Threads for the passes over rows (default 1); results do not depend on it. */
        public Builder threads(int threads) {
            this.threads = Math.max(1, threads);
            return this;
        }

        /** Average predictions and discrete changes for the levels of these categorical variables ({@link Margins}). */
        public Builder margins(String... variables) {
            margins.addAll(List.of(variables));
            return this;
        }

        /**
         * The additive interaction (RERI, AP, S; {@link AdditiveInteraction}) of two binary contrasts,
         * named by their columns, e.g. {@code "seb=working_class", "gender=woman"}; the model must
         * have their product column.
         */
        public Builder interaction(String a, String b) {
            interactions.add(new String[] {a, b});
            return this;
        }

        public LogisticModel fit() {
            return new Fitter(this).fit();
        }
    }

    /** One fit's state. */
    private static final class Fitter {
        private final Builder spec;
        private final Design design;
        private final BinomialData data;
        private final int p;
        private final List<String> warnings = new ArrayList<>();

        Fitter(Builder spec) {
            this.spec = spec;
            this.data = spec.data;
            this.design = new Design(spec.formula, spec.data, spec.references);
            this.p = design.columns();
        }

        LogisticModel fit() {
            CovarianceType type = spec.covariance != null ? spec.covariance
                    : data.hasClusters() ? CovarianceType.CR1 : CovarianceType.MODEL;
            if (type.clustered() && !data.hasClusters()) {
                throw new LadderException("cluster-robust errors (" + type + ") need a cluster for each row");
            }
            IrlsAccumulator acc = pass(null);
            boolean[] aliased = Aliasing.aliased(acc.xtwx());
            boolean[] kept = new boolean[p];
            for (int j = 0; j < p; j++) {
                kept[j] = !aliased[j];
            }
            double[] beta = new double[p];
            double devOld = -2 * acc.logLikelihood();
            int iterations = 0;
            boolean converged = false;
            while (iterations < spec.maxIterations) {
                double[] next = solve(acc, kept);
                if (next == null) {
                    warnings.add("X'WX was not positive definite at iteration " + (iterations + 1)
                            + ": the fit stopped there (fitted probabilities at 0 or 1)");
                    if (iterations == 0) {
                        throw new LadderException("the model cannot be fitted: X'WX is singular at the start");
                    }
                    acc = pass(beta);
                    break;
                }
                beta = next;
                iterations++;
                acc = pass(beta);
                double dev = -2 * acc.logLikelihood();
                if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < spec.tolerance) {
                    converged = true;
                    break;
                }
                devOld = dev;
            }
            int[] index = Covariances.keptIndex(kept);
            double[][] bread = inverse(acc.xtwx(), index);
            ScoreSums sums = scores(beta);
            double people = 0;
            double events = 0;
            long cells = 0;
            for (int r = 0; r < data.rows(); r++) {
                double n = data.trials(r);
                if (n > 0) {
                    people += n;
                    events += data.events(r);
                    cells++;
                }
            }
            int extreme = sums.extreme();
            long clusters = data.hasClusters() ? data.clusterLabels().size() : 0;
            List<String> keptNames = new ArrayList<>();
            for (int j : index) {
                keptNames.add(design.columnNames().get(j));
            }
            Covariances covariances = new Covariances(keptNames, bread,
                    data.hasClusters() ? sums.meat(kept, data.clusterLabels().size()) : null, clusters, people);
            if (type.clustered() && clusters < 2) {
                throw new LadderException("cluster-robust errors need at least 2 clusters, the data have " + clusters);
            }

            Separation.Check separation = Separation.check(design, kept);
            if (separation.separated()) {
                List<String> diverging = new ArrayList<>();
                for (int j = 0; j < p; j++) {
                    if (separation.diverging(j) != 0) {
                        diverging.add(design.columnNames().get(j) + (separation.diverging(j) > 0 ? " (to +infinity)"
                                : " (to -infinity)"));
                    }
                }
                warnings.add("separation (Konis 2007 linear program): some groups' outcomes are all events or all"
                        + " non-events, so the maximum likelihood estimates of " + String.join(", ", diverging)
                        + " do not exist (they diverge); their standard errors and tests are withheld, and the other"
                        + " estimates are those of the last iteration");
            } else if (extreme > 0) {
                warnings.add("fitted probabilities numerically 0 or 1 occurred in " + extreme + " rows (R's warning)"
                        + (separation.checked() ? ", although Konis' check found no separation"
                                : "; the separation check was not completed (over " + Separation.MAX_PATTERNS
                                        + " distinct designs, or its linear program unfinished after 100,000"
                                        + " iterations), so some estimates may be diverging"));
            }
            if (!converged) {
                warnings.add("IRLS did not converge in " + iterations + " iterations (tolerance " + spec.tolerance
                        + "): the estimates are not maximum likelihood estimates");
            }

            double ll = acc.logLikelihood();
            double nullLl;
            if (design.intercept()) {
                double mean = events / people;
                nullLl = IrlsAccumulator.bernoulli(events, people, mean);
            } else {
                nullLl = people * Math.log(0.5);
            }
            int k = index.length;
            FitStatistics statistics = new FitStatistics(people, cells, events, k, clusters, ll, -2 * ll, -2 * nullLl,
                    design.intercept() ? people - 1 : people, people - k, cells - k, -2 * ll + 2 * k,
                    -2 * ll + k * Math.log(people), iterations, converged, spec.tolerance, spec.maxIterations);

            double[][] v = covariances.matrix(type);
            double[][] vModel = covariances.matrix(CovarianceType.MODEL);
            double z = NormalDistribution.of(0, 1).inverseCumulativeProbability((1 + spec.level) / 2);
            List<Coefficient> coefficients = new ArrayList<>();
            double[] estimates = new double[k];
            for (int j = 0, c = 0; j < p; j++) {
                String name = design.columnNames().get(j);
                String term = design.termOf(j) < 0 ? "(Intercept)" : design.termLabels().get(design.termOf(j));
                if (!kept[j]) {
                    coefficients.add(new Coefficient(name, term, Coefficient.Status.ALIASED, null, null, null, null, null,
                            null, null, null, null, null, sums.people(j), sums.events(j)));
                    continue;
                }
                estimates[c] = beta[j];
                if (separation.diverging(j) != 0) {
                    double sign = Math.signum(separation.diverging(j));
                    coefficients.add(new Coefficient(name, term, Coefficient.Status.DIVERGES,
                            sign * Double.POSITIVE_INFINITY, null, null, null, null, null, null,
                            sign > 0 ? Double.POSITIVE_INFINITY : 0.0, null, null, sums.people(j), sums.events(j)));
                } else {
                    double se = Math.sqrt(v[c][c]);
                    double zValue = beta[j] / se;
                    double pValue = 2 * NormalDistribution.of(0, 1).survivalProbability(Math.abs(zValue));
                    double lower = beta[j] - z * se;
                    double upper = beta[j] + z * se;
                    coefficients.add(new Coefficient(name, term, Coefficient.Status.ESTIMATED, beta[j], se,
                            Math.sqrt(vModel[c][c]), zValue, pValue, lower, upper, Math.exp(beta[j]), Math.exp(lower),
                            Math.exp(upper), sums.people(j), sums.events(j)));
                }
                c++;
            }

            List<WaldTest> tests = new ArrayList<>();
            for (int t = 0; t < design.termLabels().size(); t++) {
                List<Integer> cols = new ArrayList<>();
                boolean diverges = false;
                for (int c = 0; c < k; c++) {
                    if (design.termOf(index[c]) == t) {
                        cols.add(c);
                        diverges |= separation.diverging(index[c]) != 0;
                    }
                }
                if (cols.isEmpty() || diverges) {
                    continue;
                }
                int[] columns = cols.stream().mapToInt(Integer::intValue).toArray();
                String label = design.termLabels().get(t);
                tests.add(WaldTest.of(label, columns, estimates, vModel, CovarianceType.MODEL));
                if (type != CovarianceType.MODEL) {
                    tests.add(WaldTest.of(label, columns, estimates, v, type));
                }
            }

            List<Margins> margins = new ArrayList<>();
            for (String variable : spec.margins) {
                margins.add(Margins.of(design, variable, beta, kept, covariances, type, spec.level, spec.threads));
            }
            List<AdditiveInteraction> interactions = new ArrayList<>();
            for (String[] pair : spec.interactions) {
                interactions.add(AdditiveInteraction.of(keptNames, estimates, v, type, pair[0], pair[1], spec.level));
            }
            for (Design.DroppedLevel d : design.droppedLevels()) {
                warnings.add("level '" + d.level() + "' of " + d.variable() + " has no people and is left out");
            }
            for (int j = 0; j < p; j++) {
                if (!kept[j]) {
                    warnings.add("coefficient " + design.columnNames().get(j)
                            + " is aliased (a linear combination of earlier columns) and not estimated, as R's NA");
                }
            }
            return new LogisticModel(spec.formula.text(), spec.formula.outcome(), design.references(),
                    design.droppedLevels(), coefficients, statistics, type, spec.level, covariances, tests, margins,
                    interactions, separation.checked(), warnings);
        }

        /** One pass over the rows at {@code beta} (null: R's starting values). */
        private IrlsAccumulator pass(double[] beta) {
            return RowChunks.run(data.rows(), spec.threads, () -> new IrlsAccumulator(p), (a, from, to) -> {
                double[] x = new double[p];
                for (int r = from; r < to; r++) {
                    double n = data.trials(r);
                    if (n == 0) {
                        continue;
                    }
                    double y = data.events(r);
                    design.row(r, x);
                    double eta;
                    if (beta == null) {
                        double mu = (y + 0.5) / (n + 1);
                        eta = Math.log(mu / (1 - mu));
                    } else {
                        eta = dot(x, beta);
                    }
                    a.add(x, n, y, eta);
                }
            }, IrlsAccumulator::combine);
        }

        private ScoreSums scores(double[] beta) {
            int clusters = data.hasClusters() ? data.clusterLabels().size() : 0;
            BinomialData.ClusterCells cells = data.clusterCells();
            if (cells == null) {
                return RowChunks.run(data.rows(), spec.threads, () -> new ScoreSums(p, clusters), (a, from, to) -> {
                    double[] x = new double[p];
                    for (int r = from; r < to; r++) {
                        design.row(r, x);
                        a.add(x, data.trials(r), data.events(r), IrlsAccumulator.mean(dot(x, beta)),
                                clusters > 0 ? data.cluster(r) : 0);
                    }
                }, ScoreSums::combine);
            }
            // Each row's fitted probability once; then every (row, cluster) cell adds its people's scores. A row's cells
            // are consecutive when the cluster is the cube's last covariate dimension, so its design row is made once.
            double[] mu = new double[data.rows()];
            double[] x = new double[p];
            for (int r = 0; r < mu.length; r++) {
                design.row(r, x);
                mu[r] = IrlsAccumulator.mean(dot(x, beta));
            }
            return RowChunks.run(cells.size(), spec.threads, () -> new ScoreSums(p, clusters), (a, from, to) -> {
                double[] xr = new double[p];
                int previous = -1;
                for (int i = from; i < to; i++) {
                    int r = cells.rows()[i];
                    if (r != previous) {
                        design.row(r, xr);
                        previous = r;
                    }
                    a.add(xr, cells.trials()[i], cells.events()[i], mu[r], cells.clusters()[i]);
                }
            }, ScoreSums::combine);
        }

        /** The next coefficients, 0 for aliased columns; null if X'WX is not positive definite. */
        private double[] solve(IrlsAccumulator acc, boolean[] kept) {
            int[] index = Covariances.keptIndex(kept);
            double[][] full = acc.xtwx();
            double[] rhs = acc.xtwz();
            double[] b = new double[index.length];
            for (int a = 0; a < index.length; a++) {
                b[a] = rhs[index[a]];
            }
            DecompositionSolver solver = cholesky(full, index);
            if (solver == null) {
                return null;
            }
            double[] solved = solver.solve(new ArrayRealVector(b, false)).toArray();
            double[] beta = new double[p];
            for (int a = 0; a < index.length; a++) {
                beta[index[a]] = solved[a];
            }
            return beta;
        }

        private static DecompositionSolver cholesky(double[][] full, int[] index) {
            double[][] m = new double[index.length][index.length];
            for (int a = 0; a < index.length; a++) {
                for (int c = 0; c < index.length; c++) {
                    m[a][c] = full[index[a]][index[c]];
                }
            }
            try {
                return new CholeskyDecomposition(new Array2DRowRealMatrix(m, false), 1e-12, Double.MIN_NORMAL)
                        .getSolver();
            } catch (NonPositiveDefiniteMatrixException e) {
                return null;
            }
        }

        private static double[][] inverse(double[][] full, int[] index) {
            DecompositionSolver solver = cholesky(full, index);
            if (solver == null) {
                throw new LadderException("X'WX is singular at the estimate: the covariance cannot be computed");
            }
            return solver.getInverse().getData();
        }
    }

    static double dot(double[] x, double[] beta) {
        double s = 0;
        for (int j = 0; j < x.length; j++) {
            s += x[j] * beta[j];
        }
        return s;
    }

    /** A percentage with one decimal, for sentences. */
    static String percent(double proportion) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * proportion);
    }
}
