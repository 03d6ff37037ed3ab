# Reference values for ladder.models.contingency (2x2 tables, stratified 2x2xK, generalised CMH).
#
# Writes models/src/test/resources/ladder/models/contingency_reference.csv:
#   cd models && Rscript src/test/r/contingency_reference.R > src/test/resources/ladder/models/contingency_reference.csv
# Made with R version 4.2.2 Patched (2022-11-10 r83330), epiR 2.0.57, epitools 0.5-10.1 (Debian
# r-cran-epir, r-cran-epitools); DescTools is not installed, so the Breslow-Day test with Tarone's
# correction is written out below (and cross-checked against statsmodels by
# models/src/test/python/breslow_day_check.py).
#
# Each row is (call, quantity, value): `call` is the exact R expression evaluated (the tests build
# the same string from their inputs), `quantity` the component, `value` printed with
# sprintf("%.17g") (Inf as "Inf"). A 2x2 table is matrix(c(a, b, c, d), 2, byrow = TRUE): exposure
# level in row 1, reference level in row 2, event in column 1.
#
# Precise conditional estimates. fisher.test's conditional MLE and exact interval come from
# uniroot at its default tolerance (.Machine$double.eps^0.25, about 1e-4), so they are only good
# to about 1e-4. fisher_precise() below is R's own algorithm -- the mle, ncp.U and ncp.L closures
# of stats:::fisher.test in R 4.2.2, copied line for line -- with uniroot(tol = .Machine$double.eps^2)
# so that the roots are good to a few ulps; midp_precise() is the same with half the probability
# of the observed table (epitools' or.midp), and is checked against epitools::or.midp to 1e-4.

options(digits = 17)
suppressPackageStartupMessages({
  library(epiR)
  library(epitools)
})

rows <- character(0)
emit <- function(call, quantity, value) {
  rows <<- c(rows, sprintf("\"%s\",%s,%s", call, quantity, sprintf("%.17g", as.numeric(value))))
}
num <- function(v) paste(sprintf("%.0f", v), collapse = ", ")
mat <- function(cells) sprintf("matrix(c(%s), 2, byrow = TRUE)", num(cells))
run <- function(call) suppressWarnings(eval(parse(text = call)))
TOL <- .Machine$double.eps^2

# The conditional distribution of a given the margins, as in stats:::fisher.test.
conditional <- function(x) {
  m <- sum(x[, 1L]); n <- sum(x[, 2L]); k <- sum(x[1L, ]); x <- x[1L, 1L]
  lo <- max(0L, k - n); hi <- min(k, m)
  support <- lo:hi
  logdc <- dhyper(support, m, n, k, log = TRUE)
  dnhyper <- function(ncp) {
    d <- logdc + log(ncp) * support
    d <- exp(d - max(d))
    d / sum(d)
  }
  mnhyper <- function(ncp) {
    if (ncp == 0) return(lo)
    if (ncp == Inf) return(hi)
    sum(support * dnhyper(ncp))
  }
  # P(X <= q) or P(X >= q), with the observed term weighted by `half` (1 exact, 0.5 mid-p).
  pnhyper <- function(q, ncp = 1, upper.tail = FALSE, half = 1) {
    if (ncp == 0) return(if (upper.tail) as.numeric(q <= lo) * (if (q == lo) half else 1) else as.numeric(q >= lo) * (if (q == lo) half else 1))
    if (ncp == Inf) return(if (upper.tail) as.numeric(q <= hi) * (if (q == hi) half else 1) else as.numeric(q >= hi) * (if (q == hi) half else 1))
    d <- dnhyper(ncp)
    sum(d[if (upper.tail) support > q else support < q]) + half * d[support == q]
  }
  list(x = x, lo = lo, hi = hi, dnhyper = dnhyper, mnhyper = mnhyper, pnhyper = pnhyper)
}

