#!/usr/bin/env python3
"""Reference values for the TypeScript internal (label-free) clustering metrics.

Writes src/core/metrics/internalFixtures.json: point clouds with cluster labels and
scikit-learn's silhouette / Davies-Bouldin / Calinski-Harabasz scores, which
src/core/metrics/internal.test.ts must reproduce to 1e-9 (relative; absolute near 0).

Rerun (deterministic; needs numpy, scipy, scikit-learn), from the repository root:
    python3 scripts/internal_metrics_fixtures.py

Definitions (X: n points in d dimensions, labels encoded with np.unique, K clusters, n_k points
in cluster k with centroid c_k, overall mean m; every score needs 2 <= K <= n - 1):
  silhouette: sklearn.metrics.silhouette_score(X, labels) (Euclidean, no sampling):
       a_i = mean distance from i to the other points of its cluster, b_i = the smallest mean
       distance from i to the points of another cluster, s_i = (b_i - a_i) / max(a_i, b_i),
       s_i = 0 for a point alone in its cluster (and where 0 / 0); the score is mean_i s_i.
  daviesBouldin: sklearn.metrics.davies_bouldin_score(X, labels):
       S_k = mean_{i in k} ||x_i - c_k||, M_kl = ||c_k - c_l||,
       score = mean_k max_{l != k} (S_k + S_l) / M_kl, pairs with M_kl == 0 skipped;
       0 if all S_k or all M_kl are within np.allclose's atol (1e-8) of 0.
  calinskiHarabasz: sklearn.metrics.calinski_harabasz_score(X, labels):
       B = sum_k n_k ||c_k - m||^2, W = sum_k sum_{i in k} ||x_i - c_k||^2,
       score = B (n - K) / (W (K - 1)); 1.0 if W == 0.
  clusterSizeEntropy: scipy.stats.entropy(cluster sizes) (natural log), normalised by log(K)
       (0 for K = 1), and max(size) / n.

Data: numpy default_rng(seed), rounded to float32 as the app stores embeddings. Each value is
written as the shortest decimal that rounds back to the same float32 (Math.fround in the test
gives exactly the same number); "float64" cases are written as full float64 reprs instead.
scikit-learn is called on the float64 upcast of those exact values: on float32 input it computes
the distances in float32 (~1e-7 relative), whereas the TypeScript code works in float64.
Each score is cross-checked against an independent dense float64 implementation (direct
coordinate differences, not scikit-learn's |x|^2 - 2 x.y + |y|^2 expansion).
"""
import json
import math
import os

import numpy as np
import scipy
import sklearn
from scipy.stats import entropy as scipy_entropy
from sklearn.metrics import calinski_harabasz_score, davies_bouldin_score, silhouette_score

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "core", "metrics", "internalFixtures.json")


def silhouette_dense(x, codes):
    k = codes.max() + 1
    d = np.sqrt(((x[:, None, :] - x[None, :, :]) ** 2).sum(-1))
    sizes = np.bincount(codes, minlength=k).astype(np.float64)
    sums = np.stack([d[:, codes == c].sum(1) for c in range(k)], axis=1)
    own = sizes[codes]
    idx = np.arange(len(x))
    a = np.where(own > 1, sums[idx, codes] / np.maximum(own - 1, 1), 0.0)
    mean_other = sums / sizes
    mean_other[idx, codes] = np.inf
    b = mean_other.min(1)
    m = np.maximum(a, b)
    s = np.where((own > 1) & (m > 0), (b - a) / np.where(m > 0, m, 1), 0.0)
    return float(s.mean())


def davies_bouldin_dense(x, codes):
    k = codes.max() + 1
    cent = np.stack([x[codes == c].mean(0) for c in range(k)])
    s = np.array([np.sqrt(((x[codes == c] - cent[c]) ** 2).sum(1)).mean() for c in range(k)])
    m = np.sqrt(((cent[:, None, :] - cent[None, :, :]) ** 2).sum(-1))
    if np.all(np.abs(s) <= 1e-8) or np.all(np.abs(m) <= 1e-8):
        return 0.0
    m[m == 0] = np.inf
    return float(((s[:, None] + s[None, :]) / m).max(1).mean())


def calinski_harabasz_dense(x, codes):
    n, k = len(x), codes.max() + 1
    mean = x.mean(0)
    b = w = 0.0
    for c in range(k):
        xc = x[codes == c]
        cc = xc.mean(0)
        b += len(xc) * ((cc - mean) ** 2).sum()
        w += ((xc - cc) ** 2).sum()
    return 1.0 if w == 0 else float(b * (n - k) / (w * (k - 1)))


def close(a, b, tol):
    return abs(a - b) <= tol * max(1.0, abs(b))


def float32_text(v):
    """Shortest decimal that rounds to the same float32, as a JSON number."""
    return float(np.format_float_positional(np.float32(v), unique=True, trim="-"))


def blobs(rng, sizes, dim, spread, scale):
    centers = rng.normal(0.0, scale, size=(len(sizes), dim))
    x = np.concatenate([c + rng.normal(0.0, spread, size=(m, dim)) for c, m in zip(centers, sizes)])
    y = np.concatenate([np.full(m, i) for i, m in enumerate(sizes)])
    order = rng.permutation(len(y))  # interleave clusters, as a real sample is
    return x[order], y[order]


