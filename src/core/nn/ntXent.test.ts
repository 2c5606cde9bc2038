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

describe('NT-Xent gradient', () => {
  it("equals tfjs's own autodiff of the same loss", async () => {
    const a = tf.randomNormal([6, 4], 0, 1, 'float32', 5) as tf.Tensor2D;
    const b = tf.randomNormal([6, 4], 0, 1, 'float32', 6) as tf.Tensor2D;
    const plain = (x: tf.Tensor2D, y: tf.Tensor2D): tf.Scalar => {
      const z = tf.concat([x, y], 0);
      const zn = tf.div(z, tf.add(tf.norm(z, 'euclidean', 1, true), 1e-12)) as tf.Tensor2D;
      const logits = tf.sub(tf.div(tf.matMul(zn, zn, false, true), 0.5), tf.mul(tf.eye(12), 1e9));
      const targets = tf.oneHot(tf.concat([tf.range(6, 12, 1, 'int32'), tf.range(0, 6, 1, 'int32')]), 12);
      return tf.losses.softmaxCrossEntropy(targets, logits) as tf.Scalar;
    };
    const [ga, gb] = tf.grads((x, y) => ntXent(x as tf.Tensor2D, y as tf.Tensor2D, 0.5))([a, b]);
    const [pa, pb] = tf.grads((x, y) => plain(x as tf.Tensor2D, y as tf.Tensor2D))([a, b]);
    const ours = [...(await ga.data()), ...(await gb.data())];
    const theirs = [...(await pa.data()), ...(await pb.data())];
    ours.forEach((v, i) => expect(v).toBeCloseTo(theirs[i], 5));
    expect(Math.max(...theirs.map(Math.abs))).toBeGreaterThan(1e-3);
  });
});