fisher_precise <- function(x, conf.level = 0.95, half = 1) {
  cd <- conditional(x)
  x <- cd$x; lo <- cd$lo; hi <- cd$hi; mnhyper <- cd$mnhyper
  pnhyper <- function(q, ncp = 1, upper.tail = FALSE) cd$pnhyper(q, ncp, upper.tail, half)
  mle <- function(x) {
    if (x == lo) return(0)
    if (x == hi) return(Inf)
    mu <- mnhyper(1)
    if (mu > x) uniroot(function(t) mnhyper(t) - x, c(0, 1), tol = TOL)$root
    else if (mu < x) 1 / uniroot(function(t) mnhyper(1/t) - x, c(.Machine$double.eps, 1), tol = TOL)$root
    else 1
  }
  ncp.U <- function(x, alpha) {
    if (x == hi) return(Inf)
    p <- pnhyper(x, 1)
    if (p < alpha) uniroot(function(t) pnhyper(x, t) - alpha, c(0, 1), tol = TOL)$root
    else if (p > alpha) 1 / uniroot(function(t) pnhyper(x, 1/t) - alpha, c(.Machine$double.eps, 1), tol = TOL)$root
    else 1
  }
  ncp.L <- function(x, alpha) {
    if (x == lo) return(0)
    p <- pnhyper(x, 1, upper.tail = TRUE)
    if (p > alpha) uniroot(function(t) pnhyper(x, t, upper.tail = TRUE) - alpha, c(0, 1), tol = TOL)$root
    else if (p < alpha) 1 / uniroot(function(t) pnhyper(x, 1/t, upper.tail = TRUE) - alpha, c(.Machine$double.eps, 1), tol = TOL)$root
    else 1
  }
  alpha <- (1 - conf.level) / 2
  list(estimate = mle(x), conf.int = c(ncp.L(x, alpha), ncp.U(x, alpha)))
}
midp_precise <- function(x, conf.level = 0.95) fisher_precise(x, conf.level, half = 0.5)

# Formulas where no installed package prints the number.
wald_p <- function(log_estimate, se) 2 * pnorm(-abs(log_estimate / se))
haldane <- function(x, conf.level = 0.95) {
  y <- x + 0.5
  or <- y[1, 1] * y[2, 2] / (y[1, 2] * y[2, 1])
  se <- sqrt(sum(1 / y))
  z <- qnorm(1 - (1 - conf.level) / 2)
  c(est = or, lower = exp(log(or) - z * se), upper = exp(log(or) + z * se), p = wald_p(log(or), se))
}
woolf_p <- function(x) wald_p(log(x[1, 1] * x[2, 2] / (x[1, 2] * x[2, 1])), sqrt(sum(1 / x)))
katz_p <- function(x) {
  n1 <- sum(x[1, ]); n0 <- sum(x[2, ])
  wald_p(log((x[1, 1] / n1) / (x[2, 1] / n0)), sqrt(1 / x[1, 1] - 1 / n1 + 1 / x[2, 1] - 1 / n0))
}
rd_wald_p <- function(x) {
  n1 <- sum(x[1, ]); n0 <- sum(x[2, ]); p1 <- x[1, 1] / n1; p0 <- x[2, 1] / n0
  wald_p(p1 - p0, sqrt(p1 * (1 - p1) / n1 + p0 * (1 - p0) / n0))
}
midp_p <- function(x) {
  # The two-sided mid-p value as epitools::ormidp.test(a1, a0, b1, b0)$two.sided.
  ormidp.test(x[1, 1], x[1, 2], x[2, 1], x[2, 2])$two.sided
}

