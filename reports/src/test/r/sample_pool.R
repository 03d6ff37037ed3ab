# The bundled sample pool (datasets/sample) as one data frame, with the data contract's 3-way SEB derived from
# Q1 (parental occupation at about 14): professional/manager -> professional; small_business/clerical ->
# intermediate; technical_craft/routine/long_term_unemployed -> working_class; other/prefer_not_to_say ->
# excluded; no answer -> missing. Sourced by the reference scripts, run from reports/.
files <- sort(list.files("../datasets/sample", pattern = "\\.csv$", full.names = TRUE))
pool <- do.call(rbind, lapply(files, function(f) read.csv(f, stringsAsFactors = FALSE, na.strings = "")))
seb <- rep("excluded", nrow(pool))
po <- pool$parental_occupation
seb[po %in% c("professional", "manager")] <- "professional"
seb[po %in% c("small_business", "clerical")] <- "intermediate"
seb[po %in% c("technical_craft", "routine", "long_term_unemployed")] <- "working_class"
seb[is.na(po)] <- "missing"
pool$seb <- seb
