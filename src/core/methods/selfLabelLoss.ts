/**
 * SCAN's self-labelling step (Van Gansbeke et al., ECCV 2020, §3.2, "Fine-tuning through
 * self-labeling"): a sample whose weakly augmented view the network already assigns with
 * confidence above a threshold (0.99) takes that cluster as its pseudo-label, and the network
 * learns to predict it from a strongly augmented view, by cross-entropy weighted per class by the
 * inverse of its count among the batch's confident samples (the authors' ConfidenceBasedCE with
 * class balancing) so that large clusters do not grow at the expense of small ones.
 */
import * as tf from '@tensorflow/tfjs';

export interface SelfLabelLoss {
  /** Σᵢ wᵢ CEᵢ / Σᵢ wᵢ over the confident samples (0 when none is). */
  total: tf.Scalar;
  /** Share of the batch above the threshold. */
  confident: tf.Scalar;
}

/**
 * `weakProbs` (b × k) must carry no gradient (stopGradient.noGrad); `strongLogits` (b × k) are
 * the same samples' strong views. Instead of dropping the unconfident rows (a dynamic shape), they
 * get weight 0: the mean over the confident ones is the same.
 */
export function selfLabelLoss(weakProbs: tf.Tensor2D, strongLogits: tf.Tensor2D, threshold: number): SelfLabelLoss {
  const k = weakProbs.shape[1];
  const mask = tf.cast(tf.greater(tf.max(weakProbs, 1), threshold), 'float32');
  const targets = tf.oneHot(tf.argMax(weakProbs, 1), k).toFloat();
  // Count of each pseudo-class among the confident rows; the weight of a row is 1 / its class's count.
  const counts = tf.sum(tf.mul(targets, tf.expandDims(mask, 1)), 0);
  const rowWeight = tf.mul(mask, tf.sum(tf.mul(targets, tf.div(1, tf.maximum(counts, 1))), 1));
  const crossEntropy = tf.neg(tf.sum(tf.mul(targets, tf.logSoftmax(strongLogits)), 1));
  const total = tf.div(tf.sum(tf.mul(rowWeight, crossEntropy)), tf.add(tf.sum(rowWeight), 1e-12)) as tf.Scalar;
  return { total, confident: tf.mean(mask) as tf.Scalar };
}
