# Reference values for ladder.models.regression (logistic regression with employer-clustered errors).
#
# Run from the models directory:
#   cd models && TZ=UTC Rscript src/test/r/logistic_reference.R
# It writes the data it generates (set.seed, below) and the reference values:
#   src/test/resources/ladder/models/regression/logistic_rows.csv       3,000 people, 30 employers
#   src/test/resources/ladder/models/regression/logistic_cells.csv      cells of 40,000 people, 1,000 employers
#   src/test/resources/ladder/models/regression/logistic_separation.csv cells with a level that is never promoted
#   src/test/resources/ladder/models/logistic_reference.csv             call,quantity,value
# R version 4.2.2 Patched (2022-11-10 r83330), sandwich 3.0-2, epiR 2.0.57.
#
# Each reference row is (call, quantity, value): `call` is the exact R expression evaluated, `quantity`
# names the component with Ladder's coefficient names (seb=working_class, seb=working_class:gender=woman,
# year=2020 for factor(year)2020), `value` is sprintf("%.17g"). R writes Ladder's C(year) as factor(year)
# (R's C() sets contrasts of a factor). Every glm uses
# control = glm.control(epsilon = 1e-14, maxit = 100) so that R's estimates are the maximum likelihood
# estimates to the last digits (Ladder converges to 1e-10; R's default 1e-8 agrees to about 1e-8).

suppressPackageStartupMessages({ library(sandwich); library(epiR) })
options(digits = 17, warn = 1)
fmt <- function(v) sprintf("%.17g", v)
out <- "src/test/resources/ladder/models/logistic_reference.csv"
dir <- "src/test/resources/ladder/models/regression"
rows <- character(0)
emit <- function(call, quantity, value) rows <<- c(rows, sprintf("\"%s\",%s,%s", gsub("\"", "'", call), quantity, fmt(value)))
ctl <- "control = glm.control(epsilon = 1e-14, maxit = 100)"

# R's coefficient names to Ladder's: each part of an interaction is variable=level, or the numeric name.
factors <- c("gender_copy", "seb", "gender", "ethnicity", "factor(year)", "wc")  # longer prefixes first
ladder_name <- function(r) {
  if (r == "(Intercept)") return(r)
  parts <- strsplit(r, ":", fixed = TRUE)[[1]]
  paste(sapply(parts, function(p) {
    for (f in factors) if (startsWith(p, f) && nchar(p) > nchar(f)) {
      return(paste0(sub("factor\\((.*)\\)", "\\1", f), "=", substring(p, nchar(f) + 1)))
    }
    p
  }), collapse = ":")
}

# ---- Row-level data: 3,000 people in 30 employers --------------------------------------------------
set.seed(20261201)
n <- 3000; G <- 30
employer <- sample(sprintf("E%02d", 1:G), n, replace = TRUE)
u <- rnorm(G, 0, 0.5); names(u) <- sprintf("E%02d", 1:G)
seb <- factor(sample(c("professional", "intermediate", "working_class"), n, TRUE, c(0.4, 0.25, 0.35)),
              levels = c("professional", "intermediate", "working_class"))
gender <- factor(sample(c("man", "woman"), n, TRUE), levels = c("man", "woman"))
ethnicity <- factor(sample(c("white", "asian", "black", "mixed_other"), n, TRUE, c(0.7, 0.12, 0.1, 0.08)),
                    levels = c("white", "asian", "black", "mixed_other"))
year <- sample(2019:2022, n, TRUE)
months_in_grade <- round(rexp(n, 1 / 30), 1)
eta <- -1.6 + c(0, -0.25, -0.5)[as.integer(seb)] + c(0, -0.2)[as.integer(gender)] +
  c(0, 0.1, -0.3, 0.05)[as.integer(ethnicity)] + 0.08 * (year - 2019) - 0.3 * (seb == "working_class" & gender == "woman") +
  0.01 * months_in_grade + u[employer]
