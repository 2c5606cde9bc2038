// The IIC loss against its definition written out in loops, and the bounds that make it a
// clustering objective: −log k exactly for identical confident views over balanced clusters, and
// above it when the clusters collapse, the views disagree or the assignments are unsure.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import '../testing/tfSetup';
import { iicJoint, iicLoss } from './iicLoss';

/** Eq. 1–3 in plain loops: P = Σ a bᵀ, symmetrised and normalised; −Σ P (log P − λ log Pᵢ − λ log Pⱼ). */
function reference(a: number[][], b: number[][], lambda: number): { joint: number[][]; loss: number } {
  const k = a[0].length;
  const p = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < a.length; i++) for (let c = 0; c < k; c++) for (let d = 0; d < k; d++) p[c][d] += a[i][c] * b[i][d];
  let total = 0;
  const sym = p.map((row, c) => row.map((v, d) => (v + p[d][c]) / 2));
  for (const row of sym) for (const v of row) total += v;
  const joint = sym.map((row) => row.map((v) => v / total));
  const row = joint.map((r) => r.reduce((s, v) => s + v, 0));
  const col = joint[0].map((_, d) => joint.reduce((s, r) => s + r[d], 0));
  let loss = 0;
  for (let c = 0; c < k; c++) for (let d = 0; d < k; d++) loss -= joint[c][d] * (Math.log(joint[c][d]) - lambda * Math.log(row[c]) - lambda * Math.log(col[d]));
  return { joint, loss };
}

const softmaxRows = (logits: number[][]): number[][] =>
  logits.map((r) => {
    const e = r.map(Math.exp);
    const s = e.reduce((x, y) => x + y, 0);
    return e.map((v) => v / s);
  });

async function value(t: tf.Tensor): Promise<number> {
  const v = (await t.data())[0];
  t.dispose();
  return v;
}

describe('IIC loss', () => {
  const a = softmaxRows([[1, 0.2, -0.3], [0.1, 1, 0.4], [-0.5, 0.3, 1], [0.7, 0.7, -1], [0, 0, 0]]);
  const b = softmaxRows([[0.9, 0.1, -0.2], [0.3, 0.8, 0.1], [-0.2, -0.1, 0.7], [1.2, -0.4, 0], [0.5, -0.5, 0.1]]);

  it('builds the symmetric, normalised joint of Eq. 3', async () => {
    const joint = iicJoint(tf.tensor2d(a), tf.tensor2d(b));
    const got = (await joint.array()) as number[][];
    joint.dispose();
    const want = reference(a, b, 1).joint;
    for (let c = 0; c < 3; c++) for (let d = 0; d < 3; d++) expect(got[c][d]).toBeCloseTo(want[c][d], 6);
  });

  it('equals its definition (Eq. 1–3), with and without the λ weighting of the marginals', async () => {
    for (const lambda of [1, 1.5]) {
      const got = await value(iicLoss(tf.tensor2d(a), tf.tensor2d(b), lambda));
      expect(got).toBeCloseTo(reference(a, b, lambda).loss, 5);
    }
  });

  it('is −log k, its minimum, for identical confident views over balanced clusters', async () => {
    const k = 4;
    const oneHot = Array.from({ length: 12 }, (_, i) => Array.from({ length: k }, (_, c) => (c === i % k ? 1 : 0)));
    const best = await value(iicLoss(tf.tensor2d(oneHot), tf.tensor2d(oneHot)));
    expect(best).toBeCloseTo(-Math.log(k), 5);

    // Everything in one cluster: no information (0); views that disagree, or unsure ones: less.
    const collapsed = oneHot.map(() => [1, 0, 0, 0]);
    expect(await value(iicLoss(tf.tensor2d(collapsed), tf.tensor2d(collapsed)))).toBeCloseTo(0, 5);
    const shifted = oneHot.map((r) => [r[3], r[0], r[1], r[2]]);
    const unsure = oneHot.map((r) => r.map((v) => 0.7 * v + 0.3 / k));
    const random = softmaxRows(Array.from({ length: 12 }, (_, i) => Array.from({ length: k }, (_, c) => Math.sin(7 * i + 3 * c))));
    for (const [name, other] of [['unsure', unsure], ['random', random]] as const) {
      const v = await value(iicLoss(tf.tensor2d(oneHot), tf.tensor2d(other)));
      expect(v, name).toBeGreaterThan(best + 0.1);
    }
    // The symmetrised joint asks for the *same* cluster in both views: a consistent cyclic
    // relabelling of 4 clusters spreads P over two cells per row, leaving log 2 of the log 4.
    const relabelled = await value(iicLoss(tf.tensor2d(oneHot), tf.tensor2d(shifted)));
    expect(relabelled).toBeCloseTo(-Math.log(2), 5);
  });

  it('leaves no tensor behind', () => {
    const x = tf.tensor2d(a);
    const y = tf.tensor2d(b);
    const before = tf.memory().numTensors;
    const l = iicLoss(x, y);
    expect(tf.memory().numTensors).toBe(before + 1);
    tf.dispose([l, x, y]);
  });
});
