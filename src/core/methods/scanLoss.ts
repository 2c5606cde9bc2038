/**
 * The SCAN loss (Van Gansbeke, Vandenhende, Georgoulis, Proesmans & Van Gool, "SCAN: Learning to
 * Classify Images without Labels", ECCV 2020, Eq. 2) for one clustering head Φ:
 *   Λ = −1/|D| Σ_{X∈D} Σ_{k∈N_X} log ⟨Φ(X), Φ(k)⟩ + λ Σ_c Φ'_c log Φ'_c,   Φ'_c = 1/|D| Σ_X Φ_c(X)
 * — neighbours should get the same cluster (the dot product of their soft assignments near 1),
 * while the entropy of the mean assignment (−Σ Φ' log Φ') keeps every cluster in use. Per batch
 * the sum over neighbours is one random mined neighbour per anchor (as the authors' code).
 * Clamps as the project's reference (10⁻⁷ on the dot product, 10⁻⁸ on the mean).
 */
import * as tf from '@tensorflow/tfjs';
import type { Neighbours } from '../cluster/knn';
import { marginalEntropy } from '../nn/rows';
import type { Rng } from '../rng';
import type { StepLosses } from './types';

export interface ScanLoss {
  /** consistency − λ·entropy: what is minimised. */
  total: tf.Scalar;
  /** −mean log ⟨Φ(X), Φ(k)⟩. */
  consistency: tf.Scalar;
  /** H(Φ'), the entropy of the batch's mean assignment. */
  entropy: tf.Scalar;
}

export function scanLoss(anchorLogits: tf.Tensor2D, neighbourLogits: tf.Tensor2D, entropyWeight: number): ScanLoss {
  const pa = tf.softmax(anchorLogits);
  const pn = tf.softmax(neighbourLogits);
  const consistency = tf.neg(tf.mean(tf.log(tf.maximum(tf.sum(tf.mul(pa, pn), 1), 1e-7)))) as tf.Scalar;
  const entropy = marginalEntropy(pa);
  return { total: tf.sub(consistency, tf.mul(entropy, entropyWeight)) as tf.Scalar, consistency, entropy };
}

/** SCAN on several heads (SCAN trains ten and keeps one): their sum is minimised, their mean parts shown. */
export function scanHeadsLoss(anchorLogits: readonly tf.Tensor2D[], neighbourLogits: readonly tf.Tensor2D[], entropyWeight: number): StepLosses {
  const perHead = anchorLogits.map((anchor, h) => scanLoss(anchor, neighbourLogits[h], entropyWeight));
  const mean = (part: 'consistency' | 'entropy'): tf.Scalar => tf.div(tf.addN(perHead.map((l) => l[part])), perHead.length) as tf.Scalar;
  return { total: tf.addN(perHead.map((l) => l.total)) as tf.Scalar, parts: { consistency: mean('consistency'), entropy: mean('entropy') } };
}

/**
 * One random mined neighbour of each anchor (dataset row ids): the per-batch sample of Eq. 2's sum
 * over neighbours. `minedIds` holds every row's k neighbours, row-major; the draw is on the host,
 * from the run's generator.
 */
export function randomMinedNeighbour(minedIds: tf.Tensor1D, anchors: tf.Tensor1D, k: number, rng: Rng): tf.Tensor1D {
  const column = tf.tensor1d(Int32Array.from({ length: anchors.shape[0] }, () => rng.int(k)), 'int32');
  return tf.gather(minedIds, tf.add(tf.mul(anchors, tf.scalar(k, 'int32')), column));
}

/**
 * Eq. 2 on the whole data set with every mined neighbour, for assignments `p` (n × k) of the
 * clean images: how SCAN picks its head without labels (the authors keep the head with the lowest
 * total loss). Anchors in chunks, so memory stays chunk·K × k. Returns a scalar on the device.
 */
export function datasetScanLoss(p: tf.Tensor2D, nb: Neighbours, entropyWeight: number, chunk = 2048): tf.Scalar {
  return tf.tidy(() => {
    const neighbourIds = tf.tensor1d(nb.indices, 'int32');
    let logSum: tf.Scalar = tf.scalar(0);
    for (let start = 0; start < nb.n; start += chunk) {
      const size = Math.min(chunk, nb.n - start);
      const anchors = tf.slice(p, [start, 0], [size, -1]);
      const neighbours = tf.reshape(tf.gather(p, tf.slice(neighbourIds, [start * nb.k], [size * nb.k])), [size, nb.k, -1]);
      const dots = tf.sum(tf.mul(tf.expandDims(anchors, 1), neighbours), 2);
      logSum = tf.add(logSum, tf.sum(tf.log(tf.maximum(dots, 1e-7))));
    }
    const consistency = tf.neg(tf.div(logSum, nb.n * nb.k));
    return tf.sub(consistency, tf.mul(marginalEntropy(p), entropyWeight)) as tf.Scalar;
  });
}

/**
 * The head whose assignments (`perHead()`, each n × k, made inside a tidy here) have the lowest
 * Eq. 2 loss on the whole data set: how SCAN keeps one of its heads without labels.
 */
export async function lowestLossHead(perHead: () => tf.Tensor2D[], nb: Neighbours, entropyWeight: number): Promise<number> {
  const losses = tf.tidy(() => tf.stack(perHead().map((p) => datasetScanLoss(p, nb, entropyWeight))));
  const values = await losses.data();
  losses.dispose();
  let arg = 0;
  for (let i = 1; i < values.length; i++) if (values[i] < values[arg]) arg = i;
  return arg;
}
