// The contract every method in METHODS keeps (ClustPy-style): valid presets, shapes, soft
// assignments that are distributions, reproducible from the seed, no tensor left behind.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { findMethod, METHODS } from './index';
import { resolveParams } from './resolveParams';
import { predictLabels, runPhases } from './testDriver';
import type { Method, Params } from './types';

const N = 240;
const DIM = 12;
const K = 3;

/** Three separated blobs, rows interleaved. */
function blobs(): tf.Tensor2D {
  const rng = createRng(5);
  const x = new Float32Array(N * DIM);
  for (let i = 0; i < N; i++) for (let j = 0; j < DIM; j++) x[i * DIM + j] = (j % K === i % K ? 2 : 0) + 0.2 * rng.normal();
  return tf.tensor2d(x, [N, DIM]);
}

/** Small settings so every method runs in about a second. */
const TINY: Record<string, Params> = {
  dec: { arch: 'small', pretrainEpochs: 2, maxIter: 20, updateInterval: 5, kmeansInit: 2, batchSize: 64 },
  'ae-kmeans': { arch: 'small', pretrainEpochs: 2, kmeansInit: 2, batchSize: 64 },
  kmeans: { nInit: 2 },
};

async function run(method: Method, x: tf.Tensor2D, seed: number): Promise<{ labels: Int32Array; embedDim: number; rowSums: Float32Array; optimizerLeak: number }> {
  const { params, errors } = resolveParams(method, 'quick', TINY[method.id]);
  expect(errors).toEqual([]);
  const r = method.create({ x, n: N, dim: DIM, k: K, rng: createRng(seed), params });
  expect(r.assign(x)).toBeNull(); // no clusters before the phases ran
  const reports = await runPhases(r, x, createRng(seed + 1));
  const optimizerLeak = reports.reduce((s, p) => s + p.optimizerLeak, 0);
  expect(optimizerLeak).toBeLessThanOrEqual(reports.length);
  const emb = r.embed(x);
  const q = r.assign(x)!;
  expect(q.shape).toEqual([N, K]);
  const sums = tf.sum(q, 1);
  const rowSums = (await sums.data()) as Float32Array;
  const labels = (await predictLabels(r, x))!;
  const embedDim = emb.shape[1];
  expect(emb.shape[0]).toBe(N);
  tf.dispose([emb, q, sums]);
  r.dispose();
  return { labels, embedDim, rowSums, optimizerLeak };
}

describe('methods', () => {
  it('lists dec, ae-kmeans and kmeans, found by id', () => {
    expect(METHODS.map((m) => m.id)).toEqual(['dec', 'ae-kmeans', 'kmeans']);
    expect(findMethod('dec')?.family).toBe('pseudo-label');
    expect(findMethod('ae-kmeans')?.family).toBe('baseline');
    expect(findMethod('nope')).toBeUndefined();
  });

  it('declares valid defaults and presets, each parameter with help', () => {
    for (const m of METHODS) {
      for (const budget of ['quick', 'paper'] as const) expect(resolveParams(m, budget, { ...m.presets?.[budget] }).errors).toEqual([]);
      const defaults = Object.fromEntries(m.params.map((p) => [p.key, p.default]));
      expect(resolveParams(m, 'paper', defaults).errors).toEqual([]);
      for (const p of m.params) expect(p.help.length).toBeGreaterThan(10);
    }
  });

  for (const method of METHODS) {
    it(`${method.id}: shapes, distributions, reproducible, no leak`, async () => {
      const x = blobs();
      const before = tf.memory().numTensors;
      const a = await run(method, x, 1);
      // Nothing of the method's stays behind (tfjs's optimisers leak a scalar each, see testDriver).
      expect(tf.memory().numTensors - a.optimizerLeak).toBe(before);
      const b = await run(method, x, 1);
      expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
      expect(a.embedDim).toBe(method.id === 'kmeans' ? DIM : 10);
      for (const s of a.rowSums) expect(s).toBeCloseTo(1, 4);
      // Separated blobs: every method finds all three clusters.
      expect(new Set(a.labels).size).toBe(K);
      x.dispose();
    });
  }
});
