# Reference values for `ladder pay` on the bundled sample pool (datasets/sample), end to end: per SEB group the
# mean, median and quartiles of hourly pay (pence), the bonus figures, the gaps against the reference, the pay
# quarters, and with --adjusted the OLS adjusted gap (lm, sandwich::vcovCL) and the Oaxaca-Blinder split.
#
# Writes reports/src/test/resources/ladder/reports/pay_sample_reference.csv:
#   cd reports && Rscript src/test/r/pay_sample_reference.R > src/test/resources/ladder/reports/pay_sample_reference.csv
#
# Rows are (case, quantity, value), values printed with sprintf("%.17g"). A case is the `ladder pay` options; a
# quantity is `part|table|key...|column`, part being the --by level ("all" without --by), naming the row and
# column of Ladder's JSON table it is compared with. Requires R with sandwich (Debian: r-cran-sandwich).

suppressPackageStartupMessages(library(sandwich))
source("src/test/r/sample_pool.R")
# Pay in whole pence, as the cube's histogram holds it.
pool$pence <- round(pool$hourly_pay * 100)
pool$bonus_pence <- round(pool$bonus * 100)

fmt <- function(v) sprintf("%.17g", v)
emit <- function(case, quantity, value) cat(sprintf("\"%s\",%s,%s\n", case, quantity, fmt(value)))
cat(sprintf("# %s; sandwich %s\n", R.version.string, packageVersion("sandwich")))
cat("case,quantity,value\n")

gap <- function(ref, g) 100 * (ref - g) / ref

# Raw gaps of one part (the whole selection or one --by level).
case_part <- function(case, part, d, groups, type) {
  ref <- groups[1]
  hourly <- lapply(groups, function(g) d$pence[d$seb == g & !is.na(d$pence)])
  bonus <- lapply(groups, function(g) d$bonus_pence[d$seb == g & !is.na(d$bonus_pence)])
  names(hourly) <- names(bonus) <- groups
  for (g in groups) {
    x <- hourly[[g]]; b <- bonus[[g]]; paid <- b[b > 0]
    q <- function(col, v) emit(case, paste(part, "groups", g, col, sep = "|"), v)
    q("n", length(x)); q("mean_hourly", mean(x)); q("median_hourly", median(x))
    q("lower_quartile_hourly", quantile(x, 0.25, type = type, names = FALSE))
    q("upper_quartile_hourly", quantile(x, 0.75, type = type, names = FALSE))
    q("bonus_n", length(b)); q("bonus_paid", length(paid)); q("bonus_share", length(paid) / length(b))
    q("mean_bonus", mean(paid)); q("median_bonus", median(paid))
  }
  z <- qnorm(0.975)
  for (g in groups[-1]) {
    for (m in c("hourly", "bonus")) {
      a <- if (m == "hourly") hourly[[g]] else bonus[[g]][bonus[[g]] > 0]
      b <- if (m == "hourly") hourly[[ref]] else bonus[[ref]][bonus[[ref]] > 0]
      key <- function(measure, col) paste(part, "gaps", measure, g, col, sep = "|")
      emit(case, key(paste0("median_", m), "gap_percent"), gap(median(b), median(a)))
      emit(case, key(paste0("mean_", m), "gap_percent"), gap(mean(b), mean(a)))
      # delta method for the ratio of two independent means
      r <- mean(a) / mean(b)
      se <- r * sqrt(var(a) / length(a) / mean(a)^2 + var(b) / length(b) / mean(b)^2)
      emit(case, key(paste0("mean_", m), "lower"), 100 * (1 - (r + z * se)))
      emit(case, key(paste0("mean_", m), "upper"), 100 * (1 - (r - z * se)))
    }
  }
  pooled <- unlist(hourly)
  cuts <- quantile(pooled, c(0.25, 0.5, 0.75), type = type, names = FALSE)
  quarter_of <- function(x) 1 + (x > cuts[1]) + (x > cuts[2]) + (x > cuts[3])
  size <- tabulate(quarter_of(pooled), 4)
  for (k in 1:4) {
    for (g in groups) {
      people <- sum(quarter_of(hourly[[g]]) == k)
      key <- function(col) paste(part, "quarters", paste0("Q", k), g, col, sep = "|")
      emit(case, key("people"), people)
      emit(case, key("share_of_quarter"), people / size[k])
      emit(case, key("share_of_group"), people / length(hourly[[g]]))
      if (k < 4) emit(case, key("upper"), cuts[k])
    }
  }
}

