import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { fitPcaWhiten, symmetricEigen } from './pcaWhiten';

describe('symmetricEigen (Jacobi)', () => {
  it('returns A v = λ v with orthonormal vectors, eigenvalues in decreasing order', () => {
    const rng = createRng(3);
    const m = 6;
    const b = Array.from({ length: m * m }, () => rng.normal());
    const a = new Float64Array(m * m); // A = BᵀB: symmetric positive semi-definite
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) for (let t = 0; t < m; t++) a[i * m + j] += b[t * m + i] * b[t * m + j];
    const { values, vectors } = symmetricEigen(a, m);
    for (let c = 1; c < m; c++) expect(values[c]).toBeLessThanOrEqual(values[c - 1]);
    for (let c = 0; c < m; c++) {
      for (let i = 0; i < m; i++) {
        let av = 0;
        for (let j = 0; j < m; j++) av += a[i * m + j] * vectors[j * m + c];
        expect(av).toBeCloseTo(values[c] * vectors[i * m + c], 8);
      }
      for (let d = 0; d < m; d++) {
        let dot = 0;
        for (let i = 0; i < m; i++) dot += vectors[i * m + c] * vectors[i * m + d];
        expect(dot).toBeCloseTo(c === d ? 1 : 0, 10);
      }
    }
  });
});

describe('fitPcaWhiten', () => {
  /** Second moment fᵀf / n of the 2-D output rows (row-major 2 × 2). */
  async function secondMoment(whiten: boolean): Promise<{ m: number[]; norms: Float32Array }> {
    const rng = createRng(4);
    const n = 4000;
    const x = new Float32Array(n * 3);
    // Correlated, unequal-variance Gaussian data with an offset.
    for (let i = 0; i < n; i++) {
      const [a, b, c] = [rng.normal(), rng.normal(), rng.normal()];
      x.set([10 + 5 * a, -3 + 2 * a + 0.5 * b, 0.1 * c], i * 3);
    }
    const xt = tf.tensor2d(x, [n, 3]);
    const t = await fitPcaWhiten(xt, { dims: 2, whiten });
    const f = t.apply(xt);
    expect(f.shape).toEqual([n, 2]);
    const [norms, m] = await Promise.all([tf.norm(f, 'euclidean', 1).data(), tf.div(tf.matMul(tf.transpose(f), f), n).data()]);
    tf.dispose([xt, f]);
    t.dispose();
    return { m: Array.from(m), norms: norms as Float32Array };
  }

  it('whitened then L2-normalised: unit rows, directions uniform on the circle (E[ffᵀ] = I/2)', async () => {
    const { m, norms } = await secondMoment(true);
    for (const v of norms) expect(v).toBeCloseTo(1, 4);
    expect(m[0]).toBeCloseTo(0.5, 1);
    expect(m[3]).toBeCloseTo(0.5, 1);
    expect(Math.abs(m[1])).toBeLessThan(0.05);
  });

  it('without whitening the dominant component dominates the directions', async () => {
    const { m } = await secondMoment(false);
    expect(m[0]).toBeGreaterThan(0.8);
  });
});
