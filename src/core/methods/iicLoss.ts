/**
 * The IIC objective (Ji, Henriques & Vedaldi, ICCV 2019, §3.1):
 *   Eq. 3  P = (1/n) Σᵢ Φ(xᵢ) · Φ(x′ᵢ)ᵀ, symmetrised (P + Pᵀ)/2 — the joint distribution of the
 *          cluster of a point and the cluster of its augmented view (k × k);
 *   Eq. 2  I(z, z′) = Σ_cc′ P_cc′ · log(P_cc′ / (P_c · P_c′)),  P_c, P_c′ its marginals;
 *   Eq. 1  maximise I, i.e. minimise −I.
 * The authors' code (xu-ji/IIC, IID_losses.py) weights the marginals' terms by λ ('lamb'):
 *   L = −Σ P_cc′ (log P_cc′ − λ log P_c − λ log P_c′);  λ = 1 is −I exactly, λ > 1 rewards
 * balanced clusters more (their MNIST runs use λ = 1). As there, probabilities below the machine
 * epsilon are raised to it before the logarithms, which only touches terms that P makes negligible.
 */
import * as tf from '@tensorflow/tfjs';

/** Python's sys.float_info.epsilon, the authors' floor (representable in float32). */
const EPS = 2.220446049250313e-16;

/** The symmetrised, normalised joint P (Eq. 3) of two views' soft assignments (n × k each). */
export function iicJoint(a: tf.Tensor2D, b: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    // Explicit transpose: WASM's transposed-matmul path is slow (see nn/matMulGradient.ts).
    const p = tf.matMul(tf.transpose(a), b);
    const sym = tf.div(tf.add(p, tf.transpose(p)), 2);
    return tf.div(sym, tf.sum(sym)) as tf.Tensor2D;
  });
}

/** −I(z, z′) with the marginals weighted by λ (Eq. 1–3; λ = 1 is the paper's objective). */
export function iicLoss(a: tf.Tensor2D, b: tf.Tensor2D, lambda = 1): tf.Scalar {
  return tf.tidy(() => {
    const p = iicJoint(a, b);
    const pi = tf.maximum(tf.sum(p, 1, true), EPS); // k × 1: row marginals
    const pj = tf.maximum(tf.sum(p, 0, true), EPS); // 1 × k: column marginals
    const pij = tf.maximum(p, EPS);
    const logRatio = tf.sub(tf.log(pij), tf.mul(tf.add(tf.log(pi), tf.log(pj)), lambda));
    return tf.neg(tf.sum(tf.mul(pij, logRatio))) as tf.Scalar;
  });
}
