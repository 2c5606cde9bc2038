/**
 * Hard assignment and confidence of every point, computed chunk by chunk on the device and read
 * back once: the metrics need all n labels, but never the n × k probabilities.
 */
import * as tf from '@tensorflow/tfjs';
import type { MethodRun } from '../methods/types';

/** Rows per forward pass: bounds peak memory of the n × k (and hidden-layer) activations. */
const CHUNK = 4096;

export interface Assignments {
  cluster: Int32Array;
  confidence: Float32Array;
}

/** null while the method has no clusters yet (run.assign returns null). */
export async function assignAll(run: MethodRun, x: tf.Tensor2D): Promise<Assignments | null> {
  const n = x.shape[0];
  const clusters: tf.Tensor1D[] = [];
  const confidences: tf.Tensor1D[] = [];
  for (let start = 0; start < n; start += CHUNK) {
    const pair = tf.tidy((): tf.Tensor1D[] => {
      const size = Math.min(CHUNK, n - start);
      const q = run.assign(tf.slice(x, [start, 0], [size, -1]), Int32Array.from({ length: size }, (_, i) => start + i));
      return q ? [tf.argMax(q, 1), tf.max(q, 1)] : [];
    });
    if (pair.length === 0) break;
    clusters.push(pair[0]);
    confidences.push(pair[1]);
  }
  if (clusters.length === 0) return null;
  const both = tf.tidy(() => [tf.concat(clusters), tf.concat(confidences)]);
  tf.dispose([...clusters, ...confidences]);
  try {
    const [c, p] = await Promise.all([both[0].data(), both[1].data()]);
    return { cluster: Int32Array.from(c), confidence: Float32Array.from(p) };
  } finally {
    tf.dispose(both);
  }
}
