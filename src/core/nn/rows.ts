/**
 * Row-wise helpers the contrastive and neighbourhood methods share: unit rows for cosine geometry,
 * and the entropy of the mean row of a batch of distributions.
 */
import * as tf from '@tensorflow/tfjs';

/** Rows scaled to unit length; ε keeps a zero row finite (it stays zero: no direction). */
export function l2Normalise(x: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => tf.div(x, tf.add(tf.norm(x, 'euclidean', 1, true), 1e-12)) as tf.Tensor2D);
}

/** H(mean of the rows of p): the spread of a batch over the clusters (IMSAT's H(Y), SCAN's entropy term). */
export function marginalEntropy(p: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => {
    const mean = tf.mean(p, 0);
    return tf.neg(tf.sum(tf.mul(mean, tf.log(tf.maximum(mean, 1e-8))))) as tf.Scalar;
  });
}
