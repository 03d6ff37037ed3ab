"""Reference values for ladder.models.pay.OaxacaBlinder.

Run from the repository root (after models/src/test/r/pay_reference.R has written pay_data.csv):
    /usr/bin/python3 models/src/test/python/oaxaca_reference.py
Writes models/src/test/resources/ladder/models/oaxaca_reference.csv (call,quantity,value, repr of doubles).
Produced with Python 3.11, numpy 1.24.2, statsmodels 0.13.5 (Debian).

The two-fold decomposition of the professional / working-class gap in mean log hourly pay, with
statsmodels' default reference coefficients, two_fold_type="pooled": the pooled OLS over both groups
including the group indicator, whose coefficient is then dropped (Fortin 2008; Jann 2008, section 2.2).
statsmodels gives only bootstrap standard errors (unseeded), so the delta-method standard errors are
computed here, densely and independently of the Java code: the influence function of each component,
summed in squares over people (a joint sandwich of the group means and the pooled coefficients, HC0).
"""
import csv
import numpy as np
from statsmodels.stats.oaxaca import OaxacaBlinder

RES = "models/src/test/resources/ladder/models/"
LEVELS = {
    "gender": ["female", "male"],
    "ethnicity": ["white", "asian", "black", "mixed_other"],
    "age_band": ["25-34", "16-24", "35-49", "50+"],
    "grade": ["G1", "G2", "G3", "G4", "G5"],
    "year": ["2021", "2022", "2023"],
}

with open(RES + "pay_data.csv") as f:
    rows = [r for r in csv.DictReader(f) if r["seb"] in ("professional", "working_class")]
y = np.log(np.array([float(r["pay_pence"]) for r in rows]))
cols = [np.ones(len(rows))]
names = ["(Intercept)"]
for factor, levels in LEVELS.items():
    for level in levels[1:]:
        cols.append(np.array([1.0 if r[factor] == level else 0.0 for r in rows]))
        names.append(factor + "=" + level)
d = np.array([1.0 if r["seb"] == "working_class" else 0.0 for r in rows])
X = np.column_stack(cols)
exog = np.column_stack([X, d])
model = OaxacaBlinder(y, exog, bifurcate=exog.shape[1] - 1, hasconst=True)
unexplained, explained, gap = model.two_fold().params

# Delta method by influence functions, dense.
a, b = d == 0, d == 1
na, nb = a.sum(), b.sum()
xa, xb = X[a].mean(axis=0), X[b].mean(axis=0)
beta_full = np.linalg.solve(exog.T @ exog, exog.T @ y)
beta_star = beta_full[:-1]
resid = y - exog @ beta_full
w = np.linalg.solve(exog.T @ exog, np.append(xa - xb, 0.0))
psi_e = np.where(a, (X - xa) @ beta_star / na, -((X - xb) @ beta_star) / nb) + (exog @ w) * resid
psi_g = np.where(a, (y - y[a].mean()) / na, -(y - y[b].mean()) / nb)
se_e = np.sqrt(np.sum(psi_e ** 2))
se_u = np.sqrt(np.sum((psi_g - psi_e) ** 2))
se_g = np.sqrt(np.sum(psi_g ** 2))

call = "OaxacaBlinder(log(pay_pence), professional vs working_class, two_fold_type='pooled')"
with open(RES + "oaxaca_reference.csv", "w") as f:
    f.write("# Produced by models/src/test/python/oaxaca_reference.py, statsmodels 0.13.5\n")
    f.write("call,quantity,value\n")
    for q, v in [("gap", gap), ("explained", explained), ("unexplained", unexplained), ("n_professional", na),
                 ("n_working_class", nb), ("se_explained", se_e), ("se_unexplained", se_u), ("se_gap", se_g)]:
        f.write('"%s",%s,%s\n' % (call, q, repr(float(v))))
    for name, v in zip(names, beta_star):
        f.write('"%s",%s,%s\n' % (call, "beta_star:" + name, repr(float(v))))
