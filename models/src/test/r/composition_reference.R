# Reference values for ladder.models.proportion and ladder.models.composition.
#
# Writes models/src/test/resources/ladder/models/composition_reference.csv:
#   cd models && Rscript src/test/r/composition_reference.R > src/test/resources/ladder/models/composition_reference.csv
#
# Each row is (call, quantity, value): `call` is the exact R expression that was evaluated
# (the tests read their inputs back from it), `quantity` names the component of the result,
# `value` is printed with sprintf("%.17g") so that it round-trips to the same double.
#
# prop.test(x, n, conf.level = level, correct = FALSE)$conf.int  is the Wilson score interval.
# chisq.test(x, p = p)  is Pearson's goodness of fit; `warning` records whether R warned
# "Chi-squared approximation may be incorrect" (some expected count below 5).

options(digits = 17)

benchmark <- "c(0.34, 0.24, 0.42)"
fmt <- function(v) sprintf("%.17g", v)

rows <- character(0)
seen <- character(0)
emit <- function(call, quantity, value) {
  rows <<- c(rows, sprintf("\"%s\",%s,%s", call, quantity, value))
}

prop_call <- function(x, n, level = 0.95) {
  call <- sprintf("prop.test(%d, %d, conf.level = %s, correct = FALSE)$conf.int", x, n, format(level, digits = 15))
  if (call %in% seen) return(invisible())
  seen <<- c(seen, call)
  ci <- suppressWarnings(eval(parse(text = call)))
  emit(call, "lower", fmt(ci[1]))
  emit(call, "upper", fmt(ci[2]))
  emit(call, "conf.level", fmt(attr(ci, "conf.level")))
}

chisq_call <- function(x, p = benchmark) {
  call <- sprintf("chisq.test(c(%s), p = %s)", paste(x, collapse = ", "), p)
  if (call %in% seen) return(invisible())
  seen <<- c(seen, call)
  warned <- FALSE
  r <- withCallingHandlers(eval(parse(text = call)), warning = function(w) {
    if (conditionMessage(w) == "Chi-squared approximation may be incorrect") {
      warned <<- TRUE
      invokeRestart("muffleWarning")
    }
  })
  emit(call, "statistic", fmt(unname(r$statistic)))
  emit(call, "parameter", fmt(unname(r$parameter)))
  emit(call, "p.value", fmt(r$p.value))
  for (i in seq_along(x)) emit(call, sprintf("expected[%d]", i), fmt(unname(r$expected[i])))
  for (i in seq_along(x)) emit(call, sprintf("residuals[%d]", i), fmt(unname(r$residuals[i])))
  emit(call, "warning", if (warned) "TRUE" else "FALSE")
}

# Wilson intervals, including both edges (x = 0, x = n) and n = 1. At the edges R returns exactly
# 0 and 1 without evaluating the formula, which would give e.g. 2.0e-17 for the lower bound at
# 0/10 and 1.0000000000000002 (clamped to 1) for the upper bound at 1000/1000.
for (xn in list(c(0, 10), c(10, 10), c(1, 1), c(0, 1), c(17, 40), c(120, 400),
                c(3, 1000), c(999, 1000), c(1, 2), c(5, 7), c(0, 1000), c(1000, 1000),
                c(0, 17000), c(17000, 17000))) {
  prop_call(xn[1], xn[2])
}
for (level in c(0.8, 0.9, 0.99, 0.999)) {
  prop_call(17, 40, level)
  prop_call(0, 10, level)
  prop_call(10, 10, level)
}

# Goodness of fit against the national benchmark, plus other proportions and lengths.
for (x in list(c(120, 80, 200), c(0, 5, 7), c(3, 0, 0), c(1, 1, 1), c(5000, 3400, 6100),
               c(1, 0, 0), c(300, 50, 50), c(34, 24, 42))) {
  chisq_call(x)
}
chisq_call(c(10, 20, 30, 40), "c(0.1, 0.2, 0.3, 0.4)")
chisq_call(c(7, 3), "c(0.5, 0.5)")
chisq_call(c(2, 9, 4, 1, 30), "c(0.05, 0.15, 0.2, 0.1, 0.5)")

# Composition cells (professional, intermediate, working_class, excluded, missing):
# shares are over the classifiable n = p + i + w, the response rate over all five.
cells <- list(c(120, 80, 200, 30, 70), c(0, 5, 7, 1, 2), c(3, 0, 0, 0, 0), c(1, 1, 1, 0, 0),
              c(5000, 3400, 6100, 800, 1700), c(1, 0, 0, 0, 4), c(0, 0, 0, 4, 6),
              c(34, 24, 42, 0, 0))
for (cell in cells) {
  classifiable <- sum(cell[1:3])
  total <- sum(cell)
  for (level in c(0.95, 0.9)) {
    if (total > 0) prop_call(classifiable, total, level)
    if (classifiable > 0) for (k in 1:3) prop_call(cell[k], classifiable, level)
  }
  if (classifiable > 0) chisq_call(cell[1:3])
}

cat("# Produced by models/src/test/r/composition_reference.R\n")
cat(sprintf("# %s\n", R.version.string))
cat("call,quantity,value\n")
cat(rows, sep = "\n")
cat("\n")
