import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { ImageShape } from '../data/dataset';
import { createRng } from '../rng';
import { randomCrops } from './randomCrop';

/** Pixel (y, x, c) of `row` shifted by (dy, dx) with zero fill, channels last. */
function shifted(row: Float32Array, s: ImageShape, dy: number, dx: number): Float32Array {
  const out = new Float32Array(row.length);
  for (let y = 0; y < s.height; y++)
    for (let x = 0; x < s.width; x++) {
      const sy = y + dy;
      const sx = x + dx;
      if (sy < 0 || sy >= s.height || sx < 0 || sx >= s.width) continue;
      for (let c = 0; c < s.channels; c++) out[(y * s.width + x) * s.channels + c] = row[(sy * s.width + sx) * s.channels + c];
    }
  return out;
}

async function crop(rows: Float32Array, n: number, s: ImageShape, pad: number, seed: number): Promise<Float32Array> {
  const x = tf.tensor2d(rows, [n, s.width * s.height * s.channels]);
  const out = tf.tidy(() => randomCrops(x, s, pad, createRng(seed)));
  const values = (await out.data()) as Float32Array;
  tf.dispose([x, out]);
  return values;
}

describe('randomCrops', () => {
  for (const s of [{ width: 5, height: 4, channels: 1 }, { width: 3, height: 6, channels: 3 }] as ImageShape[]) {
    it(`every crop is its image shifted by at most pad pixels, zero-filled (${s.width}×${s.height}×${s.channels})`, async () => {
      const n = 40;
      const pad = 2;
      const dim = s.width * s.height * s.channels;
      const rng = createRng(1);
      const rows = Float32Array.from({ length: n * dim }, () => 0.1 + rng.next()); // no zeros, so a shift shows
      const out = await crop(rows, n, s, pad, 7);
      const seen = new Set<string>();
      for (let i = 0; i < n; i++) {
        const got = out.subarray(i * dim, (i + 1) * dim);
        const row = rows.subarray(i * dim, (i + 1) * dim);
        let match: string | null = null;
        for (let dy = -pad; dy <= pad && !match; dy++)
          for (let dx = -pad; dx <= pad && !match; dx++) {
            const want = shifted(row, s, dy, dx);
            if (want.every((v, j) => Math.abs(v - got[j]) < 1e-6)) match = `${dy},${dx}`;
          }
        expect(match, `row ${i} is no shift of its image`).not.toBeNull();
        seen.add(match!);
      }
      expect(seen.size).toBeGreaterThan(10); // 25 possible shifts, drawn at random
    });
  }

  it('the same seed gives the same crops; pad 0 leaves rows as they are', async () => {
    const s: ImageShape = { width: 6, height: 6, channels: 1 };
    const rows = Float32Array.from({ length: 8 * 36 }, (_, i) => (i % 13) / 13);
    expect(await crop(rows, 8, s, 3, 5)).toEqual(await crop(rows, 8, s, 3, 5));
    expect(await crop(rows, 8, s, 3, 5)).not.toEqual(await crop(rows, 8, s, 3, 6));
    expect(await crop(rows, 8, s, 0, 5)).toEqual(rows);
  });
});
