/**
 * The feature network h = f(x) of the augmentation and neighbourhood methods (SimCLR, SCAN), behind
 * one small factory so a method names the kind and never builds layers itself:
 *  - 'mlp': d → width → width → dim, batch norm + ReLU after every layer, the last included (the
 *    reference's feature h is Linear → BN → ReLU, scan_ref.py); for vector data, and the quick
 *    default until the convolutional encoder is wired in;
 *  - 'cnn': the convolutional encoder of nn/convEncoder.ts (not in this branch yet).
 * Both keep batch-norm running statistics besides their trainable variables (`statistics()`): a
 * phase that trains one lists them as its `state()`, so a shared pretraining caches them too.
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

/** Rows → L2-normalised rows (cosine geometry: k-means and mining on the unit sphere). */
export function l2Normalise(h: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => tf.div(h, tf.add(tf.norm(h, 'euclidean', 1, true), 1e-12)) as tf.Tensor2D);
}
