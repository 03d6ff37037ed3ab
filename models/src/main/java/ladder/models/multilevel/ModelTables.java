package ladder.models.multilevel;

import java.util.List;
import java.util.Map;
import ladder.models.result.ResultTable;
import ladder.models.result.ResultTable.Kind;

/** The tables a random-intercept result shares: fixed effects and variance, one row per model. */
final class ModelTables {

    private ModelTables() {
    }

    /** Fixed effects of the models (keyed by the model's name, in order), log-odds and odds ratios with Wald intervals. */
    static ResultTable fixedEffects(Map<String, RandomInterceptLogit> models, double level) {
        String pct = Math.round(level * 100) + "%";
        ResultTable.Builder b = ResultTable.builder("fixed_effects", "Fixed effects (log-odds)")
                .column("model", Kind.LABEL, "the model")
                .column("term", Kind.LABEL, "(Intercept), or factor=level against the factor's reference level")
                .column("estimate", Kind.NUMBER, "coefficient on the log-odds scale (lme4 fixef)")
                .column("se", Kind.NUMBER, "standard error (lme4 vcov)")
                .column("z", Kind.NUMBER, "Wald z = estimate / se")
                .column("p", Kind.P_VALUE, "two-sided Wald p")
                .column("lower", Kind.NUMBER, pct + " Wald lower bound")
                .column("upper", Kind.NUMBER, pct + " Wald upper bound")
                .column("odds_ratio", Kind.NUMBER, "exp(estimate): odds ratio against the reference (intercept: odds at the references)")
                .column("or_lower", Kind.NUMBER, "exp(lower)")
                .column("or_upper", Kind.NUMBER, "exp(upper)");
        models.forEach((name, fit) -> {
            for (FixedEffect f : fit.fixedEffects()) {
                b.row(name, f.name(), f.estimate(), f.se(), f.z(), f.p(), f.lower(), f.upper(), f.oddsRatio(),
                        Math.exp(f.lower()), Math.exp(f.upper()));
            }
        });
        return b.build();
    }

    /** The between-group variance of each model, its VPC and MOR, and fit statistics. */
    static ResultTable variance(Map<String, RandomInterceptLogit> models, Map<String, Double> pcv, String unit) {
        ResultTable.Builder b = ResultTable.builder("variance", "Between-" + unit + " variance and fit")
                .column("model", Kind.LABEL, "the model")
                .column("sigma2", Kind.NUMBER, "between-" + unit + " variance of the log-odds (lme4 VarCorr)")
                .column("sd", Kind.NUMBER, "its square root, the random-intercept SD")
                .column("vpc", Kind.PROPORTION, "variance partition coefficient sigma2 / (sigma2 + pi^2/3), latent scale")
                .column("sd_lower", Kind.NUMBER, "profile-likelihood lower bound of the SD (lme4 confint method = \"profile\")")
                .column("sd_upper", Kind.NUMBER, "its upper bound")
                .column("sigma2_lower", Kind.NUMBER, "sd_lower squared")
                .column("sigma2_upper", Kind.NUMBER, "sd_upper squared")
                .column("vpc_lower", Kind.PROPORTION, "the VPC at sd_lower")
                .column("vpc_upper", Kind.PROPORTION, "the VPC at sd_upper")
                .column("mor", Kind.NUMBER, "median odds ratio exp(sqrt(2 sigma2) * qnorm(0.75))")
                .column("mor_lower", Kind.NUMBER, "the MOR at sd_lower")
                .column("mor_upper", Kind.NUMBER, "the MOR at sd_upper")
                .column("pcv", Kind.PROPORTION, "proportional change in sigma2 from the null model; null where undefined")
                .column("loglik", Kind.NUMBER, "log-likelihood on the person (0/1) scale, as glmer on one row per person")
                .column("aic", Kind.NUMBER, "AIC on the person scale")
                .column("loglik_binomial", Kind.NUMBER, "log-likelihood of the grouped rows, log choose(n, y) included, as glmer on cbind(y, n - y)")
                .column("aic_binomial", Kind.NUMBER, "AIC of the grouped rows")
                .column("parameters", Kind.COUNT, "fixed effects + 1 variance")
                .column("boundary", Kind.LABEL, "yes when sigma2 is 0 (lme4: boundary (singular) fit)");
        models.forEach((name, fit) -> {
            BetweenGroupVariance v = BetweenGroupVariance.of(fit.theta());
            // the measures are increasing in the SD, so the SD's bounds carry over
            BetweenGroupVariance lo = fit.thetaInterval().isDefined() ? BetweenGroupVariance.of(fit.thetaInterval().lower()) : null;
            BetweenGroupVariance hi = fit.thetaInterval().isDefined() ? BetweenGroupVariance.of(fit.thetaInterval().upper()) : null;
            b.row(name, v.sigma2(), v.sd(), v.vpc(), lo == null ? null : lo.sd(), hi == null ? null : hi.sd(),
                    lo == null ? null : lo.sigma2(), hi == null ? null : hi.sigma2(), lo == null ? null : lo.vpc(),
                    hi == null ? null : hi.vpc(), v.mor(), lo == null ? null : lo.mor(), hi == null ? null : hi.mor(),
                    pcv.get(name), fit.logLikBernoulli(), fit.aicBernoulli(), fit.logLik(), fit.aic(),
                    (long) fit.parameters(), fit.singular() ? "yes" : "no");
        });
        return b.build();
    }

