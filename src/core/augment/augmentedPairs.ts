/**
 * A few images of a dataset, each with a weak and a strong augmented view, for the teaching view
 * of the augmentation-invariance prior ("two views of one image belong together"). The presets
 * are those the methods train with: digits for one channel (no flips), photos for three. The
 * views come back as 0..255 bytes (count × 3 small images), the rows drawn from the given seed,
 * so "New draw" is a new seed and a link-free, repeatable picture.
 */
import * as tf from '@tensorflow/tfjs';
import type { Dataset, ImageShape } from '../data/dataset';
import { createRng, type Rng } from '../rng';
import { AUGMENT_PRESETS, augmentImages, type AugmentPreset, type AugmentSpec } from './imageAugment';

export interface AugmentedPairs {
  image: ImageShape;
  /** The dataset rows shown. */
  rows: Int32Array;
  /** Their classes, when the data is labelled. */
  labels: Int32Array | null;
  /** count × (width·height·channels) each, channels last, 0..255. */
  original: Uint8Array;
  weak: Uint8Array;
  strong: Uint8Array;
  presets: { weak: AugmentPreset; strong: AugmentPreset };
  /** What the presets do (for the legend: the page does not load the augmentation code). */
  specs: { weak: AugmentSpec; strong: AugmentSpec };
}

export function presetsFor(image: ImageShape): { weak: AugmentPreset; strong: AugmentPreset } {
  return image.channels === 1 ? { weak: 'weakDigits', strong: 'strongDigits' } : { weak: 'weakPhotos', strong: 'strongPhotos' };
}

/** `count` distinct rows (all of them when there are fewer). */
function drawRows(n: number, count: number, rng: Rng): Int32Array {
  const m = Math.min(count, n);
  const picked = new Set<number>();
  while (picked.size < m) picked.add(rng.int(n));
  return Int32Array.from(picked);
}

const toBytes = (v: Float32Array): Uint8Array => Uint8Array.from(v, (p) => Math.round(p * 255));

export async function drawAugmentedPairs(d: Dataset, count: number, seed: number): Promise<AugmentedPairs> {
  const image = d.image;
  if (!image) throw new Error(`Augmentations need images: ${d.name} is vector data (its rows have no width, height or colour).`);
  const rng = createRng(seed);
  const rows = drawRows(d.n, count, rng);
  const original = new Float32Array(rows.length * d.dim);
  rows.forEach((r, i) => original.set(d.x.subarray(r * d.dim, (r + 1) * d.dim), i * d.dim));
  const presets = presetsFor(image);
  const [weak, strong] = tf.tidy(() => {
    const x = tf.tensor2d(original, [rows.length, d.dim]);
    return [augmentImages(x, image, AUGMENT_PRESETS[presets.weak], rng), augmentImages(x, image, AUGMENT_PRESETS[presets.strong], rng)];
  });
  try {
    const [w, s] = await Promise.all([weak.data(), strong.data()]);
    return {
      image,
      rows,
      labels: d.labels ? Int32Array.from(rows, (r) => d.labels![r]) : null,
      original: toBytes(original),
      weak: toBytes(w as Float32Array),
      strong: toBytes(s as Float32Array),
      presets,
      specs: { weak: AUGMENT_PRESETS[presets.weak], strong: AUGMENT_PRESETS[presets.strong] },
    };
  } finally {
    tf.dispose([weak, strong]);
  }
}
