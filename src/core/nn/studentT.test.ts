import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { klDivergence, softAssign, targetDistribution } from './studentT';

const read = async (t: tf.Tensor): Promise<Float32Array> => {
  const v = (await t.data()) as Float32Array;
  t.dispose();
  return v;
};

describe("DEC's clustering layer", () => {
  const z = tf.tensor2d([[0, 0], [1, 0], [4, 4], [5, 5], [0.5, 0.2]]);
  const mu = tf.tensor2d([[0, 0], [4.5, 4.5]]);

  it('q follows Eq. 1 (checked entry by entry) and rows sum to 1', async () => {
    for (const alpha of [1, 3]) {
      const q = await read(softAssign(z, mu, alpha));
      const zs = (await z.array()) as number[][];
      const ms = (await mu.array()) as number[][];
      zs.forEach((zi, i) => {
        const kern = ms.map((m) => (1 + ((zi[0] - m[0]) ** 2 + (zi[1] - m[1]) ** 2) / alpha) ** (-(alpha + 1) / 2));
        const s = kern[0] + kern[1];
        expect(q[i * 2]).toBeCloseTo(kern[0] / s, 5);
        expect(q[i * 2] + q[i * 2 + 1]).toBeCloseTo(1, 5);
      });
    }
  });

  it('P is sharper than Q (Eq. 3): same argmax, higher max probability, rows sum to 1', async () => {
    const qT = softAssign(z, mu, 1);
    const q = await read(qT.clone());
    const p = await read(targetDistribution(qT));
    qT.dispose();
    for (let i = 0; i < 5; i++) {
      const [q0, q1, p0, p1] = [q[2 * i], q[2 * i + 1], p[2 * i], p[2 * i + 1]];
      expect(p0 + p1).toBeCloseTo(1, 5);
      expect(p0 > p1).toBe(q0 > q1);
      expect(Math.max(p0, p1)).toBeGreaterThanOrEqual(Math.max(q0, q1) - 1e-6);
    }
  });

  it('KL(P‖Q) is 0 for P = Q, positive otherwise, and averages over rows', async () => {
    const q = tf.tensor2d([[0.7, 0.3], [0.2, 0.8]]);
    const p = tf.tensor2d([[0.9, 0.1], [0.2, 0.8]]);
    expect((await read(klDivergence(q, q)))[0]).toBeCloseTo(0, 6);
    const expected = (0.9 * Math.log(0.9 / 0.7) + 0.1 * Math.log(0.1 / 0.3)) / 2;
    expect((await read(klDivergence(p, q)))[0]).toBeCloseTo(expected, 5);
    tf.dispose([p, q]);
  });
});
