import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import '../testing/tfSetup';
import { ntXent } from './ntXent';

/** The definition, in plain loops. */
function reference(a: number[][], b: number[][], tau: number): number {
  const z = [...a, ...b].map((r) => {
    const norm = Math.hypot(...r);
    return r.map((v) => v / norm);
  });
  const n = a.length;
  let total = 0;
  for (let i = 0; i < 2 * n; i++) {
    const j = i < n ? i + n : i - n;
    const sim = (k: number): number => z[i].reduce((s, v, d) => s + v * z[k][d], 0) / tau;
    let denom = 0;
    for (let k = 0; k < 2 * n; k++) if (k !== i) denom += Math.exp(sim(k));
    total += -Math.log(Math.exp(sim(j)) / denom);
  }
  return total / (2 * n);
}

describe('NT-Xent', () => {
  it('equals its definition', async () => {
    const a = [[1, 0.2, -0.3], [0.1, 1, 0.4], [-0.5, 0.3, 1]];
    const b = [[0.9, 0.1, -0.2], [0.3, 0.8, 0.1], [-0.2, -0.1, 0.7]];
    const loss = ntXent(tf.tensor2d(a), tf.tensor2d(b), 0.5);
    expect((await loss.data())[0]).toBeCloseTo(reference(a, b, 0.5), 4);
  });

  it('is lower when the views agree than when they are shuffled', async () => {
    const a = tf.randomNormal([16, 8], 0, 1, 'float32', 3) as tf.Tensor2D;
    const noise = tf.randomNormal([16, 8], 0, 0.1, 'float32', 4);
    const b = tf.add(a, noise) as tf.Tensor2D;
    const shuffled = tf.reverse(b, 0) as tf.Tensor2D;
    const agree = (await ntXent(a, b, 0.5).data())[0];
    const disagree = (await ntXent(a, shuffled, 0.5).data())[0];
    expect(agree).toBeLessThan(disagree - 1);
  });
});
