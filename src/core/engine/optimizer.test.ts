import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { OptimizerSpec } from '../methods/types';
import { createOptimizer, createPhaseOptimizer, learningRateFactor } from './optimizer';

describe('createOptimizer', () => {
  const specs: OptimizerSpec[] = [
    { kind: 'adam', learningRate: 0.1 },
    { kind: 'sgd', learningRate: 0.1 },
    { kind: 'sgd', learningRate: 0.1, momentum: 0.9 },
  ];
  for (const spec of specs) {
    it(`${spec.kind}${spec.momentum ? ' + momentum' : ''} descends and leaves no tensor after dispose`, async () => {
      const before = tf.memory().numTensors;
      const v = tf.tidy(() => tf.variable(tf.tensor1d([3, -2])));
      const opt = createOptimizer(spec);
      const loss = () => tf.sum(tf.square(v)) as tf.Scalar;
      const l0 = tf.tidy(loss);
      const start = (await l0.data())[0];
      l0.dispose();
      for (let i = 0; i < 5; i++) {
        tf.tidy(() => opt.applyGradients(tf.variableGrads(loss, [v]).grads));
      }
      const l = tf.tidy(loss);
      expect((await l.data())[0]).toBeLessThan(start);
      tf.dispose([l, v]);
      opt.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });
  }
});

describe('learningRateFactor', () => {
  it('is 1 without a schedule, and follows warm-up then half a cosine', () => {
    expect(learningRateFactor(undefined, 7, 10)).toBe(1);
    const cosine = { kind: 'cosine', warmupSteps: 2 } as const;
    expect(learningRateFactor(cosine, 0, 12)).toBeCloseTo(0.5);
    expect(learningRateFactor(cosine, 1, 12)).toBeCloseTo(1);
    expect(learningRateFactor(cosine, 2, 12)).toBeCloseTo(1);
    expect(learningRateFactor(cosine, 7, 12)).toBeCloseTo(0.5);
    expect(learningRateFactor(cosine, 12, 12)).toBeCloseTo(0);
    // SimCLR reference: lr · ½(1 + cos(π t / T)) without warm-up
    expect(learningRateFactor({ kind: 'cosine' }, 25, 100)).toBeCloseTo(0.5 * (1 + Math.cos(Math.PI / 4)));
    expect(learningRateFactor({ kind: 'cosine', finalFactor: 0.1 }, 100, 100)).toBeCloseTo(0.1);
  });
});

describe('createPhaseOptimizer', () => {
  /** One SGD step on loss = Σ v (gradient 1 everywhere) from v = [2, 2]: the step taken per variable. */
  async function oneStep(spec: OptimizerSpec, step = 0, steps = 10): Promise<number[]> {
    const a = tf.variable(tf.tensor1d([2]));
    const b = tf.variable(tf.tensor1d([2]));
    const opt = createPhaseOptimizer({ ...spec, groups: spec.groups?.map((g, i) => ({ ...g, variables: () => [[a, b][i]] })) }, steps);
    tf.tidy(() => opt.apply(tf.variableGrads(() => tf.add(tf.sum(a), tf.sum(b)) as tf.Scalar, [a, b]).grads, step));
    const out = [2 - (await a.data())[0], 2 - (await b.data())[0]];
    opt.dispose();
    tf.dispose([a, b]);
    return out;
  }

  it('adds coupled weight decay to the gradient', async () => {
    const [da] = await oneStep({ kind: 'sgd', learningRate: 0.1, weightDecay: 0.5 });
    expect(da).toBeCloseTo(0.1 * (1 + 0.5 * 2), 5);
  });

  it('scales the rate by the schedule at the given step', async () => {
    const [da] = await oneStep({ kind: 'sgd', learningRate: 0.1, schedule: { kind: 'cosine' } }, 5, 10);
    expect(da).toBeCloseTo(0.1 * 0.5, 5);
  });

  it('gives a group its own rate and decay, and the rest the top-level ones', async () => {
    const spec: OptimizerSpec = { kind: 'sgd', learningRate: 0.1, groups: [{ variables: () => [], learningRate: 0.01, weightDecay: 1 }] };
    const [da, db] = await oneStep(spec);
    expect(da).toBeCloseTo(0.01 * (1 + 2), 5);
    expect(db).toBeCloseTo(0.1, 5);
  });

  it('leaves no tensor behind, with groups, decay and a schedule on Adam and momentum', async () => {
    for (const kind of ['adam', 'sgd'] as const) {
      const before = tf.memory().numTensors;
      const v = tf.tidy(() => tf.variable(tf.tensor1d([3, -2])));
      const w = tf.tidy(() => tf.variable(tf.tensor1d([1])));
      const opt = createPhaseOptimizer({ kind, learningRate: 0.1, momentum: 0.9, weightDecay: 1e-4, schedule: { kind: 'cosine', warmupSteps: 2 }, groups: [{ variables: () => [w], learningRate: 0.01 }] }, 5);
      for (let i = 0; i < 5; i++) tf.tidy(() => opt.apply(tf.variableGrads(() => tf.add(tf.sum(tf.square(v)), tf.sum(w)) as tf.Scalar, [v, w]).grads, i));
      opt.dispose();
      tf.dispose([v, w]);
      expect(tf.memory().numTensors).toBe(before);
    }
  });
});
