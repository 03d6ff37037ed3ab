# Reference values for `ladder trend`, `ladder ceiling` and `ladder intersect` on the bundled
# sample pool (datasets/sample), end to end: the counts R tabulates from the same CSV files and
# every statistic computed from them by R's own functions.
#
# Writes reports/src/test/resources/ladder/reports/trend_sample_reference.csv:
#   cd reports && Rscript src/test/r/trend_sample_reference.R > src/test/resources/ladder/reports/trend_sample_reference.csv
#
# Rows are (case, quantity, value), values printed with sprintf("%.17g"). Each case names the
# question as the command and its options; the R call behind each quantity is beside it below.
# Base R only (stats).

source("src/test/r/sample_pool.R")  # pool: the sample rows with seb
classes <- c("professional", "intermediate", "working_class")
non_answers <- c("excluded", "missing", "prefer_not_to_say", "dont_know")

fmt <- function(v) sprintf("%.17g", v)
emit <- function(case, quantity, value) cat(sprintf("\"%s\",%s,%s\n", case, quantity, fmt(value)))
cat(sprintf("# %s\n", R.version.string))
cat("case,quantity,value\n")

# ---- trend: the share of a class among classifiable answers, by year (optionally by a column) ----
# column: the question (seb, or a supplementary one: then its answers are every value but a
# non-answer or none); benchmark: the national share the gaps are against (share - benchmark, and
# the Wilson bounds less it, the benchmark taken as a constant), if any.
case_trend <- function(case, d, level, by = NULL, column = "seb", benchmark = NULL) {
  d <- if (column == "seb") d[d$seb %in% classes, ] else d[!is.na(d[[column]]) & !(d[[column]] %in% non_answers), ]
  d$seb <- d[[column]]
  groups <- if (is.null(by)) list(all = d) else split(d, d[[by]])
  for (g in names(groups)) {
    dg <- groups[[g]]
    years <- sort(unique(d$year))
    x <- sapply(years, function(y) sum(dg$year == y & dg$seb == level))
    n <- sapply(years, function(y) sum(dg$year == y))
    p <- function(q) paste0(g, ".", q)
    for (i in seq_along(years)) {
      w <- prop.test(x[i], n[i], correct = FALSE)$conf.int          # Wilson interval
      emit(case, p(paste0(years[i], ".count")), x[i]); emit(case, p(paste0(years[i], ".total")), n[i])
      emit(case, p(paste0(years[i], ".lower")), w[1]); emit(case, p(paste0(years[i], ".upper")), w[2])
      if (!is.null(benchmark)) {
        emit(case, p(paste0(years[i], ".gap")), x[i] / n[i] - benchmark)
        emit(case, p(paste0(years[i], ".gap.lower")), w[1] - benchmark)
        emit(case, p(paste0(years[i], ".gap.upper")), w[2] - benchmark)
      }
    }
    for (i in seq_along(years)[-1]) {
      t <- prop.test(c(x[i], x[i - 1]), c(n[i], n[i - 1]), correct = FALSE)   # year-on-year change
      emit(case, p(paste0(years[i], ".chisq")), t$statistic); emit(case, p(paste0(years[i], ".p")), t$p.value)
      emit(case, p(paste0(years[i], ".wald.lower")), t$conf.int[1])
      emit(case, p(paste0(years[i], ".wald.upper")), t$conf.int[2])
    }
    ca <- prop.trend.test(x, n, score = years)                      # Cochran-Armitage
    emit(case, p("ca"), ca$statistic); emit(case, p("ca.p"), ca$p.value)
    fit <- glm(cbind(x, n - x) ~ years, family = binomial)          # logistic trend
    lr <- anova(glm(cbind(x, n - x) ~ 1, family = binomial), fit, test = "LRT")
    emit(case, p("slope.or"), exp(coef(fit)[2]))
    emit(case, p("lr"), lr$Deviance[2]); emit(case, p("lr.p"), lr$`Pr(>Chi)`[2])
  }
}
case_trend("trend --share seb=working_class --over year", pool, "working_class")
case_trend("trend --share seb=professional --over year --by sector", pool, "professional", "sector")
# Independent school against the SMC's 7.5% (the answers: state, independent, independent_bursary, outside_uk).
case_trend("trend --share school_type=independent --over year", pool, "independent", column = "school_type",
           benchmark = 0.075)

# ---- ceiling: composition by grade, and the odds of reaching each grade within employers ----
case_ceiling <- function(case, d) {
  d <- d[d$seb %in% classes, ]
  grades <- sort(unique(d$grade))
  for (g in grades) {
    for (s in classes) {
      x <- sum(d$grade == g & d$seb == s); n <- sum(d$grade == g)
      w <- prop.test(x, n, correct = FALSE)$conf.int
      emit(case, paste0("composition.", g, ".", s, ".count"), x)
      emit(case, paste0("composition.", g, ".", s, ".lower"), w[1]); emit(case, paste0("composition.", g, ".", s, ".upper"), w[2])
    }
  }
  for (cut in grades[-1]) {
    for (s in classes[-1]) {
      e <- d[d$seb %in% c(s, "professional"), ]
      x <- table(factor(e$seb, levels = c(s, "professional")), factor(e$grade >= cut, levels = c(TRUE, FALSE)),
                 factor(e$employer_id))
      storage.mode(x) <- "double"
      m <- mantelhaen.test(x, correct = FALSE)                       # MH OR, RBG interval
      q <- paste0("ceiling.", cut, ".", s)
      emit(case, paste0(q, ".mh"), m$estimate)
      emit(case, paste0(q, ".mh.lower"), m$conf.int[1]); emit(case, paste0(q, ".mh.upper"), m$conf.int[2])
      t <- apply(x, c(1, 2), sum)
      emit(case, paste0(q, ".or"), t[1, 1] * t[2, 2] / (t[1, 2] * t[2, 1]))  # crude (Woolf) odds ratio
    }
  }
}
case_ceiling("ceiling --strata employer_id", pool)

# ---- intersect: promotion by seb x gender x ethnicity, each cell against the rest ----
case_intersect <- function(case, d, by) {
  keep <- rep(TRUE, nrow(d))
  for (b in by) keep <- keep & !is.na(d[[b]]) & !(d[[b]] %in% non_answers)
  d <- d[keep, ]
  key <- do.call(paste, c(lapply(by, function(b) d[[b]]), sep = " x "))
  cells <- sort(unique(key))
  N <- nrow(d); X <- sum(d$promoted == 1)
  p <- c(); f <- c()
  for (k in cells) {
    n <- sum(key == k); x <- sum(key == k & d$promoted == 1)
    t <- prop.test(c(x, X - x), c(n, N - n), correct = FALSE)        # the cell against the rest
    w <- prop.test(x, n, correct = FALSE)$conf.int                   # Wilson interval
    p[k] <- t$p.value
    f[k] <- fisher.test(matrix(c(x, X - x, n - x, N - n - (X - x)), 2))$p.value
    emit(case, paste0(k, ".n"), n); emit(case, paste0(k, ".events"), x)
    emit(case, paste0(k, ".chisq"), t$statistic); emit(case, paste0(k, ".p"), t$p.value)
    emit(case, paste0(k, ".lower"), w[1]); emit(case, paste0(k, ".upper"), w[2])
    emit(case, paste0(k, ".fisher"), f[k])
  }
  bh <- p.adjust(p, "BH")
  for (k in cells) emit(case, paste0(k, ".bh"), bh[k])
  emit(case, "cells", length(cells))
}
case_intersect("intersect --outcome promoted --by seb,gender,ethnicity", pool, c("seb", "gender", "ethnicity"))
