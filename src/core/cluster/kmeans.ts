/**
 * k-means (Lloyd) with greedy k-means++ seeding and restarts, on a device-resident n × d tensor —
 * the same algorithm and stopping rules as scikit-learn's KMeans(algorithm='lloyd'):
 *  - converged when the labels no longer change, or when the total squared centre shift is
 *    ≤ tol · (mean per-feature variance of the data); at most maxIter iterations;
 *  - an empty cluster is re-seeded with the point farthest from its centre;
 *  - of nInit restarts, the one with the lowest inertia Σᵢ ‖xᵢ − μ_c(i)‖² wins.
 * Restarts run in lockstep (one wide matrix product per iteration instead of nInit narrow ones);
 * a restart leaves the batch once converged. Per iteration it reads back the labels (n per
 * restart) and one number per restart: the M-step then sums rows with a sorted segment sum, ~3×
 * cheaper than a one-hot matrix product.
 */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../rng';
import { groupByCluster, keepColumns, labelMoves, sameColumns, type Groups } from './hostLabels';
import { kmeansPlusPlus } from './kmeansPlusPlus';
import { centreTerms, rowChunks, sqDistances, type RowChunks } from './rowChunks';

export interface KMeansOptions {
  k: number;
  rng: Rng;
  /** Restarts, keeping the lowest inertia (scikit-learn's n_init). Default 10. */
  nInit?: number;
  /** Default 300, as scikit-learn. */
  maxIter?: number;
  /** Relative to the data's mean variance, as scikit-learn. Default 1e-4. */
  tol?: number;
  /** Rows per distance computation; bounds memory for large n. Default 16384. */
  chunkSize?: number;
}

export interface KMeansResult {
  /** k × d; the caller owns it. */
  centroids: tf.Tensor2D;
  labels: Int32Array;
  inertia: number;
  /** Lloyd iterations of the winning restart. */
  iterations: number;
}

/** E-step for m runs at once (centred centres, (m·k) × d): labels and distance, both n × m. */
function assign(data: RowChunks, centres: tf.Tensor2D, k: number): { labels: tf.Tensor2D; minDist: tf.Tensor2D } {
  return tf.tidy(() => {
    const m = centres.shape[0] / k;
    const terms = centreTerms(data, centres);
    const labels: tf.Tensor[] = [];
    const minDist: tf.Tensor[] = [];
    data.ranges.forEach(({ size }, i) => {
      const dist = tf.reshape(sqDistances(data, i, terms), [size, m, k]);
      labels.push(tf.argMin(dist, 2));
      minDist.push(tf.min(dist, 2));
    });
    const cat = (ts: tf.Tensor[]): tf.Tensor2D => (ts.length === 1 ? ts[0] : tf.concat(ts, 0)) as tf.Tensor2D;
    return { labels: cat(labels), minDist: cat(minDist) };
  });
}

/** Σ of the rows `g.order`, per segment, as (rows × d) — zero rows for empty trailing segments. */
function segmentSums(x: tf.Tensor2D, g: Pick<Groups, 'order' | 'segments'>, rows: number): tf.Tensor2D {
  return tf.tidy(() => {
    const d = x.shape[1];
    if (g.order.length === 0) return tf.zeros([rows, d]) as tf.Tensor2D;
    const sums = tf.sparse.sparseSegmentSum(x, tf.tensor1d(g.order, 'int32'), tf.tensor1d(g.segments, 'int32'));
    // The segment sum stops at the last non-empty segment.
    return (sums.shape[0] < rows ? tf.concat([sums, tf.zeros([rows - sums.shape[0], d])]) : sums) as tf.Tensor2D;
  });
}

/** M-step: each centre becomes the mean of its points; an empty cluster keeps its old centre. */
function updateCentres(data: RowChunks, centres: tf.Tensor2D, sums: tf.Tensor2D, counts: Int32Array): tf.Tensor2D {
  return tf.tidy(() => {
    const cnt = tf.tensor2d(counts, [counts.length, 1], 'float32');
    const means = tf.sub(tf.div(sums, tf.maximum(cnt, 1)), data.mean);
    return tf.where(tf.greater(cnt, 0), means, centres) as tf.Tensor2D;
  });
}

/** Replace the centres of empty clusters by the points farthest from their own centres. */
async function reseedEmpty(x: tf.Tensor2D, data: RowChunks, centres: tf.Tensor2D, minDist: tf.Tensor2D, counts: Int32Array, k: number): Promise<tf.Tensor2D> {
  const m = centres.shape[0] / k;
  const dist = (await minDist.data()) as Float32Array;
  const source = new Int32Array(m * k).fill(-1);
  for (let r = 0; r < m; r++) {
    const empty: number[] = [];
    for (let j = 0; j < k; j++) if (counts[r * k + j] === 0) empty.push(r * k + j);
    if (empty.length === 0) continue;
    const order = Array.from({ length: data.n }, (_, i) => i).sort((p, q) => dist[q * m + r] - dist[p * m + r]);
    empty.forEach((row, e) => (source[row] = order[e]));
  }
  return tf.tidy(() => {
    const points = tf.sub(tf.gather(x, tf.tensor1d(Array.from(source, (s) => Math.max(s, 0)), 'int32')), data.mean);
    const mask = tf.expandDims(tf.tensor1d(Array.from(source, (s) => (s >= 0 ? 1 : 0)), 'bool'), 1);
    return tf.where(mask, points, centres) as tf.Tensor2D;
  });
}

