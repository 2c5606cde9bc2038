/**
 * DEC's clustering layer (Xie, Girshick & Farhadi, ICML 2016), shared by DEC, IDEC and the
 * AE + k-means baseline:
 *   Eq. 1  q_ij = (1 + ‖z_i − μ_j‖²/α)^(−(α+1)/2) / Σ_j' (1 + ‖z_i − μ_j'‖²/α)^(−(α+1)/2)
 *   Eq. 3  p_ij = (q_ij² / f_j) / Σ_j' (q_ij'² / f_j'),  f_j = Σ_i q_ij
 *   Eq. 2  L = KL(P ‖ Q) = Σ_i Σ_j p_ij log(p_ij / q_ij)
 */
import * as tf from '@tensorflow/tfjs';

/**
 * Student-t soft assignment (Eq. 1), rows × k. Squared distances by broadcasting rather than
 * ‖z‖² − 2z·μᵀ + ‖μ‖²: exact, and its gradient needs no transposed matMul (slow on WASM).
 */
export function softAssign(z: tf.Tensor2D, mu: tf.Tensor2D, alpha: number): tf.Tensor2D {
  return tf.tidy(() => {
    const d2 = tf.sum(tf.square(tf.sub(tf.expandDims(z, 1), tf.expandDims(mu, 0))), 2);
    const kernel = tf.pow(tf.add(1, tf.div(d2, alpha)), -(alpha + 1) / 2);
    return tf.div(kernel, tf.sum(kernel, 1, true)) as tf.Tensor2D;
  });
}

/** The sharpened target distribution P (Eq. 3); computed on all points, then held fixed. */
export function targetDistribution(q: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const weight = tf.div(tf.square(q), tf.sum(q, 0, true));
    return tf.div(weight, tf.sum(weight, 1, true)) as tf.Tensor2D;
  });
}

/**
 * KL(P ‖ Q) of a batch (Eq. 2), divided by the number of rows — PyTorch's reduction='batchmean',
 * which the DEC reference uses. Entries with p = 0 contribute 0.
 */
export function klDivergence(p: tf.Tensor2D, q: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => {
    const tiny = 1e-12;
    const terms = tf.mul(p, tf.sub(tf.log(tf.maximum(p, tiny)), tf.log(tf.maximum(q, tiny))));
    return tf.div(tf.sum(terms), p.shape[0]) as tf.Scalar;
  });
}
