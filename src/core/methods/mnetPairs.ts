/**
 * The self-supervision of DCSS phase 2 (Sadeghi & Armanfard, §3.2): within a batch, a pair (i, j),
 * i ≠ j, is labelled
 *   similar     when s_ij = a_iᵀ a_j > ζ       (paper: ζ = 0.8)
 *   dissimilar  when s_ij < ζ_low             (paper: 0.2)
 * and left out otherwise, where a_i is the point's soft assignment (memberships u_i for the first
 * T₂ epochs, MNet's own q_i after). MNet's output q then learns the labels through p_ij = q_iᵀq_j:
 *   'bce'     ℓ_ij = −log p_ij (similar),  −log(1 − p_ij) (dissimilar)    (the paper's cross-entropy)
 *   'linear'  ℓ_ij = 1 − p_ij  (similar),  p_ij (dissimilar)              (the authors' code)
 * and L = Σ_selected ℓ_ij / (b(b − 1)): the paper's and the authors' sum over the selected pairs,
 * divided by the number of ordered pairs i ≠ j in the batch, a constant, so the scale does not
 * depend on the batch size (the authors multiply the sum by 0.001 instead; Adam is invariant to a
 * constant factor). Every selected pair weighs the same, so the many dissimilar pairs (~90% of a
 * batch when u is fuzzy) outweigh the few similar ones (~0.2–5%).
 * Why not one mean per kind (what this file did before): with few similar pairs, their mean makes
 * −log p_ij dominate, and the cheapest way to raise every p_ij at once is to push all q towards one
 * cluster — MNet collapsed within 30 steps (one cluster held 2,488 of 3,000 points) and never fitted
 * the u-space (argmax q agreed with argmax u on 55% of the points after 10 u-space epochs, against
 * 94% with the sum), so the q-space epochs then merged clusters (MNIST-10k: ACC 0.71 → 0.29).
 * Deviations: a point is never paired with itself (the authors' q qᵀ includes the diagonal, which
 * rewards confident q for points with ‖u_i‖² > ζ; with it, MNIST-3k ended at the same ACC, 0.575);
 * the authors snap q's entries above 0.99 to 1 and below 0.01 to 0 before the loss (no gradient
 * there); we only clip p_ij to [1e-7, 1 − 1e-7] so that the logarithms stay finite.
 */
import * as tf from '@tensorflow/tfjs';

export type PairLoss = 'bce' | 'linear';
export const PAIR_LOSSES: readonly PairLoss[] = ['bce', 'linear'];

export interface PairMasks {
  /** 1 where the pair is similar, else 0 (rows × rows, zero diagonal). */
  similar: tf.Tensor2D;
  dissimilar: tf.Tensor2D;
}

/** Pairwise similarities of soft assignments a (rows × k): a aᵀ. */
export function pairSimilarity(a: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => tf.matMul(a, tf.transpose(a)) as tf.Tensor2D);
}

/** The confident pairs of a similarity matrix s; the diagonal (a point with itself) is no pair. */
export function selectPairs(s: tf.Tensor2D, zeta: number, zetaLow: number): PairMasks {
  return tf.tidy(() => {
    const offDiagonal = tf.sub(1, tf.eye(s.shape[0]));
    // step(v) = 1 where v > 0, else 0 — a strict comparison that, unlike tf.greater, has a
    // (zero) gradient, so the engine's tape can pass through it when s depends on MNet.
    return {
      similar: tf.mul(tf.step(tf.sub(s, zeta)), offDiagonal) as tf.Tensor2D,
      dissimilar: tf.mul(tf.step(tf.sub(zetaLow, s)), offDiagonal) as tf.Tensor2D,
    };
  });
}

/**
 * Loss of q (rows × k) on the selected pairs: their summed loss over the b(b − 1) ordered pairs of
 * the batch (pairs that are neither similar nor dissimilar add 0).
 */
export function pairwiseLoss(q: tf.Tensor2D, masks: PairMasks, kind: PairLoss): tf.Scalar {
  return tf.tidy(() => {
    const eps = 1e-7;
    const p = tf.clipByValue(pairSimilarity(q), eps, 1 - eps);
    const [simLoss, disLoss] = kind === 'bce' ? [tf.neg(tf.log(p)), tf.neg(tf.log(tf.sub(1, p)))] : [tf.sub(1, p), p];
    const b = q.shape[0];
    const summed = tf.add(tf.sum(tf.mul(masks.similar, simLoss)), tf.sum(tf.mul(masks.dissimilar, disLoss)));
    return tf.div(summed, Math.max(1, b * (b - 1))) as tf.Scalar;
  });
}
