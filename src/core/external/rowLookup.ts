/**
 * Which dataset row a row of pixels is, on the device: methods on frozen external features (CLIP)
 * are asked to `embed` and `assign` rows of pixels (a chunk of the data, the plot's sample), but
 * their features are indexed by row. Every row is keyed by two random projections; the first,
 * sorted, is searched (tf.searchSorted), and the second decides between the nearby candidates,
 * so two rows whose first keys tie are still told apart. Equal rows have equal features, so
 * finding any of a set of duplicates is right.
 */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../rng';

const OFFSETS = [-3, -2, -1, 0, 1, 2, 3];

export interface RowLookup {
  /** Row indices (int32) of `rows` in the data the lookup was built on. */
  indicesOf(rows: tf.Tensor2D): tf.Tensor1D;
  dispose(): void;
}

export async function createRowLookup(x: tf.Tensor2D, rng: Rng): Promise<RowLookup> {
  const [n, d] = x.shape;
  const projection = tf.tensor2d(Float32Array.from({ length: d * 2 }, () => rng.normal()), [d, 2]);
  const keys = tf.tidy(() => tf.matMul(x, projection));
  const host = (await keys.data()) as Float32Array;
  keys.dispose();
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => host[a * 2] - host[b * 2]);
  const first = tf.tensor1d(Float32Array.from(order, (i) => host[i * 2]));
  const second = tf.tensor1d(Float32Array.from(order, (i) => host[i * 2 + 1]));
  const rowOf = tf.tensor1d(order, 'int32');
  return {
    indicesOf: (rows) =>
      tf.tidy(() => {
        const q = tf.matMul(rows, projection);
        const q1 = tf.reshape(tf.slice(q, [0, 0], [-1, 1]), [-1]);
        const q2 = tf.reshape(tf.slice(q, [0, 1], [-1, 1]), [-1]);
        const pos = tf.reshape(tf.searchSorted(first, q1, 'left'), [-1]);
        // The match is at pos or near it (the keys' rounding differs between batches, more so on
        // WebGPU, and near-equal first keys do happen among 10,000 rows): take the closest of seven.
        const candidates = OFFSETS.map((o) => tf.minimum(tf.maximum(tf.add(pos, tf.scalar(o, 'int32')), tf.scalar(0, 'int32')), tf.scalar(n - 1, 'int32')));
        const distance = tf.stack(candidates.map((c) => tf.add(tf.abs(tf.sub(q1, tf.gather(first, c))), tf.abs(tf.sub(q2, tf.gather(second, c))))), 1);
        const best = tf.argMin(distance, 1);
        const picked = tf.sum(tf.mul(tf.stack(candidates, 1), tf.oneHot(best, OFFSETS.length, 1, 0, 'int32')), 1);
        return tf.gather(rowOf, picked) as tf.Tensor1D;
      }),
    dispose: () => tf.dispose([projection, first, second, rowOf]),
  };
}
