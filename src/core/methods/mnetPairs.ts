/**
 * The self-supervision of DCSS phase 2 (Sadeghi & Armanfard, §3.2): within a batch, a pair (i, j),
 * i ≠ j, is labelled
 *   similar     when s_ij = a_iᵀ a_j > ζ       (paper: ζ = 0.8)
 *   dissimilar  when s_ij < ζ_low             (paper: 0.2)
 * and left out otherwise, where a_i is the point's soft assignment (memberships u_i for the first
 * T₂ epochs, MNet's own q_i after). MNet's output q then learns the labels through p_ij = q_iᵀq_j:
 *   'bce'     L = mean_sim(−log p_ij) + mean_dis(−log(1 − p_ij))     (the paper's cross-entropy)
 *   'linear'  L = mean_sim(1 − p_ij)  + mean_dis(p_ij)               (the authors' code)
 * Deviation: the paper and code sum over all selected pairs; we average each kind separately, so
 * the few similar pairs (about 1/K of them) are not drowned by the dissimilar ones and the scale
 * does not depend on the batch size — at our short budgets the plain sum let MNet merge clusters.
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

/** Loss of q (rows × k) on the selected pairs; a kind with no pair adds 0. */
export function pairwiseLoss(q: tf.Tensor2D, masks: PairMasks, kind: PairLoss): tf.Scalar {
  return tf.tidy(() => {
    const eps = 1e-7;
    const p = tf.clipByValue(pairSimilarity(q), eps, 1 - eps);
    const [simLoss, disLoss] = kind === 'bce' ? [tf.neg(tf.log(p)), tf.neg(tf.log(tf.sub(1, p)))] : [tf.sub(1, p), p];
    const mean = (mask: tf.Tensor2D, l: tf.Tensor): tf.Tensor => tf.div(tf.sum(tf.mul(mask, l)), tf.maximum(tf.sum(mask), 1));
    return tf.add(mean(masks.similar, simLoss), mean(masks.dissimilar, disLoss)) as tf.Scalar;
  });
}
