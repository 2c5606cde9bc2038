/**
 * Internal (label-free) clustering metrics for unlabeled mode, each equal to scikit-learn's
 * definition (sklearn.metrics.silhouette_score, davies_bouldin_score, calinski_harabasz_score).
 * Points are n rows of `dim` values, row-major; labels may be any integers. With K clusters,
 * n_k points and centroid c_k in cluster k, and overall mean m:
 *
 *   silhouette       a_i = mean ||x_i - x_j|| over the other points j of i's cluster,
 *                    b_i = min over other clusters l of mean ||x_i - x_j|| over j in l,
 *                    s_i = (b_i - a_i) / max(a_i, b_i), 0 for a point alone in its cluster
 *                    (and for 0 / 0); score = mean_i s_i, in [-1, 1], higher is better.
 *   daviesBouldin    S_k = mean ||x_i - c_k|| over i in k, M_kl = ||c_k - c_l||,
 *                    score = mean_k max_{l != k} (S_k + S_l) / M_kl, pairs with M_kl = 0 skipped;
 *                    0 when every S_k or every M_kl is ≤ 1e-8 (np.allclose's atol). Lower is better.
 *   calinskiHarabasz B = Σ_k n_k ||c_k - m||², W = Σ_k Σ_{i in k} ||x_i - c_k||²,
 *                    score = B (n - K) / (W (K - 1)); 1 when W = 0. Higher is better.
 *
 * All three throw unless 2 ≤ K ≤ n - 1, as scikit-learn does. Distances are Euclidean in float64,
 * formed from coordinate differences (more accurate than scikit-learn's |x|² - 2x·y + |y|²; the
 * fixtures agree to ~1e-13). Silhouette is O(n² · dim) time and O(K) memory per row: meant for a
 * sample of a few thousand points.
 *
 * clusterSizeEntropy: H = -Σ_k p_k ln p_k with p_k = n_k / n, normalized = H / ln K (0 when K ≤ 1:
 * everything in one cluster is a full collapse, the opposite of balanced), and max_k p_k.
 */
import { encodeLabels, type Labels } from './contingency';

/** Row-major n × dim coordinates. */
export type Points = Float32Array | Float64Array;

export interface ClusterSizeEntropy {
  /** Shannon entropy of the cluster sizes, natural log; 0 for one cluster or none. */
  entropy: number;
  /** entropy / ln K: 1 for equal sizes, 0 for a single cluster (or none). */
  normalized: number;
  /** Share of the points in the largest cluster; 0 when there are no points. */
  largestFraction: number;
}

/** np.allclose(v, 0)'s tolerance, which scikit-learn's Davies–Bouldin uses for its zero cases. */
const ALLCLOSE_ATOL = 1e-8;
/** Rows per silhouette block: a block's rows stay in L1 while every other row streams past once. */
const BLOCK = 32;

interface Prepared {
  /** Float64 copy: one monomorphic array type in the hot loops, whatever the caller passed. */
  xs: Float64Array;
  codes: Int32Array;
  sizes: Float64Array;
  k: number;
}

