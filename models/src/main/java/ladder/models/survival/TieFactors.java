package ladder.models.survival;

/**
 * The factors of the Cox partial likelihood at one month of a stratum, summed in closed form so
 * that their cost does not grow with the number promoted then (see {@link EfronTieSums}).
 *
 * <p>With a = S0 the weight of the risk set (the promoted included), E0 the promoted's weight and
 * D their number, factor j has weight w_j and denominator den_j: Efron (D &gt; 1) D factors of
 * weight 1 with den_j = a - j b, b = E0/D, j = 0..D-1; Breslow (or a single promotion) one factor
 * of weight D with den = a. A factor's numerators N_j = S1 - j E1/D (and S2 - j E2/D) are
 * c den_j + v with c = E1/E0 and v = S1 - a c (Breslow: c = 0, v = S1), so every sum over
 * factors that the likelihood, its derivatives and the score residuals need is a combination of
 * <pre>
 *   logSum = &Sigma;_j w_j log den_j,
 *   h1 = &Sigma;_j w_j / den_j,       h2 = &Sigma;_j w_j / den_j^2,
 *   h1Share = &Sigma;_j w_j (1 - j/D) / den_j,   h2Share = &Sigma;_j w_j (1 - j/D) / den_j^2
 * </pre>
 * e.g. &Sigma;_j w_j N_j/den_j = D c + v h1 and
 * &Sigma;_j w_j (N_j/den_j)(N_j/den_j)' = D c c' + (c v' + v c') h1 + v v' h2
 * ((1 - j/D) is the share of factor j in which a promoted person is still at risk).
 *
 * @param split whether the promoted's weight is split over the factors (Efron with D &gt; 1): then
 *     c = E1/E0, else c = 0
 */
record TieFactors(boolean split, double logSum, double h1, double h2, double h1Share, double h2Share) {

    /**
     * The factors at a month with {@code deaths} &gt; 0 promoted.
     *
     * @param riskWeight a = S0, the risk set's weight, the promoted included
     * @param deathWeight E0, the promoted's weight
     */
    static TieFactors of(Ties ties, double deaths, double riskWeight, double deathWeight) {
        if (ties == Ties.BRESLOW || deaths == 1) {
            double h = deaths / riskWeight;
            return new TieFactors(false, deaths * Math.log(riskWeight), h, h / riskWeight, h, h / riskWeight);
        }
        double b = deathWeight / deaths;
        double x = riskWeight / b;
        if (!Double.isFinite(x)) {
            // The promoted's weight underflowed to 0 beside the risk set's (or a weight overflowed, and
            // the log-likelihood is not finite either way): every den_j is a, and a promoted person's
            // shares sum to (D + 1)/2.
            double h = deaths / riskWeight;
            double share = (deaths + 1) / (2 * riskWeight);
            return new TieFactors(false, deaths * Math.log(riskWeight), h, h / riskWeight, share, share / riskWeight);
        }
        EfronTieSums s = EfronTieSums.of(x, Math.round(deaths));
        return new TieFactors(true, deaths * Math.log(b) + s.logSum(), s.inverse() / b, s.inverse2() / (b * b),
                s.weighted() / (deaths * b), s.weighted2() / (deaths * b * b));
    }

    /** c = E1/E0 per covariate (Efron's split), or 0s (Breslow). */
    double[] offset(double[] deathSum, double deathWeight) {
        double[] c = new double[deathSum.length];
        if (split) {
            for (int j = 0; j < c.length; j++) {
                c[j] = deathSum[j] / deathWeight;
            }
        }
        return c;
    }
}
