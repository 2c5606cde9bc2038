/**
 * Random crops of image rows, the standard augmentation for small images: each image is padded
 * with `pad` zero pixels on every side and cut back to its size at a random offset, i.e. shifted by
 * up to `pad` pixels in each direction. Rows are channels-last (as `Dataset.x` stores them).
 *
 * The offsets come from the seeded host generator, so a seed gives the same crops on every backend
 * and nothing is read back. The crop boxes fall on whole pixels, so bilinear sampling copies pixels
 * (no blur). Not 'nearest': tfjs-backend-wasm's nearest kernel ignores the boxes' x offset (the CPU
 * kernel does not; randomCrop.test.ts catches it). Call inside tf.tidy.
 */
import * as tf from '@tensorflow/tfjs';
import type { ImageShape } from '../data/dataset';
import type { Rng } from '../rng';

export function randomCrops(rows: tf.Tensor2D, image: ImageShape, pad: number, rng: Rng): tf.Tensor2D {
  if (pad <= 0) return rows;
  const { width, height, channels } = image;
  const n = rows.shape[0];
  const padded = tf.pad(rows.reshape([n, height, width, channels]), [[0, 0], [pad, pad], [pad, pad], [0, 0]]) as tf.Tensor4D;
  // cropAndResize takes boxes in [0, 1] of the padded image's (size − 1).
  const spanY = height + 2 * pad - 1;
  const spanX = width + 2 * pad - 1;
  const boxes = new Float32Array(n * 4);
  for (let i = 0; i < n; i++) {
    const dy = rng.int(2 * pad + 1);
    const dx = rng.int(2 * pad + 1);
    boxes.set([dy / spanY, dx / spanX, (dy + height - 1) / spanY, (dx + width - 1) / spanX], i * 4);
  }
  const crops = tf.image.cropAndResize(padded, tf.tensor2d(boxes, [n, 4]), tf.range(0, n, 1, 'int32') as tf.Tensor1D, [height, width], 'bilinear');
  return crops.reshape([n, height * width * channels]);
}
