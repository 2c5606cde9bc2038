import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { OptimizerSpec } from '../methods/types';
import { createOptimizer } from './optimizer';

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
