# Reference values for ladder.models.multilevel (MAIHDA: random-intercept logistic models of
# intersectional strata, and of employers), from lme4's glmer.
#
# Writes the data sets (grouped binomial rows) to models/src/test/resources/ladder/models/maihda/
# and the reference values to stdout:
#   cd models && Rscript src/test/r/maihda_reference.R > src/test/resources/ladder/models/maihda_reference.csv
#
# R version 4.2.2 Patched (2022-11-10 r83330), lme4 1.1.31, Matrix 1.5-3.
#
# Each row is (call, quantity, value): `call` is the exact R expression evaluated (the data
# frames are the committed CSVs read with read.csv and the factors' levels set as in `fac`
# below, the first level being the reference), `quantity` names the component, `value` is
# printed with sprintf("%.17g"). Quantities per fit:
#   dev        the optimised objective, fit@devcomp$cmp[["dev"]] (for nAGQ = 1 the Laplace
#              approximation of -2 log-likelihood; for nAGQ > 1 lme4's AGQ objective, which
#              sums deviance residuals, so it omits the saturated log-likelihood)
#   theta      getME(fit, "theta"), the random-intercept SD
#   sigma2     VarCorr(fit)[[1]][1, 1]
#   loglik     logLik(fit), aic AIC(fit), df attr(logLik(fit), "df")
#   singular   isSingular(fit) (1 or 0)
#   fixef:NAME fixef(fit); se:NAME sqrt(diag(vcov(fit))) (lme4 1.1.31's default: from the
#              finite-difference Hessian of dev over (theta, beta), use.hessian = TRUE);
#              se_rx:NAME sqrt(diag(vcov(fit, use.hessian = FALSE))) (from RX of the final PIRLS)
#   ranef:GROUP ranef(fit)[[1]][, 1]; condsd:GROUP sqrt(attr(ranef(fit, condVar = TRUE)[[1]], "postVar"))
#   predsd:GROUP (Laplace fits) the SD of x_g beta + b_g for the group's first row, from the
#              inverse of the joint penalised information of (beta, u) at the optimum, written
#              out below with lme4's matrices (getME X, Z, theta and the IRLS weights), theta held
# Every fit is run twice: with glmer's default control, as a user would, and with tight
# tolerances, TIGHT below (penalised IRLS to 1e-12, BOBYQA in both stages to a trust radius of
# 1e-12): lme4's default PIRLS tolerance (tolPwrss = 1e-7) leaves the conditional modes a
# little short of the mode, which shifts its objective by ~1e-7 relative and its
# finite-difference Hessian, hence its default standard errors, by up to ~1e-3 relative, and
# its default Nelder-Mead (even with tight FtolRel) stops with theta ~1e-5 relative from the
# optimum, where the objective is flat; the tight fit is the exact optimum the Java code computes.
# Profile-likelihood intervals of theta (quantities profile:lower, profile:upper), for a few
# tight fits (under the tight call): the roots of d(t) - (dev + qchisq(0.95, 1)), d(t) the deviance function minimised
# over beta by nlminb, found by uniroot (written out in profile_rows below,
# independently of lme4's profiling); and lme4's own confint(fit, parm = "theta_", method =
# "profile") (confint:lower, confint:upper), which interpolates a spline through a profiled grid.
# and, for the deviance function itself (glmer(..., devFunOnly = TRUE)), its value at given
# parameters c(theta, beta): quantities par:1 .. par:k and value.

suppressMessages(library(lme4))
fmt <- function(v) sprintf("%.17g", v)
rows <- character(0)
emit <- function(call, quantity, value) {
  rows <<- c(rows, sprintf("\"%s\",%s,%s", call, quantity, fmt(value)))
}
out <- "src/test/resources/ladder/models/maihda"

seb_levels <- c("professional", "intermediate", "working_class")
fac <- function(d) {
  if (!is.null(d$seb)) d$seb <- factor(d$seb, seb_levels)
  if (!is.null(d$gender)) d$gender <- factor(d$gender, c("man", "woman"))
  if (!is.null(d$ethnicity)) d$ethnicity <- factor(d$ethnicity, c("white", "asian", "black"))
  if (!is.null(d$age)) d$age <- factor(d$age, c("under_35", "35_49", "50_plus"))
  d
}

