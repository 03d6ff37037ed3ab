package ladder.models.multilevel;

/** How the interval of a group's predicted probability plogis(x&beta;&#770; + b&#770;) is formed. */
public enum PredictionInterval {
    /**
     * plogis(x&beta;&#770; + b&#770; &plusmn; z &middot; condSD): the conditional SD of the random intercept
     * only (lme4's condVar), treating &beta;&#770; as known, the interval most often drawn from
     * {@code ranef(fit, condVar = TRUE)}.
     */
    CONDITIONAL,
    /**
     * plogis(x&beta;&#770; + b&#770; &plusmn; z &middot; SD), the SD of x&beta;&#770; + b&#770; from the inverse
     * of the joint penalised information of (&beta;, u) at the optimum (the fixed effects'
     * uncertainty and their covariance with the mode included, &theta; held at its estimate;
     * {@link GroupEffect#predictionSd()}).
     */
    WITH_FIXED_EFFECTS
}
