import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import '../testing/tfSetup';
import { datasetScanLoss, scanLoss } from './scanLoss';
import { selfLabelLoss } from './selfLabelLoss';
import { noGrad } from '../nn/stopGradient';

const value = async (t: tf.Tensor): Promise<number> => (await t.data())[0];

describe('SCAN loss (Eq. 2)', () => {
  it('equals its definition on a small batch', async () => {
    const la = [[2, 0, -1], [0, 1, 0]];
    const ln = [[1, 0.5, 0], [-1, 2, 0]];
    const softmax = (r: number[]): number[] => {
      const e = r.map(Math.exp);
      const s = e.reduce((a, b) => a + b);
      return e.map((v) => v / s);
    };
    const pa = la.map(softmax);
    const pn = ln.map(softmax);
    const consistency = -(pa.map((p, i) => Math.log(p.reduce((s, v, c) => s + v * pn[i][c], 0))).reduce((a, b) => a + b) / 2);
    const mean = [0, 1, 2].map((c) => (pa[0][c] + pa[1][c]) / 2);
    const entropy = -mean.reduce((s, v) => s + v * Math.log(v), 0);
    const l = scanLoss(tf.tensor2d(la), tf.tensor2d(ln), 5);
    expect(await value(l.consistency)).toBeCloseTo(consistency, 5);
    expect(await value(l.entropy)).toBeCloseTo(entropy, 5);
    expect(await value(l.total)).toBeCloseTo(consistency - 5 * entropy, 4);
  });

  it('is lowest when neighbours agree and the clusters are balanced', async () => {
    const sure = [[20, 0], [0, 20]];
    const agree = await value(scanLoss(tf.tensor2d(sure), tf.tensor2d(sure), 1).total);
    const disagree = await value(scanLoss(tf.tensor2d(sure), tf.tensor2d([[0, 20], [20, 0]]), 1).total);
    const collapsed = await value(scanLoss(tf.tensor2d([[20, 0], [20, 0]]), tf.tensor2d([[20, 0], [20, 0]]), 1).total);
    expect(agree).toBeCloseTo(-Math.log(2), 4);
    expect(disagree).toBeGreaterThan(agree + 5);
    expect(collapsed).toBeGreaterThan(agree + 0.5);
  });

  it('on the whole data set, uses every mined neighbour', async () => {
    // Rows 0, 1 in cluster 0 and rows 2, 3 in cluster 1; neighbours within the cluster or across.
    const p = tf.tensor2d([[1, 0], [1, 0], [0, 1], [0, 1]]);
    const within = { n: 4, k: 1, indices: Int32Array.from([1, 0, 3, 2]) };
    const across = { n: 4, k: 1, indices: Int32Array.from([2, 3, 0, 1]) };
    expect(await value(datasetScanLoss(p, within, 1))).toBeCloseTo(-Math.log(2), 4);
    expect(await value(datasetScanLoss(p, across, 1))).toBeGreaterThan(10);
  });
});

describe('self-labelling loss', () => {
  it('learns only from confident rows, each class weighted by the inverse of its count', async () => {
    // Rows 0–2 confident in class 0, row 3 confident in class 1, row 4 unsure.
    const weak = tf.tensor2d([[0.995, 0.005], [0.995, 0.005], [0.995, 0.005], [0.001, 0.999], [0.6, 0.4]]);
    const strong = [[1, 0], [0, 0], [2, 1], [0, 3], [5, -5]];
    const ce = strong.map(([a, b], i) => {
      const lse = Math.log(Math.exp(a) + Math.exp(b));
      return i === 3 ? lse - b : lse - a;
    });
    // Class 0 has 3 rows (weight 1/3 each), class 1 one row (weight 1): each class counts half.
    const expected = ((ce[0] + ce[1] + ce[2]) / 3 + ce[3]) / 2;
    const l = selfLabelLoss(weak, tf.tensor2d(strong), 0.99);
    expect(await value(l.total)).toBeCloseTo(expected, 5);
    expect(await value(l.confident)).toBeCloseTo(0.8, 6);
  });

  it('is 0 when nothing is confident', async () => {
    const l = selfLabelLoss(tf.tensor2d([[0.5, 0.5]]), tf.tensor2d([[1, 2]]), 0.99);
    expect(await value(l.total)).toBe(0);
  });

  it('takes no gradient through the weak view (noGrad)', async () => {
    const w = tf.variable(tf.tensor2d([[1, -1], [0.5, 2]]));
    const x = tf.tensor2d([[1, 2], [3, -1], [0.2, 0.1]]);
    // The same targets computed outside the tape: the gradient must be that of the strong path only.
    const fixed = tf.softmax(tf.matMul(x, w)) as tf.Tensor2D;
    const expected = tf.variableGrads(() => selfLabelLoss(fixed, tf.matMul(x, w), 0.6).total, [w]).grads[w.name];
    const got = tf.variableGrads(() => selfLabelLoss(noGrad((r) => tf.softmax(tf.matMul(r, w)) as tf.Tensor2D, x), tf.matMul(x, w), 0.6).total, [w]).grads[w.name];
    const e = Array.from(await expected.data());
    expect(e.some((v) => Math.abs(v) > 1e-4), 'a test with a gradient').toBe(true);
    Array.from(await got.data()).forEach((v, i) => expect(v).toBeCloseTo(e[i], 6));
    // Taped, the weak view's thresholding has no gradient at all: noGrad is what makes the step possible.
    expect(() => tf.variableGrads(() => selfLabelLoss(tf.softmax(tf.matMul(x, w)) as tf.Tensor2D, tf.matMul(x, w), 0.6).total, [w])).toThrow(/gradient/);
  });
});
