// DCSS phase-1 memberships are fuzzy c-means memberships: distributions over the centres that
// follow the ratio of distance powers, sharpen to the nearest centre as m → 1, and the centre
// refresh is the u^m-weighted mean.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { fuzzyMemberships, weightedCentres } from './dcssFuzzy';
import { stopGradient } from './dcssDetach';

function randomPoints(n: number, d: number, seed: number): number[][] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => Array.from({ length: d }, () => 2 * rng.normal()));
}

const Z = randomPoints(50, 3, 1);
const MU = randomPoints(4, 3, 2);

async function memberships(m: number): Promise<number[][]> {
  const u = fuzzyMemberships(tf.tensor2d(Z), tf.tensor2d(MU), m);
  const out = (await u.array()) as number[][];
  u.dispose();
  return out;
}

const sq = (a: number[], b: number[]): number => a.reduce((s, v, j) => s + (v - b[j]) ** 2, 0);

describe('DCSS fuzzy memberships', () => {
  it('sum to 1 and equal the fuzzy c-means formula', async () => {
    const m = 1.5;
    const u = await memberships(m);
    Z.forEach((z, i) => {
      const d = MU.map((c) => sq(z, c));
      const w = d.map((v) => v ** (-1 / (m - 1)));
      const total = w.reduce((a, b) => a + b, 0);
      expect(u[i].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      u[i].forEach((v, k) => expect(v).toBeCloseTo(w[k] / total, 4));
    });
  });

  it('sharpen as m → 1: the nearest centre\'s membership grows toward 1', async () => {
    const mean = (u: number[][]): number => u.reduce((s, row) => s + Math.max(...row), 0) / u.length;
    const levels = await Promise.all([3, 2, 1.5, 1.1, 1.01].map(memberships));
    const sharpness = levels.map(mean);
    for (let i = 1; i < sharpness.length; i++) expect(sharpness[i]).toBeGreaterThan(sharpness[i - 1]);
    expect(sharpness[sharpness.length - 1]).toBeGreaterThan(0.99);
    // …and the largest membership is always the nearest centre.
    levels[2].forEach((row, i) => {
      const d = MU.map((c) => sq(Z[i], c));
      expect(row.indexOf(Math.max(...row))).toBe(d.indexOf(Math.min(...d)));
    });
  });

  it('refreshes the centres as the u^m-weighted mean of the embeddings', async () => {
    const m = 1.5;
    const u = await memberships(m);
    const x = tf.tensor2d(Z);
    const mu = tf.tensor2d(MU);
    const got = weightedCentres(x, (r) => r.clone(), mu, m, 16); // identity encoder, several chunks
    const arr = (await got.array()) as number[][];
    MU.forEach((_, k) => {
      const w = u.map((row) => row[k] ** m);
      const den = w.reduce((a, b) => a + b, 0);
      for (let j = 0; j < 3; j++) expect(arr[k][j]).toBeCloseTo(Z.reduce((s, z, i) => s + w[i] * z[j], 0) / den, 4);
    });
    tf.dispose([x, mu, got]);
  });

  it('stopGradient passes the value and blocks the gradient', async () => {
    const v = tf.variable(tf.tensor1d([1, 2, 3]));
    const { value, grads } = tf.variableGrads(() => tf.sum(tf.mul(stopGradient(tf.square(v)), v)) as tf.Scalar, [v]);
    expect(await value.data()).toEqual(new Float32Array([36]));
    expect(Array.from(await grads[v.name].data())).toEqual([1, 4, 9]); // d/dv of c·v with c = v² held fixed
    tf.dispose([v, value, grads[v.name]]);
  });
});
