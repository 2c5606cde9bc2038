/**
 * The two losses of Contrastive Clustering (Li, Hu, Liu, Peng, Zhou & Peng, AAAI 2021, §3):
 *   instance level, Eq. 2–3: NT-Xent over the rows z_a, z_b of the two views' projected features
 *                            (τ_I = 0.5);
 *   cluster level,  Eq. 5–6: NT-Xent over the *columns* of the two views' assignment matrices
 *                            Y_a, Y_b (B × M, softmax rows): column m of one view and column m of
 *                            the other are the positive pair, the other 2M − 2 columns the
 *                            negatives (τ_C = 1.0, cosine similarity);
 *                   Eq. 7:   minus the entropy of the cluster sizes of each view,
 *                            H(Y) = −Σ_m [P(y_m) log P(y_m) + P(y′_m) log P(y′_m)], P(y_m) = Σ_i Y_im / ‖Y‖₁,
 *                            which keeps every column in use (without it, one cluster takes all).
 *   Eq. 8   L = L_ins + L_clu.
 * As the authors' code (Yunfan-Li/Contrastive-Clustering, contrastive_loss.py ClusterLoss) the
 * entropy term is written log M − H per view — the same gradient, and 0 at perfect balance — so
 * every part of the loss stays ≥ 0 on the chart.
 */
import * as tf from '@tensorflow/tfjs';
import { ntXent } from '../nn/ntXent';

/** Cluster-level contrast (Eq. 5–6): NT-Xent on the columns, i.e. on the transposed matrices. */
export function clusterContrast(a: tf.Tensor2D, b: tf.Tensor2D, temperature: number): tf.Scalar {
  return tf.tidy(() => ntXent(tf.transpose(a), tf.transpose(b), temperature));
}

/** log M − H(P(y)) of one view's cluster sizes (≥ 0; 0 when all M clusters are equally used). */
export function sizeEntropyGap(y: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => {
    const m = y.shape[1];
    const sizes = tf.sum(y, 0);
    const p = tf.div(sizes, tf.sum(sizes));
    // p log p → 0 as p → 0; the floor only keeps the log finite.
    const entropy = tf.neg(tf.sum(tf.mul(p, tf.log(tf.maximum(p, 1e-12)))));
    return tf.sub(Math.log(m), entropy) as tf.Scalar;
  });
}

export interface ClusterLevelLoss {
  contrast: tf.Scalar;
  /** Σ over both views of log M − H (Eq. 7's −H(Y) up to the constant 2 log M). */
  entropy: tf.Scalar;
}

export function clusterLevelLoss(a: tf.Tensor2D, b: tf.Tensor2D, temperature: number): ClusterLevelLoss {
  return { contrast: clusterContrast(a, b, temperature), entropy: tf.tidy(() => tf.add(sizeEntropyGap(a), sizeEntropyGap(b)) as tf.Scalar) };
}
