# Reference values for ladder.models.survival (Kaplan-Meier, log-rank, Cox, cox.zph).
#
# Run from the models directory:
#   cd models && Rscript src/test/r/survival_reference.R
# It writes the cell data sets the Java tests read,
#   src/test/resources/ladder/models/survival/<name>_cells.csv  (group,sex,stratum,cluster,time,d,c)
# and the values R computes from them,
#   src/test/resources/ladder/models/survival_reference.csv     (call,quantity,value)
# R version 4.2.2 Patched (2022-11-10 r83330), survival 3.5-3 (cox.zph uses the >= 3.0 algorithm).
#
# Each data set is generated at person level with set.seed, aggregated to cells (one row per
# group, sex, stratum, cluster, whole month), and expanded back to rows with rep() for R's calls,
# so R sees exactly the people the cells describe. `call` is the R expression evaluated on the
# expanded data frame named in it; `quantity` names the component, e.g. "surv[professional,12]".

suppressPackageStartupMessages(library(survival))
options(digits = 17)
fmt <- function(v) ifelse(is.na(v), "NA", sprintf("%.17g", v))
out_dir <- "src/test/resources/ladder/models"
rows <- character(0)
emit <- function(call, quantity, value) {
  rows <<- c(rows, sprintf("\"%s\",%s,%s", call, quantity, fmt(value)))
}

levels_group <- c("professional", "intermediate", "working")

# Person-level data: whole months to promotion (ceiling of an exponential), censored at a
# whole month, then aggregated to cells.
simulate <- function(n, rate, censor_max, nstrata = 1, nclusters = 1, sex = FALSE, shape = 1) {
  group <- factor(sample(levels_group, n, replace = TRUE, prob = c(0.3, 0.25, 0.45)), levels_group)
  sx <- if (sex) sample(c("female", "male"), n, replace = TRUE) else rep("all", n)
  stratum <- sprintf("s%d", sample(nstrata, n, replace = TRUE))
  cluster <- sprintf("e%02d", sample(nclusters, n, replace = TRUE))
  cl_effect <- rnorm(nclusters, 0, 0.4)[as.integer(substring(cluster, 2))]
  lp <- log(rate[as.integer(group)]) + ifelse(sx == "male", 0.25, 0) + cl_effect
  t_event <- ceiling((rexp(n) ^ (1 / shape)) / exp(lp))
  t_cens <- sample(0:censor_max, n, replace = TRUE)
  time <- pmin(t_event, t_cens)
  status <- as.integer(t_event <= t_cens)
  key <- data.frame(group = as.character(group), sex = sx, stratum = stratum, cluster = cluster,
                    time = time, status = status, stringsAsFactors = FALSE)
  agg <- aggregate(list(d = key$status, n = rep(1, n)),
                   by = key[c("group", "sex", "stratum", "cluster", "time")], FUN = sum)
  agg$c <- agg$n - agg$d
  agg$n <- NULL
  agg[order(agg$group, agg$sex, agg$stratum, agg$cluster, agg$time), ]
}

expand <- function(cells) {
  ev <- cells[rep(seq_len(nrow(cells)), cells$d), ]
  ev$status <- rep(1L, nrow(ev))
  ce <- cells[rep(seq_len(nrow(cells)), cells$c), ]
  ce$status <- rep(0L, nrow(ce))
  rows <- rbind(ev, ce)
  rows$group <- factor(rows$group, levels_group)
  rows$d <- NULL
  rows$c <- NULL
  rownames(rows) <- NULL
  rows
}

write_cells <- function(cells, name) {
  write.csv(cells, file.path(out_dir, "survival", paste0(name, "_cells.csv")), row.names = FALSE, quote = FALSE)
}

times_at <- c(6, 12, 24, 36, 48, 60, 120)

