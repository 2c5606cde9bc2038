// DEC learns on real digits: its clustering phase must not lose what AE + k-means found, and it
// must beat k-means on raw pixels clearly (Xie et al. 2016, Table 2 ordering). Seeded and run on
// the WASM backend, so the figures are reproducible; the margins leave room for other backends.
import { expect, it } from 'vitest';
import { acc } from '../metrics';
import { createRng } from '../rng';
import { mnistSample } from '../testing/mnistSample';
import { dec } from './dec';
import { resolveParams } from './resolveParams';
import { predictLabels, runPhase } from './testDriver';

const N = 3000;

it('DEC on 3,000 MNIST digits: ACC ≥ AE + k-means − 0.01, and clearly above k-means on pixels', async () => {
  const { x, y, dim, accRaw } = await mnistSample(N, 5);

  const { params, errors } = resolveParams(dec, 'quick', {
    arch: 'small',
    batchSize: 32, // many small steps: what the autoencoder needs most is Adam steps
    pretrainEpochs: 15,
    maxIter: 1500,
    updateInterval: 100,
    kmeansInit: 5,
  });
  expect(errors).toEqual([]);
  const run = dec.create({ x, n: N, dim, k: 10, rng: createRng(2), params });
  const batchRng = createRng(3);
  const [pretrain, init, cluster] = run.phases;
  const pre = await runPhase(pretrain, x, batchRng);
  await runPhase(init, x, batchRng);
  const accAe = acc(y, (await predictLabels(run, x))!);
  const clu = await runPhase(cluster, x, batchRng);
  const accDec = acc(y, (await predictLabels(run, x))!);
  console.log(
    `k-means ${accRaw.toFixed(3)}, AE+k-means ${accAe.toFixed(3)}, DEC ${accDec.toFixed(3)} ` +
      `(pretrain ${pre.seconds.toFixed(1)} s, loss ${pre.lastLoss.toFixed(4)}; cluster ${clu.steps} steps ${clu.seconds.toFixed(1)} s)`,
  );
  run.dispose();
  x.dispose();

  expect(pre.lastLoss).toBeLessThan(0.05); // reconstruction MSE: the autoencoder learned (pixels' variance ≈ 0.1)
  expect(clu.steps).toBeGreaterThan(0);
  expect(accDec).toBeGreaterThanOrEqual(accAe - 0.01);
  // At this small budget the autoencoder alone barely beats pixels; DEC's self-training must.
  expect(accDec).toBeGreaterThan(accRaw + 0.04);
});