promoted <- rbinom(n, 1, plogis(eta))
wc <- factor(ifelse(seb == "working_class", "working_class", "other"), levels = c("other", "working_class"))
rows_a <- data.frame(employer_id = employer, seb, gender, ethnicity, year, months_in_grade, wc, promoted)
write.csv(rows_a, file.path(dir, "logistic_rows.csv"), row.names = FALSE, quote = FALSE)

fit_case <- function(formula, data_name, cluster_name = "employer_id", control = ctl) {
  call <- sprintf("glm(%s, family = binomial, data = %s%s)", formula, data_name,
                  if (is.null(control)) "" else paste0(", ", control))
  fit <- eval(parse(text = call))
  stopifnot(fit$converged)
  b <- coef(fit)
  nm <- sapply(names(b), ladder_name)
  s <- summary(fit)$coefficients
  cl <- as.formula(paste0("~", cluster_name))
  v1 <- vcovCL(fit, cluster = cl, type = "HC1")
  v0 <- vcovCL(fit, cluster = cl, type = "HC0", cadjust = FALSE)
  vc <- vcovCL(fit, cluster = cl, type = "HC0", cadjust = TRUE)
  for (i in seq_along(b)) {
    if (is.na(b[i])) { emit(call, paste0("aliased:", nm[i]), 1); next }
    emit(call, paste0("coef:", nm[i]), b[i])
    emit(call, paste0("se_model:", nm[i]), s[names(b)[i], 2])
    emit(call, paste0("se_cr1:", nm[i]), sqrt(v1[names(b)[i], names(b)[i]]))
    emit(call, paste0("se_hc0:", nm[i]), sqrt(v0[names(b)[i], names(b)[i]]))
    emit(call, paste0("se_cluster_only:", nm[i]), sqrt(vc[names(b)[i], names(b)[i]]))
  }
  emit(call, "logLik", as.numeric(logLik(fit)))
  emit(call, "deviance", deviance(fit))
  emit(call, "null.deviance", fit$null.deviance)
  emit(call, "df.residual", fit$df.residual)
  emit(call, "AIC", AIC(fit))
  emit(call, "BIC", BIC(fit))
  list(fit = fit, call = call, v1 = v1)
}

a <- fit_case("promoted ~ seb + gender + ethnicity + factor(year)", "rows_a")
b <- fit_case("promoted ~ seb * gender + ethnicity + factor(year)", "rows_a")
cc <- fit_case("promoted ~ seb + gender + months_in_grade + factor(year)", "rows_a")

# Likelihood-ratio test of (a) in (b).
lr_call <- sprintf("anova(%s, %s, test = \"Chisq\")", a$call, b$call)
lr <- anova(a$fit, b$fit, test = "Chisq")
emit("anova(a, b, test = Chisq)", "deviance", lr$Deviance[2])
emit("anova(a, b, test = Chisq)", "df", lr$Df[2])
emit("anova(a, b, test = Chisq)", "p", lr$`Pr(>Chi)`[2])

# Joint Wald test of the seb term in (a), by hand: t(b) %*% solve(V[seb, seb]) %*% b.
wald <- function(case, cols, v, label) {
  bb <- coef(case$fit)[cols]
  w <- as.numeric(t(bb) %*% solve(v[cols, cols]) %*% bb)
  emit(sprintf("wald(%s, %s)", case$call, label), "chi_square", w)
  emit(sprintf("wald(%s, %s)", case$call, label), "p", pchisq(w, length(cols), lower.tail = FALSE))
}
seb_cols <- c("sebintermediate", "sebworking_class")
wald(a, seb_cols, vcov(a$fit), "seb, vcov")
wald(a, seb_cols, a$v1, "seb, vcovCL HC1")
wald(b, c("sebintermediate:genderwoman", "sebworking_class:genderwoman"), b$v1, "seb:gender, vcovCL HC1")

