# Reference values for ladder.models.pay.PersonMedianGapBootstrap (issue 18: an employer's own median
# pay gap interval, a person-level bootstrap within the employer).
#
# Run from the repository root:
#   Rscript models/src/test/r/person_bootstrap_reference.R
# It writes models/src/test/resources/ladder/models/person_bootstrap_reference.csv (call,quantity,value;
# values printed with sprintf("%.17g")). Produced with R version 4.2.2 Patched (2022-11-10 r83330), base R only.
#
# The table: one employer's hourly pay in pence, 37 professionals (odd n) and 50 working class (even n), with
# ties. The bootstrap is the plain one, resampling people: sample(x, length(x), replace = TRUE) per group, the
# gap 100 * (median(P*) - median(W*)) / median(P*), over B = 200000 replicates (set.seed(18)). Its quantiles at
# the interval's probabilities p = 0.025 and 0.975 are the reference, with tolerance bands: a percentile
# interval of b replicates takes the p-quantile of b draws, whose count of draws below the true q(p) is
# Binomial(b, p); it lies within the true quantiles at p -/+ 4 sqrt(p (1 - p) / b) but for a chance of about
# 6e-5 (4 sigma), so the bands are those quantiles of the 200000 reference replicates (their own Monte Carlo
# error, sqrt(p (1 - p) / 200000) = 0.00035 in p, is under a tenth of the band's half-width for b = 999).
resources <- "models/src/test/resources/ladder/models"
set.seed(18)
professional <- c(1850L, 1850L, 1920L, 2010L, 2105L, 2105L, 2105L, 2240L, 2300L, 2380L, 2450L, 2450L, 2500L,
                  2575L, 2640L, 2700L, 2700L, 2815L, 2900L, 2960L, 3010L, 3100L, 3100L, 3150L, 3275L, 3300L,
                  3420L, 3500L, 3600L, 3600L, 3725L, 3890L, 4010L, 4200L, 4575L, 5100L, 6230L)
working <- c(1150L, 1150L, 1210L, 1260L, 1300L, 1300L, 1345L, 1400L, 1450L, 1450L, 1450L, 1500L, 1560L, 1600L,
             1640L, 1700L, 1700L, 1750L, 1810L, 1850L, 1850L, 1900L, 1960L, 2000L, 2050L, 2105L, 2105L, 2150L,
             2200L, 2260L, 2300L, 2350L, 2400L, 2450L, 2450L, 2500L, 2580L, 2640L, 2700L, 2760L, 2850L, 2900L,
             3000L, 3100L, 3250L, 3400L, 3600L, 3900L, 4300L, 5200L)
stopifnot(length(professional) == 37, length(working) == 50)

out <- data.frame(call = character(), quantity = character(), value = character(), stringsAsFactors = FALSE)
put <- function(call, quantity, value) {
    out[nrow(out) + 1, ] <<- list(call, quantity, sprintf("%.17g", value))
}
for (v in sort(unique(professional))) put("table(professional)", as.character(v), sum(professional == v))
for (v in sort(unique(working))) put("table(working)", as.character(v), sum(working == v))

gap <- function(p, w) 100 * (median(p) - median(w)) / median(p)
put("median(professional)", "value", median(professional))
put("median(working)", "value", median(working))
put("100 * (median(professional) - median(working)) / median(professional)", "value", gap(professional, working))

B <- 200000
P <- matrix(sample(professional, length(professional) * B, replace = TRUE), nrow = B)
W <- matrix(sample(working, length(working) * B, replace = TRUE), nrow = B)
mp <- apply(P, 1, median)
mw <- apply(W, 1, median)
gaps <- 100 * (mp - mw) / mp
call <- "quantile(gaps of 200000 person resamples, p, type = 7)"
for (p in c(0.025, 0.975)) {
    put(call, sprintf("p%s", p), quantile(gaps, p, type = 7, names = FALSE))
    for (b in c(999, 20000)) {
        d <- 4 * sqrt(p * (1 - p) / b)
        put(call, sprintf("p%s:b%d:low", p, b), quantile(gaps, p - d, type = 7, names = FALSE))
        put(call, sprintf("p%s:b%d:high", p, b), quantile(gaps, p + d, type = 7, names = FALSE))
    }
}
put("mean(gaps of 200000 person resamples)", "value", mean(gaps))
put("sd(gaps of 200000 person resamples)", "value", sd(gaps))

con <- file(file.path(resources, "person_bootstrap_reference.csv"), "w")
writeLines(c("# Produced by models/src/test/r/person_bootstrap_reference.R", paste0("# ", R.version.string, ", base R"),
             "call,quantity,value"), con)
writeLines(sprintf("\"%s\",%s,%s", out$call, out$quantity, out$value), con)
close(con)
