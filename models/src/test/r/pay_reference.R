# Reference values for ladder.models.pay (issue 15, the class pay gap).
#
# Run from the repository root:
#   Rscript models/src/test/r/pay_reference.R
# It writes models/src/test/resources/ladder/models/pay_data.csv (the simulated rows, set.seed(15))
# and models/src/test/resources/ladder/models/pay_reference.csv (call,quantity,value; values printed
# with sprintf("%.17g")). Produced with R version 4.2.2 Patched (2022-11-10 r83330), sandwich 3.0.2.
# models/src/test/python/oaxaca_reference.py reads pay_data.csv for the decomposition.
suppressPackageStartupMessages(library(sandwich))

resources <- "models/src/test/resources/ladder/models"
set.seed(15)

# ---- simulated rows: 40 employers, pay in whole pence with heavy ties --------------------------------
employers <- 40
n <- 3000
seb_levels <- c("professional", "intermediate", "working_class")
gender_levels <- c("female", "male")
ethnicity_levels <- c("white", "asian", "black", "mixed_other")
age_levels <- c("25-34", "16-24", "35-49", "50+")
grade_levels <- c("G1", "G2", "G3", "G4", "G5")
year_levels <- c("2021", "2022", "2023")
employer_id <- sprintf("E%02d", sample.int(employers, n, replace = TRUE))
employer_effect <- setNames(rnorm(employers, 0, 0.12), sprintf("E%02d", 1:employers))
seb <- sample(seb_levels, n, replace = TRUE, prob = c(0.40, 0.25, 0.35))
gender <- sample(gender_levels, n, replace = TRUE)
ethnicity <- sample(ethnicity_levels, n, replace = TRUE, prob = c(0.7, 0.12, 0.08, 0.1))
age_band <- sample(age_levels, n, replace = TRUE)
grade_shift <- ifelse(seb == "professional", 0.6, ifelse(seb == "intermediate", 0.2, 0))
grade <- grade_levels[pmin(5, pmax(1, round(runif(n, 0.5, 4.5) + grade_shift)))]
year <- sample(year_levels, n, replace = TRUE)
log_pay <- log(1400) + 0.18 * (match(grade, grade_levels) - 1) -
    0.06 * (seb == "working_class") - 0.03 * (seb == "intermediate") - 0.05 * (gender == "female") +
    0.04 * (match(year, year_levels) - 1) - 0.1 * (age_band == "16-24") + employer_effect[employer_id] +
    rnorm(n, 0, 0.25)
# whole 25p steps, nobody under the 2021 National Living Wage of 891p: heavy ties at 891p and on the steps
pay_pence <- pmax(891, 25 * round(exp(log_pay) / 25))
bonus_paid <- runif(n) < ifelse(seb == "professional", 0.45, 0.3)
bonus_pence <- ifelse(bonus_paid, 100 * pmax(1, round(exp(rnorm(n, log(800), 0.8)) / 50) * 50), 0)
rows <- data.frame(employer_id, seb, gender, ethnicity, age_band, grade, year,
                   pay_pence = as.integer(pay_pence), bonus_pence = as.integer(bonus_pence))
write.csv(rows, file.path(resources, "pay_data.csv"), row.names = FALSE, quote = FALSE)

# ---- references ---------------------------------------------------------------------------------------
out <- data.frame(call = character(), quantity = character(), value = character())
put <- function(call, quantity, value) {
    out[nrow(out) + 1, ] <<- list(call, quantity, sprintf("%.17g", value))
}
probs <- c("0", "0.001", "0.1", "0.25", "1/3", "0.5", "2/3", "0.75", "0.9", "0.999", "1")
quantiles <- function(name, x) {
    for (type in 1:9) for (p in probs) put(name, sprintf("type%d:p%s", type, p), quantile(x, eval(parse(text = p)), type = type, names = FALSE))
    put(name, "median", median(x)); put(name, "mean", mean(x)); put(name, "var", var(x)); put(name, "n", length(x))
}
quantiles("c(7)", c(7))
quantiles("c(2, 9)", c(2, 9))
quantiles("c(3, 3, 3, 3, 8)", c(3, 3, 3, 3, 8))
quantiles("c(1, 1, 2, 2, 2, 2, 5, 5, 5, 9)", c(1, 1, 2, 2, 2, 2, 5, 5, 5, 9))
for (g in seb_levels) {
    quantiles(sprintf("pay_pence[seb == \"%s\"]", g), pay_pence[seb == g])
    quantiles(sprintf("bonus_pence[seb == \"%s\" & bonus_pence > 0]", g), bonus_pence[seb == g & bonus_pence > 0])
    put(sprintf("mean(bonus_pence[seb == \"%s\"] > 0)", g), "share", mean(bonus_pence[seb == g] > 0))
}

