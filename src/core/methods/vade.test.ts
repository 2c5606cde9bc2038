// VaDE on real digits: the ELBO's terms are finite and its loss falls, and the clusters beat k-means
// on the raw pixels of the same 2,000 digits. Seeded, on the WASM backend.
import * as tf from '@tensorflow/tfjs';
import { expect, it } from 'vitest';
import { acc } from '../metrics';
import { createRng } from '../rng';
import { mnistSample } from '../testing/mnistSample';
import { resolveParams } from './resolveParams';
import { predictLabels, runPhase } from './testDriver';
import { vade } from './vade';

const N = 2000;

/** The loss parts of one batch, read back. */
async function parts(loss: NonNullable<ReturnType<typeof vade.create>['phases'][number]['loss']>, x: tf.Tensor2D): Promise<Record<string, number>> {
  const t = tf.tidy(() => {
    const l = loss(tf.slice(x, [0, 0], [100, -1]), tf.range(0, 100, 1, 'int32') as tf.Tensor1D, 0);
    return { total: l.total, ...l.parts };
  });
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(t)) out[k] = (await v.data())[0];
  tf.dispose(Object.values(t));
  return out;
}

it('VaDE on 2,000 MNIST digits: finite ELBO terms, falling loss, ACC above k-means on pixels', async () => {
  const { x, y, dim, accRaw } = await mnistSample(N, 3);

  const { params, errors } = resolveParams(vade, 'quick', { batchSize: 64, pretrainEpochs: 12, pretrainLr: 3e-3, vadeEpochs: 6, kmeansInit: 3 });
  expect(errors).toEqual([]);
  const run = vade.create({ x, n: N, dim, k: 10, rng: createRng(2), params });
  const batchRng = createRng(3);
  const [pretrain, init, train] = run.phases;
  const pre = await runPhase(pretrain, x, batchRng);
  await runPhase(init, x, batchRng);
  const accInit = acc(y, (await predictLabels(run, x))!);
  const before = await parts(train.loss!, x);
  const early = await runPhase({ ...train, steps: 20 }, x, batchRng);
  const late = await runPhase({ ...train, steps: train.steps - 20 }, x, batchRng);
  const after = await parts(train.loss!, x);
  const accVade = acc(y, (await predictLabels(run, x))!);
  console.log(
    `k-means ${accRaw.toFixed(3)}, mixture init ${accInit.toFixed(3)}, VaDE ${accVade.toFixed(3)}; loss ${early.lastLoss.toFixed(1)} → ${late.lastLoss.toFixed(1)} ` +
      `(pretrain ${pre.seconds.toFixed(1)} s, VaDE ${(early.seconds + late.seconds).toFixed(1)} s); parts ${JSON.stringify(before)} → ${JSON.stringify(after)}`,
  );
  run.dispose();
  x.dispose();

  for (const v of [...Object.values(before), ...Object.values(after)]) expect(Number.isFinite(v)).toBe(true);
  // Both KL terms are KL divergences (≥ 0); the total is their sum with the reconstruction.
  for (const t of [before, after]) {
    expect(t.klZ).toBeGreaterThanOrEqual(0);
    expect(t.klC).toBeGreaterThanOrEqual(-1e-4);
    expect(t.total).toBeCloseTo(t.reconstruction + t.klZ + t.klC, 1);
  }
  expect(late.lastLoss).toBeLessThan(early.lastLoss);
  expect(accVade).toBeGreaterThan(accRaw + 0.03);
});
