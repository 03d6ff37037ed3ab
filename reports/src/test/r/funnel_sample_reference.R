# Reference values for `ladder funnel` on the bundled sample of applications
# (datasets/sample-applicants), end to end: the stage counts by SEB and every statistic on them.
#
# Writes reports/src/test/resources/ladder/reports/funnel_sample_reference.csv:
#   cd reports && Rscript src/test/r/funnel_sample_reference.R > src/test/resources/ladder/reports/funnel_sample_reference.csv
#
# Rows are (case, quantity, value), values printed with sprintf("%.17g"). The case names the table
# and row (stage, seb); the R call that produced each quantity is in the comment beside it. Base R
# only (stats: prop.test, fisher.test, mantelhaen.test, chisq.test); the adverse impact ratio's Katz
# log interval is written out below (Katz, Baptista, Azen and Pike 1978, Biometrics 34:469-474).

fmt <- function(v) sprintf("%.17g", v)
emit <- function(case, quantity, value) cat(sprintf("\"%s\",%s,%s\n", case, quantity, fmt(value)))
cat(sprintf("# %s\n", R.version.string))
cat("case,quantity,value\n")

files <- sort(list.files("../datasets/sample-applicants", pattern = "\\.csv$", full.names = TRUE))
apps <- do.call(rbind, lapply(files, function(f) read.csv(f, stringsAsFactors = FALSE, na.strings = "")))
po <- apps$parental_occupation
seb <- rep("excluded", nrow(apps))
seb[po %in% c("professional", "manager")] <- "professional"
seb[po %in% c("small_business", "clerical")] <- "intermediate"
seb[po %in% c("technical_craft", "routine", "long_term_unemployed")] <- "working_class"
seb[is.na(po)] <- "missing"
apps$seb <- seb
stages <- c("applied", "shortlisted", "interviewed", "offered", "hired")
apps$rank <- match(apps$stage_reached, stages)
groups <- c("professional", "intermediate", "working_class")
cls <- apps[apps$seb %in% groups, ]
reached <- function(d, s, g) sum(d$rank >= s & d$seb == g)

# Composition: share of each group among classifiable applications that reached stage s.
for (s in seq_along(stages)) {
  n <- sum(cls$rank >= s)
  for (g in groups) {
    x <- reached(cls, s, g)
    w <- prop.test(x, n, correct = FALSE)                       # Wilson score interval
    case <- paste("composition", stages[s], g)
    emit(case, "count", x); emit(case, "share", x / n)
    emit(case, "lower", w$conf.int[1]); emit(case, "upper", w$conf.int[2])
  }
}

# Conversion from stage s-1 to s, by group.
for (s in 2:length(stages)) {
  for (g in groups) {
    n <- reached(cls, s - 1, g); x <- reached(cls, s, g)
    w <- prop.test(x, n, correct = FALSE)                       # Wilson score interval
    case <- paste("conversion", stages[s], g)
    emit(case, "rate", x / n); emit(case, "lower", w$conf.int[1]); emit(case, "upper", w$conf.int[2])
  }
}

# Adverse impact ratio: rate over the highest group's, Katz log interval
# exp(log(p1/p2) +/- qnorm(0.975) * sqrt(1/x1 - 1/n1 + 1/x2 - 1/n2)).
air <- function(step, from, to) {
  x <- sapply(groups, function(g) reached(cls, to, g)); n <- sapply(groups, function(g) reached(cls, from, g))
  p <- x / n; top <- which.max(p)
  for (g in seq_along(groups)[-top]) {
    r <- p[g] / p[top]
    se <- sqrt(1 / x[g] - 1 / n[g] + 1 / x[top] - 1 / n[top])
    case <- paste("adverse_impact", step, groups[g])
    emit(case, "impact_ratio", r)
    emit(case, "lower", exp(log(r) - qnorm(0.975) * se)); emit(case, "upper", exp(log(r) + qnorm(0.975) * se))
  }
}
for (s in 2:length(stages)) air(paste(stages[s - 1], "->", stages[s]), s - 1, s)
air("applied -> hired (whole funnel)", 1, 5)

# Odds of progressing to stage s among those who reached s-1, exposure vs professional.
for (s in 2:length(stages)) {
  for (g in c("intermediate", "working_class")) {
    d <- apps[apps$rank >= s - 1 & apps$seb %in% c(g, "professional"), ]
    x <- table(factor(d$seb, levels = c(g, "professional")), factor(d$rank >= s, levels = c(TRUE, FALSE)),
               factor(d$employer_id))
    storage.mode(x) <- "double"
    crude <- apply(x, c(1, 2), sum)
    case <- paste("odds", stages[s], g)
    or <- crude[1, 1] * crude[2, 2] / (crude[1, 2] * crude[2, 1])
    se <- sqrt(sum(1 / crude))
    emit(case, "woolf", or)                                       # sample odds ratio, Woolf interval
    emit(case, "woolf.lower", exp(log(or) - qnorm(0.975) * se)); emit(case, "woolf.upper", exp(log(or) + qnorm(0.975) * se))
    f <- fisher.test(crude)                                       # conditional MLE, exact interval, Fisher p
    emit(case, "exact", f$estimate); emit(case, "exact.lower", f$conf.int[1]); emit(case, "exact.upper", f$conf.int[2])
    emit(case, "fisher.p", f$p.value)
    m <- mantelhaen.test(x, correct = FALSE)                      # MH OR, RBG interval, CMH test
    emit(case, "mh", m$estimate); emit(case, "mh.lower", m$conf.int[1]); emit(case, "mh.upper", m$conf.int[2])
    emit(case, "cmh.p", m$p.value)
  }
}

# Applicants and hires against the national 34/24/42.
for (s in c(1, 5)) {
  counts <- sapply(groups, function(g) reached(cls, s, g))
  ch <- chisq.test(counts, p = c(0.34, 0.24, 0.42))              # Pearson goodness of fit
  case <- paste("benchmark", if (s == 1) "applicants" else "hires")
  emit(case, "chi_square", ch$statistic); emit(case, "p_value", ch$p.value)
}
