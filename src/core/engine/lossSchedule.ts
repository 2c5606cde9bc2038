/**
 * How a method combines its reconstruction and clustering losses over the steps of its clustering
 * phase — the one vocabulary the autoencoder-based methods choose from (the survey's "pretrain →
 * fine-tune, simultaneous, dynamic"), instead of ad-hoc weights in each method file:
 *
 *  - 'pretrain-then-finetune': the autoencoder is pretrained on reconstruction, then the clustering
 *    loss alone fine-tunes the encoder; the decoder is dropped (DEC).
 *  - 'simultaneous': L = w_r·L_r + w_c·L_c with fixed weights (IDEC: L_r + γ·L_c, Eq. 7;
 *    DCN: ‖x − g(f(x))‖² + (λ/2)‖f(x) − M s‖²; DKM: L_r + λ·L_c).
 *  - 'dynamic': as 'simultaneous', but the clustering weight moves from `from` to `to` over
 *    `steps` steps (linearly or geometrically), then stays at `to`.
 */
import * as tf from '@tensorflow/tfjs';
import type { StepLosses } from '../methods/types';

export interface Ramp {
  from: number;
  to: number;
  steps: number;
  shape: 'linear' | 'geometric';
}

export type LossSchedule =
  | { kind: 'pretrain-then-finetune' }
  | { kind: 'simultaneous'; reconstruction: number; clustering: number }
  | { kind: 'dynamic'; reconstruction: number; clustering: Ramp };

export interface LossWeights {
  reconstruction: number;
  clustering: number;
}

/** Value of a ramp at `step` (clamped to its end points). */
export function rampValue(r: Ramp, step: number): number {
  const t = r.steps <= 0 ? 1 : Math.min(1, Math.max(0, step / r.steps));
  if (r.shape === 'linear') return r.from + t * (r.to - r.from);
  if (r.from <= 0 || r.to <= 0) throw new Error(`a geometric ramp needs positive end points, got ${r.from} → ${r.to}`);
  return r.from * Math.pow(r.to / r.from, t);
}

/** The weights of the two losses at `step` of the clustering phase. */
export function lossWeights(s: LossSchedule, step: number): LossWeights {
  switch (s.kind) {
    case 'pretrain-then-finetune':
      return { reconstruction: 0, clustering: 1 };
    case 'simultaneous':
      return { reconstruction: s.reconstruction, clustering: s.clustering };
    case 'dynamic':
      return { reconstruction: s.reconstruction, clustering: rampValue(s.clustering, step) };
  }
}

/** Whether the schedule ever trains on reconstruction after pretraining (so the decoder trains). */
export function trainsDecoder(s: LossSchedule): boolean {
  return s.kind !== 'pretrain-then-finetune' && s.reconstruction > 0;
}

export interface LossTerms {
  /** Reconstruction loss of the batch; only evaluated when its weight is non-zero. */
  reconstruction?: () => tf.Scalar;
  clustering: () => tf.Scalar;
  /** Name of the clustering part in the loss chart, e.g. 'kl' or 'kmeans'. */
  clusteringName: string;
}

/**
 * total = w_r·L_r + w_c·L_c at `step`; the parts are the unweighted terms, so the loss chart
 * shows each loss on its own scale. A term with weight 0 is not computed at all.
 */
export function combineLosses(s: LossSchedule, step: number, terms: LossTerms): StepLosses {
  const w = lossWeights(s, step);
  const parts: Record<string, tf.Scalar> = {};
  let total: tf.Scalar | null = null;
  const add = (name: string, weight: number, value: tf.Scalar): void => {
    parts[name] = value;
    const term = weight === 1 ? value : (tf.mul(value, weight) as tf.Scalar);
    total = total ? (tf.add(total, term) as tf.Scalar) : term;
  };
  if (terms.reconstruction && w.reconstruction !== 0) add('reconstruction', w.reconstruction, terms.reconstruction());
  add(terms.clusteringName, w.clustering, terms.clustering());
  return { total: total as unknown as tf.Scalar, parts };
}