case_gaps <- function(case, d, reference = "professional", by = NULL, type = 7) {
  groups <- c(reference, setdiff(c("professional", "intermediate", "working_class"), reference))
  if (is.null(by)) {
    case_part(case, "all", d, groups, type)
  } else {
    for (level in sort(unique(d[[by]]))) case_part(case, level, d[d[[by]] == level, ], groups, type)
  }
}

case_gaps("", pool)
case_gaps("--by year", pool, by = "year")
case_gaps("--reference working_class --quantile-type 6", pool, reference = "working_class", type = 6)
case_gaps("--where grade>=3", pool[pool$grade >= 3, ])

# The adjusted gap: OLS of log hourly pay with employer-clustered CR1 standard errors, and the Oaxaca-Blinder
# two-fold decomposition with the pooled coefficients (group indicator included) as the reference.
case <- "--adjusted"
groups <- c("professional", "intermediate", "working_class")
d <- pool[pool$seb %in% groups & !is.na(pool$hourly_pay), ]
d$seb <- factor(d$seb, levels = groups)
fit <- lm(log(hourly_pay) ~ seb + gender + ethnicity + age_band + factor(grade) + factor(year), data = d)
vc <- vcovCL(fit, cluster = ~employer_id, type = "HC1")
tq <- qt(0.975, df.residual(fit))
for (g in groups[-1]) {
  term <- paste0("seb", g)
  b <- coef(fit)[[term]]
  se <- sqrt(vcov(fit)[term, term]); sec <- sqrt(vc[term, term])
  key <- function(table, col) paste("all", table, g, col, sep = "|")
  emit(case, paste("all", "adjusted_coefficients", paste0("seb=", g), "estimate", sep = "|"), b)
  emit(case, paste("all", "adjusted_coefficients", paste0("seb=", g), "se", sep = "|"), se)
  emit(case, paste("all", "adjusted_coefficients", paste0("seb=", g), "se_cluster", sep = "|"), sec)
  emit(case, key("adjusted_gaps", "gap_percent"), 100 * (1 - exp(b)))
  emit(case, key("adjusted_gaps", "lower"), 100 * (1 - exp(b + tq * sec)))
  emit(case, key("adjusted_gaps", "upper"), 100 * (1 - exp(b - tq * sec)))
  emit(case, key("adjusted_gaps", "model_lower"), 100 * (1 - exp(b + tq * se)))
  emit(case, key("adjusted_gaps", "model_upper"), 100 * (1 - exp(b - tq * se)))
  s <- d[d$seb %in% c("professional", g), ]
  s$in_group <- as.numeric(s$seb == g)
  pooled <- lm(log(hourly_pay) ~ gender + ethnicity + age_band + factor(grade) + factor(year) + in_group, data = s)
  x <- model.matrix(pooled)
  beta <- coef(pooled)[colnames(x) != "in_group"]
  x <- x[, colnames(x) != "in_group"]
  explained <- sum((colMeans(x[s$in_group == 0, ]) - colMeans(x[s$in_group == 1, ])) * beta)
  total <- mean(log(s$hourly_pay[s$in_group == 0])) - mean(log(s$hourly_pay[s$in_group == 1]))
  emit(case, paste("all", "oaxaca", g, "gap", "estimate", sep = "|"), total)
  emit(case, paste("all", "oaxaca", g, "explained", "estimate", sep = "|"), explained)
  emit(case, paste("all", "oaxaca", g, "unexplained", "estimate", sep = "|"), total - explained)
}
emit(case, "all|adjusted|rows", nobs(fit))
