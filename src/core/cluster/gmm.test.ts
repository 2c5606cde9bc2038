// EM on separated, axis-aligned Gaussian blobs with unequal weights and variances must recover
// the generating parameters (up to a permutation of the components) and the labels.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { ari } from '../metrics';
import { createRng } from '../rng';
import { fitGmm, gaussianLogJoint } from './gmm';
import { kmeans } from './kmeans';

const TRUE = {
  weights: [0.5, 0.3, 0.2],
  means: [
    [0, 0, 5],
    [8, 1, -3],
    [-6, 7, 0],
  ],
  // Very different spreads per dimension: what a diagonal covariance can express and k-means cannot.
  variances: [
    [4, 0.25, 1],
    [0.5, 3, 0.2],
    [1, 1, 6],
  ],
};

function sample(n: number, seed: number): { x: Float32Array; y: Int32Array } {
  const rng = createRng(seed);
  const d = 3;
  const x = new Float32Array(n * d);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const u = rng.next();
    const c = u < TRUE.weights[0] ? 0 : u < TRUE.weights[0] + TRUE.weights[1] ? 1 : 2;
    y[i] = c;
    for (let j = 0; j < d; j++) x[i * d + j] = TRUE.means[c][j] + Math.sqrt(TRUE.variances[c][j]) * rng.normal();
  }
  return { x, y };
}

describe('fitGmm (diagonal EM)', () => {
  it('recovers weights, means, variances and labels of separated blobs, leaving no tensor', async () => {
    const n = 3000;
    const { x, y } = sample(n, 7);
    const xt = tf.tensor2d(x, [n, 3]);
    const before = tf.memory().numTensors;
    const res = await fitGmm(xt, { k: 3, rng: createRng(1) });
    const [w, mu, v] = await Promise.all([res.weights.data(), res.means.data(), res.variances.data()]);
    tf.dispose([res.weights, res.means, res.variances]);
    expect(tf.memory().numTensors).toBe(before);
    xt.dispose();

    expect(ari(y, res.labels)).toBeGreaterThan(0.99);
    expect(Number.isFinite(res.logLikelihood)).toBe(true);
    for (let c = 0; c < 3; c++) {
      // The component found for true cluster c: the one nearest to its mean.
      let best = 0;
      let bestD = Infinity;
      for (let f = 0; f < 3; f++) {
        const dist = TRUE.means[c].reduce((s, m, j) => s + (m - mu[f * 3 + j]) ** 2, 0);
        if (dist < bestD) [best, bestD] = [f, dist];
      }
      expect(w[best]).toBeCloseTo(TRUE.weights[c], 1);
      for (let j = 0; j < 3; j++) {
        expect(Math.abs(mu[best * 3 + j] - TRUE.means[c][j])).toBeLessThan(0.2);
        expect(v[best * 3 + j] / TRUE.variances[c][j]).toBeGreaterThan(0.85);
        expect(v[best * 3 + j] / TRUE.variances[c][j]).toBeLessThan(1.15);
      }
    }
  });

  it('maxIter 0 is the k-means initialisation alone: the moments of the k-means clusters', async () => {
    const n = 1500;
    const { x } = sample(n, 11);
    const xt = tf.tensor2d(x, [n, 3]);
    const res = await fitGmm(xt, { k: 3, rng: createRng(2), maxIter: 0 });
    // The same k-means fitGmm draws: same seed, on the data centred as fitGmm centres it.
    const xc = tf.tidy(() => tf.sub(xt, tf.mean(xt, 0, true))) as tf.Tensor2D;
    const km = await kmeans(xc, { k: 3, rng: createRng(2), nInit: 1 });
    const [w, mu] = await Promise.all([res.weights.data(), res.means.data()]);
    tf.dispose([res.weights, res.means, res.variances, xt, xc, km.centroids]);
    expect(res.iterations).toBe(0);
    for (let c = 0; c < 3; c++) {
      const rows = [...km.labels.keys()].filter((i) => km.labels[i] === c);
      expect(w[c]).toBeCloseTo(rows.length / n, 4);
      for (let j = 0; j < 3; j++) expect(mu[c * 3 + j]).toBeCloseTo(rows.reduce((s, i) => s + x[i * 3 + j], 0) / rows.length, 3);
    }
  });

  it('gaussianLogJoint equals the closed-form log density', async () => {
    const x = tf.tensor2d([[1, 2]]);
    const lw = tf.tensor1d([Math.log(0.25), Math.log(0.75)]);
    const mu = tf.tensor2d([[0, 0], [1, 1]]);
    const v = tf.tensor2d([[1, 4], [0.5, 2]]);
    const got = await gaussianLogJoint(x, lw, mu, v).data();
    const ref = (w: number, m: number[], s: number[]): number =>
      Math.log(w) + [1, 2].reduce((acc, xi, j) => acc - 0.5 * (Math.log(2 * Math.PI * s[j]) + (xi - m[j]) ** 2 / s[j]), 0);
    expect(got[0]).toBeCloseTo(ref(0.25, [0, 0], [1, 4]), 4);
    expect(got[1]).toBeCloseTo(ref(0.75, [1, 1], [0.5, 2]), 4);
    tf.dispose([x, lw, mu, v]);
  });
});
