package ladder.models.survival;

import java.util.ArrayList;
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
import org.apache.commons.math3.linear.NonSymmetricMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * A Cox proportional hazards model of time to promotion on categorical covariates (Cox 1972),
 * fitted from counts, as R's {@code coxph(Surv(time, status) ~ covariates [+ strata(s)], ties = ,
 * [cluster = ])} with {@code summary()} and {@code cox.zph()} (survival 3.5-3).
 *
 * <p>The partial likelihood, with Efron's (Efron 1977, the default) or Breslow's handling of
 * tied months, is maximised by Newton-Raphson from &beta; = 0 exactly as survival's coxfit6.c:
 * full steps while the log-likelihood rises, step halving when it falls, convergence when
 * |1 - l_old / l_new| &lt;= 1e-9, at most 20 iterations. Standard errors come from the inverse
 * information; with {@code robust}, also the cluster-robust sandwich V B V with B summed over
 * clusters of score residuals (Lin and Wei 1989; see {@link ClusterScores}), which then serves
 * the z, p, intervals and Wald test (as summary(coxph) does). The likelihood-ratio, Wald and
 * score (log-rank) tests are those summary(coxph) prints; with {@code robust} also its robust
 * score test. {@link ProportionalHazardsTest} is cox.zph's test.
 */
