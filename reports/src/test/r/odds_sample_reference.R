# Reference values for `ladder odds` on the bundled sample pool (datasets/sample), end to end:
# the cube's 2x2 and 2x2xK tables and every statistic computed from them.
#
# Writes reports/src/test/resources/ladder/reports/odds_sample_reference.csv:
#   cd reports && Rscript src/test/r/odds_sample_reference.R > src/test/resources/ladder/reports/odds_sample_reference.csv
#
# Rows are (case, quantity, value), values printed with sprintf("%.17g"). Each case names the
# question as `ladder odds` options; the R call that produced each quantity is in the comment
# beside it below. Requires R with epiR (Debian: r-cran-epir).

suppressPackageStartupMessages(library(epiR))
source("src/test/r/sample_pool.R")

fmt <- function(v) sprintf("%.17g", v)
emit <- function(case, quantity, value) cat(sprintf("\"%s\",%s,%s\n", case, quantity, fmt(value)))
cat(sprintf("# %s; epiR %s\n", R.version.string, packageVersion("epiR")))
cat("case,quantity,value\n")

# A 2x2xK array (exposed/reference x event/no event x stratum), as mantelhaen.test and epi.2by2 read it.
table3 <- function(d, exposure, level, reference, event, strata) {
  d <- d[d[[exposure]] %in% c(level, reference), ]
  k <- if (is.null(strata)) rep("all", nrow(d)) else d[[strata]]
  x <- table(factor(d[[exposure]], levels = c(level, reference)), factor(event[rownames(d)], levels = c(TRUE, FALSE)),
             factor(k))
  storage.mode(x) <- "double"  # mantelhaen.test overflows silently on integer tables this size
  x
}

case_odds <- function(case, d, exposure, level, reference, event, strata) {
  x <- table3(d, exposure, level, reference, event, strata)
  crude <- apply(x, c(1, 2), sum)
  emit(case, "a", crude[1, 1]); emit(case, "b", crude[1, 2]); emit(case, "c", crude[2, 1]); emit(case, "d", crude[2, 2])
  f <- fisher.test(crude)                                  # conditional MLE, exact interval, Fisher p
  emit(case, "fisher.p", f$p.value)
  emit(case, "fisher.estimate", f$estimate)
  ch <- chisq.test(crude, correct = FALSE)                 # Pearson chi-squared
  emit(case, "chisq", ch$statistic)
  chy <- chisq.test(crude, correct = TRUE)                 # with Yates' correction
  emit(case, "chisq.yates", chy$statistic)
  e <- epi.2by2(crude, method = "cohort.count", conf.level = 0.95)$massoc.detail
  emit(case, "or.wald", e$OR.strata.wald$est); emit(case, "or.wald.lower", e$OR.strata.wald$lower)
  emit(case, "or.wald.upper", e$OR.strata.wald$upper)
  emit(case, "rr", e$RR.strata.wald$est); emit(case, "rr.lower", e$RR.strata.wald$lower)
  emit(case, "rr.upper", e$RR.strata.wald$upper)
  if (dim(x)[3] > 1) {
    m <- mantelhaen.test(x, correct = FALSE)               # MH OR, RBG interval, CMH test
    emit(case, "mh.or", m$estimate); emit(case, "mh.lower", m$conf.int[1]); emit(case, "mh.upper", m$conf.int[2])
    emit(case, "cmh", m$statistic)
    emit(case, "cmh.corrected", mantelhaen.test(x, correct = TRUE)$statistic)
    s <- epi.2by2(x, method = "cohort.count", conf.level = 0.95)$massoc.detail
    emit(case, "mh.rr", s$RR.mh.wald$est); emit(case, "mh.rr.lower", s$RR.mh.wald$lower)
    emit(case, "mh.rr.upper", s$RR.mh.wald$upper)
    emit(case, "mh.rd", s$ARisk.mh.sato$est / 100); emit(case, "mh.rd.lower", s$ARisk.mh.sato$lower / 100)
    emit(case, "mh.rd.upper", s$ARisk.mh.sato$upper / 100)
    emit(case, "strata", dim(x)[3])
  }
}

senior <- setNames(pool$grade >= 4, rownames(pool))
promoted <- setNames(pool$promoted == 1, rownames(pool))
director <- setNames(pool$grade >= 5, rownames(pool))
case_odds("--outcome grade>=4 --exposure seb=working_class --strata employer_id", pool, "seb", "working_class",
          "professional", senior, "employer_id")
case_odds("--outcome promoted --exposure seb=intermediate --strata employer_id,year", transform(pool,
          ey = paste(employer_id, year)), "seb", "intermediate", "professional", promoted, "ey")
case_odds("--outcome promoted --exposure seb=working_class", pool, "seb", "working_class", "professional", promoted, NULL)
case_odds("--outcome grade>=5 --exposure school_type=independent --reference school_type=state --strata employer_id",
          pool, "school_type", "independent", "state", director, "employer_id")
