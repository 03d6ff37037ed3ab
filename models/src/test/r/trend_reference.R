# Reference values for ladder.models.trend and ladder.models.intersect.
#
# Writes models/src/test/resources/ladder/models/trend_reference.csv:
#   cd models && Rscript src/test/r/trend_reference.R > src/test/resources/ladder/models/trend_reference.csv
#
# Each row is (call, quantity, value): `call` is the exact R expression that was evaluated (the
# tests rebuild it from their inputs and look it up), `quantity` names the component of the
# result, `value` is printed with sprintf("%.17g") so that it round-trips to the same double.
# Rows whose call is a formula rather than an R function (the Woolf interval, the Newcombe
# interval, the delta-method variance of a representation ratio) say so in the call text; the
# formula is written out below with matrices, independently of the Java algebra.

options(digits = 17)
fmt <- function(v) sprintf("%.17g", v)
vec <- function(v) paste0("c(", paste(v, collapse = ", "), ")")

rows <- character(0)
emit <- function(call, quantity, value) {
  rows <<- c(rows, sprintf("\"%s\",%s,%s", call, quantity, fmt(value)))
}
run <- function(call) suppressWarnings(eval(parse(text = call)))

wilson <- function(x, n, level = 0.95) {
  call <- sprintf("prop.test(%d, %d, conf.level = %s, correct = FALSE)$conf.int", x, n, format(level, digits = 15))
  ci <- run(call)
  emit(call, "lower", ci[1]); emit(call, "upper", ci[2])
}

# ---- 1. Trends -----------------------------------------------------------------------------
trends <- list(
  list(x = c(120, 131, 150, 108, 141), n = c(400, 420, 450, 300, 380), score = 2019:2023),
  list(x = c(83, 90, 129, 70), n = c(86, 93, 136, 82), score = 1:4),
  list(x = c(0, 2, 5, 9), n = c(20, 25, 30, 28), score = c(2015, 2017, 2018, 2021)),
  list(x = c(30, 30, 30), n = c(100, 100, 100), score = c(1, 2, 3)))
for (t in trends) {
  call <- sprintf("prop.trend.test(%s, %s, %s)", vec(t$x), vec(t$n), vec(t$score))
  r <- run(call)
  emit(call, "statistic", unname(r$statistic)); emit(call, "parameter", unname(r$parameter))
  emit(call, "p.value", r$p.value)

  # R's default glm stops at a relative deviance change of 1e-8, leaving its standard errors a
  # few 1e-6 from the optimum's; a tighter epsilon gives the converged values the tests compare with.
  call <- sprintf("glm(cbind(%s, %s - %s) ~ %s, family = binomial, control = glm.control(epsilon = 1e-14, maxit = 100))",
                  vec(t$x), vec(t$n), vec(t$x), vec(t$score))
  fit <- run(call)
  s <- summary(fit)$coefficients
  emit(call, "intercept", s[1, 1]); emit(call, "intercept.se", s[1, 2])
  emit(call, "slope", s[2, 1]); emit(call, "slope.se", s[2, 2])
  emit(call, "deviance", fit$deviance); emit(call, "null.deviance", fit$null.deviance)
  ci <- exp(confint.default(fit, 2, level = 0.95))
  emit(call, "exp.confint.default.lower", ci[1]); emit(call, "exp.confint.default.upper", ci[2])
  a <- anova(fit, test = "Chisq")
  emit(call, "anova.Deviance", a[2, "Deviance"]); emit(call, "anova.p", a[2, "Pr(>Chi)"])

  for (i in seq_along(t$x)) wilson(t$x[i], t$n[i])
  for (i in seq_along(t$x)[-1]) {
    x2 <- t$x[i]; x1 <- t$x[i - 1]; n2 <- t$n[i]; n1 <- t$n[i - 1]
    call <- sprintf("prop.test(c(%d, %d), c(%d, %d), correct = FALSE)", x2, x1, n2, n1)
    r <- run(call)
    emit(call, "lower", r$conf.int[1]); emit(call, "upper", r$conf.int[2])
    emit(call, "statistic", unname(r$statistic)); emit(call, "p.value", r$p.value)
    # Newcombe (1998) method 10: hybrid score interval from the two Wilson intervals.
    w2 <- prop.test(x2, n2, correct = FALSE)$conf.int; w1 <- prop.test(x1, n1, correct = FALSE)$conf.int
    p2 <- x2 / n2; p1 <- x1 / n1; d <- p2 - p1
    call <- sprintf("newcombe hybrid score (formula) c(%d, %d), c(%d, %d)", x2, x1, n2, n1)
    emit(call, "lower", d - sqrt((p2 - w2[1])^2 + (w1[2] - p1)^2))
    emit(call, "upper", d + sqrt((w2[2] - p2)^2 + (p1 - w1[1])^2))
  }
}

