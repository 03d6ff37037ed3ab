# Reference values for `ladder routes`, `ladder training` and `ladder after-training` on the bundled
# sample pool (datasets/sample), end to end.
#
# Writes reports/src/test/resources/ladder/reports/progression_sample_reference.csv:
#   cd reports && Rscript src/test/r/progression_sample_reference.R > src/test/resources/ladder/reports/progression_sample_reference.csv
#
# Rows are (case, quantity, value), values printed with sprintf("%.17g"). A case names the command,
# the table's lead columns and the SEB group, e.g. "routes promoted apprenticeship working_class".
# Quantities and the R calls that made them:
#   n, events                    counts
#   rate, lower, upper           x / n and prop.test(x, n, correct = FALSE)$conf.int (Wilson)
#   or, or.lower, or.upper       (a d) / (b c) against professional and exp(log(or) -/+ qnorm(0.975) sqrt(1/a+1/b+1/c+1/d)) (Woolf)
#   fisher.p                     fisher.test(2x2)$p.value
#   mh.or, mh.lower, mh.upper    mantelhaen.test(2x2xK by employer_id, correct = FALSE)$estimate and $conf.int
#   cmh.p                        mantelhaen.test(..., correct = FALSE)$p.value
#   share, share.lower, share.upper   composition: count / route total with prop.test(count, total, correct = FALSE)$conf.int
#   adj.or, adj.lower, adj.upper, adj.se   training: glm(training ~ seb + gender + ethnicity + age_band + factor(grade)
#                                          + factor(year), binomial) over classifiable SEB; se from
#                                          sandwich::vcovCL(fit, cluster = ~employer_id, type = "HC1"); exp(b -/+ qnorm(0.975) se)
#   status counts                after-training: each person-year followed by (employer_id, person_id) as ladder does.
# Requires R with sandwich (Debian: r-cran-sandwich).

suppressPackageStartupMessages(library(sandwich))
source("src/test/r/sample_pool.R")  # pool: the sample rows with seb

fmt <- function(v) sprintf("%.17g", v)
emit <- function(case, quantity, value) cat(sprintf("\"%s\",%s,%s\n", case, quantity, fmt(value)))
cat(sprintf("# %s; sandwich %s\n", R.version.string, packageVersion("sandwich")))
cat("case,quantity,value\n")
groups <- c("professional", "intermediate", "working_class")
z <- qnorm(0.975)

# d: rows with seb, employer_id and a logical `event`; emits every quantity of one block of rows.
case_rates <- function(prefix, d) {
  d <- d[d$seb %in% groups, ]
  for (g in groups) {
    x <- sum(d$event[d$seb == g]); n <- sum(d$seb == g)
    case <- paste(prefix, g)
    emit(case, "n", n); emit(case, "events", x)
    emit(case, "rate", x / n)
    ci <- prop.test(x, n, correct = FALSE)$conf.int
    emit(case, "lower", ci[1]); emit(case, "upper", ci[2])
    if (g == "professional") next
    e <- d[d$seb %in% c(g, "professional"), ]
    t3 <- table(factor(e$seb, levels = c(g, "professional")), factor(e$event, levels = c(TRUE, FALSE)), e$employer_id)
    storage.mode(t3) <- "double"
    t2 <- apply(t3, c(1, 2), sum)
    or <- t2[1, 1] * t2[2, 2] / (t2[1, 2] * t2[2, 1])
    se <- sqrt(sum(1 / t2))
    emit(case, "or", or); emit(case, "or.lower", exp(log(or) - z * se)); emit(case, "or.upper", exp(log(or) + z * se))
    emit(case, "fisher.p", fisher.test(t2)$p.value)
    m <- mantelhaen.test(t3, correct = FALSE)
    emit(case, "mh.or", m$estimate); emit(case, "mh.lower", m$conf.int[1]); emit(case, "mh.upper", m$conf.int[2])
    emit(case, "cmh.p", m$p.value)
  }
}

# ladder routes: composition and progression by entry route.
classifiable <- pool[pool$seb %in% groups, ]
for (r in c("graduate_scheme", "apprenticeship", "experienced_hire", "internal", "other")) {
  inroute <- classifiable[classifiable$entry_route == r, ]
  for (g in groups) {
    x <- sum(inroute$seb == g); n <- nrow(inroute)
    ci <- prop.test(x, n, correct = FALSE)$conf.int
    case <- paste("routes composition", r, g)
    emit(case, "count", x); emit(case, "share", x / n); emit(case, "share.lower", ci[1]); emit(case, "share.upper", ci[2])
  }
  case_rates(paste("routes promoted", r), transform(pool[pool$entry_route == r, ], event = promoted == 1))
  case_rates(paste("routes grade>=4", r), transform(pool[pool$entry_route == r, ], event = grade >= 4))
}

# ladder training: take-up over the pool and by grade, and the adjusted model.
case_rates("training all", transform(pool, event = training == 1))
for (g in 1:6) case_rates(paste("training", g), transform(pool[pool$grade == g, ], event = training == 1))
m <- classifiable
m$seb <- factor(m$seb, levels = groups)
m$gender <- factor(m$gender, levels = c("woman", "man", "other", "prefer_not_to_say"))
m$ethnicity <- factor(m$ethnicity, levels = c("white", "mixed", "asian", "black", "other", "prefer_not_to_say"))
m$age_band <- factor(m$age_band, levels = c("16-24", "25-34", "35-44", "45-54", "55-64", "65+"))
fit <- glm(training ~ seb + gender + ethnicity + age_band + factor(grade) + factor(year), family = binomial, data = m,
           control = glm.control(epsilon = 1e-14, maxit = 100))
se <- sqrt(diag(vcovCL(fit, cluster = ~employer_id, type = "HC1")))
for (g in c("intermediate", "working_class")) {
  b <- coef(fit)[[paste0("seb", g)]]; s <- se[[paste0("seb", g)]]
  case <- paste("training adjusted", g)
  emit(case, "adj.or", exp(b)); emit(case, "adj.lower", exp(b - z * s)); emit(case, "adj.upper", exp(b + z * s))
  emit(case, "adj.se", s)
}

# ladder after-training: follow each person-year of the cohort for w years within the employer.
follow <- function(prefix, cohort, w) {
  last <- max(pool$year)
  key <- paste(pool$employer_id, pool$person_id)
  rows <- split(seq_len(nrow(pool)), key)
  c <- pool[cohort, ]
  status <- character(nrow(c))
  for (i in seq_len(nrow(c))) {
    t <- c$year[i]
    if (t + w > last) { status[i] <- "censored"; next }
    p <- pool[rows[[paste(c$employer_id[i], c$person_id[i])]], ]
    window <- p[p$year > t & p$year <= t + w, ]
    if (any(window$promoted == 1 | window$grade > c$grade[i])) status[i] <- "promoted"
    else if (any(p$year == t + w)) status[i] <- "not_promoted"
    else if (any(p$year > t + w)) status[i] <- "absent_at_end"
    else status[i] <- "left"
  }
  for (s in c("promoted", "not_promoted", "left", "absent_at_end", "censored"))
    for (g in c(groups, "excluded", "missing")) emit(paste(prefix, "status", g), s, sum(status == s & c$seb == g))
  followed <- c[status %in% c("promoted", "not_promoted"), ]
  followed$event <- status[status %in% c("promoted", "not_promoted")] == "promoted"
  case_rates(prefix, followed)
}
follow("after-training training 2", pool$training == 1, 2)
follow("after-training apprenticeship 1", pool$entry_route == "apprenticeship", 1)
