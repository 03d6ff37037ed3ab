# Reference values for `ladder model` on the bundled sample pool (datasets/sample), end to end:
# the cube's cells, the grouped IRLS fit and its covariances against glm on the person rows.
#
# Writes reports/src/test/resources/ladder/reports/model_sample_reference.csv:
#   cd reports && Rscript src/test/r/model_sample_reference.R > src/test/resources/ladder/reports/model_sample_reference.csv
#
# Rows are (call, quantity, value): the call names the model as `ladder model` options; the
# quantities are glm(..., family = binomial, control = glm.control(epsilon = 1e-14, maxit = 100))
# coefficients (by Ladder's term names), model-based SEs (sqrt(diag(vcov(fit)))), cluster-robust
# SEs sqrt(diag(sandwich::vcovCL(fit, cluster = data$employer_id, type = "HC1"))), logLik, deviance
# and AIC. Requires R with sandwich (Debian: r-cran-sandwich).

suppressPackageStartupMessages(library(sandwich))
files <- sort(list.files("../datasets/sample", pattern = "\\.csv$", full.names = TRUE))
pool <- do.call(rbind, lapply(files, function(f) read.csv(f, stringsAsFactors = FALSE, na.strings = "")))
seb <- rep("excluded", nrow(pool))
po <- pool$parental_occupation
seb[po %in% c("professional", "manager")] <- "professional"
seb[po %in% c("small_business", "clerical")] <- "intermediate"
seb[po %in% c("technical_craft", "routine", "long_term_unemployed")] <- "working_class"
seb[is.na(po)] <- "missing"
pool$seb <- factor(seb, levels = c("professional", "intermediate", "working_class", "excluded", "missing"))
pool$gender <- factor(pool$gender, levels = c("woman", "man", "other", "prefer_not_to_say"))
pool$ethnicity <- factor(pool$ethnicity, levels = c("white", "mixed", "asian", "black", "other", "prefer_not_to_say"))
pool$age_band <- factor(pool$age_band, levels = c("16-24", "25-34", "35-44", "45-54", "55-64", "65+"))
pool$senior <- as.integer(pool$grade >= 4)

fmt <- function(v) sprintf("%.17g", v)
cat(sprintf("# %s; sandwich %s\n", R.version.string, packageVersion("sandwich")))
cat("call,quantity,value\n")
# Ladder names a coefficient variable=level; R pastes the variable and the level.
ladder_name <- function(r, vars) {
  for (v in vars) if (startsWith(r, v) && r != v) return(paste0(v, "=", substring(r, nchar(v) + 1)))
  r
}
case_model <- function(call, formula, vars, data = pool) {
  fit <- glm(formula, family = binomial, data = data, control = glm.control(epsilon = 1e-14, maxit = 100))
  se <- sqrt(diag(vcov(fit)))
  cl <- sqrt(diag(vcovCL(fit, cluster = data$employer_id, type = "HC1")))
  for (r in names(coef(fit))) {
    n <- gsub(":", ":", ladder_name(r, vars))
    if (grepl(":", r)) n <- paste(sapply(strsplit(r, ":")[[1]], ladder_name, vars = vars), collapse = ":")
    cat(sprintf("\"%s\",%s,%s\n", call, paste0("coef ", n), fmt(coef(fit)[[r]])))
    cat(sprintf("\"%s\",%s,%s\n", call, paste0("se ", n), fmt(se[[r]])))
    cat(sprintf("\"%s\",%s,%s\n", call, paste0("cluster_se ", n), fmt(cl[[r]])))
  }
  cat(sprintf("\"%s\",logLik,%s\n", call, fmt(as.numeric(logLik(fit)))))
  cat(sprintf("\"%s\",deviance,%s\n", call, fmt(deviance(fit))))
  cat(sprintf("\"%s\",aic,%s\n", call, fmt(AIC(fit))))
}
vars <- c("seb", "gender", "ethnicity", "age_band", "year")
pool$year <- factor(pool$year)
case_model("--formula promoted ~ seb + gender + ethnicity + age_band + C(year) --cluster employer_id",
           promoted ~ seb + gender + ethnicity + age_band + year, vars)
# Classifiable answers and two genders only (ladder --where "seb in (...) and gender in (woman, man)").
sub <- droplevels(pool[pool$seb %in% c("professional", "intermediate", "working_class") & pool$gender %in% c("woman", "man"), ])
case_model("--formula grade>=4 ~ seb * gender + age_band --cluster employer_id --where classifiable, woman or man",
           senior ~ seb * gender + age_band, vars, sub)
