/**
 * k-means on plain host arrays (no tfjs): for small inputs on the main thread, such as the
 * snapshot sample (≤ 5,000 × ~10) swept over many k to help choose k.
 *
 *  - seeding: greedy k-means++ as scikit-learn (Arthur & Vassilvitskii 2007): the first centre
 *    uniform, each next one the best of 2 + ⌊ln k⌋ candidates drawn with probability ∝ D(x)² (the
 *    squared distance to the nearest centre so far), "best" = lowest resulting Σ D(x)².
 *  - iterations: Lloyd's, computed with Hamerly's bounds (2010): each point keeps an upper bound on
 *    the distance to its own centre and one lower bound on the distance to every other centre,
 *    moved by the centres' shifts (triangle inequality), and skips its k distances when the bounds
 *    (or half the gap from its centre to the nearest other one) prove its centre is still nearest.
 *    Same labels as plain Lloyd up to exact ties; O(n) extra memory. At ~10 dimensions it measured
 *    as fast as Elkan's n × k bounds, whose bookkeeping costs as much as the distances it saves.
 *  - empty cluster: its centre moves onto the point farthest from its own centre (as scikit-learn).
 *  - stops when no label changes, when the centres move less than `tol` × the mean variance of the
 *    features in total (scikit-learn's rule), or after `maxIter` iterations.
 *  - best of `nInit` seedings by inertia (Σ squared distance to the assigned centre).
 * The returned labels are always the nearest returned centroid of each point.
 */
import type { Rng } from '../rng';
import { squaredDistance } from '../metrics/internal';

export interface HostKmeansOptions {
  /** Lloyd iterations at most per seeding (scikit-learn: 300; 100 is plenty at this size). */
  maxIter?: number;
  /** Relative tolerance on the total squared centre shift (scikit-learn: 1e-4). */
  tol?: number;
  /** Seedings tried; the lowest inertia wins. */
  nInit?: number;
}

export interface HostKmeansResult {
  /** Cluster of each of the n points, 0..k−1. */
  labels: Int32Array;
  /** k × dim, row-major. */
  centroids: Float32Array;
  /** Σ_i ||x_i − c_{labels_i}||² (float64). */
  inertia: number;
  /** Iterations of the winning seeding. */
  iterations: number;
  /** The winning seeding's inertia after each assignment step, first = with the seeds as centres. */
  history: number[];
}

interface Fit {
  labels: Int32Array;
  centres: Float64Array;
  inertia: number;
  history: number[];
}

/** First index whose cumulative weight exceeds u (so never a zero-weight point). */
function drawByWeight(cum: Float64Array, u: number): number {
  let lo = 0;
  let hi = cum.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cum[mid] <= u) lo = mid + 1;
    else hi = mid;
  }
  if (lo < cum.length) return lo;
  // Rounding put u at the very top: the last point with weight.
  let i = cum.length - 1;
  while (i > 0 && cum[i - 1] === cum[i]) i--;
  return i;
}

/** Σ_i min(closest_i, ||x_i − x_cand||²): the potential if `cand` became a centre. */
function potentialWith(x: Float64Array, n: number, dim: number, closest: Float64Array, cand: number): number {
  let total = 0;
  for (let i = 0; i < n; i++) {
    const d = squaredDistance(x, i * dim, x, cand * dim, dim);
    total += d < closest[i] ? d : closest[i];
  }
  return total;
}

/** closest_i ← min(closest_i, ||x_i − x_pick||²). */
function lowerClosest(x: Float64Array, n: number, dim: number, closest: Float64Array, pick: number): void {
  for (let i = 0; i < n; i++) {
    const d = squaredDistance(x, i * dim, x, pick * dim, dim);
    if (d < closest[i]) closest[i] = d;
  }
}

/**
 * k initial centres (k × dim) by greedy k-means++: the first uniform, each next one the best (lowest
 * resulting potential) of 2 + ⌊ln k⌋ candidates drawn with probability ∝ D(x)².
 */
function seed(x: Float64Array, n: number, dim: number, k: number, rng: Rng): Float64Array {
  const trials = 2 + Math.floor(Math.log(k));
  const centres = new Float64Array(k * dim);
  const closest = new Float64Array(n).fill(Infinity);
  const cum = new Float64Array(n);
  let pick = rng.int(n);
  for (let c = 0; c < k; c++) {
    centres.set(x.subarray(pick * dim, (pick + 1) * dim), c * dim);
    if (c === k - 1) break;
    lowerClosest(x, n, dim, closest, pick);
    let total = 0;
    for (let i = 0; i < n; i++) cum[i] = total += closest[i];
    // Every point already sits on a centre (duplicates): any point will do.
    if (!(total > 0)) {
      pick = rng.int(n);
      continue;
    }
    let bestPotential = Infinity;
    for (let t = 0; t < trials; t++) {
      const cand = drawByWeight(cum, rng.next() * total);
      const potential = potentialWith(x, n, dim, closest, cand);
      if (potential < bestPotential) {
        bestPotential = potential;
        pick = cand;
      }
    }
  }
  return centres;
}

