"""Cross-check of ladder.models.regression with statsmodels' GLM cluster covariance.

Run from the models directory (Debian's python3 has statsmodels 0.13.5, patsy 0.5.3, pandas 1.5.3):
    cd models && /usr/bin/python3 src/test/python/logistic_statsmodels.py
Reads the data logistic_reference.R wrote (logistic_rows.csv) and writes
src/test/resources/ladder/models/logistic_statsmodels_reference.csv as call,quantity,value with
repr() of the doubles. cov_type="cluster" with its default use_correction=True and df_correction=True
is G/(G-1) (N-1)/(N-k), Stata's and Ladder's CR1. Quantities use Ladder's coefficient names.
"""
import re

import pandas as pd
import statsmodels
import statsmodels.api as sm
import statsmodels.formula.api as smf

DIR = "src/test/resources/ladder/models/"
rows = pd.read_csv(DIR + "regression/logistic_rows.csv")
rows["seb"] = pd.Categorical(rows["seb"], ["professional", "intermediate", "working_class"])
rows["ethnicity"] = pd.Categorical(rows["ethnicity"], ["white", "asian", "black", "mixed_other"])
rows["employer"] = pd.factorize(rows["employer_id"])[0]


def ladder_name(name):
    """statsmodels' C(year)[T.2020] or seb[T.working_class]:gender[T.woman] to year=2020, ..."""
    if name == "Intercept":
        return "(Intercept)"
    parts = []
    for p in name.split(":"):
        m = re.fullmatch(r"(?:C\()?(\w+)\)?\[T\.(.+)\]", p)
        parts.append(m.group(1) + "=" + m.group(2) if m else p)
    return ":".join(parts)


out = ["# Written by models/src/test/python/logistic_statsmodels.py (statsmodels %s)" % statsmodels.__version__,
       "call,quantity,value"]
for formula in ["promoted ~ seb + gender + ethnicity + C(year)", "promoted ~ seb * gender + months_in_grade + C(year)"]:
    call = "smf.glm('%s', rows, family=sm.families.Binomial()).fit(cov_type='cluster', cov_kwds={'groups': rows.employer}, tol=1e-14)" % formula
    fit = smf.glm(formula, rows, family=sm.families.Binomial()).fit(
        cov_type="cluster", cov_kwds={"groups": rows["employer"]}, tol=1e-14)
    for name, b, se in zip(fit.params.index, fit.params, fit.bse):
        out.append('"%s",coef:%s,%r' % (call, ladder_name(name), b))
        out.append('"%s",se_cluster:%s,%r' % (call, ladder_name(name), se))
    out.append('"%s",llf,%r' % (call, fit.llf))
with open(DIR + "logistic_statsmodels_reference.csv", "w") as f:
    f.write("\n".join(out) + "\n")
