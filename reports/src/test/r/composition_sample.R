# Reference values for `ladder composition` on the committed sample pool, computed independently
# in R from the raw CSV files: R reads the files, derives SEB from parental_occupation per
# DATA-CONTRACT.md, and runs prop.test(correct = FALSE) and chisq.test on the counts.
#
# Run from the repository root:
#   Rscript reports/src/test/r/composition_sample.R
# It writes reports/src/test/resources/ladder/reports/composition_sample_{shares,cells}.csv.
# Values are printed with sprintf("%.17g") so that doubles survive the round trip exactly.

options(digits = 17)
files <- sort(list.files("datasets/sample", pattern = "\\.csv$", full.names = TRUE))
d <- do.call(rbind, lapply(files, function(f)
  read.csv(f, colClasses = "character", na.strings = character(0), encoding = "UTF-8")))

occupation <- tolower(trimws(d$parental_occupation))
seb <- ifelse(occupation %in% c("professional", "manager"), "professional",
       ifelse(occupation %in% c("small_business", "clerical"), "intermediate",
       ifelse(occupation %in% c("technical_craft", "routine", "long_term_unemployed"), "working_class",
       ifelse(occupation == "", "missing", "excluded"))))
stopifnot(all(occupation %in% c("", "professional", "manager", "small_business", "clerical",
                                 "technical_craft", "routine", "long_term_unemployed", "other",
                                 "prefer_not_to_say")))
d$seb <- seb
groups <- c("professional", "intermediate", "working_class")
national <- c(0.34, 0.24, 0.42)
g <- function(x) sprintf("%.17g", x)

shares <- list()
cells <- list()
breakdown <- function(by) {
  key <- if (length(by) == 0) rep("all", nrow(d)) else do.call(paste, c(d[by], sep = "|"))
  for (k in sort(unique(key))) {
    rows <- d[key == k, ]
    counts <- sapply(groups, function(s) sum(rows$seb == s))
    n <- sum(counts)
    total <- nrow(rows)
    for (i in seq_along(groups)) {
      ci <- prop.test(counts[i], n, correct = FALSE)$conf.int
      shares[[length(shares) + 1]] <<- data.frame(by = paste(by, collapse = "+"), cell = k,
        seb = groups[i], count = counts[i], share = g(counts[i] / n), lower = g(ci[1]), upper = g(ci[2]),
        national_share = g(national[i]), representation_ratio = g(counts[i] / n / national[i]))
    }
    rr <- prop.test(n, total, correct = FALSE)$conf.int
    test <- suppressWarnings(chisq.test(counts, p = national))
    cells[[length(cells) + 1]] <<- data.frame(by = paste(by, collapse = "+"), cell = k, rows = total,
      classifiable = n, excluded = sum(rows$seb == "excluded"), missing = sum(rows$seb == "missing"),
      response_rate = g(n / total), response_lower = g(rr[1]), response_upper = g(rr[2]),
      chi_square = g(unname(test$statistic)), df = unname(test$parameter), p_value = g(test$p.value))
  }
}
breakdown(character(0))
breakdown("year")
breakdown(c("year", "grade"))
breakdown("sector")

out <- "reports/src/test/resources/ladder/reports"
write.csv(do.call(rbind, shares), file.path(out, "composition_sample_shares.csv"), row.names = FALSE)
write.csv(do.call(rbind, cells), file.path(out, "composition_sample_cells.csv"), row.names = FALSE)
cat(R.version.string, "\n")
