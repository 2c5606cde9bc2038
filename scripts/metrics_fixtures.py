#!/usr/bin/env python3
"""Reference values for the TypeScript clustering metrics (src/core/metrics).

Writes src/core/metrics/fixtures.json: labelings with scikit-learn's ACC / NMI / ARI, which
src/core/metrics/metrics.test.ts must reproduce to 1e-9.

Rerun (deterministic; needs numpy, scipy, scikit-learn), from the repository root:
    python3 scripts/metrics_fixtures.py

Definitions:
  ACC: Hungarian matching on the (possibly rectangular) contingency table of np.unique-encoded
       labels, scipy.optimize.linear_sum_assignment maximising matches; matched / n; 1.0 if n == 0.
  NMI: sklearn.metrics.normalized_mutual_info_score(average_method="arithmetic").
  ARI: sklearn.metrics.adjusted_rand_score.
Each value is cross-checked against an independent implementation (exact fractions for ARI,
dense float64 for NMI, brute force over permutations for ACC on small tables).

Large cases are not stored point by point but as an "lcg" spec the test re-creates:
  state <- (1664525 * state + 1013904223) mod 2^32;  draw() = state >> 16   (0..65535)
  for each of n points:  t = draw() % kTrue
                         p = (t * 7 + 3 * (draw() % 2)) % kPred   if draw() % 100 < agreePercent
                             draw() % kPred                       otherwise
                         yTrue = t,  yPred = p * predScale + predOffset
(draw() is called in exactly that order: t, the agree test, then the one or two p draws.)
"""
from fractions import Fraction
from itertools import permutations
import json
import math
import os

import numpy as np
import scipy
import sklearn
from scipy.optimize import linear_sum_assignment
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "core", "metrics", "fixtures.json")


def contingency(y_true, y_pred):
    _, ti = np.unique(np.asarray(y_true), return_inverse=True)
    _, pi = np.unique(np.asarray(y_pred), return_inverse=True)
    c = np.zeros((ti.max(initial=-1) + 1, pi.max(initial=-1) + 1), dtype=np.int64)
    np.add.at(c, (ti, pi), 1)
    return c


def acc(y_true, y_pred):
    if len(y_true) == 0:
        return 1.0
    c = contingency(y_true, y_pred)
    r, k = linear_sum_assignment(-c)
    return float(c[r, k].sum()) / len(y_true)


def acc_brute(c):
    """Best matching by trying every injection of the smaller side (small tables only)."""
    if c.shape[0] > c.shape[1]:
        c = c.T
    rows, cols = c.shape
    return max(sum(int(c[i, p[i]]) for i in range(rows)) for p in permutations(range(cols), rows))


def ari_exact(c):
    n = int(c.sum())
    ss = sum(int(v) ** 2 for v in c.ravel())
    tp = ss - n
    fp = sum(int(v) ** 2 for v in c.sum(0)) - ss
    fn = sum(int(v) ** 2 for v in c.sum(1)) - ss
    tn = n * n - tp - fp - fn - n
    if fn == 0 and fp == 0:
        return 1.0
    return float(Fraction(2 * (tp * tn - fn * fp), (tp + fn) * (fn + tn) + (tp + fp) * (fp + tn)))


def nmi_dense(c):
    kt, kp = c.shape
    if kt == kp and kt <= 1:
        return 1.0
    n = c.sum()
    p = c / n
    a, b = p.sum(1), p.sum(0)
    nz = c > 0
    mi = float(np.sum(p[nz] * np.log(p[nz] / np.outer(a, b)[nz])))
    if mi <= 1e-15:
        return 0.0
    h = lambda q: float(-np.sum(q[q > 0] * np.log(q[q > 0])))
    return mi / max((h(a) + h(b)) / 2, np.finfo(np.float64).eps)


def metrics(y_true, y_pred):
    values = {
        "acc": acc(y_true, y_pred),
        "nmi": float(normalized_mutual_info_score(y_true, y_pred, average_method="arithmetic")),
        "ari": float(adjusted_rand_score(y_true, y_pred)),
    }
    c = contingency(y_true, y_pred)
    assert abs(values["ari"] - ari_exact(c)) < 1e-12, ("ari", values["ari"], ari_exact(c))
    assert abs(values["nmi"] - nmi_dense(c)) < 1e-12, ("nmi", values["nmi"], nmi_dense(c))
    if len(y_true) > 0 and min(c.shape) <= 6 and max(c.shape) <= 8:
        assert values["acc"] == acc_brute(c) / len(y_true), ("acc", values["acc"])
    return values


def lcg_labels(spec):
    state = spec["seed"] & 0xFFFFFFFF

    def draw():
        nonlocal state
        state = (1664525 * state + 1013904223) & 0xFFFFFFFF
        return state >> 16

    y_true, y_pred = [], []
    for _ in range(spec["n"]):
        t = draw() % spec["kTrue"]
        if draw() % 100 < spec["agreePercent"]:
            p = (t * 7 + 3 * (draw() % 2)) % spec["kPred"]
        else:
            p = draw() % spec["kPred"]
        y_true.append(t)
        y_pred.append(p * spec["predScale"] + spec["predOffset"])
    return np.array(y_true), np.array(y_pred)


