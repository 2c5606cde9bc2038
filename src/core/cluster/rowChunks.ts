/**
 * The data matrix as row chunks, plus what every k-means distance computation needs: the column
 * mean and each row's squared norm about it.
 *
 * Distances are ‖x − c‖² = ‖x'‖² − 2x'·c' + ‖c'‖² with x' = x − mean, c' = c − mean (as
 * scikit-learn centres the data), so a large common offset does not eat float32 precision. The
 * centred rows are never materialised (a copy of the data costs memory and ~40 ms per pass over
 * MNIST): x'·c' = x·c' − mean·c', with c' small.
 */
import * as tf from '@tensorflow/tfjs';

export interface RowChunks {
  n: number;
  d: number;
  /** 1 × d column mean. */
  mean: tf.Tensor2D;
  /** Per chunk: first row and row count. */
  ranges: { start: number; size: number }[];
  /** Per chunk: ‖x_i − mean‖², one value per row. */
  sqNorms: tf.Tensor1D[];
  /** Mean per-feature variance of the data (scikit-learn scales k-means's tol by it). */
  meanVariance: number;
  /** The rows of chunk `i` (the data itself when there is one chunk); call inside tf.tidy. */
  rows(i: number): tf.Tensor2D;
  dispose(): void;
}

export async function rowChunks(x: tf.Tensor2D, chunkSize: number): Promise<RowChunks> {
  const [n, d] = x.shape;
  const ranges: { start: number; size: number }[] = [];
  for (let start = 0; start < n; start += chunkSize) ranges.push({ start, size: Math.min(chunkSize, n - start) });
  const rows = (i: number): tf.Tensor2D =>
    ranges.length === 1 ? x : tf.slice(x, [ranges[i].start, 0], [ranges[i].size, d]);
  const mean = tf.tidy(() => tf.div(tf.addN(ranges.map((_, i) => tf.sum(rows(i), 0, true))), n)) as tf.Tensor2D;
  const sqNorms = ranges.map((_, i) => tf.tidy(() => tf.sum(tf.square(tf.sub(rows(i), mean)), 1)) as tf.Tensor1D);
  const total = tf.tidy(() => tf.addN(sqNorms.map((s) => tf.sum(s))));
  const [sumSq] = await total.data();
  total.dispose();
  return {
    n,
    d,
    mean,
    ranges,
    sqNorms,
    meanVariance: sumSq / (n * d),
    rows,
    dispose: () => {
      mean.dispose();
      sqNorms.forEach((s) => s.dispose());
    },
  };
}

/** Precomputed per set of centred centres c' (m × d): c'ᵀ, ‖c'‖² and mean·c'ᵀ. */
export interface CentreTerms {
  cT: tf.Tensor2D;
  cSq: tf.Tensor1D;
  meanDotC: tf.Tensor2D;
}

/**
 * c'ᵀ is materialised once because matMul with a transpose flag is ~10× slower on the WASM
 * backend. Call inside tf.tidy.
 */
export function centreTerms(data: RowChunks, centred: tf.Tensor2D): CentreTerms {
  const cT = tf.transpose(centred) as tf.Tensor2D;
  return { cT, cSq: tf.sum(tf.square(centred), 1) as tf.Tensor1D, meanDotC: tf.matMul(data.mean, cT) };
}

/** Squared distances (rows of chunk i) × m, clamped at 0. Call inside tf.tidy. */
export function sqDistances(data: RowChunks, i: number, t: CentreTerms): tf.Tensor2D {
  const cross = tf.sub(tf.matMul(data.rows(i), t.cT), t.meanDotC);
  return tf.relu(tf.add(tf.sub(tf.expandDims(data.sqNorms[i], 1), tf.mul(cross, 2)), tf.expandDims(t.cSq, 0))) as tf.Tensor2D;
}

/** Distances (n × m) from every row to the centred points `centred` (m × d), over all chunks. */
export function allDistances(data: RowChunks, centred: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const t = centreTerms(data, centred);
    const parts = data.ranges.map((_, i) => sqDistances(data, i, t));
    return parts.length === 1 ? parts[0] : (tf.concat(parts, 0) as tf.Tensor2D);
  });
}
