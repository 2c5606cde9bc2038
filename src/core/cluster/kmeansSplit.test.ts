import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { ari } from '../metrics';
import { createRng } from '../rng';
import { kmeansSplit, splitEmpty } from './kmeansSplit';

describe('splitEmpty (DeepCluster / faiss)', () => {
  it('gives an empty cluster a perturbed copy of a non-singleton donor and halves its count', () => {
    const cent = Float32Array.from([1, 2, 0, 0, 5, 6]); // cluster 1 is empty
    const counts = Float64Array.from([1, 0, 9]); // only cluster 2 can donate
    expect(splitEmpty(cent, counts, 2, createRng(1))).toBe(1);
    expect(Array.from(counts)).toEqual([1, 4, 5]);
    expect(cent[2]).toBeCloseTo(5 * (1 + 1 / 1024), 6);
    expect(cent[4]).toBeCloseTo(5 * (1 - 1 / 1024), 6);
    expect(cent[3]).toBeCloseTo(6 * (1 - 1 / 1024), 6);
    expect(Array.from(cent.slice(0, 2))).toEqual([1, 2]);
  });
});

describe('kmeansSplit', () => {
  it('finds separated blobs and leaves only its centroids behind', async () => {
    const rng = createRng(2);
    const n = 600;
    const x = new Float32Array(n * 2);
    const y = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      y[i] = i % 3;
      x.set([10 * y[i] + rng.normal(), (y[i] === 1 ? 8 : 0) + rng.normal()], i * 2);
    }
    const xt = tf.tensor2d(x, [n, 2]);
    const before = tf.memory().numTensors;
    const res = await kmeansSplit(xt, { k: 3, rng: createRng(5) });
    expect(tf.memory().numTensors).toBe(before + 1);
    expect(ari(y, res.labels)).toBeGreaterThan(0.99);
    tf.dispose([xt, res.centroids]);
  });
});