public record CoxModel(List<String> covariates, List<List<String>> levels, Options options,
        List<Coefficient> coefficients, double logLikNull, double logLik, List<Test> tests,
        ProportionalHazardsTest proportionalHazards, int iterations, long people, long events, int strata,
        int clusters) implements Result {

    /** R's coxph.control defaults. */
    static final double EPS = 1e-9;
    static final int MAX_ITERATIONS = 20;

    /**
     * How to fit.
     *
     * @param ties Efron or Breslow
     * @param stratified a baseline hazard per stratum (the cells' stratum labels), as strata()
     * @param robust cluster-robust standard errors over the cells' cluster labels, as cluster =
     * @param level the confidence level of the hazard-ratio intervals
     */
    public record Options(Ties ties, boolean stratified, boolean robust, double level) {
        public Options {
            if (!(level > 0 && level < 1)) {
                throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
            }
        }

        /** Efron, unstratified, model-based standard errors, 95%. */
        public static Options defaults() {
            return new Options(Ties.EFRON, false, false, 0.95);
        }
    }

    /**
     * A coefficient: the log hazard ratio of {@code level} against the covariate's reference level.
     *
     * @param se the model-based standard error
     * @param robustSe the cluster-robust standard error, or null without {@code robust}
     * @param z coef over the standard error used (robust if there is one)
     */
    public record Coefficient(String covariate, String level, String term, double coef, double se, Double robustSe,
            double hazardRatio, double lower, double upper, double z, double pValue) {
    }

    /** A test of all coefficients being 0. */
    public record Test(String name, double statistic, int df, double pValue) {
    }

    public CoxModel {
        covariates = List.copyOf(covariates);
        levels = levels.stream().map(List::copyOf).toList();
        coefficients = List.copyOf(coefficients);
        tests = List.copyOf(tests);
    }

    /** The model with {@link Options#defaults()}. */
    public static CoxModel fit(List<String> covariates, List<List<String>> levels, List<SurvivalCell> cells) {
        return fit(covariates, levels, cells, Options.defaults());
    }

    /**
     * Fits the model.
     *
     * @param covariates the covariates' names, in the order of the cells' levels
     * @param levels per covariate its levels, the reference first
     * @param cells the counts
     */
    public static CoxModel fit(List<String> covariates, List<List<String>> levels, List<SurvivalCell> cells,
            Options options) {
        CoxDesign design = new CoxDesign(covariates, levels);
        RiskSets sets = new RiskSets(design, cells, options.stratified(), options.robust());
        checkEveryLevelHasEvents(design, cells);
        if (options.robust() && sets.clusterNames.size() < 2) {
            // One cluster's score residuals sum to the score, 0 at the fit: the sandwich is 0.
            throw new LadderException("cluster-robust standard errors need two or more clusters; the data have "
                    + sets.clusterNames.size() + " (" + String.join(", ", sets.clusterNames) + ")");
        }
        int p = design.width();
        Ties ties = options.ties();

        double[] beta = new double[p];
        PartialLikelihood.Derivatives start = PartialLikelihood.at(sets, beta, ties);
        DecompositionSolver solver0 = solver(start.information(), design);
        RealVector u0 = new ArrayRealVector(start.score());
        RealVector step = solver0.solve(u0);
        double score = u0.dotProduct(step);
        double best = start.logLik();
        double[] next = add(beta, step.toArray());
        PartialLikelihood.Derivatives fit = null;
        int halving = 0;
        int iteration;
        for (iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
            PartialLikelihood.Derivatives at = PartialLikelihood.at(sets, next, ties);
            boolean finite = Double.isFinite(at.logLik());
            if (finite && Math.abs(1 - best / at.logLik()) <= EPS) {
                beta = next;
                fit = at;
                break;
            }
            if (!finite || at.logLik() < best) {
                halving++;
                for (int j = 0; j < p; j++) {
                    next[j] = (next[j] + halving * beta[j]) / (halving + 1.0);
                }
            } else {
                halving = 0;
                best = at.logLik();
                double[] s = solver(at.information(), design).solve(new ArrayRealVector(at.score())).toArray();
                beta = next;
                next = add(next, s);
            }
        }
        if (fit == null) {
            throw new LadderException("the Cox model did not converge in " + MAX_ITERATIONS + " iterations: a hazard"
                    + " ratio is probably 0 or infinite (a level whose people are all or never promoted first);"
                    + " merge or drop sparse levels");
        }
        RealMatrix variance = solver(fit.information(), design).getInverse();
        RealMatrix used = variance;
        Double robustScore = null;
        if (options.robust()) {
            used = sandwich(variance, ClusterScores.at(sets, beta, ties));
            double[][] null0 = ClusterScores.at(sets, new double[p], ties);
            RealVector total = new ArrayRealVector(p);
            for (double[] row : null0) {
                total = total.add(new ArrayRealVector(row));
            }
            RealMatrix b0 = outerSum(null0, p);
            robustScore = solver(b0.getData(), design).solve(total).dotProduct(total);
        }
        NormalDistribution normal = NormalDistribution.of(0, 1);
        double z = normal.inverseCumulativeProbability(1 - (1 - options.level()) / 2);
        List<Coefficient> coefficients = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            int[] col = design.columns.get(j);
            double se = Math.sqrt(variance.getEntry(j, j));
            double seUsed = Math.sqrt(used.getEntry(j, j));
            double zj = beta[j] / seUsed;
            coefficients.add(new Coefficient(covariates.get(col[0]), levels.get(col[0]).get(col[1]), design.names.get(j),
                    beta[j], se, options.robust() ? seUsed : null, Math.exp(beta[j]), Math.exp(beta[j] - z * seUsed),
                    Math.exp(beta[j] + z * seUsed), zj, 2 * normal.cumulativeProbability(-Math.abs(zj))));
        }
        RealVector b = new ArrayRealVector(beta);
        double wald = solver(used.getData(), design).solve(b).dotProduct(b);
        double lr = 2 * (fit.logLik() - start.logLik());
        ChiSquaredDistribution chi = ChiSquaredDistribution.of(p);
        List<Test> tests = new ArrayList<>(List.of(
                new Test("Likelihood ratio test", lr, p, chi.survivalProbability(lr)),
                new Test(options.robust() ? "Wald test (robust variance)" : "Wald test", wald, p,
                        chi.survivalProbability(wald)),
                new Test("Score (logrank) test", score, p, chi.survivalProbability(score))));
        if (robustScore != null) {
            tests.add(new Test("Robust score test", robustScore, p, chi.survivalProbability(robustScore)));
        }
        ProportionalHazardsTest zph = ProportionalHazardsTest.of(sets, beta, ties);
        int strata = sets.blocks.stream().mapToInt(RiskSets.Block::stratum).max().orElse(0) + 1;
        return new CoxModel(covariates, levels, options, coefficients, start.logLik(), fit.logLik(), tests, zph,
                iteration, Math.round(sets.people), Math.round(sets.deaths), strata, sets.clusterNames.size());
    }

    // A level without promotions has a hazard ratio of 0 against the others (or, the reference,
    // makes every other one infinite): the partial likelihood has no maximum.
    private static void checkEveryLevelHasEvents(CoxDesign design, List<SurvivalCell> cells) {
        for (int j = 0; j < design.covariates.size(); j++) {
            for (String level : design.levels.get(j)) {
                int jj = j;
                double people = 0;
                double events = 0;
                for (SurvivalCell c : cells) {
                    if (c.levels().get(jj).equals(level)) {
                        people += c.people();
                        events += c.events();
                    }
                }
                if (people == 0) {
                    throw new LadderException("level " + level + " of " + design.covariates.get(j)
                            + " has no people: drop it from the levels");
                }
                if (events == 0) {
                    throw new LadderException("nobody at level " + level + " of " + design.covariates.get(j)
                            + " was promoted: its hazard ratio is 0 or infinite and the Cox model has no estimate;"
                            + " merge or drop the level");
                }
            }
        }
    }

    private static DecompositionSolver solver(double[][] matrix, CoxDesign design) {
        try {
            return new CholeskyDecomposition(new Array2DRowRealMatrix(matrix), 1e-8, 1e-12).getSolver();
        } catch (NonPositiveDefiniteMatrixException | NonSymmetricMatrixException e) {
            throw new LadderException("the Cox model's covariates " + design.names + " are collinear in these data"
                    + " (a level is confounded with the strata or other levels): its information is singular");
        }
    }

    private static RealMatrix sandwich(RealMatrix v, double[][] scores) {
        return v.multiply(outerSum(scores, v.getRowDimension())).multiply(v);
    }

    private static RealMatrix outerSum(double[][] rows, int p) {
        RealMatrix b = new Array2DRowRealMatrix(p, p);
        for (double[] r : rows) {
            RealVector v = new ArrayRealVector(r);
            b = b.add(v.outerProduct(v));
        }
        return b;
    }

    private static double[] add(double[] a, double[] b) {
        double[] s = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            s[i] = a[i] + b[i];
        }
        return s;
    }

    /** The coefficient named as R names it, e.g. "groupintermediate". */
    public Coefficient coefficient(String term) {
        return coefficients.stream().filter(c -> c.term().equals(term)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no coefficient " + term));
    }

    @Override
    public String title() {
        return "Cox model of time to promotion on " + String.join(", ", covariates);
    }

    @Override
    public Map<String, Object> inputs() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("covariates", String.join(", ", covariates));
        for (int j = 0; j < covariates.size(); j++) {
            inputs.put("reference_" + covariates.get(j), levels.get(j).get(0));
        }
        inputs.put("people", people);
        inputs.put("promotions", events);
        inputs.put("ties", options.ties().rName());
        inputs.put("strata", options.stratified() ? (Object) (long) strata : "none");
        inputs.put("clusters", options.robust() ? (Object) (long) clusters : "none (model-based standard errors)");
        inputs.put("confidence_level", options.level());
        inputs.put("iterations", (long) iterations);
        inputs.put("loglik_null", logLikNull);
        inputs.put("loglik", logLik);
        return inputs;
    }

    @Override
    public List<ResultTable> tables() {
        String pct = Math.round(options.level() * 100) + "%";
        String seUsed = options.robust() ? "robust_se" : "se";
        ResultTable.Builder coef = ResultTable.builder("cox_coefficients", "Hazard ratios of promotion")
                .column("covariate", Kind.LABEL, "covariate")
                .column("level", Kind.LABEL, "level, against the reference level")
                .column("term", Kind.LABEL, "R's name of the coefficient")
                .column("coef", Kind.NUMBER, "log hazard ratio")
                .column("se", Kind.NUMBER, "model-based standard error of coef")
                .column("robust_se", Kind.NUMBER, "cluster-robust standard error (Lin and Wei 1989), or null")
                .column("hazard_ratio", Kind.NUMBER, "exp(coef)")
                .column("lower", Kind.NUMBER, pct + " interval of the hazard ratio, lower (exp(coef - z " + seUsed + "))")
                .column("upper", Kind.NUMBER, pct + " interval of the hazard ratio, upper")
                .column("z", Kind.NUMBER, "coef / " + seUsed)
                .column("p_value", Kind.P_VALUE, "two-sided Wald p-value");
        for (Coefficient c : coefficients) {
            coef.row(c.covariate(), c.level(), c.term(), c.coef(), c.se(), c.robustSe(), c.hazardRatio(), c.lower(),
                    c.upper(), c.z(), c.pValue());
        }
        ResultTable.Builder tests = ResultTable.builder("cox_tests", "Tests that every hazard ratio is 1")
                .column("test", Kind.LABEL, "test, as summary(coxph) prints it")
                .column("statistic", Kind.NUMBER, "chi-square statistic")
                .column("df", Kind.COUNT, "degrees of freedom")
                .column("p_value", Kind.P_VALUE, "upper-tail p-value");
        for (Test t : this.tests) {
            tests.row(t.name(), t.statistic(), (long) t.df(), t.pValue());
        }
        ResultTable.Builder zph = ResultTable.builder("proportional_hazards",
                        "Test of proportional hazards (cox.zph, transform = \"km\")")
                .column("term", Kind.LABEL, "covariate, or GLOBAL")
                .column("chi_square", Kind.NUMBER, "score test statistic")
                .column("df", Kind.COUNT, "degrees of freedom")
                .column("p_value", Kind.P_VALUE, "upper-tail p-value");
        for (ProportionalHazardsTest.Term t : proportionalHazards.terms()) {
            zph.row(t.term(), t.chiSquare(), (long) t.df(), t.pValue());
        }
        return List.of(coef.build(), tests.build(), zph.build());
    }

    /** Each hazard ratio in words, and the proportional-hazards test's reading. */
    @Override
    public List<String> findings() {
        List<String> notes = new ArrayList<>();
        for (Coefficient c : coefficients) {
            notes.add(String.format(Locale.ROOT, "%s %s: promoted at %.2f times the rate of %s (%d%% CI %.2f to %.2f),"
                    + " p = %.3g.", c.covariate(), c.level(), c.hazardRatio(), levels.get(covariates.indexOf(c.covariate()))
                    .get(0), Math.round(options.level() * 100), c.lower(), c.upper(), c.pValue()));
        }
        notes.add(proportionalHazardsInWords());
        return notes;
    }

    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>(findings());
        notes.add("Cox proportional hazards model (Cox 1972) with " + (options.ties() == Ties.EFRON
                ? "Efron's approximation for tied months (Efron 1977)" : "Breslow's approximation for tied months (Breslow 1974)")
                + (options.stratified() ? ", a baseline hazard per stratum" : "")
                + ", as R's coxph(..., ties = \"" + options.ties().rName() + "\") in survival 3.5-3.");
        if (options.robust()) {
            notes.add("Standard errors, intervals, z, p and the Wald test use the cluster-robust variance over "
                    + clusters + " clusters (Lin and Wei 1989), as coxph(..., cluster = ): score residuals summed per"
                    + " cluster, computed from the cells because each cell lies in one cluster.");
        }
        notes.add("Proportional hazards test: scaled Schoenfeld residuals against 1 - KM(t) (Grambsch and Therneau"
                + " 1994), the score test of survival >= 3.0's cox.zph (survival 3.5-3), per covariate and global.");
        return notes;
    }

    private String proportionalHazardsInWords() {
        List<String> flagged = new ArrayList<>();
        ProportionalHazardsTest.Term global = null;
        for (ProportionalHazardsTest.Term t : proportionalHazards.terms()) {
            if (t.term().equals("GLOBAL")) {
                global = t;
            } else if (t.pValue() < 0.05) {
                flagged.add(String.format(Locale.ROOT, "%s (p = %.3g)", t.term(), t.pValue()));
            }
        }
        if (flagged.isEmpty()) {
            return String.format(Locale.ROOT, "No evidence against proportional hazards at the 5%% level (global test"
                    + " p = %.3g): the hazard ratios may be read as constant over time in grade.", global.pValue());
        }
        return String.format(Locale.ROOT, "The hazard ratio of %s appears to change with time in grade (global test"
                + " p = %.3g): read its hazard ratio as an average over time, and look at the Kaplan-Meier curves.",
                String.join(", ", flagged), global.pValue());
    }
}
