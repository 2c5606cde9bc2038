/**
 * Seeded image augmentations on the device, for the augmentation-invariance prior (two views of an
 * image belong together: IMSAT, IIC, CC, SimCLR, SCAN's self-labelling). One call draws, per image,
 * a random affine map (rotation, scale, shift and, for photos only, a horizontal flip — a mirrored
 * digit is not its class), then brightness/contrast jitter, Gaussian noise and a cutout square.
 *
 * The geometry is one `tf.image.transform` (bilinear, zero fill) whose per-image matrices come
 * from the seeded host generator, so a seed gives the same views on every backend and nothing is
 * read back; the noise takes its seed from the same generator. Rows are channels-last in [0, 1] (as
 * `Dataset.x` stores them); the result is clipped to [0, 1]. Call inside tf.tidy.
 */
import * as tf from '@tensorflow/tfjs';
import type { ImageShape } from '../data/dataset';
import type { Rng } from '../rng';

export interface AugmentSpec {
  /** Largest rotation either way, degrees. */
  rotateDeg: number;
  /** Largest relative zoom either way (0.1: 0.9–1.1×). */
  scale: number;
  /** Largest shift either way, pixels. */
  shiftPx: number;
  /** Mirror left–right with probability ½ (photos only). */
  flip: boolean;
  /** Largest brightness offset and relative contrast change either way. */
  brightness: number;
  contrast: number;
  /** Standard deviation of added Gaussian noise. */
  noise: number;
  /** Side of a zeroed square at a random place (0: none). */
  cutoutPx: number;
}

const NONE: AugmentSpec = { rotateDeg: 0, scale: 0, shiftPx: 0, flip: false, brightness: 0, contrast: 0, noise: 0, cutoutPx: 0 };

/**
 * Presets. Digits: the ranges of SCAN's and IIC's MNIST augmentations (small affine maps, no
 * flips); photos: flips, crops-as-shifts and colour jitter as in SimCLR/SCAN's CIFAR "weak"/"strong".
 */
export const AUGMENT_PRESETS = {
  none: NONE,
  weakDigits: { ...NONE, rotateDeg: 10, scale: 0.1, shiftPx: 2 },
  strongDigits: { ...NONE, rotateDeg: 20, scale: 0.2, shiftPx: 4, brightness: 0.1, contrast: 0.3, noise: 0.1, cutoutPx: 8 },
  weakPhotos: { ...NONE, shiftPx: 4, flip: true },
  strongPhotos: { ...NONE, rotateDeg: 10, scale: 0.2, shiftPx: 4, flip: true, brightness: 0.3, contrast: 0.4, noise: 0.05, cutoutPx: 16 },
} as const satisfies Record<string, AugmentSpec>;

export type AugmentPreset = keyof typeof AUGMENT_PRESETS;

const uniform = (rng: Rng, max: number): number => (2 * rng.next() - 1) * max;

/**
 * The transform's 8 numbers for one image: it maps an output pixel (x, y) to the input pixel it
 * samples. Output p = c + t + S·R·F·(q − c) inverted: q = c + (S·R·F)⁻¹(p − c − t).
 */
function inverseAffine(spec: AugmentSpec, image: ImageShape, rng: Rng): number[] {
  const theta = (uniform(rng, spec.rotateDeg) * Math.PI) / 180;
  const s = 1 + uniform(rng, spec.scale);
  const tx = spec.shiftPx > 0 ? rng.int(2 * spec.shiftPx + 1) - spec.shiftPx : 0;
  const ty = spec.shiftPx > 0 ? rng.int(2 * spec.shiftPx + 1) - spec.shiftPx : 0;
  const f = spec.flip && rng.next() < 0.5 ? -1 : 1;
  const cx = (image.width - 1) / 2;
  const cy = (image.height - 1) / 2;
  // (S·R·F)⁻¹ = F·R(−θ)/s.
  const cos = Math.cos(theta) / s;
  const sin = Math.sin(theta) / s;
  const a0 = f * cos;
  const a1 = f * sin;
  const b0 = -sin;
  const b1 = cos;
  const px = cx + tx;
  const py = cy + ty;
  return [a0, a1, cx - a0 * px - a1 * py, b0, b1, cy - b0 * px - b1 * py, 0, 0];
}

export function augmentImages(rows: tf.Tensor2D, image: ImageShape, spec: AugmentSpec, rng: Rng): tf.Tensor2D {
  const { width, height, channels } = image;
  const n = rows.shape[0];
  const d = width * height * channels;
  let x: tf.Tensor4D = rows.reshape([n, height, width, channels]);

  if (spec.rotateDeg > 0 || spec.scale > 0 || spec.shiftPx > 0 || spec.flip) {
    const matrices = new Float32Array(n * 8);
    for (let i = 0; i < n; i++) matrices.set(inverseAffine(spec, image, rng), i * 8);
    x = tf.image.transform(x, tf.tensor2d(matrices, [n, 8]), 'bilinear', 'constant', 0);
  }
  if (spec.brightness > 0 || spec.contrast > 0) {
    // Per image: (x − its mean)·contrast + its mean + brightness.
    const gain = Float32Array.from({ length: n }, () => 1 + uniform(rng, spec.contrast));
    const offset = Float32Array.from({ length: n }, () => uniform(rng, spec.brightness));
    const mean = tf.mean(x, [1, 2, 3], true);
    x = tf.add(tf.add(tf.mul(tf.sub(x, mean), tf.tensor4d(gain, [n, 1, 1, 1])), mean), tf.tensor4d(offset, [n, 1, 1, 1]));
  }
  if (spec.noise > 0) x = tf.add(x, tf.randomNormal(x.shape, 0, spec.noise, 'float32', rng.seed()));
  if (spec.cutoutPx > 0) {
    // The mask is made on the host (n·h·w bytes): cheaper than building it from ops.
    const size = Math.min(spec.cutoutPx, width, height);
    const mask = new Float32Array(n * height * width).fill(1);
    for (let i = 0; i < n; i++) {
      const y0 = rng.int(height - size + 1);
      const x0 = rng.int(width - size + 1);
      for (let y = y0; y < y0 + size; y++) mask.fill(0, i * height * width + y * width + x0, i * height * width + y * width + x0 + size);
    }
    x = tf.mul(x, tf.tensor4d(mask, [n, height, width, 1]));
  }
  return tf.clipByValue(x, 0, 1).reshape([n, d]);
}
