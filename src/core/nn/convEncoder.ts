/**
 * A small convolutional encoder for images, the backbone of the augmentation and neighbourhood
 * methods (SCAN's MNIST backbone in our PyTorch reference, shared/reference/scan_ref.py):
 *   per width c: conv 3×3 'same' (no bias) → max-pool 2×2 → batch norm → ReLU,
 *   then flatten → dense (no bias) → batch norm → ReLU;
 * widths 32/64/128 and 128 features by default. The pool comes before BN + ReLU as in the
 * reference (faster there; the per-channel maximum then sees the convolution's raw output).
 * Max-pooling trains on WASM as is (it has MaxPoolGrad), so no pool layer of our own.
 *
 * Small images: a 2×2 pool is skipped once it would take the shorter side below 2 (8×8 digits:
 * 8 → 4 → 2 → 2), so every layer keeps a spatial map; 28×28 gives 14 → 7 → 3 (floor, as
 * nn.MaxPool2d), 32×32 gives 16 → 8 → 4.
 *
 * Input rows are images as the data tensor stores them (r × h·w·c, channels last); the
 * convolutions train on every backend (conv.ts picks a route per backend). Initialisation as
 * PyTorch's defaults (U(±1/√fan_in) for conv and linear weights), seeded from `rng`.
 */
import * as tf from '@tensorflow/tfjs';
import type { ImageShape } from '../data/dataset';
import type { Rng } from '../rng';
import { createBatchNorm, type BatchNorm, type BatchNormOptions } from './batchNorm';
import { convRouteFor, createConv3x3, type Conv3x3, type ConvRoute } from './conv';
import type { Network } from './network';

export interface ConvEncoderOptions {
  /** Channels of the convolution blocks (scan_ref.py: 32, 64, 128). */
  widths: readonly number[];
  /** Features out (scan_ref.py: 128). */
  dim: number;
  /** How the convolutions compute their gradients; default: the fastest for the active backend. */
  route?: ConvRoute;
  batchNormOptions?: BatchNormOptions;
}

export const DEFAULT_CONV_ENCODER: Pick<ConvEncoderOptions, 'widths' | 'dim'> = { widths: [32, 64, 128], dim: 128 };

export interface ConvEncoder extends Network {
  readonly image: ImageShape;
  /** The spatial size after each block (whether it pooled shows as a halved side). */
  readonly sides: readonly { height: number; width: number }[];
  readonly route: ConvRoute;
  /** Running statistics of the batch-norm layers (state to save with the weights). */
  statistics(): tf.Variable[];
}

/** Whether a 2×2 pool keeps both sides at 2 or more. */
function pools(height: number, width: number): boolean {
  return Math.floor(Math.min(height, width) / 2) >= 2;
}

export function createConvEncoder(image: ImageShape, opts: ConvEncoderOptions, rng: Rng): ConvEncoder {
  const { widths, dim, route = convRouteFor(), batchNormOptions } = opts;
  if (widths.length === 0) throw new Error('a convolutional encoder needs at least one width');
  const convs: Conv3x3[] = [];
  const norms: BatchNorm[] = [];
  const pooled: boolean[] = [];
  const sides: { height: number; width: number }[] = [];
  let { height, width } = image;
  let cin: number = image.channels;
  for (const c of widths) {
    convs.push(createConv3x3(cin, c, rng, route));
    norms.push(createBatchNorm(c, batchNormOptions));
    const pool = pools(height, width);
    pooled.push(pool);
    if (pool) {
      height = Math.floor(height / 2);
      width = Math.floor(width / 2);
    }
    sides.push({ height, width });
    cin = c;
  }
  const flat = height * width * cin;
  const bound = 1 / Math.sqrt(flat);
  const fc = tf.tidy(() => tf.variable(tf.randomUniform([flat, dim], -bound, bound, 'float32', rng.seed()), true, undefined, 'float32'));
  const fcNorm = createBatchNorm(dim, batchNormOptions);

  return {
    image: { ...image },
    sides,
    route,
    outDim: dim,
    apply(x, training = false) {
      const r = x.shape[0];
      let h: tf.Tensor4D = tf.reshape(x, [r, image.height, image.width, image.channels]);
      convs.forEach((conv, i) => {
        h = conv.apply(h);
        if (pooled[i]) h = tf.maxPool(h, 2, 2, 'valid');
        h = tf.relu(norms[i].apply(h, training) as tf.Tensor4D);
      });
      const features = tf.matMul(tf.reshape(h, [r, flat]) as tf.Tensor2D, fc as tf.Tensor2D);
      return tf.relu(fcNorm.apply(features, training) as tf.Tensor2D);
    },
    variables: () => [...convs.flatMap((c) => c.variables()), ...norms.flatMap((n) => n.variables()), fc, ...fcNorm.variables()],
    statistics: () => [...norms.flatMap((n) => n.statistics()), ...fcNorm.statistics()],
    dispose: () => {
      convs.forEach((c) => c.dispose());
      norms.forEach((n) => n.dispose());
      fc.dispose();
      fcNorm.dispose();
    },
  };
}
