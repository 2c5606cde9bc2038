/**
 * k-means as DeepCluster runs it (Caron et al. 2018, §3.3 "Avoiding trivial solutions", faiss's
 * Clustering): a fixed number of Lloyd iterations, and an empty cluster is re-seeded by splitting
 * a big one — pick a non-empty cluster with probability ∝ (size − 1), give the empty cluster its
 * centroid scaled by (1 ± ε) and the donor the opposite (1 ∓ ε), per coordinate alternately,
 * so the next assignment divides the donor's points between the two.
 * Seeding is k-means++ (faiss samples k random points; ++ is steadier at small k). Per
 * iteration only k counts are read back (and the k × d centroids when one is empty).
 */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../rng';
import { kmeansPlusPlus } from './kmeansPlusPlus';
import { rowChunks } from './rowChunks';

/** faiss's perturbation of split centroids. */
const EPS = 1 / 1024;

export interface SplitKMeansOptions {
  k: number;
  rng: Rng;
  /** Lloyd iterations (faiss default, as in the authors' code: 20). */
  iterations?: number;
}

export interface SplitKMeansResult {
  /** k × d; the caller owns it. */
  centroids: tf.Tensor2D;
  labels: Int32Array;
  /** Empty clusters re-seeded by splitting, over all iterations. */
  splits: number;
}

/** Nearest centroid of every row. Distances up to ‖x‖², which does not change the argmin. */
function nearest(x: tf.Tensor2D, c: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => tf.argMin(tf.sub(tf.sum(tf.square(c), 1), tf.mul(tf.matMul(x, tf.transpose(c)), 2)), 1) as tf.Tensor1D);
}

/** Host-side split of every empty cluster (faiss's rule); mutates `cent` (k × d) and `counts`. */
export function splitEmpty(cent: Float32Array, counts: Float64Array, d: number, rng: Rng): number {
  const k = counts.length;
  const n = counts.reduce((s, c) => s + c, 0);
  let splits = 0;
  for (let j = 0; j < k; j++) {
    if (counts[j] > 0) continue;
    // Donor i with probability (n_i − 1)/(n − k): a singleton cannot be split.
    let i = 0;
    for (;;) {
      const u = rng.next() * Math.max(1, n - k);
      let acc = 0;
      for (i = 0; i < k - 1; i++) {
        acc += Math.max(0, counts[i] - 1);
        if (u < acc) break;
      }
      if (counts[i] > 1 || n <= k) break;
    }
    for (let t = 0; t < d; t++) {
      const s = t % 2 === 0 ? EPS : -EPS;
      cent[j * d + t] = cent[i * d + t] * (1 + s);
      cent[i * d + t] *= 1 - s;
    }
    counts[j] = Math.floor(counts[i] / 2);
    counts[i] -= counts[j];
    splits++;
  }
  return splits;
}

export async function kmeansSplit(x: tf.Tensor2D, o: SplitKMeansOptions): Promise<SplitKMeansResult> {
  const { k, rng } = o;
  const [n, d] = x.shape;
  if (k < 1 || k > n) throw new Error(`k-means: k must be in [1, ${n}], got ${k}`);
  const data = await rowChunks(x, 16384);
  const [seeds] = await kmeansPlusPlus(x, data, k, 1, rng);
  data.dispose();
  let centroids = tf.tidy(() => tf.gather(x, tf.tensor1d(seeds, 'int32'))) as tf.Tensor2D;
  let splits = 0;
  for (let it = 0; it < (o.iterations ?? 20); it++) {
    const step = tf.tidy(() => {
      const oneHot = tf.oneHot(nearest(x, centroids), k).toFloat();
      const counts = tf.sum(oneHot, 0);
      const sums = tf.matMul(tf.transpose(oneHot), x);
      // An empty cluster keeps its centroid until it is split below.
      const next = tf.where(tf.greater(tf.expandDims(counts, 1), 0), tf.div(sums, tf.maximum(tf.expandDims(counts, 1), 1)), centroids);
      return { counts, next };
    });
    centroids.dispose();
    centroids = step.next as tf.Tensor2D;
    const counts = Float64Array.from(await step.counts.data());
    step.counts.dispose();
    if (counts.every((c) => c > 0)) continue;
    const host = Float32Array.from(await centroids.data());
    splits += splitEmpty(host, counts, d, rng);
    centroids.dispose();
    centroids = tf.tensor2d(host, [k, d]);
  }
  const lab = nearest(x, centroids);
  const labels = Int32Array.from((await lab.data()) as Int32Array);
  lab.dispose();
  return { centroids, labels, splits };
}
