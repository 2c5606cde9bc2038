// CC's cluster-level loss against its definition in loops (NT-Xent over columns with cosine
// similarity, Eq. 5–6; log M − H of the cluster sizes, Eq. 7), and what it must prefer: two views
// that agree on balanced clusters over views that put everything in one cluster.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import '../testing/tfSetup';
import { clusterContrast, clusterLevelLoss, sizeEntropyGap } from './ccLoss';

/** Eq. 5–6 written out: columns of a and b are the 2M items, column m of each view the positive pair. */
function contrastReference(a: number[][], b: number[][], tau: number): number {
  const m = a[0].length;
  const cols = [...Array.from({ length: m }, (_, j) => a.map((r) => r[j])), ...Array.from({ length: m }, (_, j) => b.map((r) => r[j]))];
  const cos = (u: number[], v: number[]): number => u.reduce((s, x, i) => s + x * v[i], 0) / (Math.hypot(...u) * Math.hypot(...v));
  let total = 0;
  for (let i = 0; i < 2 * m; i++) {
    const pos = i < m ? i + m : i - m;
    let denom = 0;
    for (let k = 0; k < 2 * m; k++) if (k !== i) denom += Math.exp(cos(cols[i], cols[k]) / tau);
    total -= Math.log(Math.exp(cos(cols[i], cols[pos]) / tau) / denom);
  }
  return total / (2 * m);
}

function entropyGapReference(y: number[][]): number {
  const m = y[0].length;
  const sizes = Array.from({ length: m }, (_, j) => y.reduce((s, r) => s + r[j], 0));
  const total = sizes.reduce((s, v) => s + v, 0);
  return Math.log(m) + sizes.reduce((s, v) => s + (v / total) * Math.log(v / total), 0);
}

async function value(t: tf.Tensor): Promise<number> {
  const v = (await t.data())[0];
  t.dispose();
  return v;
}

describe('CC cluster-level loss', () => {
  const a = [[0.7, 0.2, 0.1], [0.1, 0.8, 0.1], [0.2, 0.2, 0.6], [0.5, 0.4, 0.1], [0.3, 0.3, 0.4]];
  const b = [[0.6, 0.3, 0.1], [0.2, 0.7, 0.1], [0.1, 0.1, 0.8], [0.6, 0.2, 0.2], [0.2, 0.5, 0.3]];

  it('contrasts columns as Eq. 5–6 define, and measures cluster sizes as Eq. 7', async () => {
    expect(await value(clusterContrast(tf.tensor2d(a), tf.tensor2d(b), 1))).toBeCloseTo(contrastReference(a, b, 1), 5);
    expect(await value(clusterContrast(tf.tensor2d(a), tf.tensor2d(b), 0.5))).toBeCloseTo(contrastReference(a, b, 0.5), 5);
    expect(await value(sizeEntropyGap(tf.tensor2d(a)))).toBeCloseTo(entropyGapReference(a), 6);
  });

  it('prefers agreeing views over balanced clusters to a collapse into one cluster', async () => {
    const m = 4;
    const balanced = Array.from({ length: 16 }, (_, i) => Array.from({ length: m }, (_, c) => (c === i % m ? 0.97 : 0.01)));
    const collapsed = balanced.map(() => [0.97, 0.01, 0.01, 0.01]);
    const good = clusterLevelLoss(tf.tensor2d(balanced), tf.tensor2d(balanced), 1);
    const bad = clusterLevelLoss(tf.tensor2d(collapsed), tf.tensor2d(collapsed), 1);
    const [goodEntropy, badEntropy] = [await value(good.entropy), await value(bad.entropy)];
    expect(goodEntropy).toBeCloseTo(0, 5);
    expect(badEntropy).toBeGreaterThan(Math.log(m)); // both views nearly all in one cluster
    expect(await value(good.contrast)).toBeLessThan((await value(bad.contrast)) - 0.3);
  });
});