def noisy(rng, y, k_pred, flip):
    """A clustering that mostly follows y (through a random relabelling), with some noise."""
    relabel = rng.integers(0, k_pred, size=int(y.max()) + 1)
    out = relabel[y]
    mask = rng.random(len(y)) < flip
    out[mask] = rng.integers(0, k_pred, size=int(mask.sum()))
    return out


def explicit_cases():
    rng = np.random.default_rng(20240611)
    cases = []

    def add(name, y_true, y_pred):
        y_true = [int(v) for v in y_true]
        y_pred = [int(v) for v in y_pred]
        cases.append({"name": name, "yTrue": y_true, "yPred": y_pred, **metrics(y_true, y_pred)})

    # Tiny and degenerate.
    add("empty", [], [])
    add("n=1", [3], [-2])
    add("n=2 same/same", [0, 0], [5, 5])
    add("n=2 same/split", [0, 0], [0, 1])
    add("n=2 split/same", [0, 1], [7, 7])
    add("n=2 split/split swapped", [0, 1], [1, 0])
    add("both single cluster", [4] * 9, [-1] * 9)
    add("true single, pred many", [0] * 12, [i % 4 for i in range(12)])
    add("pred single, true many", [i % 3 for i in range(12)], [9] * 12)
    add("pred all distinct", [i % 4 for i in range(20)], list(range(20)))
    add("true all distinct", list(range(15)), [i % 3 for i in range(15)])
    add("both all distinct", list(range(10)), list(range(100, 90, -1)))
    add("independent (MI = 0)", [0, 0, 1, 1] * 3, [0, 1, 0, 1] * 3)
    add("perfect, permuted ids", [0, 1, 2, 0, 1, 2, 2], [5, -3, 8, 5, -3, 8, 8])
    add("refinement", [i // 6 for i in range(24)], [i // 3 for i in range(24)])
    add("coarsening", [i // 3 for i in range(24)], [i // 6 for i in range(24)])
    # Negative, non-contiguous and huge label values (dense and sparse encodings).
    y = rng.integers(0, 5, 300)
    add("negative non-contiguous", np.array([-50, -3, 0, 17, 1000])[y], noisy(rng, y, 6, 0.3) * 13 - 40)
    add("int32 extremes", np.array([-(2**31), -1, 2**31 - 1])[y % 3], np.array([2**31 - 1, -(2**31), 0, 5])[y % 4])
    add("2^50-scale labels", (y % 3) * 2**50 - 2**51, (noisy(rng, y, 4, 0.2) - 2) * 10**12)
    # Random labelings, k_true != k_pred, with and without structure.
    for n, kt, kp, flip in [(50, 3, 5, 0.2), (200, 10, 12, 0.3), (500, 10, 7, 0.5), (1000, 4, 20, 0.1),
                            (1000, 20, 4, 0.1), (2000, 10, 10, 0.05), (2000, 10, 15, 1.0), (777, 7, 7, 0.6),
                            (1500, 30, 25, 0.4), (40, 8, 3, 0.0), (300, 2, 2, 0.5), (1200, 15, 50, 0.3)]:
        y = rng.integers(0, kt, n)
        add(f"random n={n} kTrue={kt} kPred={kp} noise={flip}", y, noisy(rng, y, kp, flip))
    # Many classes x many clusters: the TypeScript contingency switches to its sparse (sorted) path.
    y = rng.integers(0, 100, 1000)
    add("sparse table 100 x 100", y, noisy(rng, y, 100, 0.5))
    add("sparse table, pred all distinct", rng.integers(0, 10, 2000), rng.permutation(2000) - 1000)
    # Small tables where ties and rectangular matchings matter (checked by brute force).
    for i in range(6):
        n = int(rng.integers(5, 40))
        kt, kp = int(rng.integers(1, 6)), int(rng.integers(1, 8))
        add(f"small random {i}", rng.integers(0, kt, n), rng.integers(0, kp, n))
    return cases


def lcg_cases():
    specs = [
        {"seed": 12345, "n": 70000, "kTrue": 10, "kPred": 12, "agreePercent": 70, "predScale": 1, "predOffset": 0},
        {"seed": 777, "n": 70000, "kTrue": 10, "kPred": 12, "agreePercent": 0, "predScale": 3, "predOffset": -20},
        {"seed": 4242, "n": 70000, "kTrue": 10, "kPred": 10, "agreePercent": 95, "predScale": -1, "predOffset": 7},
    ]
    cases = []
    for spec in specs:
        y_true, y_pred = lcg_labels(spec)
        cases.append({"name": f"lcg seed={spec['seed']} agree={spec['agreePercent']}", "lcg": spec,
                      **metrics(y_true, y_pred)})
    return cases


def main():
    data = {
        "about": "Generated by scripts/metrics_fixtures.py; do not edit by hand.",
        "versions": {"numpy": np.__version__, "scipy": scipy.__version__, "sklearn": sklearn.__version__},
        "cases": explicit_cases() + lcg_cases(),
    }
    for case in data["cases"]:
        for key in ("acc", "nmi", "ari"):
            assert math.isfinite(case[key])
    with open(OUT, "w") as f:
        json.dump(data, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {len(data['cases'])} cases, {os.path.getsize(OUT)} bytes")


if __name__ == "__main__":
    main()
