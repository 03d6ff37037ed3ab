# Reference values for `ladder maihda` on the bundled sample pool (datasets/sample), end to end:
# the strata from the cube and both random-intercept fits against lme4::glmer on the strata's
# binomial rows (the same likelihood as the person rows up to a constant).
#
# Writes reports/src/test/resources/ladder/reports/maihda_sample_reference.csv:
#   cd reports && Rscript src/test/r/maihda_sample_reference.R > src/test/resources/ladder/reports/maihda_sample_reference.csv
#
# glmer runs with tight control (bobyqa, tolPwrss = 1e-12, rhoend = 1e-12): lme4's defaults stop
# about 1e-3 short of the optimum (see models/src/test/r/maihda_reference.R). Requires lme4.
suppressPackageStartupMessages(library(lme4))
source("src/test/r/sample_pool.R")  # pool: the sample rows with seb
answers <- pool$seb %in% c("professional", "intermediate", "working_class") & pool$gender != "prefer_not_to_say" &
  pool$ethnicity != "prefer_not_to_say"
d <- pool[answers, ]
d$stratum <- paste(d$seb, d$gender, d$ethnicity, sep = " / ")
g <- aggregate(cbind(n = 1, y = promoted) ~ stratum + seb + gender + ethnicity, data = d, FUN = sum)
g$seb <- factor(g$seb, levels = c("professional", "intermediate", "working_class"))
g$gender <- factor(g$gender, levels = c("woman", "man", "other"))
g$ethnicity <- factor(g$ethnicity, levels = c("white", "mixed", "asian", "black", "other"))
tight <- glmerControl(optimizer = "bobyqa", tolPwrss = 1e-12, optCtrl = list(rhoend = 1e-12))
fmt <- function(v) sprintf("%.17g", v)
cat(sprintf("# %s; lme4 %s\n", R.version.string, packageVersion("lme4")))
cat("call,quantity,value\n")
emit <- function(call, fit) {
  cat(sprintf("\"%s\",theta,%s\n", call, fmt(getME(fit, "theta"))))
  for (b in names(fixef(fit))) cat(sprintf("\"%s\",%s,%s\n", call, paste0("fixef ", b), fmt(fixef(fit)[[b]])))
  cat(sprintf("\"%s\",strata,%s\n", call, fmt(nrow(g))))
  cat(sprintf("\"%s\",people,%s\n", call, fmt(sum(g$n))))
}
null <- glmer(cbind(y, n - y) ~ 1 + (1 | stratum), family = binomial, data = g, control = tight)
main <- glmer(cbind(y, n - y) ~ seb + gender + ethnicity + (1 | stratum), family = binomial, data = g, control = tight)
emit("null: cbind(y, n - y) ~ 1 + (1 | stratum)", null)
emit("main: cbind(y, n - y) ~ seb + gender + ethnicity + (1 | stratum)", main)