    /** The method sentence shared by the notes. */
    static String method(RandomInterceptLogit fit, String call) {
        String approximation = fit.approximation() == Approximation.LAPLACE
                ? "the Laplace approximation, as lme4's glmer(" + call + ", family = binomial) (Bates, Maechler, Bolker and Walker 2015, JSS 67(1); lme4 1.1.31)"
                : "adaptive Gauss-Hermite quadrature with " + fit.points() + " points, as lme4's glmer(" + call
                        + ", family = binomial, nAGQ = " + fit.points() + ") (Bates et al. 2015; lme4 1.1.31)";
        return "Maximum likelihood with " + approximation + ", optimised jointly over the random-intercept SD and the"
                + " fixed effects. Standard errors "
                + (fit.covarianceMethod() == CovarianceMethod.HESSIAN
                        ? "from the finite-difference Hessian of the deviance over (SD, fixed effects), as lme4 1.1.31's vcov."
                        : "from the penalised IRLS at the optimum (the SD held), as lme4's vcov(fit, use.hessian = FALSE).");
    }

    /** The interval of the SD, and what an undefined one means. */
    static String intervalNote(Map<String, RandomInterceptLogit> models) {
        String s = "Intervals of the SD are profile-likelihood intervals (the SD where the deviance, minimised over the fixed"
                + " effects, rises by the chi-square(1) critical value), as lme4's confint(fit, parm = \"theta_\", method ="
                + " \"profile\"); sigma2, VPC and MOR increase with the SD, so their bounds are its bounds transformed. A"
                + " lower bound of 0 means the data are compatible with no between-group variance.";
        if (models.values().stream().anyMatch(m -> !m.thetaInterval().isDefined())) {
            s += " Where the bounds are empty the Hessian over the fixed effects was not positive definite and the profile"
                    + " was not computed.";
        }
        if (models.values().stream().anyMatch(m -> m.thetaInterval().upper() == Double.POSITIVE_INFINITY)) {
            s += " An infinite upper bound: the profile deviance does not rise enough for any SD up to 1000.";
        }
        return s;
    }

    /** Log-likelihood scales, and lme4's AGQ convention. */
    static String logLikNote(RandomInterceptLogit fit) {
        String s = "Log-likelihoods are given on the person scale (equal to glmer on one 0/1 row per person) and on the"
                + " grouped-row scale (glmer on cbind(y, n - y)), which adds sum(lchoose(n, y)); compare models only on one scale.";
        if (fit.approximation() == Approximation.ADAPTIVE_GAUSS_HERMITE) {
            s += " For nAGQ > 1 lme4's logLik is -deviance/2 with deviance residuals relative to the saturated model, so it"
                    + " omits the saturated log-likelihood; the values here are the log-likelihood itself.";
        }
        return s;
    }

    static List<String> convergenceNotes(Map<String, RandomInterceptLogit> models) {
        return models.entrySet().stream().filter(e -> !e.getValue().convergence().converged())
                .map(e -> "Warning: the " + e.getKey() + " model did not converge: " + e.getValue().convergence().message()
                        + "; its estimates may be inexact.")
                .toList();
    }
}