function prepare(fn: string, x: Points, n: number, dim: number, labels: Labels): Prepared {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${fn}: n must be a non-negative integer, got ${n}`);
  if (!Number.isInteger(dim) || dim < 1) throw new RangeError(`${fn}: dim must be a positive integer, got ${dim}`);
  if (x.length !== n * dim) throw new RangeError(`${fn}: expected n * dim = ${n * dim} coordinates, got ${x.length}`);
  if (labels.length !== n) throw new RangeError(`${fn}: expected ${n} labels, got ${labels.length}`);
  const xs = Float64Array.from(x);
  for (let i = 0; i < xs.length; i++) {
    // scikit-learn rejects NaN / ±Infinity; here they would silently poison every score.
    if (!Number.isFinite(xs[i])) throw new RangeError(`${fn}: coordinate ${i} is ${xs[i]}`);
  }
  const { values, codes } = encodeLabels(labels);
  const k = values.length;
  if (k < 2 || k > n - 1) {
    throw new RangeError(`${fn}: number of distinct labels is ${k}; valid values are 2 to n - 1 = ${n - 1} (inclusive)`);
  }
  const sizes = new Float64Array(k);
  for (let i = 0; i < n; i++) sizes[codes[i]]++;
  return { xs, codes, sizes, k };
}

/** Cluster means, k × dim: sum in point order, then divide (as numpy's mean over axis 0). */
function centroids(xs: Float64Array, codes: Int32Array, sizes: Float64Array, k: number, dim: number): Float64Array {
  const c = new Float64Array(k * dim);
  const n = codes.length;
  for (let i = 0; i < n; i++) {
    const o = codes[i] * dim;
    for (let t = 0; t < dim; t++) c[o + t] += xs[i * dim + t];
  }
  for (let j = 0; j < k; j++) for (let t = 0; t < dim; t++) c[j * dim + t] /= sizes[j];
  return c;
}

/** Squared Euclidean distance between row ao of a and row bo of b (offsets in elements). */
export function squaredDistance(a: Float64Array, ao: number, b: Float64Array, bo: number, dim: number): number {
  let s = 0;
  for (let t = 0; t < dim; t++) {
    const d = a[ao + t] - b[bo + t];
    s += d * d;
  }
  return s;
}

/** Mean silhouette coefficient (Euclidean), as sklearn.metrics.silhouette_score without sampling. */
export function silhouette(x: Points, n: number, dim: number, labels: Labels): number {
  const { xs, codes, sizes, k } = prepare('silhouette', x, n, dim, labels);
  // Per block of rows, the summed distance from each row to each cluster: never n × n.
  const sums = new Float64Array(BLOCK * k);
  let total = 0;
  for (let i0 = 0; i0 < n; i0 += BLOCK) {
    const i1 = Math.min(i0 + BLOCK, n);
    sums.fill(0);
    for (let j = 0; j < n; j++) {
      const cj = codes[j];
      for (let i = i0; i < i1; i++) sums[(i - i0) * k + cj] += Math.sqrt(squaredDistance(xs, i * dim, xs, j * dim, dim));
    }
    for (let i = i0; i < i1; i++) {
      const own = codes[i];
      // Alone in its cluster: a_i is 0 / 0, which scikit-learn turns into s_i = 0.
      if (sizes[own] === 1) continue;
      const row = (i - i0) * k;
      const a = sums[row + own] / (sizes[own] - 1); // the point's zero distance to itself is in the sum
      let b = Infinity;
      for (let c = 0; c < k; c++) if (c !== own) b = Math.min(b, sums[row + c] / sizes[c]);
      const m = Math.max(a, b);
      if (m > 0) total += (b - a) / m; // a = b = 0 (duplicates across clusters): 0 / 0 → 0, as scikit-learn
    }
  }
  return total / n;
}

/** Davies–Bouldin index, as sklearn.metrics.davies_bouldin_score. */
export function daviesBouldin(x: Points, n: number, dim: number, labels: Labels): number {
  const { xs, codes, sizes, k } = prepare('daviesBouldin', x, n, dim, labels);
  const cent = centroids(xs, codes, sizes, k, dim);
  const spread = new Float64Array(k);
  for (let i = 0; i < n; i++) spread[codes[i]] += Math.sqrt(squaredDistance(xs, i * dim, cent, codes[i] * dim, dim));
  let allTight = true;
  for (let c = 0; c < k; c++) {
    spread[c] /= sizes[c];
    if (spread[c] > ALLCLOSE_ATOL) allTight = false;
  }
  // Pairs are visited once and centroid distances never stored: K may be close to n.
  const worst = new Float64Array(k);
  let maxDist = 0;
  for (let c = 0; c < k; c++) {
    for (let l = c + 1; l < k; l++) {
      const d = Math.sqrt(squaredDistance(cent, c * dim, cent, l * dim, dim));
      maxDist = Math.max(maxDist, d);
      // Coincident centroids: scikit-learn sets M_kl = ∞, so the pair contributes 0.
      if (d === 0) continue;
      const r = (spread[c] + spread[l]) / d;
      if (r > worst[c]) worst[c] = r;
      if (r > worst[l]) worst[l] = r;
    }
  }
  if (allTight || maxDist <= ALLCLOSE_ATOL) return 0;
  let total = 0;
  for (let c = 0; c < k; c++) total += worst[c];
  return total / k;
}

/** Calinski–Harabasz index (variance ratio criterion), as sklearn.metrics.calinski_harabasz_score. */
export function calinskiHarabasz(x: Points, n: number, dim: number, labels: Labels): number {
  const { xs, codes, sizes, k } = prepare('calinskiHarabasz', x, n, dim, labels);
  const cent = centroids(xs, codes, sizes, k, dim);
  const mean = centroids(xs, new Int32Array(n), Float64Array.of(n), 1, dim);
  let between = 0;
  for (let c = 0; c < k; c++) between += sizes[c] * squaredDistance(cent, c * dim, mean, 0, dim);
  let within = 0;
  for (let i = 0; i < n; i++) within += squaredDistance(xs, i * dim, cent, codes[i] * dim, dim);
  // Every cluster a single repeated point: scikit-learn returns 1 rather than B / 0.
  if (within === 0) return 1;
  return (between * (n - k)) / (within * (k - 1));
}

/** Entropy of the cluster-size distribution: how evenly points spread over the clusters used. */
export function clusterSizeEntropy(labels: Labels): ClusterSizeEntropy {
  const n = labels.length;
  if (n === 0) return { entropy: 0, normalized: 0, largestFraction: 0 };
  const { values, codes } = encodeLabels(labels);
  const k = values.length;
  const sizes = new Float64Array(k);
  for (let i = 0; i < n; i++) sizes[codes[i]]++;
  const logN = Math.log(n);
  let entropy = 0;
  let largest = 0;
  for (const s of sizes) {
    entropy -= (s / n) * (Math.log(s) - logN); // logs of counts, not of ratios, as nmi.ts
    largest = Math.max(largest, s);
  }
  return { entropy, normalized: k > 1 ? entropy / Math.log(k) : 0, largestFraction: largest / n };
}
