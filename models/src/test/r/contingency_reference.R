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


# ---- Stratified 2x2xK ---------------------------------------------------------------------------
# A stratum is c(a, b, c, d); the K strata become array(c(a, c, b, d, ...), c(2, 2, K)) (column-major).
arr <- function(strata) {
  v <- unlist(lapply(strata, function(s) s[c(1, 3, 2, 4)]))
  sprintf("array(c(%s), c(2, 2, %d))", num(v), length(strata))
}

# Breslow-Day, with Tarone's correction when correct = TRUE, written out because DescTools is not
# installed: as DescTools::BreslowDayTest(x, OR = NA, correct) with the fitted a found by uniroot
# (not the quadratic formula Ladder uses). Every stratum must have all margins positive.
breslow_day <- function(x, correct = FALSE) {
  storage.mode(x) <- "double"
  psi <- mantelhaen.test(x, correct = FALSE)$estimate
  stat <- 0; sa <- 0; sf <- 0; sv <- 0
  for (k in seq_len(dim(x)[3])) {
    t <- x[, , k]; n1 <- sum(t[1, ]); n0 <- sum(t[2, ]); m1 <- sum(t[, 1])
    f <- function(a) a * (n0 - m1 + a) - psi * (n1 - a) * (m1 - a)
    fa <- uniroot(f, c(max(0, m1 - n0), min(n1, m1)), tol = TOL)$root
    v <- 1 / (1 / fa + 1 / (n1 - fa) + 1 / (m1 - fa) + 1 / (n0 - m1 + fa))
    stat <- stat + (t[1, 1] - fa)^2 / v
    sa <- sa + t[1, 1]; sf <- sf + fa; sv <- sv + v
  }
  if (correct) stat <- stat - (sa - sf)^2 / sv
  df <- dim(x)[3] - 1
  c(statistic = unname(stat), df = df, p.value = pchisq(unname(stat), df, lower.tail = FALSE))
}

# The Mantel-Haenszel risk ratio and Greenland-Robins interval as the lines of epiR::epi.2by2.
rr_mh <- function(x, conf.level = 0.95) {
  a <- x[1, 1, ]; b <- x[1, 2, ]; c <- x[2, 1, ]; d <- x[2, 2, ]
  N1 <- a + b; N0 <- c + d; M1 <- a + c; total <- N1 + N0
  z <- qnorm(1 - (1 - conf.level) / 2)
  sRR.p <- sum((a * N0 / total)) / sum((c * N1 / total))
  varLNRR.s <- sum(((M1 * N1 * N0) / total^2) - ((a * c) / total)) / (sum((a * N0) / total) * sum((c * N1) / total))
  c(sRR.p, exp(log(sRR.p) - z * sqrt(varLNRR.s)), exp(log(sRR.p) + z * sqrt(varLNRR.s)))
}

# mantelhaen.test needs every stratum of n >= 2; `informative` are those with every margin positive.
stratified <- function(strata) {
  n <- sapply(strata, sum)
  usable <- strata[n >= 2]
  A <- arr(usable)
  for (correct in c(FALSE, TRUE)) {
    call <- sprintf("mantelhaen.test(%s, correct = %s)", A, correct)
    x <- eval(parse(text = A)); storage.mode(x) <- "double"
    mh <- suppressWarnings(mantelhaen.test(x, correct = correct))
    emit(call, "statistic", mh$statistic)
    emit(call, "p.value", mh$p.value)
    if (!correct) {
      emit(call, "estimate", mh$estimate)
      emit(call, "lower", mh$conf.int[1])
      emit(call, "upper", mh$conf.int[2])
    }
  }
  call <- sprintf("epiR::epi.2by2(as.table(%s), method = 'cohort.count', units = 1)$massoc.detail", A)
  x <- eval(parse(text = A)); storage.mode(x) <- "double"
  e <- tryCatch(suppressWarnings(epi.2by2(as.table(x), method = "cohort.count", units = 1))$massoc.detail,
                error = function(err) NULL)
  if (!is.null(e)) {
    for (q in c("OR.mh.wald", "RR.mh.wald", "ARisk.mh.sato")) {
      emit(call, paste0(q, ".est"), e[[q]]$est)
      emit(call, paste0(q, ".lower"), e[[q]]$lower)
      emit(call, paste0(q, ".upper"), e[[q]]$upper)
    }
  } else {
    # epi.2by2 stops on some tables with zero cells (in its score intervals); its Sato function
    # and its Greenland-Robins lines (sRR.p, varLNRR.s in epi.2by2) are then called directly.
    call <- sprintf("epiR:::zMHRD.Sato(%s, conf.level = 0.95, units = 1)", A)
    r <- run(call)
    emit(call, "est", r[1]); emit(call, "lower", r[2]); emit(call, "upper", r[3])
    call <- sprintf("rr_mh(%s)", A)
    r <- run(call)
    emit(call, "est", r[1]); emit(call, "lower", r[2]); emit(call, "upper", r[3])
  }
  informative <- Filter(function(s) all(c(s[1] + s[2], s[3] + s[4], s[1] + s[3], s[2] + s[4]) > 0), strata)
  if (length(informative) >= 2) {
    I <- arr(informative)
    for (correct in c(FALSE, TRUE)) {
      call <- sprintf("breslow_day(%s, correct = %s)", I, correct)
      bd <- run(call)
      for (q in names(bd)) emit(call, q, bd[[q]])
    }
    if (length(informative) == length(strata)) {
      # epiR's bOR.homog is the uncorrected Breslow-Day test.
      call <- sprintf("epiR::epi.2by2(as.table(%s), method = 'cohort.count', units = 1)$massoc.summary", I)
      x <- eval(parse(text = I)); storage.mode(x) <- "double"
      h <- suppressWarnings(epi.2by2(as.table(x), method = "cohort.count", units = 1))$res$bOR.homog
      emit(sprintf("epiR::epi.2by2(as.table(%s), method = 'cohort.count', units = 1)$res$bOR.homog", I),
           "test.statistic", h$test.statistic)
    }
  }
}

