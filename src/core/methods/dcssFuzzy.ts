/**
 * The fuzzy-c-means side of DCSS phase 1 (Sadeghi & Armanfard, "Deep Clustering with
 * Self-Supervision using Pairwise Similarities", §3.1):
 *   membership  u_ik = ‖z_i − μ_k‖^(−2/(m−1)) / Σ_j ‖z_i − μ_j‖^(−2/(m−1))      (fuzzy c-means)
 *   centre      μ_k  = Σ_i u_ik^m z_i / Σ_i u_ik^m                            (refreshed every T₁ epochs)
 * with the fuzzifier m > 1 (paper: 1.5); as m → 1 the memberships become the one-hot nearest centre.
 */
import * as tf from '@tensorflow/tfjs';
import { mapRows } from '../nn/autoencoder';
import type { ParamSpec } from './types';

/** The fuzzifier m, shared by DCSS and "X + MNet" (whose first pairs use these memberships). */
export const FUZZIFIER_PARAM = {
  key: 'm',
  label: 'Fuzzifier m',
  help: 'Fuzzy c-means exponent of the memberships around the centres; near 1 is hard k-means (paper: 1.5).',
  kind: 'float',
  default: 1.5,
  min: 1.01,
  max: 5,
} as const satisfies ParamSpec;

/** Squared distances rows × k, by broadcasting (exact; no transposed matMul in a gradient). */
export function sqDistances(z: tf.Tensor2D, mu: tf.Tensor): tf.Tensor2D {
  return tf.tidy(() => tf.sum(tf.square(tf.sub(tf.expandDims(z, 1), tf.expandDims(mu, 0))), 2) as tf.Tensor2D);
}

/**
 * Fuzzy memberships u (rows × k, rows sum to 1). Computed as softmax(−log d² / (m − 1)), the same
 * ratio of powers, but finite when m is close to 1 or a point sits on a centre.
 */
export function fuzzyMemberships(z: tf.Tensor2D, mu: tf.Tensor, m: number): tf.Tensor2D {
  if (!(m > 1)) throw new Error(`DCSS: the fuzzifier m must be > 1, got ${m}`);
  return tf.tidy(() => tf.softmax(tf.div(tf.log(tf.add(sqDistances(z, mu), 1e-12)), -(m - 1))) as tf.Tensor2D);
}

/**
 * One centre refresh on all points: memberships from the current centres, then the u^m-weighted
 * mean of the embeddings (the authors' update_cluster_centers). Returns new centres k × e.
 */
export function weightedCentres(x: tf.Tensor2D, encode: (rows: tf.Tensor2D) => tf.Tensor2D, mu: tf.Tensor, m: number, chunk = 2048): tf.Tensor2D {
  return tf.tidy(() => {
    const n = x.shape[0];
    let num: tf.Tensor = tf.zeros(mu.shape);
    let den: tf.Tensor = tf.zeros([mu.shape[0], 1]);
    for (let start = 0; start < n; start += chunk) {
      const rows = tf.slice(x, [start, 0], [Math.min(chunk, n - start), -1]);
      const z = mapRows(rows, encode);
      const w = tf.pow(fuzzyMemberships(z, mu, m), m); // rows × k
      const wT = tf.transpose(w);
      num = tf.add(num, tf.matMul(wT, z));
      den = tf.add(den, tf.sum(wT, 1, true));
    }
    return tf.div(num, tf.maximum(den, 1e-12)) as tf.Tensor2D;
  });
}
