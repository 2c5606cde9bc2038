// The teaching view's pairs: the rows shown are distinct rows of the data with their labels, the
// originals are those rows' pixels, both views differ from the original (and from each other), the
// presets follow the channel count, a seed repeats the picture, another draws a new one, nothing is
// left on the device, and vector data is refused with a reason.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { Dataset, ImageShape } from '../data/dataset';
import { createRng } from '../rng';
import { drawAugmentedPairs } from './augmentedPairs';

function images(n: number, image: ImageShape): Dataset {
  const rng = createRng(3);
  const dim = image.width * image.height * image.channels;
  // Blobs on black, as digits are: a view that moves them changes many pixels.
  const x = Float32Array.from({ length: n * dim }, () => (rng.next() < 0.4 ? rng.next() : 0));
  return { id: 't', name: 'test', n, dim, x, labels: Int32Array.from({ length: n }, (_, i) => i % 3), numClasses: 3, image };
}

const DIGITS: ImageShape = { width: 16, height: 16, channels: 1 };

describe('drawAugmentedPairs', () => {
  it('shows distinct rows with their labels and pixels, and two views that differ from them', async () => {
    const d = images(40, DIGITS);
    const before = tf.memory().numTensors;
    const p = await drawAugmentedPairs(d, 8, 1);
    expect(tf.memory().numTensors).toBe(before);
    expect(p.rows.length).toBe(8);
    expect(new Set(p.rows).size).toBe(8);
    for (const r of p.rows) expect(r >= 0 && r < 40).toBe(true);
    expect(Array.from(p.labels!)).toEqual(Array.from(p.rows, (r) => r % 3));
    expect(p.presets).toEqual({ weak: 'weakDigits', strong: 'strongDigits' });
    expect(p.specs.weak.flip).toBe(false);
    for (const v of [p.original, p.weak, p.strong]) expect(v.length).toBe(8 * d.dim);
    p.rows.forEach((r, i) => {
      for (let j = 0; j < d.dim; j++) expect(p.original[i * d.dim + j]).toBe(Math.round(d.x[r * d.dim + j] * 255));
    });
    const differing = (a: Uint8Array, b: Uint8Array): number => a.reduce((c, v, i) => c + (v !== b[i] ? 1 : 0), 0);
    // Per image: every weak and every strong view is another picture than its original.
    for (let i = 0; i < 8; i++) {
      const slice = (v: Uint8Array) => v.subarray(i * d.dim, (i + 1) * d.dim);
      expect(differing(slice(p.weak), slice(p.original))).toBeGreaterThan(0);
      expect(differing(slice(p.strong), slice(p.original))).toBeGreaterThan(0);
    }
    expect(differing(p.strong, p.weak)).toBeGreaterThan(d.dim);
  });

  it('a seed repeats its draw; another seed draws other rows and views', async () => {
    const d = images(200, DIGITS);
    const a = await drawAugmentedPairs(d, 8, 7);
    const b = await drawAugmentedPairs(d, 8, 7);
    const c = await drawAugmentedPairs(d, 8, 8);
    expect(Array.from(b.rows)).toEqual(Array.from(a.rows));
    expect(Array.from(b.strong)).toEqual(Array.from(a.strong));
    expect(Array.from(c.rows)).not.toEqual(Array.from(a.rows));
    expect(Array.from(c.weak)).not.toEqual(Array.from(a.weak));
  });

  it('uses the photo presets (with flips) for colour images, and all rows when there are fewer', async () => {
    const p = await drawAugmentedPairs(images(5, { width: 8, height: 8, channels: 3 }), 8, 0);
    expect(p.presets).toEqual({ weak: 'weakPhotos', strong: 'strongPhotos' });
    expect(p.specs.strong.flip).toBe(true);
    expect(Array.from(p.rows).sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('refuses vector data, saying augmentations need images', async () => {
    const d: Dataset = { id: 'v', name: 'Blobs', n: 10, dim: 2, x: new Float32Array(20), numClasses: 2 };
    await expect(drawAugmentedPairs(d, 8, 0)).rejects.toThrow(/need images/);
  });
});
