/**
 * NT-Xent, the normalised temperature-scaled cross-entropy of SimCLR (Chen et al., ICML 2020,
 * Eq. 1): for 2N rows made of two views a_i, b_i of N samples,
 *   ℓ(i, j) = −log exp(sim(z_i, z_j)/τ) / Σ_{k ≠ i} exp(sim(z_i, z_k)/τ),   sim = cosine,
 * averaged over all 2N positive pairs (i, j) = (a_i, b_i) and (b_i, a_i).
 * CC (Li et al., AAAI 2021) uses it twice: on the rows of the two views' features (instance
 * level, Eq. 2–3) and on the columns of their assignment matrices (cluster level, Eq. 5–6).
 */
import * as tf from '@tensorflow/tfjs';

/** Mean NT-Xent over the 2N positive pairs of views `a` and `b` (N × d each, row i ↔ row i). */
export function ntXent(a: tf.Tensor2D, b: tf.Tensor2D, temperature: number): tf.Scalar {
  return tf.tidy(() => {
    const n = a.shape[0];
    const z = tf.concat([a, b], 0);
    const zn = tf.div(z, tf.add(tf.norm(z, 'euclidean', 1, true), 1e-12)) as tf.Tensor2D;
    // Explicit transpose: WASM's transposed-matmul path is slow (see nn/dense.ts).
    const logits = tf.div(tf.matMul(zn, tf.transpose(zn)), temperature) as tf.Tensor2D;
    // A row never competes with itself: a large negative on the diagonal.
    const masked = tf.sub(logits, tf.mul(tf.eye(2 * n), 1e9));
    const positives = tf.concat([tf.range(n, 2 * n, 1, 'int32'), tf.range(0, n, 1, 'int32')]);
    const targets = tf.oneHot(positives, 2 * n);
    return tf.losses.softmaxCrossEntropy(targets, masked) as tf.Scalar;
  });
}