# People with four characteristics, the log-odds of the outcome (say promotion) additive in them
# plus an interaction effect per stratum, u ~ N(0, sd_int); grouped to one row per stratum.
strata_data <- function(seed, N, sd_int) {
  set.seed(seed)
  seb <- sample(seb_levels, N, TRUE, c(.35, .25, .40))
  gender <- sample(c("man", "woman"), N, TRUE)
  eth <- sample(c("white", "asian", "black"), N, TRUE, c(.7, .15, .15))
  age <- sample(c("under_35", "35_49", "50_plus"), N, TRUE)
  strata <- expand.grid(seb = seb_levels, gender = c("man", "woman"), ethnicity = c("white", "asian", "black"),
                        age = c("under_35", "35_49", "50_plus"), stringsAsFactors = FALSE)
  strata$stratum <- with(strata, paste(seb, gender, ethnicity, age, sep = " / "))
  strata$u <- rnorm(nrow(strata), 0, sd_int)
  st <- paste(seb, gender, eth, age, sep = " / ")
  eta <- -1.2 + c(professional = 0, intermediate = -0.3, working_class = -0.6)[seb] - 0.25 * (gender == "woman") +
    c(white = 0, asian = -0.2, black = -0.35)[eth] + c(under_35 = 0, "35_49" = 0.2, "50_plus" = -0.1)[age] +
    strata$u[match(st, strata$stratum)]
  y <- rbinom(N, 1, plogis(eta))
  d <- aggregate(cbind(n = 1, y = y) ~ st, FUN = sum)
  m <- strata[match(d$st, strata$stratum), c("stratum", "seb", "gender", "ethnicity", "age")]
  data.frame(m, n = d$n, y = d$y, row.names = NULL)
}

# People in employers with an employer effect u ~ N(0, sd_emp); grouped to (employer, seb, gender)
# rows. Also returns the people for a row-level (0/1) fit.
employer_people <- function(seed, N, employers, sd_emp) {
  set.seed(seed)
  emp <- sprintf("E%02d", sample(employers, N, TRUE))
  seb <- sample(seb_levels, N, TRUE, c(.35, .25, .40))
  gender <- sample(c("man", "woman"), N, TRUE)
  u <- rnorm(employers, 0, sd_emp)
  eta <- -0.8 + c(professional = 0, intermediate = -0.4, working_class = -0.7)[seb] - 0.3 * (gender == "woman") +
    u[as.integer(substr(emp, 2, 3))]
  data.frame(employer = emp, seb = seb, gender = gender, y = rbinom(N, 1, plogis(eta)))
}
group_people <- function(p) {
  d <- aggregate(cbind(n = 1, y = p$y) ~ employer + seb + gender, data = p, FUN = sum)
  d[order(d$employer, d$seb, d$gender), ]
}

datasets <- list(
  maihda_a = strata_data(3, 4000, 0.35),   # stratum interaction SD 0.35; one stratum with no events
  maihda_b = strata_data(3, 3000, 0),      # no interaction: main-model variance near zero
  maihda_c = strata_data(1, 3000, 0),      # no interaction: main-model variance at the boundary (singular)
  alike = data.frame(stratum = sprintf("S%d", 1:8), n = 40, y = c(12, 12, 11, 13, 12, 12, 12, 12)))   # strata alike (lme4 refuses a constant response): null at the boundary
people <- employer_people(11, 2500, 30, 0.5)
datasets$employer <- group_people(people)
small <- employer_people(12, 400, 12, 0.6)
datasets$employer_small <- group_people(small)
for (name in names(datasets)) {
  write.csv(datasets[[name]], file.path(out, paste0(name, ".csv")), row.names = FALSE, quote = FALSE)
}
read <- function(name) fac(read.csv(file.path(out, paste0(name, ".csv")), stringsAsFactors = FALSE))
maihda_a <- read("maihda_a"); maihda_b <- read("maihda_b"); maihda_c <- read("maihda_c")
alike <- read("alike"); employer <- read("employer"); employer_small <- read("employer_small")
employer_small_people <- fac(small[order(small$employer), ])

fit_rows <- function(call) {
  fit <- suppressMessages(suppressWarnings(eval(parse(text = call))))
  emit(call, "dev", fit@devcomp$cmp[["dev"]])
  emit(call, "theta", getME(fit, "theta"))
  emit(call, "sigma2", VarCorr(fit)[[1]][1, 1])
  ll <- logLik(fit)
  emit(call, "loglik", as.numeric(ll)); emit(call, "aic", AIC(fit)); emit(call, "df", attr(ll, "df"))
  emit(call, "singular", as.numeric(isSingular(fit)))
  b <- fixef(fit)
  se <- sqrt(diag(as.matrix(vcov(fit))))
  se_rx <- sqrt(diag(as.matrix(vcov(fit, use.hessian = FALSE))))
  for (k in names(b)) {
    emit(call, paste0("fixef:", k), b[[k]]); emit(call, paste0("se:", k), se[[k]]); emit(call, paste0("se_rx:", k), se_rx[[k]])
  }
  re <- ranef(fit, condVar = TRUE)[[1]]
  pv <- attr(re, "postVar")
  for (g in seq_len(nrow(re))) {
    emit(call, paste0("ranef:", rownames(re)[g]), re[g, 1]); emit(call, paste0("condsd:", rownames(re)[g]), sqrt(pv[1, 1, g]))
  }
  if (!grepl("nAGQ", call)) {
    X <- getME(fit, "X"); Z <- as.matrix(getME(fit, "Z")); th <- getME(fit, "theta")
    w <- fit@resp$sqrtXwt^2   # n mu (1 - mu) at the modes
    A <- rbind(cbind(crossprod(X, w * X), th * crossprod(X, w * Z)),
               cbind(th * crossprod(Z, w * X), th^2 * crossprod(Z, w * Z) + diag(ncol(Z))))
    C <- solve(A)
    for (g in seq_len(ncol(Z))) {
      i <- which(Z[, g] == 1)[1]
      a <- c(X[i, ], th * (seq_len(ncol(Z)) == g))
      emit(call, paste0("predsd:", colnames(Z)[g]), sqrt(sum(a * (C %*% a))))
    }
  }
  fit
}
devfun_rows <- function(call, par) {
  f <- suppressMessages(eval(parse(text = call)))
  for (i in seq_along(par)) emit(call, paste0("par:", i), par[i])
  emit(call, "value", f(par))
}