km_reference <- function(name, conf, at_times = TRUE) {
  call <- sprintf("survfit(Surv(time, status) ~ group, data = %s, conf.type = \"%s\")", name, conf)
  fit <- eval(parse(text = call))
  strata <- rep(sub("group=", "", names(fit$strata)), fit$strata)
  for (i in seq_along(fit$time)) {
    key <- sprintf("%s,%d]", strata[i], fit$time[i])
    emit(call, paste0("n.risk[", key), fit$n.risk[i])
    emit(call, paste0("n.event[", key), fit$n.event[i])
    emit(call, paste0("n.censor[", key), fit$n.censor[i])
    emit(call, paste0("surv[", key), fit$surv[i])
    emit(call, paste0("std.err[", key), fit$std.err[i] * fit$surv[i])  # se of S, as summary() prints
    emit(call, paste0("lower[", key), fit$lower[i])
    emit(call, paste0("upper[", key), fit$upper[i])
  }
  qcall <- sprintf("quantile(%s, probs = c(0.25, 0.5))", call)
  q <- quantile(fit, probs = c(0.25, 0.5))
  groups <- sub("group=", "", rownames(q$quantile))
  for (g in seq_along(groups)) for (j in 1:2) {
    p <- c("25", "50")[j]
    emit(qcall, sprintf("quantile[%s,%s]", groups[g], p), q$quantile[g, j])
    emit(qcall, sprintf("lower[%s,%s]", groups[g], p), q$lower[g, j])
    emit(qcall, sprintf("upper[%s,%s]", groups[g], p), q$upper[g, j])
  }
  if (!at_times) return(invisible())
  scall <- sprintf("summary(%s, times = c(6, 12, 24, 36, 48, 60, 120))", call)
  s <- summary(fit, times = times_at)
  sg <- sub("group=", "", as.character(s$strata))
  for (i in seq_along(s$time)) {
    key <- sprintf("%s,%d]", sg[i], s$time[i])
    emit(scall, paste0("n.risk[", key), s$n.risk[i])
    emit(scall, paste0("n.event[", key), s$n.event[i])
    emit(scall, paste0("surv[", key), s$surv[i])
    emit(scall, paste0("std.err[", key), s$std.err[i])
    emit(scall, paste0("lower[", key), s$lower[i])
    emit(scall, paste0("upper[", key), s$upper[i])
  }
}

survdiff_reference <- function(name, rho, strata = FALSE) {
  call <- sprintf("survdiff(Surv(time, status) ~ group%s, data = %s, rho = %d)",
                  if (strata) " + strata(stratum)" else "", name, rho)
  sd <- eval(parse(text = call))
  obs <- if (is.matrix(sd$obs)) rowSums(sd$obs) else sd$obs
  exp <- if (is.matrix(sd$exp)) rowSums(sd$exp) else sd$exp
  groups <- sub("group=", "", names(sd$n))
  for (g in seq_along(groups)) {
    emit(call, sprintf("n[%s]", groups[g]), sd$n[g])
    emit(call, sprintf("observed[%s]", groups[g]), obs[g])
    emit(call, sprintf("expected[%s]", groups[g]), exp[g])
    for (h in seq_along(groups)) emit(call, sprintf("var[%s,%s]", groups[g], groups[h]), sd$var[g, h])
  }
  emit(call, "chisq", sd$chisq)
  emit(call, "df", sum(exp > 0) - 1)
  emit(call, "p", pchisq(sd$chisq, sum(exp > 0) - 1, lower.tail = FALSE))
}

