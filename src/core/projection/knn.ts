/**
 * Exact k nearest neighbours (Euclidean) by brute force over typed arrays.
 *
 * For the ≤ 5,000-point snapshot samples this is faster than an approximate index (umap-js's
 * RP-forest + NN-descent runs on number[][]), exact, and needs no randomness. Each pair is
 * visited once and offered to both points' lists. Wide inputs (raw pixels) are first reduced
 * by a seeded Gaussian random projection (Johnson–Lindenstrauss), which preserves distances up
 * to a small relative error at a fraction of the cost.
 */
import type { Rng } from '../rng';

export interface Knn {
  k: number;
  /** n × k neighbour indices (self excluded), nearest first. */
  indices: Int32Array;
  /** n × k Euclidean distances, ascending. */
  distances: Float64Array;
}

/** Above this many dimensions the points are randomly projected before the search. */
export const KNN_MAX_DIM = 64;

/** points (n × dim) · G (dim × target), G with N(0, 1/target) entries: E‖xG‖² = ‖x‖². */
export function randomProject(
  points: Float32Array,
  n: number,
  dim: number,
  target: number,
  rng: Rng,
): Float32Array {
  const g = new Float64Array(dim * target);
  const scale = 1 / Math.sqrt(target);
  for (let i = 0; i < g.length; i++) g[i] = rng.normal() * scale;
  const out = new Float32Array(n * target);
  const acc = new Float64Array(target);
  for (let i = 0; i < n; i++) {
    acc.fill(0);
    for (let d = 0; d < dim; d++) {
      const x = points[i * dim + d];
      if (x === 0) continue; // pixels are often zero
      const row = d * target;
      for (let t = 0; t < target; t++) acc[t] += x * g[row + t];
    }
    out.set(acc, i * target);
  }
  return out;
}

/** Insert (j, dist) into row i's ascending list of length k if it beats the current worst. */
function offer(indices: Int32Array, distances: Float64Array, k: number, i: number, j: number, dist: number): void {
  const base = i * k;
  if (dist >= distances[base + k - 1]) return;
  let p = base + k - 1;
  while (p > base && distances[p - 1] > dist) {
    distances[p] = distances[p - 1];
    indices[p] = indices[p - 1];
    p--;
  }
  distances[p] = dist;
  indices[p] = j;
}

/** Exact kNN on points (n × dim); k is clamped to n − 1. Distances are Euclidean (not squared). */
export function exactKnn(points: Float32Array, n: number, dim: number, k: number): Knn {
  k = Math.max(0, Math.min(k, n - 1));
  const indices = new Int32Array(n * k).fill(-1);
  const distances = new Float64Array(n * k).fill(Infinity);
  if (k === 0) return { k, indices, distances };
  for (let i = 0; i < n; i++) {
    const oi = i * dim;
    for (let j = i + 1; j < n; j++) {
      const oj = j * dim;
      let s = 0;
      for (let d = 0; d < dim; d++) {
        const diff = points[oi + d] - points[oj + d];
        s += diff * diff;
      }
      offer(indices, distances, k, i, j, s);
      offer(indices, distances, k, j, i, s);
    }
  }
  for (let i = 0; i < distances.length; i++) distances[i] = Math.sqrt(distances[i]);
  return { k, indices, distances };
}

/** kNN used by UMAP: exact, after a random projection when the input is wide. */
export function nearestNeighbors(points: Float32Array, n: number, dim: number, k: number, rng: Rng): Knn {
  if (dim <= KNN_MAX_DIM) return exactKnn(points, n, dim, k);
  return exactKnn(randomProject(points, n, dim, KNN_MAX_DIM, rng), n, KNN_MAX_DIM, k);
}