TIGHT <- "control = glmerControl(optimizer = 'bobyqa', tolPwrss = 1e-12, optCtrl = list(rhoend = 1e-12, maxfun = 1e5))"
tight <- function(call) sub("\\)$", paste0(", ", TIGHT, ")"), call)
fit_both <- function(call) {
  invisible(fit_rows(tight(call)))
  fit_rows(call)
}
profile_rows <- function(default, level = 0.95) {
  call <- tight(default)
  fit <- suppressMessages(suppressWarnings(eval(parse(text = call))))
  # PIRLS to 1e-10 (at 1e-12 it fails to step-halve inside optim, rounding)
  dv <- suppressMessages(eval(parse(text = sub("\\)$", ", control = glmerControl(tolPwrss = 1e-10), devFunOnly = TRUE)", default))))
  b0 <- fixef(fit); th <- getME(fit, "theta")
  safe <- function(p) tryCatch(dv(p), error = function(e) 1e10)
  prof <- function(t) nlminb(b0, function(b) safe(c(t, b)), lower = b0 - 2, upper = b0 + 2,
                             control = list(rel.tol = 1e-15, x.tol = 1e-12, eval.max = 5000, iter.max = 2000))$objective
  crit <- min(fit@devcomp$cmp[["dev"]], prof(th)) + qchisq(level, 1)
  upper <- uniroot(function(t) prof(t) - crit, c(th, 2 * th + 0.1), extendInt = "upX", tol = 1e-12)$root
  lower <- if (prof(0) <= crit) 0 else uniroot(function(t) prof(t) - crit, c(0, th), tol = 1e-12)$root
  emit(call, "profile:lower", lower); emit(call, "profile:upper", upper)
  ci <- suppressMessages(suppressWarnings(confint(fit, parm = "theta_", method = "profile", oldNames = FALSE)))
  emit(call, "confint:lower", ci[1, 1]); emit(call, "confint:upper", ci[1, 2])
}
main <- "seb + gender + ethnicity + age"
for (d in c("maihda_a", "maihda_b", "maihda_c")) {
  for (rhs in c("1", main)) {
    for (agq in c("", ", nAGQ = 10")) {
      call <- sprintf("glmer(cbind(y, n - y) ~ %s + (1 | stratum), data = %s, family = binomial%s)", rhs, d, agq)
      fit <- fit_both(call)
      if (d == "maihda_a") {
        # the objective away from the optimum: theta 0.4 and every fixed effect moved by 0.05
        devfun_rows(sprintf("glmer(cbind(y, n - y) ~ %s + (1 | stratum), data = %s, family = binomial%s, devFunOnly = TRUE)",
                            rhs, d, agq), c(0.4, fixef(fit) + 0.05))
      }
    }
  }
}
invisible(fit_both("glmer(cbind(y, n - y) ~ 1 + (1 | stratum), data = alike, family = binomial)"))
for (agq in c("", ", nAGQ = 10")) {
  call <- sprintf("glmer(cbind(y, n - y) ~ seb + gender + (1 | employer), data = employer, family = binomial%s)", agq)
  fit <- fit_both(call)
  devfun_rows(sprintf("glmer(cbind(y, n - y) ~ seb + gender + (1 | employer), data = employer, family = binomial%s, devFunOnly = TRUE)", agq),
              c(0.7, fixef(fit) - 0.1))
}
invisible(fit_both("glmer(cbind(y, n - y) ~ seb + gender + (1 | employer), data = employer_small, family = binomial)"))
invisible(fit_both("glmer(y ~ seb + gender + (1 | employer), data = employer_small_people, family = binomial)"))

profile_rows(("glmer(cbind(y, n - y) ~ 1 + (1 | stratum), data = maihda_a, family = binomial)"))
profile_rows(("glmer(cbind(y, n - y) ~ seb + gender + ethnicity + age + (1 | stratum), data = maihda_a, family = binomial)"))
profile_rows(("glmer(cbind(y, n - y) ~ seb + gender + ethnicity + age + (1 | stratum), data = maihda_c, family = binomial)"))
profile_rows(("glmer(cbind(y, n - y) ~ 1 + (1 | stratum), data = maihda_a, family = binomial, nAGQ = 10)"))
profile_rows(("glmer(cbind(y, n - y) ~ seb + gender + (1 | employer), data = employer, family = binomial)"))

cat("# Produced by models/src/test/r/maihda_reference.R\n")
cat("#", R.version.string, "lme4", as.character(packageVersion("lme4")), "\n")
cat("call,quantity,value\n")
cat(rows, sep = "\n")
cat("\n")
