/**
 * The k nearest neighbours of every row by cosine similarity, mined on the device — the shared
 * piece of the neighbourhood prior (SCAN, NNM, GCC mine neighbours in a pretext embedding; SCAN's
 * authors use k = 20 and cosine, `utils/memory.py`). Rows are L2-normalised once; then each batch
 * of anchors takes one matrix product against all rows and a top-k, so memory stays
 * batch × n instead of n × n. The result is read back per batch (mining happens between phases,
 * never inside a training step).
 */
import * as tf from '@tensorflow/tfjs';
import { l2Normalise } from '../nn/rows';

export interface Neighbours {
  n: number;
  k: number;
  /** Row i's neighbours at [i·k, (i+1)·k), most similar first; never i itself. */
  indices: Int32Array;
}

export interface MineOptions {
  k: number;
  /** Anchors per matrix product; 1,024 keeps a 10,000-row product at 40 MB. */
  batchSize?: number;
}

export async function mineNeighbours(features: tf.Tensor2D, { k, batchSize = 1024 }: MineOptions): Promise<Neighbours> {
  const [n, d] = features.shape;
  if (!Number.isInteger(k) || k < 1 || k >= n) throw new Error(`k must be an integer from 1 to ${n - 1}, got ${k}`);
  // A zero row has no direction: ε keeps it finite (its similarities are all 0).
  const unit = l2Normalise(features);
  const indices = new Int32Array(n * k);
  try {
    for (let start = 0; start < n; start += batchSize) {
      const size = Math.min(batchSize, n - start);
      // k + 1: the anchor is (almost always) its own best match and is dropped below.
      const top = tf.tidy(() => tf.topk(tf.matMul(tf.slice(unit, [start, 0], [size, d]), unit, false, true), k + 1).indices);
      const found = (await top.data()) as Int32Array;
      top.dispose();
      for (let r = 0; r < size; r++) {
        const self = start + r;
        let out = self * k;
        // Exact duplicates tie with the anchor and may come first: skip the anchor wherever it is.
        for (let j = 0; j <= k && out < (self + 1) * k; j++) {
          const m = found[r * (k + 1) + j];
          if (m !== self) indices[out++] = m;
        }
      }
    }
  } finally {
    unit.dispose();
  }
  return { n, k, indices };
}

/**
 * The share of mined neighbours with their anchor's label: the number SCAN's paper (Fig. 2) uses
 * to explain why its loss works — when it is high, "agree with your neighbours" is a good prior.
 */
export function neighbourAccuracy({ n, k, indices }: Neighbours, labels: ArrayLike<number>): number {
  if (labels.length !== n) throw new Error(`${labels.length} labels for ${n} rows`);
  let same = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) if (labels[indices[i * k + j]] === labels[i]) same++;
  return same / (n * k);
}
