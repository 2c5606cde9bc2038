import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { combineLosses, lossWeights, rampValue, trainsDecoder, type LossSchedule } from './lossSchedule';

describe('lossSchedule', () => {
  it('gives each kind its weights', () => {
    expect(lossWeights({ kind: 'pretrain-then-finetune' }, 7)).toEqual({ reconstruction: 0, clustering: 1 });
    expect(lossWeights({ kind: 'simultaneous', reconstruction: 1, clustering: 0.1 }, 7)).toEqual({ reconstruction: 1, clustering: 0.1 });
    const dynamic: LossSchedule = { kind: 'dynamic', reconstruction: 1, clustering: { from: 0, to: 2, steps: 100, shape: 'linear' } };
    expect(lossWeights(dynamic, 0).clustering).toBe(0);
    expect(lossWeights(dynamic, 50).clustering).toBeCloseTo(1);
    expect(lossWeights(dynamic, 500).clustering).toBe(2);
    expect(trainsDecoder({ kind: 'pretrain-then-finetune' })).toBe(false);
    expect(trainsDecoder(dynamic)).toBe(true);
  });

  it('ramps geometrically between positive end points', () => {
    const r = { from: 0.1, to: 10, steps: 10, shape: 'geometric' as const };
    expect(rampValue(r, 5)).toBeCloseTo(1, 10);
    expect(rampValue(r, -3)).toBeCloseTo(0.1, 10);
    expect(() => rampValue({ ...r, from: 0 }, 1)).toThrow(/positive/);
  });

  it('combines w_r·L_r + w_c·L_c, reports the unweighted parts, and skips a zero-weight term', async () => {
    const before = tf.memory().numTensors;
    const out = tf.tidy(() => {
      const l = combineLosses({ kind: 'simultaneous', reconstruction: 1, clustering: 0.1 }, 0, {
        reconstruction: () => tf.scalar(2),
        clustering: () => tf.scalar(5),
        clusteringName: 'kl',
      });
      return [l.total, l.parts!.reconstruction, l.parts!.kl];
    });
    const values = await Promise.all(out.map(async (t) => (await t.data())[0]));
    expect(values).toEqual([2.5, 2, 5]);
    let called = false;
    const dec = tf.tidy(() => {
      const l = combineLosses({ kind: 'pretrain-then-finetune' }, 0, {
        reconstruction: () => ((called = true), tf.scalar(1)),
        clustering: () => tf.scalar(3),
        clusteringName: 'kl',
      });
      expect(Object.keys(l.parts!)).toEqual(['kl']);
      return l.total;
    });
    expect(called).toBe(false);
    expect((await dec.data())[0]).toBe(3);
    tf.dispose([...out, dec]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