/** Scaled tolerance as scikit-learn's _tolerance: tol × mean over features of the variance. */
function absoluteTol(x: Float64Array, n: number, dim: number, tol: number): number {
  let sum = 0;
  for (let t = 0; t < dim; t++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += x[i * dim + t];
    mean /= n;
    let v = 0;
    for (let i = 0; i < n; i++) v += (x[i * dim + t] - mean) ** 2;
    sum += v / n;
  }
  return (sum / dim) * tol;
}

/**
 * One seeding's working arrays. Each step below is its own small function, called once per
 * iteration: V8 then optimises each whole function after a few calls, where one long function with
 * many loops would be compiled loop by loop and thrown back to the interpreter again and again.
 */
interface Lloyd {
  x: Float64Array;
  n: number;
  dim: number;
  k: number;
  centres: Float64Array;
  labels: Int32Array;
  /** ≥ the distance from each point to its own centre. */
  upper: Float64Array;
  /** ≤ the distance from each point to every other centre. */
  lower: Float64Array;
  /** Half the distance from a centre to its nearest other one (Infinity when k = 1). */
  halfNearest: Float64Array;
  shift: Float64Array;
  sums: Float64Array;
  counts: Int32Array;
}

function startLloyd(x: Float64Array, n: number, dim: number, k: number, centres: Float64Array): Lloyd {
  return {
    x,
    n,
    dim,
    k,
    centres,
    labels: new Int32Array(n),
    upper: new Float64Array(n),
    lower: new Float64Array(n),
    halfNearest: new Float64Array(k),
    shift: new Float64Array(k),
    sums: new Float64Array(k * dim),
    counts: new Int32Array(k),
  };
}

/** All k distances of point i: its nearest centre, exact upper and lower bounds. */
function fullAssign(s: Lloyd, i: number): void {
  const { x, dim, k, centres, labels, upper, lower } = s;
  let b1 = Infinity;
  let b2 = Infinity;
  let best = 0;
  for (let c = 0; c < k; c++) {
    const d = squaredDistance(x, i * dim, centres, c * dim, dim);
    if (d < b1) {
      b2 = b1;
      b1 = d;
      best = c;
    } else if (d < b2) b2 = d;
  }
  labels[i] = best;
  upper[i] = Math.sqrt(b1);
  lower[i] = Math.sqrt(b2); // Infinity when k = 1: nothing else can ever be nearer
}

function assignAll(s: Lloyd): void {
  for (let i = 0; i < s.n; i++) fullAssign(s, i);
}

/** Centres ← means of their clusters (after re-seeding empty ones). Returns Σ squared shifts. */
function updateCentres(s: Lloyd, moved: number[]): number {
  const { x, n, dim, k, centres, labels, sums, counts, shift } = s;
  counts.fill(0);
  for (let i = 0; i < n; i++) counts[labels[i]]++;
  moved.push(...reseedEmpty(x, n, dim, k, centres, labels, counts));
  sums.fill(0);
  for (let i = 0; i < n; i++) {
    const o = labels[i] * dim;
    for (let t = 0; t < dim; t++) sums[o + t] += x[i * dim + t];
  }
  let total = 0;
  for (let c = 0; c < k; c++) {
    let d2 = 0;
    for (let t = 0; t < dim; t++) {
      const v = sums[c * dim + t] / counts[c];
      d2 += (v - centres[c * dim + t]) ** 2;
      centres[c * dim + t] = v;
    }
    total += d2;
    shift[c] = Math.sqrt(d2);
  }
  return total;
}

/** Bounds follow the centres' shifts (triangle inequality); half-gaps of the new centres. */
function moveBounds(s: Lloyd, moved: number[]): void {
  const { n, dim, k, centres, labels, upper, lower, shift, halfNearest } = s;
  // The lower bound of a point drops by the largest shift among the centres other than its own.
  let max1 = 0;
  let max2 = 0;
  let argMax = -1;
  for (let c = 0; c < k; c++) {
    if (shift[c] > max1) {
      max2 = max1;
      max1 = shift[c];
      argMax = c;
    } else if (shift[c] > max2) max2 = shift[c];
  }
  for (let i = 0; i < n; i++) {
    const a = labels[i];
    upper[i] += shift[a];
    lower[i] -= a === argMax ? max2 : max1;
  }
  // A re-seeded point sits exactly on its new centre; 0 is a valid lower bound for anything.
  for (const i of moved) {
    upper[i] = 0;
    lower[i] = 0;
  }
  for (let c = 0; c < k; c++) {
    let m = Infinity;
    for (let o = 0; o < k; o++) {
      if (o === c) continue;
      const h = squaredDistance(centres, c * dim, centres, o * dim, dim);
      if (h < m) m = h;
    }
    halfNearest[c] = Math.sqrt(m) / 2;
  }
}

