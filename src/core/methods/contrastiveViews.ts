/**
 * Random views of a batch for the augmentation and neighbourhood methods: images get the shared
 * weak/strong presets of augment/imageAugment.ts (digits when grey, photos when in colour); rows
 * that are not images get Gaussian noise of `vectorNoise` times each feature's standard deviation
 * (an image augmentation means nothing there, and noise keeps "two views of one point" a
 * non-trivial task). Every draw comes from the run's seeded generator. Call inside tf.tidy.
 */
import * as tf from '@tensorflow/tfjs';
import { AUGMENT_PRESETS, augmentImages, type AugmentSpec } from '../augment/imageAugment';
import type { ImageShape } from '../data/dataset';
import type { Rng } from '../rng';

export type ViewStrength = 'weak' | 'strong';

export interface ViewMaker {
  view(rows: tf.Tensor2D, strength: ViewStrength): tf.Tensor2D;
  dispose(): void;
}

/** Relative noise of a vector view: strong as given, weak at half. */
const WEAK_SHARE = 0.5;

export function presetFor(image: ImageShape, strength: ViewStrength): AugmentSpec {
  const photos = image.channels === 3;
  if (strength === 'weak') return photos ? AUGMENT_PRESETS.weakPhotos : AUGMENT_PRESETS.weakDigits;
  return photos ? AUGMENT_PRESETS.strongPhotos : AUGMENT_PRESETS.strongDigits;
}

export function createViewMaker(x: tf.Tensor2D, image: ImageShape | undefined, vectorNoise: number, rng: Rng): ViewMaker {
  if (image) {
    return { view: (rows, strength) => augmentImages(rows, image, presetFor(image, strength), rng), dispose: () => {} };
  }
  // Per-feature standard deviation of all rows, once (1 × d), kept for the run.
  const std = tf.tidy(() => tf.sqrt(tf.moments(x, 0, true).variance));
  return {
    view: (rows, strength) => {
      const sigma = tf.mul(std, strength === 'weak' ? vectorNoise * WEAK_SHARE : vectorNoise);
      return tf.add(rows, tf.mul(tf.randomNormal(rows.shape, 0, 1, 'float32', rng.seed()), sigma)) as tf.Tensor2D;
    },
    dispose: () => std.dispose(),
  };
}