two_by_two <- function(cells, conf.level = 0.95) {
  M <- mat(cells)
  x <- eval(parse(text = M))
  level <- if (conf.level == 0.95) "" else sprintf(", conf.level = %s", conf.level)
  call <- sprintf("fisher.test(%s%s)", M, level)
  ft <- run(call)
  emit(call, "p.value", ft$p.value)
  emit(call, "estimate", ft$estimate)
  emit(call, "lower", ft$conf.int[1])
  emit(call, "upper", ft$conf.int[2])
  call <- sprintf("fisher_precise(%s%s)", M, level)
  fp <- run(call)
  emit(call, "estimate", fp$estimate)
  emit(call, "lower", fp$conf.int[1])
  emit(call, "upper", fp$conf.int[2])
  call <- sprintf("midp_precise(%s%s)", M, level)
  mp <- run(call)
  emit(call, "lower", mp$conf.int[1])
  emit(call, "upper", mp$conf.int[2])
  call <- sprintf("midp_p(%s)", M)
  emit(call, "p.value", run(call))
  if (all(cells > 0)) {
    call <- sprintf("epitools::or.midp(%s%s)$conf.int", M, level)
    ci <- run(call)
    emit(call, "lower", ci[1])
    emit(call, "upper", ci[2])
    call <- sprintf("epiR::epi.2by2(as.table(%s), method = 'cohort.count', conf.level = %s, units = 1)$massoc.detail", M, conf.level)
    e <- run(call)
    for (q in c("OR.strata.wald", "RR.strata.wald", "ARisk.strata.wald")) {
      emit(call, paste0(q, ".est"), e[[q]]$est)
      emit(call, paste0(q, ".lower"), e[[q]]$lower)
      emit(call, paste0(q, ".upper"), e[[q]]$upper)
    }
    emit(sprintf("woolf_p(%s)", M), "p.value", woolf_p(x))
    emit(sprintf("katz_p(%s)", M), "p.value", katz_p(x))
  }
  if (sum(x[1, ]) > 0 && sum(x[2, ]) > 0 && sum(x[, 1]) > 0 && sum(x[, 2]) > 0) {
    call <- sprintf("haldane(%s%s)", M, level)
    h <- run(call)
    for (q in names(h)) emit(call, q, h[[q]])
    for (correct in c(FALSE, TRUE)) {
      call <- sprintf("chisq.test(%s, correct = %s)", M, correct)
      ct <- run(call)
      emit(call, "statistic", ct$statistic)
      emit(call, "p.value", ct$p.value)
      call <- sprintf("prop.test(c(%s), c(%s), correct = %s%s)", num(cells[c(1, 3)]), num(c(sum(cells[1:2]), sum(cells[3:4]))), correct, level)
      pt <- run(call)
      emit(call, "lower", pt$conf.int[1])
      emit(call, "upper", pt$conf.int[2])
      emit(call, "p.value", pt$p.value)
    }
    p1 <- x[1, 1] / sum(x[1, ]); p0 <- x[2, 1] / sum(x[2, ])
    if (p1 * (1 - p1) + p0 * (1 - p0) > 0) emit(sprintf("rd_wald_p(%s)", M), "p.value", rd_wald_p(x))
  }
}

tables_2x2 <- list(
  c(47, 53, 32, 78),          # a typical table
  c(12, 5, 7, 20),            # small counts
  c(2, 1, 1, 3),              # tiny
  c(0, 10, 5, 7),             # a = 0
  c(8, 0, 5, 7),              # b = 0
  c(8, 10, 0, 7),             # c = 0
  c(8, 10, 5, 0),             # d = 0
  c(0, 10, 5, 0),             # a = d = 0
  c(8, 0, 0, 7),              # b = c = 0
  c(0, 10, 0, 7),             # a = c = 0: no events
  c(0, 0, 5, 7),              # a = b = 0: no one exposed
  c(310000, 2690000, 420000, 2580000)  # a pool of 6 million
)
for (cells in tables_2x2) two_by_two(cells)
two_by_two(c(47, 53, 32, 78), conf.level = 0.9)

cat("# Made by models/src/test/r/contingency_reference.R with", R.version.string, "\n")
cat("call,quantity,value\n")
writeLines(rows)
