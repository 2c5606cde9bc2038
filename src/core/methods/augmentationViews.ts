/**
 * One augmented view of a batch, for the methods that compare two views of the same rows (IIC,
 * CC). Images take the shared presets (augment/imageAugment.ts): the digit presets for one
 * channel (no flips: a mirrored digit is not its class), the photo presets for three. Rows that are
 * not images get Gaussian noise scaled to each feature's spread in the batch — the only
 * augmentation that assumes nothing about what the features mean; scaled per batch, where SimCLR's
 * view maker (contrastiveViews.ts) scales by the whole data set's spread. Call inside tf.tidy.
 */
import * as tf from '@tensorflow/tfjs';
import { augmentImages } from '../augment/imageAugment';
import type { ImageShape } from '../data/dataset';
import type { Rng } from '../rng';
import { presetFor, type ViewStrength } from './contrastiveViews';


/** Noise on vector rows, as a fraction of each feature's standard deviation in the batch. */
const VECTOR_NOISE: Record<ViewStrength, number> = { weak: 0.1, strong: 0.2 };

export function augmentedView(rows: tf.Tensor2D, image: ImageShape | undefined, strength: ViewStrength, rng: Rng): tf.Tensor2D {
  if (image) return augmentImages(rows, image, presetFor(image, strength), rng);
  const spread = tf.sqrt(tf.moments(rows, 0).variance);
  const noise = tf.randomNormal(rows.shape, 0, VECTOR_NOISE[strength], 'float32', rng.seed());
  return tf.add(rows, tf.mul(noise, spread));
}

/** Which presets a method's two views take (a parameter of IIC and CC). */
export const VIEW_PAIRS = ['weak+weak', 'weak+strong', 'strong+strong'] as const;
export type ViewPair = (typeof VIEW_PAIRS)[number];

export function viewStrengths(pair: ViewPair): [ViewStrength, ViewStrength] {
  const [a, b] = pair.split('+') as [ViewStrength, ViewStrength];
  return [a, b];
}
