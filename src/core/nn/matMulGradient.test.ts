import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { installMatMulGradient } from './matMulGradient';

installMatMulGradient();

async function maxAbsDiff(a: tf.Tensor, b: tf.Tensor): Promise<number> {
  const m = tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))));
  const [v] = await m.data();
  m.dispose();
  return v;
}

/** Central finite difference of f at x, entry by entry (small tensors only). */
async function numericGradient(f: (x: tf.Tensor) => tf.Scalar, x: tf.Tensor, h = 1e-2): Promise<tf.Tensor> {
  const base = await x.data();
  const out = new Float32Array(base.length);
  for (let i = 0; i < base.length; i++) {
    const at = (delta: number): number => {
      const moved = Float32Array.from(base);
      moved[i] += delta;
      return tf.tidy(() => f(tf.tensor(moved, x.shape)).dataSync()[0]);
    };
    out[i] = (at(h) - at(-h)) / (2 * h);
  }
  return tf.tensor(out, x.shape);
}

describe('matMul gradient with explicit transposes', () => {
  const cases: Array<[boolean, boolean]> = [[false, false], [false, true], [true, false], [true, true]];
  it.each(cases)('transposeA %s, transposeB %s: equals finite differences', async (ta, tb) => {
    const a = tf.randomNormal(ta ? [4, 3] : [3, 4], 0, 1, 'float32', 1);
    const b = tf.randomNormal(tb ? [5, 4] : [4, 5], 0, 1, 'float32', 2);
    const r = tf.randomNormal([3, 5], 0, 1, 'float32', 3);
    // A non-linear head, so every entry of the upstream gradient differs.
    const loss = (x: tf.Tensor, y: tf.Tensor): tf.Scalar => tf.sum(tf.mul(tf.sin(tf.matMul(x as tf.Tensor2D, y as tf.Tensor2D, ta, tb)), r));
    const [da, db] = tf.grads(loss)([a, b]);
    const na = await numericGradient((x) => loss(x, b), a);
    const nb = await numericGradient((y) => loss(a, y), b);
    expect(await maxAbsDiff(da, na)).toBeLessThan(2e-3);
    expect(await maxAbsDiff(db, nb)).toBeLessThan(2e-3);
    expect(await maxAbsDiff(db, tf.zerosLike(db))).toBeGreaterThan(1e-2);
    tf.dispose([a, b, r, da, db, na, nb]);
  });

  it('computes only the gradient that is asked for', async () => {
    const x = tf.randomNormal([8, 6], 0, 1, 'float32', 4);
    const w = tf.randomNormal([6, 7], 0, 1, 'float32', 5);
    const count = async (f: () => void, kernel: string): Promise<number> => (await tf.profile(f)).kernels.filter((k) => k.name === kernel).length;
    const onlyX = () => tf.dispose(tf.grad((xx: tf.Tensor) => tf.sum(tf.matMul(xx as tf.Tensor2D, w as tf.Tensor2D)))(x));
    const both = () => tf.dispose(tf.grads((xx: tf.Tensor, ww: tf.Tensor) => tf.sum(tf.matMul(xx as tf.Tensor2D, ww as tf.Tensor2D)))([x, w]));
    // One forward product, then one backward product: dx only (w is a constant here).
    expect(await count(onlyX, 'BatchMatMul')).toBe(2);
    expect(await count(both, 'BatchMatMul')).toBe(3);
    // The transposes are explicit kernels (tfjs's own gradient passes flags instead).
    expect(await count(onlyX, 'Transpose')).toBe(1);
    expect(await count(both, 'Transpose')).toBe(2);
    tf.dispose([x, w]);
  });

  it('leaves batched products to tfjs', async () => {
    const a = tf.randomNormal([2, 3, 4], 0, 1, 'float32', 6);
    const b = tf.randomNormal([2, 4, 5], 0, 1, 'float32', 7);
    const [da] = tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.matMul(x as tf.Tensor3D, y as tf.Tensor3D)))([a, b]);
    const expected = tf.tile(tf.expandDims(tf.sum(b, 2), 1), [1, 3, 1]);
    expect(await maxAbsDiff(da, expected)).toBeLessThan(1e-4);
    tf.dispose([a, b, da, expected]);
  });
});
