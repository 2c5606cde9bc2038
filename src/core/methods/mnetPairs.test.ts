// MNet's self-supervision picks exactly the pairs above ζ (similar) and below the lower threshold
// (dissimilar), never a point with itself, and its losses reward agreeing with those labels.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { pairSimilarity, pairwiseLoss, selectPairs } from './mnetPairs';

/** Random soft assignments, some sharp and some flat, rows × k. */
function softRows(n: number, k: number, seed: number): number[][] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => {
    const t = rng.next() < 0.5 ? 8 : 1;
    const e = Array.from({ length: k }, () => Math.exp(t * rng.normal()));
    const s = e.reduce((a, b) => a + b, 0);
    return e.map((v) => v / s);
  });
}

describe('MNet pair selection', () => {
  it('labels exactly the pairs i ≠ j with aᵢᵀaⱼ > ζ similar and < ζ_low dissimilar', async () => {
    const a = softRows(40, 5, 3);
    const [zeta, low] = [0.8, 0.2];
    const t = tf.tensor2d(a);
    const s = pairSimilarity(t);
    const masks = selectPairs(s, zeta, low);
    const sim = (await masks.similar.array()) as number[][];
    const dis = (await masks.dissimilar.array()) as number[][];
    let nSim = 0;
    let nDis = 0;
    let nNeither = 0;
    for (let i = 0; i < a.length; i++)
      for (let j = 0; j < a.length; j++) {
        const dot = a[i].reduce((acc, v, c) => acc + v * a[j][c], 0);
        if (Math.abs(dot - zeta) < 1e-5 || Math.abs(dot - low) < 1e-5) continue; // float ties
        const wantSim = i !== j && dot > zeta ? 1 : 0;
        const wantDis = i !== j && dot < low ? 1 : 0;
        expect([sim[i][j], dis[i][j]]).toEqual([wantSim, wantDis]);
        nSim += wantSim;
        nDis += wantDis;
        if (i !== j && !wantSim && !wantDis) nNeither++;
      }
    // The fixture exercises all three cases.
    expect(Math.min(nSim, nDis, nNeither)).toBeGreaterThan(10);
    tf.dispose([t, s, masks.similar, masks.dissimilar]);
  });

  it('losses are low when q agrees with the pair labels and high when it does not', async () => {
    const labels = [0, 0, 1, 1, 2];
    const oneHot = tf.oneHot(tf.tensor1d(labels, 'int32'), 3).toFloat() as tf.Tensor2D;
    const masks = selectPairs(pairSimilarity(oneHot), 0.8, 0.2);
    const agree = tf.tensor2d(labels.map((l) => [0, 1, 2].map((c) => (c === l ? 0.98 : 0.01))));
    const flat = tf.fill([5, 3], 1 / 3) as tf.Tensor2D;
    for (const kind of ['bce', 'linear'] as const) {
      const good = (await pairwiseLoss(agree, masks, kind).data())[0];
      const bad = (await pairwiseLoss(flat, masks, kind).data())[0];
      expect(good).toBeLessThan(0.1);
      expect(bad).toBeGreaterThan(0.3);
    }
    // By hand for the flat q: p = 1/3 on every pair; of the 5 × 4 ordered pairs i ≠ j, 4 are similar
    // and 16 dissimilar, and every pair weighs the same (the paper's sum, over the 20 pairs).
    const bce = (await pairwiseLoss(flat, masks, 'bce').data())[0];
    expect(bce).toBeCloseTo((4 * -Math.log(1 / 3) + 16 * -Math.log(2 / 3)) / 20, 4);
    const linear = (await pairwiseLoss(flat, masks, 'linear').data())[0];
    expect(linear).toBeCloseTo((4 * (2 / 3) + 16 * (1 / 3)) / 20, 4);
    tf.dispose([oneHot, masks.similar, masks.dissimilar, agree, flat]);
  });
});

describe('MNet pair loss under autodiff', () => {
  it('differentiates when the pairs are chosen from q itself (the q-space epochs)', async () => {
    const w = tf.variable(tf.randomNormal([4, 3], 0, 1, 'float32', 7));
    const x = tf.randomNormal([12, 4], 0, 1, 'float32', 8) as tf.Tensor2D;
    const { value, grads } = tf.variableGrads(() => {
      const q = tf.softmax(tf.matMul(x, w)) as tf.Tensor2D;
      return pairwiseLoss(q, selectPairs(pairSimilarity(q), 0.4, 0.3), 'bce');
    }, [w]);
    const g = await grads[w.name].data();
    expect(Number.isFinite((await value.data())[0])).toBe(true);
    expect(g.some((v) => v !== 0) && g.every(Number.isFinite)).toBe(true);
    tf.dispose([w, x, value, grads[w.name]]);
  });
});
