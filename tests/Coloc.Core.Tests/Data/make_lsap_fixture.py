#!/usr/bin/python3
"""Writes lsap_scipy.csv: SciPy's linear_sum_assignment on tie-heavy cost matrices, the reference for
LinearSumAssignmentTests (MagellanMapper 1.7 ran with SciPy 1.10.1; Debian 12's python3-scipy is that version).

Run: /usr/bin/python3 tests/Coloc.Core.Tests/Data/make_lsap_fixture.py > tests/Coloc.Core.Tests/Data/lsap_scipy.csv
One line per case: rows;cols;cost values (repr, row-major, comma-separated);result rows;result cols;scipy version.
"""
import numpy as np
import scipy
from scipy.optimize import linear_sum_assignment
from scipy.spatial.distance import cdist

rng = np.random.default_rng(20261124)
print("rows;cols;cost;result_rows;result_cols;scipy")
for case in range(400):
    n, m = int(rng.integers(1, 13)), int(rng.integers(1, 13))
    kind = case % 3
    if kind == 0:   # small integer costs: many exact ties
        cost = rng.integers(0, 4, size=(n, m)).astype(float)
    else:           # scaled distances of integer points, as colocalization builds them
        scale = np.array([1.0, 1.0, 1.5]) if kind == 1 else np.array([5.0, 1.0, 1.0])
        a = rng.integers(0, 6, size=(n, 3)).astype(float) * scale
        b = rng.integers(0, 6, size=(m, 3)).astype(float) * scale
        cost = cdist(a, b)
    r, c = linear_sum_assignment(cost)
    print(f"{n};{m};{','.join(repr(float(v)) for v in cost.ravel())};"
          f"{','.join(map(str, r))};{','.join(map(str, c))};{scipy.__version__}")
