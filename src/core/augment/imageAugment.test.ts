// Each augmentation checked against what it must do to pixels: a pure shift moves them by whole
// pixels, a flip mirrors them, a cutout zeros one square, jitter keeps [0, 1]; a seed repeats its
// views, another seed gives others, and no tensor is left behind.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { ImageShape } from '../data/dataset';
import { createRng } from '../rng';
import { AUGMENT_PRESETS, augmentImages, type AugmentSpec } from './imageAugment';

const NONE = AUGMENT_PRESETS.none;
const DIGIT: ImageShape = { width: 7, height: 6, channels: 1 };

function randomImages(n: number, s: ImageShape, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: n * s.width * s.height * s.channels }, () => rng.next());
}

async function run(rows: Float32Array, n: number, s: ImageShape, spec: AugmentSpec, seed: number): Promise<Float32Array> {
  const x = tf.tensor2d(rows, [n, s.width * s.height * s.channels]);
  const before = tf.memory().numTensors;
  const out = tf.tidy(() => augmentImages(x, s, spec, createRng(seed)));
  expect(tf.memory().numTensors).toBe(before + 1);
  const values = (await out.data()) as Float32Array;
  tf.dispose([x, out]);
  return values;
}

const at = (v: Float32Array, s: ImageShape, i: number, y: number, x: number, c = 0): number =>
  v[((i * s.height + y) * s.width + x) * s.channels + c];

describe('augmentImages', () => {
  it('no augmentation returns the images unchanged', async () => {
    const rows = randomImages(3, DIGIT, 1);
    expect(Array.from(await run(rows, 3, DIGIT, NONE, 0))).toEqual(Array.from(rows));
  });

  it('a shift moves every image by whole pixels (≤ shiftPx, zero fill), and the shifts vary', async () => {
    const n = 12;
    const rows = randomImages(n, DIGIT, 2);
    const out = await run(rows, n, DIGIT, { ...NONE, shiftPx: 2 }, 5);
    const shifts = new Set<string>();
    for (let i = 0; i < n; i++) {
      let found: string | null = null;
      for (let dy = -2; dy <= 2 && !found; dy++)
        for (let dx = -2; dx <= 2 && !found; dx++) {
          let ok = true;
          for (let y = 0; y < DIGIT.height && ok; y++)
            for (let x = 0; x < DIGIT.width && ok; x++) {
              const sy = y - dy;
              const sx = x - dx;
              const want = sy < 0 || sy >= DIGIT.height || sx < 0 || sx >= DIGIT.width ? 0 : at(rows, DIGIT, i, sy, sx);
              ok = Math.abs(at(out, DIGIT, i, y, x) - want) < 1e-5;
            }
          if (ok) found = `${dy},${dx}`;
        }
      expect(found, `image ${i} is not a whole-pixel shift`).not.toBeNull();
      shifts.add(found!);
    }
    expect(shifts.size).toBeGreaterThan(3);
  });

  it('a flip mirrors left–right (about half the images), channels kept', async () => {
    const s: ImageShape = { width: 5, height: 4, channels: 3 };
    const n = 16;
    const rows = randomImages(n, s, 3);
    const out = await run(rows, n, s, { ...NONE, flip: true }, 7);
    let flipped = 0;
    for (let i = 0; i < n; i++) {
      let same = true;
      let mirrored = true;
      for (let y = 0; y < s.height; y++)
        for (let x = 0; x < s.width; x++)
          for (let c = 0; c < 3; c++) {
            const v = at(out, s, i, y, x, c);
            same &&= Math.abs(v - at(rows, s, i, y, x, c)) < 1e-5;
            mirrored &&= Math.abs(v - at(rows, s, i, y, s.width - 1 - x, c)) < 1e-5;
          }
      expect(same || mirrored).toBe(true);
      if (mirrored) flipped++;
    }
    expect(flipped).toBeGreaterThan(3);
    expect(flipped).toBeLessThan(13);
  });

  it('a rotation turns the image about its centre by the drawn angle', async () => {
    const s: ImageShape = { width: 21, height: 21, channels: 1 };
    // A 3×3 blob 6 px right of the centre.
    const rows = new Float32Array(21 * 21);
    for (let y = 9; y <= 11; y++) for (let x = 15; x <= 17; x++) rows[y * 21 + x] = 1;
    const seed = 7; // draws about −59°
    // The angle is the generator's first draw, uniform in [−rotateDeg, rotateDeg].
    const theta = ((2 * createRng(seed).next() - 1) * 60 * Math.PI) / 180;
    expect(Math.abs(theta)).toBeGreaterThan(0.5);
    const out = await run(rows, 1, s, { ...NONE, rotateDeg: 60 }, seed);
    let mass = 0;
    let mx = 0;
    let my = 0;
    for (let y = 0; y < 21; y++)
      for (let x = 0; x < 21; x++) {
        const v = out[y * 21 + x];
        mass += v;
        mx += v * x;
        my += v * y;
      }
    expect(mass).toBeGreaterThan(7);
    expect(mx / mass).toBeCloseTo(10 + 6 * Math.cos(theta), 0);
    expect(my / mass).toBeCloseTo(10 + 6 * Math.sin(theta), 0);
  });

  it('a cutout zeros exactly one square of the given side', async () => {
    const n = 5;
    const rows = new Float32Array(n * 42).fill(1);
    const out = await run(rows, n, DIGIT, { ...NONE, cutoutPx: 3 }, 2);
    for (let i = 0; i < n; i++) {
      const zeros: [number, number][] = [];
      for (let y = 0; y < DIGIT.height; y++) for (let x = 0; x < DIGIT.width; x++) if (at(out, DIGIT, i, y, x) === 0) zeros.push([y, x]);
      expect(zeros).toHaveLength(9);
      const ys = zeros.map(([y]) => y);
      const xs = zeros.map(([, x]) => x);
      expect(Math.max(...ys) - Math.min(...ys)).toBe(2);
      expect(Math.max(...xs) - Math.min(...xs)).toBe(2);
    }
  });

  it('the strong presets stay in [0, 1]; a seed repeats its views and another seed gives others', async () => {
    const n = 4;
    const rows = randomImages(n, DIGIT, 6);
    for (const spec of [AUGMENT_PRESETS.strongDigits, AUGMENT_PRESETS.strongPhotos]) {
      const a = await run(rows, n, DIGIT, spec, 9);
      const b = await run(rows, n, DIGIT, spec, 9);
      const c = await run(rows, n, DIGIT, spec, 10);
      expect(Math.min(...a)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...a)).toBeLessThanOrEqual(1);
      expect(Array.from(a)).toEqual(Array.from(b));
      expect(Array.from(a)).not.toEqual(Array.from(c));
      expect(Array.from(a)).not.toEqual(Array.from(rows));
    }
  });
});
