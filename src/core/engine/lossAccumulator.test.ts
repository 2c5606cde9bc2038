import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createLossAccumulator } from './lossAccumulator';

describe('createLossAccumulator', () => {
  it('returns the mean of each part since the last read, without growing the tensor count', async () => {
    const before = tf.memory().numTensors;
    const acc = createLossAccumulator();
    const rec = [0.5, 1.5, 4];
    const kl = [0.1, 0.2, 0.6];
    let afterFirst = 0;
    rec.forEach((r, i) => {
      tf.tidy(() => {
        const a = tf.scalar(r);
        const b = tf.scalar(kl[i]);
        acc.add(tf.add(a, b) as tf.Scalar, { reconstruction: a, kl: b });
      });
      if (i === 0) afterFirst = tf.memory().numTensors;
    });
    expect(tf.memory().numTensors).toBe(afterFirst);
    const means = await acc.read();
    const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
    expect(means.reconstruction).toBeCloseTo(mean(rec), 6);
    expect(means.kl).toBeCloseTo(mean(kl), 6);
    expect(means.total).toBeCloseTo(mean(rec) + mean(kl), 6);
    expect(acc.count).toBe(0);
    tf.tidy(() => acc.add(tf.scalar(2), { only: tf.scalar(2) }));
    // A lone part equals the total, so the total is not repeated.
    expect(await acc.read()).toEqual({ only: 2 });
    acc.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
