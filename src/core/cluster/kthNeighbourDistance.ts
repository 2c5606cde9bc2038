/**
 * Euclidean distance from every row to its r-th nearest other row, on the device — IMSAT's
 * per-sample VAT radius (Hu et al. 2017: ε_i = α · σ_t(x_i), the distance to the t-th
 * neighbour in the raw input). knn.ts mines cosine neighbours; this needs plain distances and only
 * their value.
 *
 * ‖a − b‖² = ‖a‖² + ‖b‖² − 2 a·b per block of anchors × candidates; the r + 1 smallest of each
 * block (the anchor itself is one of them, at distance 0) are merged block by block, so memory
 * stays anchors × candidates. Candidate blocks are transposed once (matMul with a transpose flag is
 * ~10× slower on WASM).
 */
import * as tf from '@tensorflow/tfjs';

export interface KthNeighbourOptions {
  /** Which neighbour: 1 = the nearest other row. Clamped to n − 1. */
  rank: number;
  /** Anchors per block (default 1,024). */
  anchorBlock?: number;
  /** Candidates per block (default 4,096). */
  candidateBlock?: number;
}

/** Distances (n) as a tensor the caller owns. Yields to the event loop between anchor blocks. */
export async function kthNeighbourDistance(x: tf.Tensor2D, { rank, anchorBlock = 1024, candidateBlock = 4096 }: KthNeighbourOptions): Promise<tf.Tensor1D> {
  const [n, d] = x.shape;
  if (n < 2) throw new Error('a neighbour distance needs at least two rows');
  const r = Math.max(1, Math.min(Math.floor(rank), n - 1));
  const sqNorms = tf.tidy(() => tf.sum(tf.square(x), 1)) as tf.Tensor1D;
  const candidates: { start: number; size: number; t: tf.Tensor2D; sq: tf.Tensor2D }[] = [];
  for (let start = 0; start < n; start += candidateBlock) {
    const size = Math.min(candidateBlock, n - start);
    candidates.push({
      start,
      size,
      t: tf.tidy(() => tf.transpose(tf.slice(x, [start, 0], [size, d])) as tf.Tensor2D),
      sq: tf.tidy(() => tf.expandDims(tf.slice(sqNorms, [start], [size]), 0) as tf.Tensor2D),
    });
  }
  const parts: tf.Tensor1D[] = [];
  try {
    for (let start = 0; start < n; start += anchorBlock) {
      const size = Math.min(anchorBlock, n - start);
      parts.push(
        tf.tidy(() => {
          const anchors = tf.slice(x, [start, 0], [size, d]) as tf.Tensor2D;
          const anchorSq = tf.expandDims(tf.slice(sqNorms, [start], [size]), 1);
          // Negated squared distances of the r + 1 nearest rows seen so far (largest = nearest).
          let best: tf.Tensor2D | null = null;
          for (const c of candidates) {
            const sq = tf.relu(tf.sub(tf.add(anchorSq, c.sq), tf.mul(tf.matMul(anchors, c.t), 2)));
            const kBlock = Math.min(r + 1, c.size);
            const top = tf.topk(tf.neg(sq), kBlock).values as tf.Tensor2D;
            const merged: tf.Tensor2D = best ? (tf.concat([best, top], 1) as tf.Tensor2D) : top;
            best = merged.shape[1] > r + 1 ? (tf.topk(merged, r + 1).values as tf.Tensor2D) : merged;
          }
          // Column r of the r + 1 nearest (the anchor first, at 0) is the r-th other row.
          const kth = tf.squeeze(tf.slice(best as tf.Tensor2D, [0, r], [size, 1]), [1]);
          return tf.sqrt(tf.neg(kth)) as tf.Tensor1D;
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    return parts.length === 1 ? parts[0] : (tf.concat(parts, 0) as tf.Tensor1D);
  } finally {
    if (parts.length > 1) tf.dispose(parts);
    sqNorms.dispose();
    candidates.forEach((c) => tf.dispose([c.t, c.sq]));
  }
}
