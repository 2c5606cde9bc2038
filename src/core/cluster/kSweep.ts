/**
 * "Which k?" for unlabeled data: k-means of the learned embedding for each k of a range, scored by
 * the label-free metrics (silhouette, Davies–Bouldin, Calinski–Harabasz, size entropy). Clustering
 * and DB / CH use every given point; silhouette (O(n²)) uses at most SILHOUETTE_POINTS of them — a
 * seeded subset, the same for every k, so the curve compares like with like (scikit-learn's
 * silhouette_score(sample_size=…)). Each k has its own seed derived from (seed, k), so a k's row does
 * not depend on which other ks were swept.
 */
import { calinskiHarabasz, clusterSizeEntropy, daviesBouldin, silhouette } from '../metrics';
import { SILHOUETTE_POINTS } from '../engine/internalMetrics';
import { createRng, sampleIndices } from '../rng';
import { kmeans } from './hostKmeans';

export interface KSweepResult {
  k: number;
  /** On the silhouette subset; null where scikit-learn refuses it (fewer than 2 clusters there). */
  silhouette: number | null;
  /** Lower is better. */
  daviesBouldin: number;
  calinskiHarabasz: number;
  /** Entropy of the cluster sizes over ln k: 1 = k equal clusters. */
  sizeEntropy: number;
  /** k-means objective; always falls with k, so no guide to k by itself. */
  inertia: number;
}

/**
 * k-means seedings per k. One greedy k-means++ run, as scikit-learn's n_init='auto': it keeps a k
 * under ~30 ms on 5,000 × 10 points, where 3 runs took ~45 ms and smoothed the silhouette curve
 * only from ±0.02 to ±0.01 on heavily overlapping clusters (identical on separated ones).
 */
export const SWEEP_N_INIT = 1;

/** Largest k of the default range. */
export const SWEEP_MAX_K = 20;
/** Largest extra k (the run's k and its over-clustering 2k) added to the range. */
export const SWEEP_EXTRA_MAX_K = 40;

/**
 * The ks to sweep for n points: 2..min(20, n − 1), plus the run's k and 2k (over-clustering) when
 * they are ≤ 40 and < n; ascending, no repeats.
 */
export function sweepKs(n: number, runK: number | null): number[] {
  const ks = new Set<number>();
  for (let k = 2; k <= Math.min(SWEEP_MAX_K, n - 1); k++) ks.add(k);
  if (runK !== null) {
    for (const k of [runK, 2 * runK]) if (k >= 2 && k <= SWEEP_EXTRA_MAX_K && k <= n - 1) ks.add(k);
  }
  return [...ks].sort((a, b) => a - b);
}

/** What every k shares: the points, and the silhouette subset gathered once. */
export interface SweepInput {
  x: Float32Array;
  n: number;
  dim: number;
  seed: number;
  subset: Int32Array;
  subsetX: Float32Array;
}

export function prepareSweep(x: Float32Array, n: number, dim: number, seed: number): SweepInput {
  if (x.length !== n * dim) throw new RangeError(`kSweep: expected n * dim = ${n * dim} values, got ${x.length}`);
  const subset = sampleIndices(n, Math.min(n, SILHOUETTE_POINTS), createRng(seed));
  const subsetX = new Float32Array(subset.length * dim);
  for (let s = 0; s < subset.length; s++) subsetX.set(x.subarray(subset[s] * dim, (subset[s] + 1) * dim), s * dim);
  return { x, n, dim, seed, subset, subsetX };
}

/** One k: k-means (seeded by seed and k alone) and its scores. Requires 2 ≤ k ≤ n − 1. */
export function sweepOne(input: SweepInput, k: number): KSweepResult {
  const { x, n, dim, seed, subset, subsetX } = input;
  if (!Number.isInteger(k) || k < 2 || k > n - 1) throw new RangeError(`kSweep: k must be an integer in 2..${n - 1}, got ${k}`);
  const rng = createRng((Math.imul(seed >>> 0, 0x9e3779b1) + k) >>> 0);
  const { labels, inertia } = kmeans(x, n, dim, k, rng, { nInit: SWEEP_N_INIT });
  const subLabels = new Int32Array(subset.length);
  for (let s = 0; s < subset.length; s++) subLabels[s] = labels[subset[s]];
  let sil: number | null = null;
  // The subset may miss a cluster or, for tiny n, be one point per cluster: silhouette undefined.
  const present = new Set(subLabels).size;
  if (present >= 2 && present <= subset.length - 1) sil = silhouette(subsetX, subset.length, dim, subLabels);
  const sizes = clusterSizeEntropy(labels);
  return {
    k,
    silhouette: sil,
    daviesBouldin: daviesBouldin(x, n, dim, labels),
    calinskiHarabasz: calinskiHarabasz(x, n, dim, labels),
    // Over ln k, the clusters asked for, as the run's own size entropy.
    sizeEntropy: sizes.entropy / Math.log(k),
    inertia,
  };
}

/** Every k in `ks`, in order, at once (blocking). */
export function kSweep(x: Float32Array, n: number, dim: number, ks: readonly number[], seed: number): KSweepResult[] {
  const input = prepareSweep(x, n, dim, seed);
  return ks.map((k) => sweepOne(input, k));
}

const macrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The same sweep, yielding to the event loop before each k (one k takes tens of milliseconds) so a
 * page stays responsive and can stop it. `onResult` gets each k's row as it is done; `shouldStop`
 * is asked before each k. Resolves with the rows done; `stopped` tells whether it ended early.
 */
export async function kSweepAsync(
  x: Float32Array,
  n: number,
  dim: number,
  ks: readonly number[],
  seed: number,
  onResult: (result: KSweepResult, index: number) => void,
  shouldStop: () => boolean = () => false,
  pause: () => Promise<void> = macrotask,
): Promise<{ results: KSweepResult[]; stopped: boolean }> {
  const input = prepareSweep(x, n, dim, seed);
  const results: KSweepResult[] = [];
  for (let i = 0; i < ks.length; i++) {
    await pause();
    if (shouldStop()) return { results, stopped: true };
    const r = sweepOne(input, ks[i]);
    results.push(r);
    onResult(r, i);
  }
  return { results, stopped: false };
}

/**
 * The suggested k: the highest silhouette, ties to the smaller k; null when no k has one. Silhouette
 * is one heuristic among several: it favours compact, well-separated, convex clusters and can miss
 * nested or elongated structure — read it with the other curves and what the clusters look like.
 */
export function suggestK(results: readonly KSweepResult[]): KSweepResult | null {
  let best: KSweepResult | null = null;
  for (const r of results) {
    if (r.silhouette === null) continue;
    if (best === null || r.silhouette > best.silhouette! || (r.silhouette === best.silhouette && r.k < best.k)) best = r;
  }
  return best;
}
