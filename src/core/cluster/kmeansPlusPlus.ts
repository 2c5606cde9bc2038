/**
 * Greedy k-means++ seeding (Arthur & Vassilvitskii 2007, greedy variant as in scikit-learn): each
 * new centre is the best of 2 + ⌊ln k⌋ candidates drawn with probability ∝ D(x)², where "best"
 * means the lowest resulting potential Σᵢ min_c ‖xᵢ − c‖².
 *
 * Runs R independent seedings in lockstep so that every distance computation is one wide matrix
 * product; it reads back D(x)² (n × R) once per centre, never per point.
 */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../rng';
import { allDistances, type RowChunks } from './rowChunks';

/** Index of the first cumulative sum ≥ u (numpy's searchsorted, side 'left'), clipped to n − 1. */
function searchSorted(cum: Float64Array, u: number): number {
  let lo = 0;
  let hi = cum.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cum[mid] < u) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo, cum.length - 1);
}

/**
 * Row indices of k seeds for each of `runs` restarts: result[r] has k indices into the data.
 * `x` is the uncentred data (seeds are gathered from it); distances use the centred chunks.
 */
export async function kmeansPlusPlus(
  x: tf.Tensor2D,
  data: RowChunks,
  k: number,
  runs: number,
  rng: Rng,
): Promise<Int32Array[]> {
  const n = data.n;
  const trials = 2 + Math.floor(Math.log(k));
  const seeds = Array.from({ length: runs }, () => new Int32Array(k));
  for (let r = 0; r < runs; r++) seeds[r][0] = rng.int(n);

  const gatherCentred = (ids: number[]): tf.Tensor2D =>
    tf.tidy(() => tf.sub(tf.gather(x, tf.tensor1d(ids, 'int32')), data.mean));
  // closest: n × runs, D(x)² to the nearest chosen seed of each run.
  let closest = tf.tidy(() => allDistances(data, gatherCentred(seeds.map((s) => s[0]))));
  let closestHost = (await closest.data()) as Float32Array;
  const cum = new Float64Array(n);

  for (let c = 1; c < k; c++) {
    const candidates: number[] = [];
    for (let r = 0; r < runs; r++) {
      let acc = 0;
      for (let i = 0; i < n; i++) {
        acc += closestHost[i * runs + r];
        cum[i] = acc;
      }
      for (let t = 0; t < trials; t++) candidates.push(searchSorted(cum, rng.next() * acc));
    }
    const next = tf.tidy(() => {
      const dCand = tf.reshape(allDistances(data, gatherCentred(candidates)), [n, runs, trials]);
      const dNew = tf.minimum(dCand, tf.expandDims(closest, 2));
      const best = tf.argMin(tf.sum(dNew, 0), 1) as tf.Tensor1D; // runs
      const pick = tf.oneHot(best, trials); // runs × trials
      const updated = tf.sum(tf.mul(dNew, tf.expandDims(pick, 0)), 2) as tf.Tensor2D;
      return { best, updated };
    });
    closest.dispose();
    closest = next.updated;
    const [bestHost, host] = await Promise.all([next.best.data(), closest.data()]);
    next.best.dispose();
    closestHost = host as Float32Array;
    for (let r = 0; r < runs; r++) seeds[r][c] = candidates[r * trials + bestHost[r]];
  }
  closest.dispose();
  return seeds;
}