/** Nearest centres, skipping the points whose bounds prove nothing changed. Returns moves. */
function assignBounded(s: Lloyd): number {
  const { x, n, dim, centres, labels, upper, lower, halfNearest } = s;
  let changed = 0;
  for (let i = 0; i < n; i++) {
    const a = labels[i];
    const b = Math.max(halfNearest[a], lower[i]);
    if (upper[i] <= b) continue;
    upper[i] = Math.sqrt(squaredDistance(x, i * dim, centres, a * dim, dim));
    if (upper[i] <= b) continue;
    fullAssign(s, i);
    if (labels[i] !== a) changed++;
  }
  return changed;
}

function inertiaOf(s: Lloyd): number {
  const { x, n, dim, centres, labels } = s;
  let total = 0;
  for (let i = 0; i < n; i++) total += squaredDistance(x, i * dim, centres, labels[i] * dim, dim);
  return total;
}

/** One seeding's Lloyd iterations, Hamerly-accelerated. */
function lloyd(x: Float64Array, n: number, dim: number, k: number, centres: Float64Array, maxIter: number, tolAbs: number): Fit {
  const s = startLloyd(x, n, dim, k, centres);
  assignAll(s);
  const history = [inertiaOf(s)];
  for (let iter = 0; iter < maxIter; iter++) {
    const moved: number[] = [];
    const shiftTot = updateCentres(s, moved);
    moveBounds(s, moved);
    const changed = assignBounded(s) + moved.length;
    history.push(inertiaOf(s));
    if (changed === 0 || shiftTot <= tolAbs) break;
  }
  return { labels: s.labels, centres, inertia: history[history.length - 1], history };
}

/**
 * Gives each empty cluster the point farthest from its own centre (taken only from clusters that
 * keep at least one point). Updates labels and counts; returns the points moved.
 */
function reseedEmpty(
  x: Float64Array,
  n: number,
  dim: number,
  k: number,
  centres: Float64Array,
  labels: Int32Array,
  counts: Int32Array,
): number[] {
  const moved: number[] = [];
  for (let c = 0; c < k; c++) {
    if (counts[c] > 0) continue;
    let far = -1;
    let farD = -1;
    for (let i = 0; i < n; i++) {
      if (counts[labels[i]] < 2) continue;
      const d = squaredDistance(x, i * dim, centres, labels[i] * dim, dim);
      if (d > farD) {
        far = i;
        farD = d;
      }
    }
    if (far < 0) break; // cannot happen while k ≤ n
    counts[labels[far]]--;
    labels[far] = c;
    counts[c] = 1;
    moved.push(far);
  }
  return moved;
}

/**
 * k-means of n points of `dim` values (row-major `x`) into k clusters, 1 ≤ k ≤ n. All randomness
 * comes from `rng`, so the same seed gives the same labels.
 */
export function kmeans(x: Float32Array, n: number, dim: number, k: number, rng: Rng, opts: HostKmeansOptions = {}): HostKmeansResult {
  const { maxIter = 100, tol = 1e-4, nInit = 3 } = opts;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`kmeans: n must be a positive integer, got ${n}`);
  if (!Number.isInteger(dim) || dim < 1) throw new RangeError(`kmeans: dim must be a positive integer, got ${dim}`);
  if (x.length !== n * dim) throw new RangeError(`kmeans: expected n * dim = ${n * dim} values, got ${x.length}`);
  if (!Number.isInteger(k) || k < 1 || k > n) throw new RangeError(`kmeans: k must be an integer in 1..${n}, got ${k}`);
  if (!Number.isInteger(maxIter) || maxIter < 1) throw new RangeError(`kmeans: maxIter must be a positive integer, got ${maxIter}`);
  if (!Number.isInteger(nInit) || nInit < 1) throw new RangeError(`kmeans: nInit must be a positive integer, got ${nInit}`);
  if (!(tol >= 0)) throw new RangeError(`kmeans: tol must be ≥ 0, got ${tol}`);
  // One float64 copy: a single array type in the hot loops, and exact centre arithmetic.
  const xs = Float64Array.from(x);
  for (let i = 0; i < xs.length; i++) {
    // A NaN would make every comparison false and silently freeze the labels.
    if (!Number.isFinite(xs[i])) throw new RangeError(`kmeans: value ${i} is ${xs[i]}`);
  }

  const tolAbs = absoluteTol(xs, n, dim, tol);
  let best: Fit | null = null;
  for (let r = 0; r < nInit; r++) {
    const fit = lloyd(xs, n, dim, k, seed(xs, n, dim, k, rng), maxIter, tolAbs);
    if (best === null || fit.inertia < best.inertia) best = fit;
  }
  const win = best!;
  return {
    labels: win.labels,
    centroids: Float32Array.from(win.centres),
    inertia: win.inertia,
    iterations: win.history.length - 1,
    history: win.history,
  };
}
