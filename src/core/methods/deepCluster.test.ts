// DeepCluster learns on real digits: after a short pretraining and a few cluster-then-classify
// epochs (on randomly cropped digits) its clusters beat k-means on the raw pixels of the same 2,000
// digits. Seeded, WASM backend.
import { expect, it } from 'vitest';
import { acc } from '../metrics';
import { createRng } from '../rng';
import { mnistSample } from '../testing/mnistSample';
import { deepCluster } from './deepCluster';
import { resolveParams } from './resolveParams';
import { predictLabels, runPhase } from './testDriver';

const N = 2000;

it('DeepCluster on 2,000 MNIST digits: ACC above k-means on pixels, loss falls', async () => {
  const { x, y, dim, image, accRaw } = await mnistSample(N, 3);

  const { params, errors } = resolveParams(deepCluster, 'quick', { batchSize: 64, pretrainEpochs: 12, pretrainLr: 3e-3, dcEpochs: 5 });
  expect(errors).toEqual([]);
  const run = deepCluster.create({ x, n: N, dim, k: 10, image, rng: createRng(2), params });
  const batchRng = createRng(3);
  const [pretrain, learn, final] = run.phases;
  const pre = await runPhase(pretrain, x, batchRng);
  const first = await runPhase({ ...learn, steps: learn.checkEvery! }, x, batchRng);
  const accFirst = acc(y, (await predictLabels(run, x))!);
  const rest = await runPhase(learn, x, batchRng);
  await runPhase(final, x, batchRng);
  const accEnd = acc(y, (await predictLabels(run, x))!);
  console.log(
    `k-means ${accRaw.toFixed(3)}, after epoch 1 ${accFirst.toFixed(3)}, end ${accEnd.toFixed(3)}; CE ${first.lastLoss.toFixed(3)} → ${rest.lastLoss.toFixed(3)} ` +
      `(pretrain ${pre.seconds.toFixed(1)} s, DeepCluster ${(first.seconds + rest.seconds).toFixed(1)} s)`,
  );
  run.dispose();
  x.dispose();

  expect(Number.isFinite(rest.lastLoss)).toBe(true);
  expect(rest.lastLoss).toBeLessThan(Math.log(10)); // below chance: the head predicts its pseudo-labels
  expect(accEnd).toBeGreaterThan(accRaw + 0.03);
});
