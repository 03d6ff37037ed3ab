package ladder.models.regression;

/**
 * A fit's summary statistics. Likelihoods are of the people (Bernoulli), whether the data came as
 * people or as cells, so they equal R's {@code glm} on the row-level data: grouped data's own
 * binomial log-likelihood would add &Sigma; log C(n<sub>i</sub>, y<sub>i</sub>), and its deviance
 * would be against the saturated cell model.
 *
 * @param people N = &Sigma; n<sub>i</sub>
 * @param cells rows of the data with people (cells, or people for row-level data)
 * @param events &Sigma; y<sub>i</sub>
 * @param parameters k, the estimated (non-aliased) coefficients
 * @param clusters G, 0 without clusters
 * @param logLikelihood &Sigma; y log &mu; + (n - y) log(1 - &mu;), R's {@code logLik(fit)}
 * @param deviance -2 log L (R's {@code deviance(fit)} on 0/1 rows)
 * @param nullDeviance -2 log L of the intercept-only model (of &mu; = 1/2 without intercept)
 * @param nullDf N - 1 with an intercept, N without
 * @param residualDf N - k, R's {@code df.residual(fit)} on the rows
 * @param residualDfCells cells - k
 * @param aic -2 log L + 2k
 * @param bic -2 log L + k log N (N people, as R's {@code BIC} on the rows)
 * @param iterations IRLS iterations (weighted least-squares solves) done
 * @param converged whether |dev - dev<sub>old</sub>| / (|dev| + 0.1) fell below the tolerance
 * @param tolerance the convergence tolerance
 * @param maxIterations the iteration cap
 */
public record FitStatistics(double people, long cells, double events, int parameters, long clusters,
        double logLikelihood, double deviance, double nullDeviance, double nullDf, double residualDf,
        long residualDfCells, double aic, double bic, int iterations, boolean converged, double tolerance,
        int maxIterations) {
}
