// The test driver's progress hook: reported after begin, every `every` steps and at the last step,
// also when a check ends the phase early, with the losses the steps produced.
import * as tf from '@tensorflow/tfjs';
import { expect, it } from 'vitest';
import { createRng } from '../rng';
import { runPhase } from './testDriver';
import type { Phase } from './types';

function quadraticPhase(w: tf.Variable, steps: number, stopAt?: number): Phase {
  return {
    id: 'quadratic',
    label: 'minimise (w − 1)²',
    steps,
    batchSize: 2,
    optimizer: { kind: 'sgd', learningRate: 0.1 },
    variables: () => [w],
    loss: () => {
      const sq = tf.sum(tf.square(tf.sub(w, 1))) as tf.Scalar;
      return { total: sq, parts: { sq } };
    },
    ...(stopAt === undefined ? {} : { checkEvery: 1, check: async (s: number) => s === stopAt }),
  };
}

it('runPhase reports progress at begin, every few steps and at the end (also when a check stops it)', async () => {
  const x = tf.zeros([4, 1]) as tf.Tensor2D;
  for (const [steps, stopAt, expected] of [
    [7, undefined, [0, 3, 6, 7]],
    [7, 5, [0, 3, 5]],
  ] as const) {
    const w = tf.variable(tf.zeros([1]));
    const seen: [number, number][] = [];
    const report = await runPhase(quadraticPhase(w, steps, stopAt), x, createRng(0), {
      every: 3,
      report: async (step, losses) => void seen.push([step, losses.sq ?? NaN]),
    });
    expect(seen.map(([s]) => s)).toEqual(expected);
    expect(Number.isNaN(seen[0][1])).toBe(true); // begin: no step yet
    // The loss (w − 1)² falls as w moves towards 1; the last report is the phase's last loss.
    for (let i = 2; i < seen.length; i++) expect(seen[i][1]).toBeLessThan(seen[i - 1][1]);
    expect(report.lastLoss).toBeCloseTo(seen[seen.length - 1][1], 5);
    expect(report.steps).toBe(expected[expected.length - 1]);
    w.dispose();
  }
  x.dispose();
});
