# Reference values for `ladder employer` and `ladder scorecard` on the bundled sample pool
# (datasets/sample), end to end: the counts R tabulates from the same CSV files and every statistic
# computed from them by R's own functions.
#
# Writes reports/src/test/resources/ladder/reports/benchmark_sample_reference.csv:
#   cd reports && Rscript src/test/r/benchmark_sample_reference.R > src/test/resources/ladder/reports/benchmark_sample_reference.csv
#
# Rows are (case, quantity, value), values printed with sprintf("%.17g"). R 4.2.2, stats and MASS
# 7.3-58 (dose.p).

source("src/test/r/sample_pool.R")  # pool: the sample rows with seb
library(MASS)
applicants <- do.call(rbind, lapply(sort(list.files("../datasets/sample-applicants", pattern = "\\.csv$",
    full.names = TRUE)), function(f) read.csv(f, stringsAsFactors = FALSE, na.strings = "")))
classes <- c("professional", "intermediate", "working_class")

fmt <- function(v) sprintf("%.17g", v)
emit <- function(case, quantity, value) cat(sprintf("\"%s\",%s,%s\n", case, quantity, fmt(value)))
cat(sprintf("# %s; MASS %s\n", R.version.string, packageVersion("MASS")))
cat("case,quantity,value\n")

wilson <- function(x, n) prop.test(x, n, correct = FALSE)$conf.int   # Wilson score interval
woolf <- function(a, b, c, d) {                                      # crude OR, Woolf interval
  or <- a * d / (b * c); se <- sqrt(1 / a + 1 / b + 1 / c + 1 / d)
  c(or, exp(log(or) - qnorm(0.975) * se), exp(log(or) + qnorm(0.975) * se))
}
# Each key figure of a set of rows: (value, lower, upper, n).
figures <- function(d) {
  cl <- d[d$seb %in% classes, ]
  out <- list()
  for (s in classes) {
    x <- sum(cl$seb == s); n <- nrow(cl)
    out[[paste0("share_", s)]] <- c(x / n, wilson(x, n), n)
  }
  out$response_rate <- c(nrow(cl) / nrow(d), wilson(nrow(cl), nrow(d)), nrow(d))
  sen <- cl[cl$grade >= 4, ]
  x <- sum(sen$seb == "working_class")
  out$share_working_class_grade_4_plus <- c(x / nrow(sen), wilson(x, nrow(sen)), nrow(sen))
  for (s in classes) {
    g <- d[d$seb == s, ]; x <- sum(g$promoted == 1)
    out[[paste0("promotion_rate_", s)]] <- c(x / nrow(g), wilson(x, nrow(g)), nrow(g))
  }
  w <- d[d$seb == "working_class", ]; p <- d[d$seb == "professional", ]
  out$promotion_odds_ratio_working_class_vs_professional <- c(woolf(sum(w$promoted == 1), sum(w$promoted == 0),
    sum(p$promoted == 1), sum(p$promoted == 0)), nrow(w) + nrow(p))
  out
}

# ---- employer: the employer, the coalition and the employer's mid-rank percentile ----
employers <- sort(unique(pool$employer_id))
each <- lapply(employers, function(e) figures(pool[pool$employer_id == e, ]))
coalition <- figures(pool)
for (e in c("E001", "E003")) {
  case <- paste("employer --id", e)
  mine <- figures(pool[pool$employer_id == e, ])
  for (f in names(mine)) {
    emit(case, paste0(f, ".employer"), mine[[f]][1]); emit(case, paste0(f, ".employer_lower"), mine[[f]][2])
    emit(case, paste0(f, ".employer_upper"), mine[[f]][3]); emit(case, paste0(f, ".employer_n"), mine[[f]][4])
    emit(case, paste0(f, ".coalition"), coalition[[f]][1]); emit(case, paste0(f, ".coalition_lower"), coalition[[f]][2])
    emit(case, paste0(f, ".coalition_upper"), coalition[[f]][3]); emit(case, paste0(f, ".coalition_n"), coalition[[f]][4])
    v <- sapply(each, function(x) x[[f]][1])
    emit(case, paste0(f, ".percentile"), 100 * (rank(v)[employers == e] - 0.5) / length(v))   # mid-rank
  }
}

# ---- scorecard --target working_class=0.45 --applicants ../datasets/sample-applicants: each employer's latest
# year and its trend; applicants: its applications in the latest year of the applicants files ----
case <- "scorecard --target working_class=0.45"
questions <- c("parental_occupation", "school_type", "free_school_meals", "parent_degree")
for (e in employers) {
  d <- pool[pool$employer_id == e, ]
  y <- max(d$year); dy <- d[d$year == y, ]
  p <- function(q) paste0(e, ".", q)
  cl <- dy[dy$seb %in% classes, ]
  emit(case, p("response"), nrow(cl) / nrow(dy))
  w <- wilson(nrow(cl), nrow(dy)); emit(case, p("response.lower"), w[1]); emit(case, p("response.upper"), w[2])
  x <- sapply(classes, function(s) sum(cl$seb == s))
  for (s in classes) {
    w <- wilson(x[[s]], nrow(cl))
    emit(case, p(paste0(s, ".count")), x[[s]]); emit(case, p(paste0(s, ".lower")), w[1]); emit(case, p(paste0(s, ".upper")), w[2])
  }
  t <- chisq.test(x, p = c(0.34, 0.24, 0.42))                                # goodness of fit to 34/24/42
  emit(case, p("chisq"), t$statistic); emit(case, p("chisq.p"), t$p.value)
  before <- d$person_id[d$year == y - 1]
  groups <- list(workforce = dy, apprentices = dy[dy$entry_route == "apprenticeship", ],
                 new_hires = dy[!(dy$person_id %in% before), ])                # new hires: not in last year's rows
  a <- applicants[applicants$employer_id == e, ]
  groups$applicants <- a[a$year == max(a$year), ]                              # applications in its latest year
  for (g in names(groups)) {
    emit(case, p(paste0(g, ".rows")), nrow(groups[[g]]))
    for (q in questions) emit(case, p(paste0(g, ".", q)), sum(!is.na(groups[[g]][[q]])))
  }
  yrs <- sort(unique(d$year))
  k <- sapply(yrs, function(v) sum(d$year == v & d$seb == "working_class"))
  n <- sapply(yrs, function(v) sum(d$year == v & d$seb %in% classes))
  centre <- sum(n * yrs) / sum(n)
  u <- yrs - centre
  fit <- glm(cbind(k, n - k) ~ u, family = binomial, control = glm.control(epsilon = 1e-14, maxit = 100))
  b <- coef(fit); V <- vcov(fit)
  L <- qlogis(0.45); z <- qnorm(0.975)
  emit(case, p("crossing"), centre + (L - b[1]) / b[2])
  A <- b[2]^2 - z^2 * V[2, 2]; B <- (b[1] - L) * b[2] - z^2 * V[1, 2]; C <- (b[1] - L)^2 - z^2 * V[1, 1]
  if (A > 0) {                                                                  # Fieller: the roots of A u^2 + 2Bu + C
    emit(case, p("fieller.lower"), centre + (-B - sqrt(B^2 - A * C)) / A)
    emit(case, p("fieller.upper"), centre + (-B + sqrt(B^2 - A * C)) / A)
  }
  dp <- dose.p(fit, cf = 1:2, p = 0.45)                                        # delta method (MASS)
  emit(case, p("dose.p"), centre + dp[1]); emit(case, p("dose.p.se"), attr(dp, "SE")[1])
}
