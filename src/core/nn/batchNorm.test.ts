import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import '../testing/tfSetup';
import { createBatchNorm } from './batchNorm';

describe('batch norm', () => {
  it('normalises each feature over the batch in training, and moves the running statistics', async () => {
    const bn = createBatchNorm(2);
    const x = tf.tensor2d([
      [1, 10],
      [3, 20],
      [5, 60],
    ]);
    const y = tf.tidy(() => bn.apply(x, true));
    const out = (await y.array()) as number[][];
    // feature 0: mean 3, biased variance 8/3
    expect(out[0][0]).toBeCloseTo(-2 / Math.sqrt(8 / 3 + 1e-5), 4);
    expect(out[2][1]).toBeCloseTo((60 - 30) / Math.sqrt(((20 * 20 + 10 * 10 + 30 * 30) / 3) + 1e-5), 4);
    const [rm, rv] = bn.statistics();
    expect(Array.from(await rm.data())).toEqual([expect.closeTo(0.3, 5), expect.closeTo(3, 5)]);
    // running variance uses the unbiased estimate: 0.9·1 + 0.1·(8/3 · 3/2)
    expect((await rv.data())[0]).toBeCloseTo(0.9 + 0.1 * 4, 5);
    tf.dispose([x, y]);
    bn.dispose();
  });

  it('uses the running statistics at inference, and leaks nothing across steps or after dispose', async () => {
    const start = tf.memory().numTensors;
    const bn = createBatchNorm(3);
    const x = tf.randomNormal([8, 4, 4, 3], 2, 3, 'float32', 1);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) tf.tidy(() => void bn.apply(x, true));
    expect(tf.memory().numTensors).toBe(before);
    const y = tf.tidy(() => bn.apply(tf.zeros([1, 3]), false));
    const [rm, rv] = bn.statistics();
    const expected = tf.tidy(() => tf.div(tf.neg(rm), tf.sqrt(tf.add(rv, 1e-5))));
    expect(Array.from(await y.data())).toEqual(Array.from(await expected.data()).map((v) => expect.closeTo(v, 5)));
    tf.dispose([x, y, expected]);
    bn.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });
});