export async function kmeans(x: tf.Tensor2D, options: KMeansOptions): Promise<KMeansResult> {
  const { k, rng } = options;
  const nInit = options.nInit ?? 10;
  const maxIter = options.maxIter ?? 300;
  const [n, d] = x.shape;
  if (k < 1 || k > n) throw new Error(`k-means: k must be in [1, ${n}], got ${k}`);
  const data = await rowChunks(x, options.chunkSize ?? 16384);
  const tolAbs = (options.tol ?? 1e-4) * data.meanVariance;

  const seeds = await kmeansPlusPlus(x, data, k, nInit, rng);
  const seedRows = tf.tensor1d(seeds.flatMap((s) => Array.from(s)), 'int32');
  let centres = tf.tidy(() => tf.sub(tf.gather(x, seedRows), data.mean)) as tf.Tensor2D;
  seedRows.dispose();
  let active = Array.from({ length: nInit }, (_, r) => r);
  // Cluster sums follow the labels: computed in full once, then updated by the points that moved
  // (after a few iterations only a handful move, so the M-step becomes almost free).
  let sums: tf.Tensor2D | null = null;
  let prevLabels: Int32Array | null = null; // n × active, as read back
  const finalCentres: tf.Tensor2D[] = new Array(nInit);
  const iterations = new Int32Array(nInit);

  for (let it = 1; active.length > 0; it++) {
    const m = active.length;
    const a = assign(data, centres, k);
    const labels = (await a.labels.data()) as Int32Array;
    a.labels.dispose();
    const groups = groupByCluster(labels, n, m, k);
    if (sums === null || prevLabels === null) sums = segmentSums(x, groups, m * k);
    else {
      const moves = labelMoves(prevLabels, labels, n, m, k);
      const [joined, left] = [segmentSums(x, moves.joined, m * k), segmentSums(x, moves.left, m * k)];
      const updated = tf.tidy(() => tf.sub(tf.add(sums!, joined), left)) as tf.Tensor2D;
      tf.dispose([sums, joined, left]);
      sums = updated;
    }
    let next = updateCentres(data, centres, sums, groups.counts);
    if (groups.counts.some((c) => c === 0)) {
      const reseeded = await reseedEmpty(x, data, next, a.minDist, groups.counts, k);
      next.dispose();
      next = reseeded;
    }
    a.minDist.dispose();
    const shiftT = tf.tidy(() => tf.sum(tf.reshape(tf.squaredDifference(next, centres), [m, k * d]), 1));
    const shift = (await shiftT.data()) as Float32Array;
    shiftT.dispose();
    centres.dispose();
    centres = next;

    // A run is done when its labels did not change (then its centres are exactly their means), or
    // its centres barely moved, or it ran out of iterations — scikit-learn's rules.
    const keep: number[] = [];
    const unchanged = prevLabels === null ? new Array(m).fill(false) : sameColumns(prevLabels, labels, n, m);
    prevLabels = labels;
    active.forEach((run, j) => {
      if (unchanged[j] || shift[j] <= tolAbs || it >= maxIter) {
        iterations[run] = it;
        finalCentres[run] = tf.slice(centres, [j * k, 0], [k, d]);
      } else keep.push(j);
    });
    if (keep.length < m) {
      const rows = keep.flatMap((j) => Array.from({ length: k }, (_, c) => j * k + c));
      const [c2, s2] = tf.tidy(() => (rows.length > 0 ? [tf.gather(centres, rows), tf.gather(sums!, rows)] : [tf.zeros([0, d]), tf.zeros([0, d])]) as tf.Tensor2D[]);
      tf.dispose([centres, sums]);
      [centres, sums] = [c2, s2];
      prevLabels = keepColumns(prevLabels, n, m, keep);
      active = keep.map((j) => active[j]);
    }
  }
  tf.dispose([centres, sums!]);

  // Final E-step on every run's last centres: labels consistent with the centres, and inertia.
  const all = tf.concat(finalCentres, 0) as tf.Tensor2D;
  const fin = assign(data, all, k);
  const inertiaT = tf.tidy(() => tf.sum(fin.minDist, 0));
  const [inertias, finLabels] = await Promise.all([inertiaT.data(), fin.labels.data()]);
  tf.dispose([inertiaT, fin.labels, fin.minDist]);
  let best = 0;
  for (let r = 1; r < nInit; r++) if (inertias[r] < inertias[best]) best = r;
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) labels[i] = finLabels[i * nInit + best];
  const centroids = tf.tidy(() => tf.add(finalCentres[best], data.mean)) as tf.Tensor2D;
  tf.dispose([all, ...finalCentres]);
  data.dispose();
  return { centroids, labels, inertia: inertias[best], iterations: iterations[best] };
}

/** Each row's nearest centre as a one-hot row (r × k): the hard "soft assignment" of k-means. */
export function nearestCentreOneHot(x: tf.Tensor2D, centres: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    // ‖x − c‖² up to the per-row constant ‖x‖², which does not change the argmin.
    const score = tf.sub(tf.sum(tf.square(centres), 1), tf.mul(tf.matMul(x, centres, false, true), 2));
    return tf.oneHot(tf.argMin(score, 1), centres.shape[0]).toFloat() as tf.Tensor2D;
  });
}