# ---- Margins of seb in (b): everyone set to each level, averaged over people -----------------------
# Analytic Jacobian colMeans(p (1 - p) X); checked against central differences of the average prediction.
avg_pred <- function(fit, data, var, lev, beta = coef(fit)) {
  d <- data
  d[[var]] <- factor(rep(lev, nrow(d)), levels = levels(data[[var]]))
  X <- model.matrix(delete.response(terms(fit)), d)
  p <- plogis(drop(X %*% beta))
  list(ap = mean(p), grad = colMeans(p * (1 - p) * X))
}
numeric_grad <- function(fit, data, var, lev) {
  beta <- coef(fit)
  sapply(seq_along(beta), function(j) {
    h <- 1e-5 * max(1, abs(beta[j]))
    up <- beta; up[j] <- up[j] + h; dn <- beta; dn[j] <- dn[j] - h
    (avg_pred(fit, data, var, lev, up)$ap - avg_pred(fit, data, var, lev, dn)$ap) / (2 * h)
  })
}
margins_case <- function(case, var, levs, vs) {
  ref <- avg_pred(case$fit, rows_a, var, levs[1])
  for (lev in levs) {
    m <- avg_pred(case$fit, rows_a, var, lev)
    ng <- numeric_grad(case$fit, rows_a, var, lev)
    stopifnot(max(abs(ng - m$grad)) < 1e-8)
    call <- sprintf("avg_prediction(%s, %s = %s)", case$call, var, lev)
    emit(call, "probability", m$ap)
    if (lev != levs[1]) emit(call, "difference", m$ap - ref$ap)
    for (vn in names(vs)) {
      emit(call, paste0("se_", vn), sqrt(drop(t(m$grad) %*% vs[[vn]] %*% m$grad)))
      if (lev != levs[1]) {
        g <- m$grad - ref$grad
        emit(call, paste0("difference_se_", vn), sqrt(drop(t(g) %*% vs[[vn]] %*% g)))
        gn <- ng - numeric_grad(case$fit, rows_a, var, levs[1])
        emit(call, paste0("difference_se_numeric_", vn), sqrt(drop(t(gn) %*% vs[[vn]] %*% gn)))
      }
    }
  }
}
margins_case(b, "seb", levels(seb), list(model = vcov(b$fit), cr1 = b$v1))
margins_case(a, "ethnicity", levels(ethnicity), list(model = vcov(a$fit), cr1 = a$v1))

# ---- Additive interaction of wc x gender -----------------------------------------------------------
e <- fit_case("promoted ~ wc * gender + factor(year)", "rows_a")
ei_call <- sprintf("epi.interaction(model = %s, coef = c(2, 3, 7), param = \"product\", conf.level = 0.95)", e$call)
stopifnot(names(coef(e$fit))[c(2, 3, 7)] == c("wcworking_class", "genderwoman", "wcworking_class:genderwoman"))
ei <- suppressWarnings(epi.interaction(model = e$fit, coef = c(2, 3, 7), param = "product", conf.level = 0.95))
for (m in c("reri", "apab", "s")) {
  emit(ei_call, paste0(m, "_est"), ei[[m]]$est)
  emit(ei_call, paste0(m, "_lower"), ei[[m]]$lower)
  emit(ei_call, paste0(m, "_upper"), ei[[m]]$upper)
}
emit(ei_call, "multiplicative_est", ei$multiplicative$est)

# ---- Rank deficiency: a copy of gender under other labels (R: NA), and an unused level ----------------
# epsilon = 1e-10 here: with 1e-14 glm.fit's QR tolerance min(1e-7, epsilon / 1000) is too small to see
# the aliasing (R then estimates both columns at +-7.6e11), and R's default 1e-8 leaves the SEs 3.5e-6 off.
rows_a$gender_copy <- factor(ifelse(rows_a$gender == "woman", "f", "m"), levels = c("m", "f"))
# And R's covariance is from the weights of its last iteration, not of the estimate: restarted at its own
# estimate (s0, NA as 0) the last iteration's step is negligible.
s0 <- coef(glm(promoted ~ seb + gender + gender_copy, family = binomial, data = rows_a,
               control = glm.control(epsilon = 1e-10, maxit = 100)))