# ---- 2. Class ceiling ----------------------------------------------------------------------
# counts[employer, grade, group]; groups professional, intermediate, working_class.
ceiling <- array(0, dim = c(2, 6, 3))
ceiling[1, , ] <- cbind(c(40, 35, 30, 22, 15, 9), c(30, 25, 18, 12, 7, 3), c(60, 45, 30, 15, 8, 2))
ceiling[2, , ] <- cbind(c(80, 70, 55, 40, 30, 20), c(50, 40, 30, 20, 12, 5), c(90, 70, 45, 25, 10, 4))
pooled <- apply(ceiling, c(2, 3), sum)
N <- sum(pooled)
for (g in 1:6) for (j in 1:3) {
  wilson(pooled[g, j], sum(pooled[g, ]))
  a <- pooled[g, j]; b <- sum(pooled[g, ]); cc <- sum(pooled[, j])
  # Multinomial delta method for log((a/b) / (c/N)): cells A = grade g & group j,
  # B = grade g & other groups, C = other grades & group j, D = the rest.
  pi <- c(a, b - a, cc - a, N - b - cc + a) / N
  grad <- c(1 / pi[1] - 1 / (pi[1] + pi[2]) - 1 / (pi[1] + pi[3]), -1 / (pi[1] + pi[2]), -1 / (pi[1] + pi[3]), 0)
  V <- (diag(pi) - pi %o% pi) / N
  call <- sprintf("delta-method var of log representation ratio (formula) a = %d, b = %d, c = %d, N = %d", a, b, cc, N)
  emit(call, "ratio", (a / b) / (cc / N))
  emit(call, "variance", drop(t(grad) %*% V %*% grad))
}
for (cut in 2:6) for (j in 2:3) {
  tabs <- sapply(1:2, function(e) {
    reached <- apply(ceiling[e, cut:6, , drop = FALSE], 3, sum)
    total <- colSums(ceiling[e, , ])
    c(reached[j], reached[1], total[j] - reached[j], total[1] - reached[1])
  })
  call <- sprintf("mantelhaen.test(array(%s, dim = c(2, 2, 2)), correct = FALSE)", vec(as.vector(tabs)))
  r <- run(call)
  emit(call, "estimate", unname(r$estimate))
  emit(call, "lower", r$conf.int[1]); emit(call, "upper", r$conf.int[2])
  crude <- rowSums(tabs)
  call <- sprintf("woolf (formula) matrix(%s, 2)", vec(crude))
  or <- crude[1] * crude[4] / (crude[2] * crude[3])
  se <- sqrt(sum(1 / crude))
  emit(call, "estimate", or)
  emit(call, "lower", exp(log(or) - qnorm(0.975) * se)); emit(call, "upper", exp(log(or) + qnorm(0.975) * se))
}

# ---- 3. Intersectional cells ---------------------------------------------------------------
cells <- rbind(c(40, 12), c(25, 3), c(60, 30), c(8, 0), c(120, 35), c(15, 15), c(300, 90), c(5, 1))
Nall <- sum(cells[, 1]); Xall <- sum(cells[, 2])
ps <- numeric(0); fs <- numeric(0)
for (i in seq_len(nrow(cells))) {
  n <- cells[i, 1]; x <- cells[i, 2]
  wilson(x, n)
  call <- sprintf("prop.test(c(%d, %d), c(%d, %d), correct = FALSE)", x, Xall - x, n, Nall - n)
  r <- run(call)
  emit(call, "statistic", unname(r$statistic)); emit(call, "p.value", r$p.value)
  ps <- c(ps, r$p.value)
  call <- sprintf("fisher.test(matrix(%s, 2))$p.value", vec(c(x, Xall - x, n - x, Nall - n - Xall + x)))
  f <- run(call)
  emit(call, "p.value", f)
  fs <- c(fs, f)
}
# Larger tables for Fisher's test, where the support is long and the tail sum matters.
for (m in list(c(1200, 800, 1000, 1100), c(3, 5000, 40, 9000), c(0, 10, 1000, 2000), c(500, 0, 0, 500))) {
  call <- sprintf("fisher.test(matrix(%s, 2))$p.value", vec(m))
  emit(call, "p.value", run(call))
}
adj <- list(cells.chisq = ps, cells.fisher = fs,
            ties = c(0.01, 0.02, 0.02, 0.04, 0.5, 1, 0.001, 0.03, 0.03, 1e-10, 0.8, 1))
for (nm in names(adj)) for (method in c("holm", "hochberg", "hommel", "bonferroni", "BH", "BY", "none")) {
  call <- sprintf("p.adjust(%s, method = '%s')", vec(fmt(adj[[nm]])), method)
  r <- run(call)
  for (i in seq_along(r)) emit(call, sprintf("[%d]", i), r[i])
}

cat("# Produced by models/src/test/r/trend_reference.R\n")
cat("#", R.version.string, "\n")
cat("call,quantity,value\n")
cat(rows, sep = "\n")
cat("\n")
