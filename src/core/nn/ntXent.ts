/**
 * NT-Xent, the normalised temperature-scaled cross-entropy of SimCLR (Chen et al., ICML 2020,
 * Eq. 1): for 2N rows made of two views a_i, b_i of N samples,
 *   ℓ(i, j) = −log exp(sim(z_i, z_j)/τ) / Σ_{k ≠ i} exp(sim(z_i, z_k)/τ),   sim = cosine,
 * averaged over all 2N positive pairs (i, j) = (a_i, b_i) and (b_i, a_i).
 * CC (Li et al., AAAI 2021) uses it twice: on the rows of the two views' features (instance
 * level, Eq. 2–3) and on the columns of their assignment matrices (cluster level, Eq. 5–6).
 */
import * as tf from '@tensorflow/tfjs';
import { l2Normalise } from './rows';

/**
 * G = Z Zᵀ with its gradient written out, dZ = (dG + dGᵀ) Z. tfjs's own gradient of
 * matMul(z, transpose(z)) goes through transposed-matmul kernels that WASM runs ~10× slower
 * (see dense.ts): 200 ms against 17 ms for 512 × 64 rows here.
 */
const gram = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
  const [z, save] = args as [tf.Tensor2D, tf.GradSaveFunc];
  save([z]);
  const value: tf.Tensor = tf.matMul(z, tf.transpose(z));
  const gradFunc = (dy: tf.Tensor, saved: tf.Tensor[]): tf.Tensor => {
    const dg = dy as tf.Tensor2D;
    return tf.matMul(tf.add(dg, tf.transpose(dg)), saved[0] as tf.Tensor2D);
  };
  return { value, gradFunc };
}) as (z: tf.Tensor2D) => tf.Tensor2D;

/** Mean NT-Xent over the 2N positive pairs of views `a` and `b` (N × d each, row i ↔ row i). */
export function ntXent(a: tf.Tensor2D, b: tf.Tensor2D, temperature: number): tf.Scalar {
  return tf.tidy(() => {
    const n = a.shape[0];
    const z = tf.concat([a, b], 0);
    const zn = l2Normalise(z as tf.Tensor2D);
    const logits = tf.div(gram(zn), temperature) as tf.Tensor2D;
    // A row never competes with itself: a large negative on the diagonal.
    const masked = tf.sub(logits, tf.mul(tf.eye(2 * n), 1e9));
    const positives = tf.concat([tf.range(n, 2 * n, 1, 'int32'), tf.range(0, n, 1, 'int32')]);
    const targets = tf.oneHot(positives, 2 * n);
    return tf.losses.softmaxCrossEntropy(targets, masked) as tf.Scalar;
  });
}