# UCBAdmissions as exposure (Male, Female) x outcome (Admitted, Rejected) x department.
ucb <- aperm(UCBAdmissions, c(2, 1, 3))
ucb_strata <- lapply(1:6, function(k) c(ucb[1, 1, k], ucb[1, 2, k], ucb[2, 1, k], ucb[2, 2, k]))
stopifnot(all.equal(mantelhaen.test(ucb)$statistic,
                    mantelhaen.test(eval(parse(text = arr(ucb_strata))))$statistic))
stratified_cases <- list(
  ucb_strata,
  list(c(3, 17, 8, 22), c(5, 15, 9, 21), c(2, 8, 1, 9), c(10, 30, 25, 35), c(6, 4, 7, 13)),
  # strata without information: no one at the reference level, n = 1, no events, everyone had the event
  list(c(10, 20, 15, 25), c(5, 3, 0, 0), c(0, 0, 0, 1), c(0, 12, 0, 9), c(4, 0, 6, 0), c(7, 13, 3, 17), c(12, 8, 9, 11)),
  # |sum a - sum E(a)| < 0.5: R applies no continuity correction
  list(c(5, 5, 5, 6), c(3, 7, 3, 7)),
  # a pool of 9 million (mantelhaen.test overflows integer margin products: stored as double)
  list(c(310000, 2690000, 420000, 2580000), c(120000, 880000, 150000, 850000), c(51000, 449000, 70000, 430000))
)
for (strata in stratified_cases) stratified(strata)

# Several exposure levels (working class, intermediate, professional = reference) x outcome x 4 strata:
# each level against the reference is a 2x2x4 case, and the whole 3x2x4 table has a generalised CMH test.
levels3 <- list(
  list(c(30, 170), c(45, 155), c(60, 140)),
  list(c(12, 88), c(20, 80), c(25, 75)),
  list(c(50, 450), c(70, 430), c(95, 405)),
  list(c(8, 32), c(9, 31), c(14, 26)))
for (lv in 1:2) stratified(lapply(levels3, function(s) c(s[[lv]], s[[3]])))

# ---- Generalised CMH (R x C x K with R or C > 2) --------------------------------------------------
# A stratum is a list of rows; the array is filled column-major: array(c(...), c(R, C, K)).
arr3 <- function(strata) {
  R <- length(strata[[1]]); C <- length(strata[[1]][[1]])
  v <- unlist(lapply(strata, function(s) as.vector(do.call(rbind, s))))
  sprintf("array(c(%s), c(%d, %d, %d))", num(v), R, C, length(strata))
}
general <- function(strata) {
  call <- sprintf("mantelhaen.test(%s)", arr3(strata))
  x <- eval(parse(text = arr3(strata))); storage.mode(x) <- "double"
  g <- mantelhaen.test(x)
  emit(call, "statistic", g$statistic)
  emit(call, "df", g$parameter)
  emit(call, "p.value", g$p.value)
}
general(levels3)
general(list(
  list(c(10, 12, 8), c(15, 9, 11), c(7, 14, 20)),
  list(c(22, 18, 9), c(12, 25, 14), c(6, 10, 19)),
  list(c(5, 7, 3), c(9, 4, 6), c(2, 8, 11))))

cat("# Made by models/src/test/r/contingency_reference.R with", R.version.string, "\n")
cat("call,quantity,value\n")
writeLines(rows)
