/**
 * The feature network h = f(x) of the augmentation and neighbourhood methods (SimCLR, SCAN), behind
 * one small factory so a method names the kind and never builds layers itself:
 *  - 'mlp': d → width → width → dim, batch norm + ReLU after every layer, the last included (the
 *    reference's feature h is Linear → BN → ReLU, scan_ref.py); for vector data, and the quick
 *    default until the convolutional encoder is wired in;
 *  - 'cnn': the convolutional encoder of nn/convEncoder.ts (not in this branch yet).
 * Both keep batch-norm running statistics besides their trainable variables (`statistics()`), so
 * a phase that caches only `variables()` must re-estimate them (refreshStatistics).
 */
import * as tf from '@tensorflow/tfjs';
import type { ImageShape } from '../data/dataset';
import type { Rng } from '../rng';
import { createMlpEncoder } from '../nn/mlpEncoder';
import type { Network } from '../nn/network';

export type BackboneKind = 'mlp' | 'cnn';

export interface Backbone extends Network {
  /** Batch-norm running statistics (not trainable; not in `variables()`). */
  statistics(): tf.Variable[];
}

export interface BackboneOptions {
  kind: BackboneKind;
  /** Width of the feature h. */
  dim: number;
  /** Hidden width of the MLP. */
  width: number;
}

export function createBackbone(inputDim: number, image: ImageShape | undefined, o: BackboneOptions, rng: Rng): Backbone {
  switch (o.kind) {
    case 'mlp': {
      // Inside tidy: createBatchNorm leaves the tensors its variables were made from (tf.ones,
      // tf.zeros); tidy frees them and keeps the variables.
      let net: Backbone | null = null;
      tf.tidy(() => {
        net = createMlpEncoder([inputDim, o.width, o.width, o.dim], rng, { batchNorm: true, activateOutput: true });
      });
      return net!;
    }
    case 'cnn':
      throw new Error(image ? 'the convolutional backbone is not available yet: use the MLP' : 'a convolutional backbone needs image rows');
  }
}

/**
 * Re-estimates the batch-norm running statistics on the clean data: reset to their start (mean 0,
 * variance 1; `statistics()` lists each layer's [mean, variance], as nn/batchNorm.ts), then
 * forward passes in training mode over fixed, ordered chunks of `batchSize` rows until the running
 * averages (momentum 0.1) have taken `updates` batches (the start's weight 0.9⁶⁴ ≈ 10⁻³).
 * Deterministic, and the same whether the weights were trained here or copied from a shared
 * pretraining (which caches `variables()` only) — so both give the same features to the digit.
 * Clean rows rather than augmented ones also match the statistics to what is embedded.
 */
export function refreshStatistics(net: Backbone, x: tf.Tensor2D, batchSize: number, updates = 64): void {
  const stats = net.statistics();
  if (stats.length === 0) return;
  tf.tidy(() => stats.forEach((v, i) => v.assign(i % 2 === 0 ? tf.zerosLike(v) : tf.onesLike(v))));
  const n = x.shape[0];
  const size = Math.min(batchSize, n);
  const chunks = Math.max(1, Math.floor(n / size));
  for (let u = 0; u < updates; u++) {
    const start = (u % chunks) * size;
    tf.tidy(() => {
      net.apply(tf.slice(x, [start, 0], [size, -1]), true);
    });
  }
}

/** Rows → L2-normalised rows (cosine geometry: k-means and mining on the unit sphere). */
export function l2Normalise(h: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => tf.div(h, tf.add(tf.norm(h, 'euclidean', 1, true), 1e-12)) as tf.Tensor2D);
}
