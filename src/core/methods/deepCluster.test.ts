// DeepCluster learns on real digits: after a short pretraining and a few cluster-then-classify
// epochs its clusters beat k-means on the raw pixels of the same 2,000 digits. Seeded, WASM backend.
import * as tf from '@tensorflow/tfjs';
import { expect, it } from 'vitest';
import { kmeans } from '../cluster/kmeans';
import { loadDataset } from '../data/registry';
import { acc } from '../metrics';
import { createRng, sampleIndices } from '../rng';
import { nodeDataIO } from '../testing/nodeDataIO';
import { deepCluster } from './deepCluster';
import { resolveParams } from './resolveParams';
import { predictLabels, runPhase } from './testDriver';

const N = 2000;

it('DeepCluster on 2,000 MNIST digits: ACC above k-means on pixels, loss falls', async () => {
  const full = await loadDataset('mnist-10k', nodeDataIO, 0);
  const rows = sampleIndices(full.n, N, createRng(0));
  const y = Int32Array.from(rows, (i) => full.labels![i]);
  const all = tf.tensor2d(full.x, [full.n, full.dim]);
  const x = tf.tidy(() => tf.gather(all, tf.tensor1d(rows, 'int32'))) as tf.Tensor2D;
  all.dispose();

  const raw = await kmeans(x, { k: 10, rng: createRng(1), nInit: 3 });
  raw.centroids.dispose();
  const accRaw = acc(y, raw.labels);

  const { params, errors } = resolveParams(deepCluster, 'quick', { batchSize: 64, pretrainEpochs: 12, pretrainLr: 3e-3, dcEpochs: 5 });
  expect(errors).toEqual([]);
  const run = deepCluster.create({ x, n: N, dim: full.dim, k: 10, rng: createRng(2), params });
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