# Gaps against professional: 100 * (ref - group) / ref, with the delta-method and Fieller intervals for the
# ratio of independent means (z = qnorm(0.975)).
z <- qnorm(0.975)
gaps <- function(measure, x_ref, x) {
    put(sprintf("mean gap %s", measure), "gap", 100 * (mean(x_ref) - mean(x)) / mean(x_ref))
    put(sprintf("median gap %s", measure), "gap", 100 * (median(x_ref) - median(x)) / median(x_ref))
    a <- mean(x); b <- mean(x_ref); va <- var(x) / length(x); vb <- var(x_ref) / length(x_ref)
    r <- a / b
    se <- r * sqrt(va / a^2 + vb / b^2)
    put(sprintf("mean gap %s", measure), "delta_lower", 100 * (1 - (r + z * se)))
    put(sprintf("mean gap %s", measure), "delta_upper", 100 * (1 - (r - z * se)))
    # Fieller: (a - R b)^2 = z^2 (va + R^2 vb)
    qa <- b^2 - z^2 * vb; qb <- -2 * a * b; qc <- a^2 - z^2 * va
    disc <- qb^2 - 4 * qa * qc
    roots <- sort(c((-qb - sqrt(disc)) / (2 * qa), (-qb + sqrt(disc)) / (2 * qa)))
    put(sprintf("mean gap %s", measure), "fieller_lower", 100 * (1 - roots[2]))
    put(sprintf("mean gap %s", measure), "fieller_upper", 100 * (1 - roots[1]))
}
for (g in c("intermediate", "working_class")) {
    gaps(sprintf("pay_pence %s", g), pay_pence[seb == "professional"], pay_pence[seb == g])
    gaps(sprintf("bonus_pence %s", g), bonus_pence[seb == "professional" & bonus_pence > 0],
         bonus_pence[seb == g & bonus_pence > 0])
}

# Pay quarters, cutpoints by quantile type 7 and 3; a cutpoint's ties go to the lower quarter.
for (type in c(7, 3)) {
    cuts <- quantile(pay_pence, c(0.25, 0.5, 0.75), type = type, names = FALSE)
    quarter <- 1 + (pay_pence > cuts[1]) + (pay_pence > cuts[2]) + (pay_pence > cuts[3])
    for (k in 1:3) put(sprintf("quarters type %d", type), sprintf("cut%d", k), cuts[k])
    for (k in 1:4) for (g in seb_levels) put(sprintf("quarters type %d", type), sprintf("q%d:%s", k, g), sum(quarter == k & seb == g))
}
# Equal-sized quarters (the GPG regulations' ranking): ranks floor((k-1)n/4)+1 .. floor(kn/4) form quarter k;
# the people on a tied value straddling a boundary are shared between the quarters in proportion to each
# group's count on that value (the expected make-up under a random order of the tied).
sorted_values <- sort(unique(pay_pence))
start <- 0
expected <- matrix(0, 4, 3, dimnames = list(NULL, seb_levels))
bounds <- floor((0:4) * n / 4)
for (v in sorted_values) {
    on_v <- pay_pence == v
    count <- sum(on_v)
    for (k in 1:4) {
        overlap <- max(0, min(start + count, bounds[k + 1]) - max(start, bounds[k]))
        if (overlap > 0) for (g in seb_levels) expected[k, g] <- expected[k, g] + overlap * sum(on_v & seb == g) / count
    }
    start <- start + count
}
for (k in 1:4) for (g in seb_levels) put("quarters equal_size", sprintf("q%d:%s", k, g), expected[k, g])

# The adjusted gap: OLS of log hourly pay on categorical covariates, treatment coding, reference first.
d <- rows
d$seb <- factor(d$seb, levels = seb_levels)
d$gender <- factor(d$gender, levels = gender_levels)
d$ethnicity <- factor(d$ethnicity, levels = ethnicity_levels)
d$age_band <- factor(d$age_band, levels = age_levels)
d$grade <- factor(d$grade, levels = grade_levels)
d$year <- factor(d$year, levels = year_levels)
fit <- lm(log(pay_pence) ~ seb + gender + ethnicity + age_band + grade + year, data = d)
cl <- vcovCL(fit, cluster = ~employer_id, type = "HC1")
mb <- vcov(fit)
call <- "lm(log(pay_pence) ~ seb + gender + ethnicity + age_band + grade + year)"
terms <- names(coef(fit))
for (i in seq_along(terms)) {
    put(call, sprintf("coef:%s", terms[i]), coef(fit)[i])
    put(call, sprintf("se:%s", terms[i]), sqrt(mb[i, i]))
    put(call, sprintf("se_cluster:%s", terms[i]), sqrt(cl[i, i]))
    for (j in seq_along(terms)) put(call, sprintf("vcovCL:%s:%s", terms[i], terms[j]), cl[i, j])
}
put(call, "sigma", summary(fit)$sigma)
put(call, "df", fit$df.residual)
ci <- confint(fit, "sebworking_class")
put(call, "gap_lower", 100 * (1 - exp(ci[2])))
put(call, "gap_upper", 100 * (1 - exp(ci[1])))
t_cl <- qt(0.975, fit$df.residual)
b <- coef(fit)["sebworking_class"]; s <- sqrt(cl["sebworking_class", "sebworking_class"])
put(call, "gap", 100 * (1 - exp(b)))
put(call, "gap_cluster_lower", 100 * (1 - exp(b + t_cl * s)))
put(call, "gap_cluster_upper", 100 * (1 - exp(b - t_cl * s)))

con <- file(file.path(resources, "pay_reference.csv"), "w")
writeLines(c("# Produced by models/src/test/r/pay_reference.R", paste0("# ", R.version.string, ", sandwich ", packageVersion("sandwich")),
             "call,quantity,value"), con)
writeLines(sprintf("\"%s\",%s,%s", out$call, out$quantity, out$value), con)
close(con)