s0[is.na(s0)] <- 0
invisible(fit_case("promoted ~ seb + gender + gender_copy", "rows_a",
                   control = "start = s0, control = glm.control(epsilon = 1e-10, maxit = 100)"))
rows_a$gender_copy <- NULL
rows_unused <- rows_a
rows_unused$ethnicity <- factor(as.character(rows_unused$ethnicity), levels = c("white", "asian", "black", "mixed_other", "none"))
invisible(fit_case("promoted ~ seb + ethnicity", "rows_unused"))

# ---- Grouped cells: 40,000 people in 1,000 employers, fitted by R on the people --------------------
set.seed(7)
N <- 40000; G <- 1000
emp <- sample(sprintf("M%04d", 1:G), N, replace = TRUE)
ue <- rnorm(G, 0, 0.6); names(ue) <- sprintf("M%04d", 1:G)
s2 <- factor(sample(c("professional", "intermediate", "working_class"), N, TRUE, c(0.4, 0.25, 0.35)),
             levels = c("professional", "intermediate", "working_class"))
g2 <- factor(sample(c("man", "woman"), N, TRUE), levels = c("man", "woman"))
y2 <- rbinom(N, 1, plogis(-2 + c(0, -0.2, -0.45)[as.integer(s2)] - 0.15 * (g2 == "woman") + ue[emp]))
people_d <- data.frame(employer_id = emp, seb = s2, gender = g2, promoted = y2)
cells_d <- aggregate(promoted ~ employer_id + seb + gender, data = transform(people_d, n = 1),
                     FUN = function(v) c(n = length(v), y = sum(v)))
cells_d <- data.frame(cells_d[, 1:3], n = cells_d$promoted[, "n"], y = cells_d$promoted[, "y"])
write.csv(cells_d, file.path(dir, "logistic_cells.csv"), row.names = FALSE, quote = FALSE)
# Expanded back to one row per person (the order of rows does not matter to any quantity).
people_d <- cells_d[rep(seq_len(nrow(cells_d)), cells_d$n), 1:3]
people_d$promoted <- unlist(mapply(function(n, y) c(rep(1, y), rep(0, n - y)), cells_d$n, cells_d$y))
invisible(fit_case("promoted ~ seb + gender", "people_d"))

# ---- Separation: working-class staff in one grade were never promoted -------------------------------
sep <- data.frame(seb = factor(c("professional", "intermediate", "working_class"), levels = levels(seb))[rep(1:3, each = 2)],
                  gender = factor(rep(c("man", "woman"), 3), levels = c("man", "woman")),
                  n = c(40, 35, 30, 28, 25, 22), y = c(8, 5, 4, 3, 0, 0))
write.csv(sep, file.path(dir, "logistic_separation.csv"), row.names = FALSE, quote = FALSE)
people_sep <- sep[rep(1:6, sep$n), 1:2]
people_sep$promoted <- unlist(mapply(function(n, y) c(rep(1, y), rep(0, n - y)), sep$n, sep$y))
sep_call <- "glm(promoted ~ seb + gender, family = binomial, data = people_sep)"
sep_fit <- withCallingHandlers(eval(parse(text = sep_call)), warning = function(w) {
  emit(sep_call, "warning_fitted_0_or_1", as.numeric(grepl("numerically 0 or 1", conditionMessage(w))))
  invokeRestart("muffleWarning")
})
for (nm in names(coef(sep_fit))) emit(sep_call, paste0("coef:", ladder_name(nm)), coef(sep_fit)[nm])
emit(sep_call, "iter", sep_fit$iter)

writeLines(c(
  "# Written by models/src/test/r/logistic_reference.R (cd models && TZ=UTC Rscript src/test/r/logistic_reference.R)",
  paste0("# ", R.version.string, ", sandwich ", packageVersion("sandwich"), ", epiR ", packageVersion("epiR")),
  "call,quantity,value", rows), out)