cox_reference <- function(name, ties, rhs, cluster = FALSE) {
  call <- sprintf("coxph(Surv(time, status) ~ %s, data = %s, ties = \"%s\"%s)", rhs, name, ties,
                  if (cluster) ", cluster = cluster" else "")
  fit <- eval(parse(text = call))
  s <- summary(fit)
  for (v in names(coef(fit))) {
    emit(call, sprintf("coef[%s]", v), coef(fit)[v])
    emit(call, sprintf("se[%s]", v), sqrt(diag(if (cluster) fit$naive.var else fit$var))[match(v, names(coef(fit)))])
    if (cluster) emit(call, sprintf("robust.se[%s]", v), sqrt(diag(fit$var))[match(v, names(coef(fit)))])
    emit(call, sprintf("p[%s]", v), s$coefficients[v, ncol(s$coefficients)])
    emit(call, sprintf("lower.95[%s]", v), s$conf.int[v, "lower .95"])
    emit(call, sprintf("upper.95[%s]", v), s$conf.int[v, "upper .95"])
  }
  emit(call, "loglik.null", fit$loglik[1])
  emit(call, "loglik", fit$loglik[2])
  # summary() rounds the Wald and score statistics to 2 decimals; the fit holds them in full.
  df <- length(coef(fit))
  emit(call, "logtest", s$logtest["test"])
  emit(call, "waldtest", fit$wald.test)
  emit(call, "sctest", fit$score)
  emit(call, "df", df)
  emit(call, "logtest.p", s$logtest["pvalue"])
  emit(call, "waldtest.p", pchisq(fit$wald.test, df, lower.tail = FALSE))
  emit(call, "sctest.p", pchisq(fit$score, df, lower.tail = FALSE))
  if (cluster) emit(call, "robscore", fit$rscore)
  emit(call, "iter", fit$iter)
  zcall <- sprintf("cox.zph(%s)", call)
  z <- cox.zph(fit)
  for (term in rownames(z$table)) {
    emit(zcall, sprintf("chisq[%s]", term), z$table[term, "chisq"])
    emit(zcall, sprintf("df[%s]", term), z$table[term, "df"])
    emit(zcall, sprintf("p[%s]", term), z$table[term, "p"])
  }
}

# A: three groups, many ties at whole months, censoring.
set.seed(20260116)
cells_a <- simulate(900, rate = c(1 / 30, 1 / 40, 1 / 55), censor_max = 150)
write_cells(cells_a, "three_groups")
three_groups <- expand(cells_a)

# B: the working-class group's curve stays above 0.5 (slow promotion, early censoring).
set.seed(20260216)
cells_b <- simulate(500, rate = c(1 / 20, 1 / 35, 1 / 400), censor_max = 80)
write_cells(cells_b, "not_reached")
not_reached <- expand(cells_b)

# C: three strata (employers), a second covariate.
set.seed(20260316)
cells_c <- simulate(800, rate = c(1 / 25, 1 / 35, 1 / 45), censor_max = 120, nstrata = 3, sex = TRUE)
write_cells(cells_c, "stratified")
stratified <- expand(cells_c)

# D: about 40 clusters (employers) with a shared frailty, for robust SEs; non-proportional shape.
set.seed(20260416)
cells_d <- simulate(1500, rate = c(1 / 25, 1 / 30, 1 / 40), censor_max = 120, nclusters = 40, sex = TRUE,
                    shape = 1.3)
write_cells(cells_d, "clustered")
clustered <- expand(cells_d)

# E: hand-made curves that sit exactly at 0.5 on a flat stretch (R takes its midpoint), one of
# them to the end of follow-up, one from a promotion at month 0.
cells_e <- data.frame(group = rep(c("professional", "intermediate", "working"), each = 4), sex = "all",
                      stratum = "s1", cluster = "e01",
                      time = c(2, 3, 5, 7, 2, 3, 4, 6, 0, 1, 4, 8),
                      d = c(1, 1, 1, 0, 1, 1, 0, 0, 2, 0, 1, 0),
                      c = c(0, 0, 0, 1, 0, 0, 1, 1, 0, 1, 0, 0))
write_cells(cells_e, "flat")
flat <- expand(cells_e)

for (conf in c("log", "log-log", "plain")) km_reference("three_groups", conf)
for (conf in c("log", "log-log", "plain")) km_reference("flat", conf, at_times = FALSE)
for (conf in c("log", "log-log")) km_reference("not_reached", conf)
km_reference("stratified", "log")
for (rho in 0:1) {
  survdiff_reference("three_groups", rho)
  survdiff_reference("not_reached", rho)
  survdiff_reference("stratified", rho, strata = TRUE)
}
for (ties in c("efron", "breslow")) {
  cox_reference("three_groups", ties, "group")
  cox_reference("not_reached", ties, "group")
  cox_reference("stratified", ties, "group + sex + strata(stratum)")
  cox_reference("clustered", ties, "group + sex", cluster = TRUE)
}

con <- file(file.path(out_dir, "survival_reference.csv"), "w")
writeLines(c("# Produced by models/src/test/r/survival_reference.R",
             paste0("# ", R.version.string, ", survival ", packageVersion("survival")),
             "call,quantity,value", rows), con)
close(con)
