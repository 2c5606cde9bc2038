// IMSAT's VAT passes run in training mode but must leave the batch-norm running statistics where
// the clean pass put them (imsat.ts, "Deviations"): one loss step moves them exactly as one clean
// training-mode forward pass does.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { MlpEncoder } from '../nn/mlpEncoder';
import { createRng } from '../rng';
import { imsat } from './imsat';
import { resolveParams } from './resolveParams';

describe('IMSAT', () => {
  it('moves the batch-norm running statistics once per step, from the clean batch', async () => {
    const n = 40;
    const x = tf.randomUniform([n, 12], 0, 1, 'float32', 3) as tf.Tensor2D;
    const { params } = resolveParams(imsat, 'quick', { hidden: 16, batchSize: 20 });
    const make = () => imsat.create({ x, n, dim: 12, k: 3, rng: createRng(5), params });
    const stats = async (run: ReturnType<typeof make>) =>
      Promise.all((run.encoder as MlpEncoder).statistics().map(async (v) => Array.from(await v.data())));

    const trained = make();
    const phase = trained.phases[0];
    await phase.begin!();
    const indices = tf.range(0, 20, 1, 'int32') as tf.Tensor1D;
    const batch = tf.gather(x, indices) as tf.Tensor2D;
    tf.tidy(() => {
      tf.variableGrads(() => phase.loss!(batch, indices, 0).total, phase.variables!());
    });
    const clean = make();
    tf.tidy(() => {
      clean.encoder!.apply(batch, true);
    });
    const untouched = make();
    const [after, expected, initial] = [await stats(trained), await stats(clean), await stats(untouched)];
    expect(after.length).toBe(4);
    after.forEach((values, i) => values.forEach((v, j) => expect(v, `statistic ${i}[${j}]`).toBeCloseTo(expected[i][j], 5)));
    // The clean pass did move them (the comparison is not between two untouched copies).
    expect(expected[0].some((v, j) => Math.abs(v - initial[0][j]) > 1e-4)).toBe(true);
    tf.dispose([x, indices, batch]);
    trained.dispose();
    clean.dispose();
    untouched.dispose();
  });
});
