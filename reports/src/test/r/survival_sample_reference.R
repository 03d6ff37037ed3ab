# Reference values for `ladder survival` on the bundled sample pool (datasets/sample), end to end:
# the cube's survival cells and every statistic computed from them.
#
# Writes reports/src/test/resources/ladder/reports/survival_sample_reference.csv:
#   cd reports && Rscript src/test/r/survival_sample_reference.R > src/test/resources/ladder/reports/survival_sample_reference.csv
#
# Rows are (case, quantity, value), values printed with sprintf("%.17g") (NA: R has no value). Each
# case names the question as `ladder survival` options. Quantities:
#   km.GROUP.T.{n.risk,n.event,surv,std.err,lower,upper}  summary(survfit(...), times = ...) (std.err of S)
#   q.GROUP.P.{time,lower,upper}                         quantile(survfit(...), probs = c(0.25, 0.5))
#   lr.{chisq,df}, lr.GROUP.{n,obs,exp}                  survdiff(... [+ strata(employer_id)])
#   cox.TERM.{coef,se,robust.se,lower,upper,p}, cox.{lr,wald,score,robust.score}, cox.loglik
#                                                        summary(coxph(..., ties = )), with cluster if asked
#   zph.TERM.chisq, zph.GLOBAL.chisq                     cox.zph(fit) (transform = "km")
# Requires R with survival (Debian: r-cran-survival; these values: survival 3.5-3).

suppressPackageStartupMessages(library(survival))
source("src/test/r/sample_pool.R")  # pool: the sample rows with seb

fmt <- function(v) ifelse(is.na(v), "NA", sprintf("%.17g", v))
emit <- function(case, quantity, value) cat(sprintf("\"%s\",%s,%s\n", case, quantity, fmt(value)))
cat(sprintf("# %s; survival %s\n", R.version.string, packageVersion("survival")))
cat("case,quantity,value\n")

# Ladder's group label: the levels joined by " / ".
case_survival <- function(case, levels, strata = FALSE, cluster = FALSE, ties = "efron",
                          times = c(6, 12, 24, 36, 48, 60, 120), sector = NULL) {
  d <- if (is.null(sector)) pool else pool[pool$sector == sector, ]
  for (v in names(levels)) {
    d <- d[d[[v]] %in% levels[[v]], ]
    d[[v]] <- factor(d[[v]], levels = levels[[v]])
  }
  d$group <- interaction(d[names(levels)], sep = " / ", lex.order = TRUE, drop = TRUE)
  fit <- survfit(Surv(months_in_grade, promoted) ~ group, data = d)
  groups <- sub("^group=", "", names(fit$strata))
  s <- summary(fit, times = times, extend = FALSE)
  g <- sub("^group=", "", as.character(s$strata))
  for (i in seq_along(s$time)) {
    k <- paste0("km.", g[i], ".", s$time[i], ".")
    emit(case, paste0(k, "n.risk"), s$n.risk[i]); emit(case, paste0(k, "n.event"), s$n.event[i])
    emit(case, paste0(k, "surv"), s$surv[i]); emit(case, paste0(k, "std.err"), s$std.err[i])
    emit(case, paste0(k, "lower"), s$lower[i]); emit(case, paste0(k, "upper"), s$upper[i])
  }
  q <- quantile(fit, probs = c(0.25, 0.5))
  for (j in seq_along(groups)) {
    for (p in c("0.25", "0.5")) {
      k <- paste0("q.", groups[j], ".", p, ".")
      col <- if (p == "0.25") 1 else 2
      emit(case, paste0(k, "time"), q$quantile[j, col])
      emit(case, paste0(k, "lower"), q$lower[j, col]); emit(case, paste0(k, "upper"), q$upper[j, col])
    }
  }
  lr <- if (strata) survdiff(Surv(months_in_grade, promoted) ~ group + strata(employer_id), data = d)
        else survdiff(Surv(months_in_grade, promoted) ~ group, data = d)
  emit(case, "lr.chisq", lr$chisq); emit(case, "lr.df", length(lr$n) - 1)
  for (j in seq_along(groups)) {
    emit(case, paste0("lr.", groups[j], ".n"), lr$n[j])
    emit(case, paste0("lr.", groups[j], ".obs"), if (is.matrix(lr$obs)) sum(lr$obs[j, ]) else lr$obs[j])
    emit(case, paste0("lr.", groups[j], ".exp"), if (is.matrix(lr$exp)) sum(lr$exp[j, ]) else lr$exp[j])
  }
  rhs <- paste(names(levels), collapse = " + ")
  if (strata) rhs <- paste(rhs, "+ strata(employer_id)")
  f <- as.formula(paste("Surv(months_in_grade, promoted) ~", rhs))
  cox <- if (cluster) coxph(f, data = d, ties = ties, cluster = employer_id) else coxph(f, data = d, ties = ties)
  sm <- summary(cox)
  co <- sm$coefficients
  for (t in rownames(co)) {
    k <- paste0("cox.", t, ".")
    emit(case, paste0(k, "coef"), co[t, "coef"]); emit(case, paste0(k, "se"), co[t, "se(coef)"])
    emit(case, paste0(k, "robust.se"), if (cluster) co[t, "robust se"] else NA)
    emit(case, paste0(k, "lower"), sm$conf.int[t, "lower .95"]); emit(case, paste0(k, "upper"), sm$conf.int[t, "upper .95"])
    emit(case, paste0(k, "p"), co[t, "Pr(>|z|)"])
  }
  emit(case, "cox.loglik", cox$loglik[2])
  emit(case, "cox.lr", sm$logtest["test"]); emit(case, "cox.wald", drop(t(coef(cox)) %*% solve(vcov(cox), coef(cox))))  # summary() rounds it
  emit(case, "cox.score", sm$sctest["test"])
  emit(case, "cox.robust.score", if (cluster) sm$robscore["test"] else NA)
  z <- cox.zph(cox)
  for (t in rownames(z$table)) emit(case, paste0("zph.", t, ".chisq"), z$table[t, "chisq"])
}

SEB <- c("professional", "intermediate", "working_class")
case_survival("--by seb", list(seb = SEB))
case_survival("--by seb --strata employer_id --cluster employer_id", list(seb = SEB), strata = TRUE, cluster = TRUE)
case_survival("--by seb --cluster employer_id --ties breslow", list(seb = SEB), cluster = TRUE, ties = "breslow")
case_survival("--by seb,gender --strata employer_id", list(seb = SEB, gender = c("woman", "man", "other")),
              strata = TRUE)
case_survival("--by seb --levels seb=working_class,professional --times 3,30,90,131", list(seb = c("working_class",
              "professional")), times = c(3, 30, 90, 131))
# Legal services: the intermediate curve falls below 0.5 (a median with an open upper limit).
case_survival("--by seb --where sector='Legal services' --ties breslow", list(seb = SEB),
              ties = "breslow", sector = "Legal services")