def make_case(name, x, y, dtype="float32"):
    y = np.asarray(y, dtype=np.int64)
    if dtype == "float32":
        x32 = np.asarray(x, dtype=np.float32)
        values = [float32_text(v) for v in x32.ravel()]
        x64 = np.array(values, dtype=np.float32).astype(np.float64).reshape(x32.shape)
        assert np.array_equal(x64, x32.astype(np.float64)), name
    else:
        x64 = np.asarray(x, dtype=np.float64)
        values = [float(v) for v in x64.ravel()]
    n, dim = x64.shape
    _, codes = np.unique(y, return_inverse=True)
    sizes = np.bincount(codes)
    ref = {
        "silhouette": float(silhouette_score(x64, y)),
        "daviesBouldin": float(davies_bouldin_score(x64, y)),
        "calinskiHarabasz": float(calinski_harabasz_score(x64, y)),
    }
    dense = {
        "silhouette": silhouette_dense(x64, codes),
        "daviesBouldin": davies_bouldin_dense(x64, codes),
        "calinskiHarabasz": calinski_harabasz_dense(x64, codes),
    }
    for key, value in ref.items():
        assert math.isfinite(value), (name, key)
        assert close(value, dense[key], 1e-11), (name, key, value, dense[key])
    h = float(scipy_entropy(sizes))
    return {
        "name": name, "n": n, "dim": dim, "dtype": dtype, "x": values, "labels": [int(v) for v in y], **ref,
        "entropy": h, "normalizedEntropy": h / math.log(len(sizes)), "largestFraction": float(sizes.max() / n),
    }


def cases():
    rng = np.random.default_rng(20240612)
    out = []
    x, y = blobs(rng, [100, 120, 80], 2, 0.6, 8.0)
    out.append(make_case("3 separated blobs, 2-D", x, y))
    x, y = blobs(rng, [60, 90, 70, 100, 80], 10, 0.8, 6.0)
    out.append(make_case("5 separated blobs, 10-D", x, y))
    x, y = blobs(rng, [90, 70, 80, 60], 2, 1.5, 1.5)
    out.append(make_case("4 overlapping blobs, 2-D", x, y))
    # A clustering with mistakes: some points are given a wrong cluster, so some s_i < 0.
    x, y = blobs(rng, [80, 80, 80, 80], 10, 1.0, 1.2)
    y = y.copy()
    flip = rng.random(len(y)) < 0.25
    y[flip] = rng.integers(0, 4, int(flip.sum()))
    out.append(make_case("4 overlapping blobs, 10-D, 25% relabelled", x, y))
    # A far-away point alone in its cluster (s = 0 for it, S_k = 0 in Davies-Bouldin).
    x, y = blobs(rng, [70, 60, 70], 2, 0.7, 5.0)
    x = np.vstack([x, [[20.5, -20.25]]])
    y = np.append(y, 3)
    out.append(make_case("3 blobs + a singleton cluster, 2-D", x, y))
    # Arbitrary label values: negative, non-contiguous, unsorted by first appearance.
    x, y = blobs(rng, [90, 70, 90], 3, 1.0, 3.0)
    out.append(make_case("labels [-5, 7, 100], 3-D", x, np.array([100, -5, 7])[y]))
    # No structure: random labels on one Gaussian, every score near its null value.
    x = rng.normal(0.0, 1.0, size=(300, 5))
    out.append(make_case("random labels on one blob, 5-D", x, rng.integers(0, 6, 300)))
    # Uneven sizes, many clusters, offset far from the origin (float32 spacing ~ 1e-6 there).
    x, y = blobs(rng, [5, 10, 20, 40, 80, 15, 30], 4, 0.5, 2.0)
    out.append(make_case("7 uneven clusters, 4-D, offset 40", x + 40.0, y))
    x, y = blobs(rng, [100, 100], 32, 1.0, 0.5)
    out.append(make_case("2 blobs, 32-D", x, y))
    # Every point identical: a = b = 0 (s = 0), S_k = 0 (DB = 0), W = 0 (CH = 1).
    out.append(make_case("all points identical", np.full((6, 2), 1.5), [0, 0, 0, 1, 1, 2]))
    # Duplicate points across clusters (coincident centroids) beside a proper cluster.
    x = np.array([[0.0, 0.0], [1.0, 1.0], [0.0, 0.0], [1.0, 1.0], [5.0, 5.0], [5.5, 5.0], [5.0, 5.5]])
    out.append(make_case("coincident centroids", x, [0, 0, 1, 1, 2, 2, 2]))
    # n = K + 1: the most clusters the scores accept.
    x = rng.normal(0.0, 1.0, size=(8, 2))
    out.append(make_case("n = K + 1", x, [0, 1, 2, 3, 4, 5, 6, 6]))
    # Full float64 data (the functions accept Float64Array too).
    x, y = blobs(rng, [50, 40, 30], 3, 1.0, 2.0)
    out.append(make_case("float64 data, 3 blobs, 3-D", x, y, dtype="float64"))
    return out


def main():
    data = {
        "about": "Generated by scripts/internal_metrics_fixtures.py; do not edit by hand.",
        "versions": {"numpy": np.__version__, "scipy": scipy.__version__, "sklearn": sklearn.__version__},
        "cases": cases(),
    }
    with open(OUT, "w") as f:
        json.dump(data, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {len(data['cases'])} cases, {os.path.getsize(OUT)} bytes")
    for c in data["cases"]:
        print(f"  {c['name']}: n={c['n']} dim={c['dim']} sil={c['silhouette']:.6g} "
              f"db={c['daviesBouldin']:.6g} ch={c['calinskiHarabasz']:.6g}")


if __name__ == "__main__":
    main()
