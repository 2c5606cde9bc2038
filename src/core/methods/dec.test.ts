// DEC learns on real digits: its clustering phase must not lose what AE + k-means found, and it
// must beat k-means on raw pixels clearly (Xie et al. 2016, Table 2 ordering). Driven through the
// engine's session, seeded, on the WASM backend, so the figures are reproducible; the margins
// leave room for other backends.
import { expect, it } from 'vitest';
import { runToEnd, testConfig } from '../engine/testing/runToEnd';
import type { Snapshot } from '../engine/types';
import { mnistSample } from '../testing/mnistSample';
import { dec } from './dec';

const N = 3000;

it('DEC on 3,000 MNIST digits: ACC ≥ AE + k-means − 0.01, and clearly above k-means on pixels', async () => {
  const { x, dataset, accRaw } = await mnistSample(N, 5);
  x.dispose();
  const params = {
    arch: 'small',
    batchSize: 32, // many small steps: what the autoencoder needs most is Adam steps
    pretrainEpochs: 15,
    maxIter: 1500,
    updateInterval: 100,
    kmeansInit: 5,
  };
  const t0 = performance.now();
  const { end, events } = await runToEnd(dataset, dec, testConfig({ method: 'dec', seed: 2, k: 10, params, sampleSize: 500, snapshotEveryMs: 1e12 }));
  const seconds = (performance.now() - t0) / 1000;
  expect(events.filter((e) => e.type === 'warning' || e.type === 'error')).toEqual([]);
  expect(end).toBe('finished');
  const snaps = events.flatMap((e) => (e.type === 'snapshot' ? [e.snapshot] : e.type === 'done' && e.final ? [e.final] : []));
  const endOf = (phase: string): Snapshot => [...snaps].reverse().find((s) => s.phase === phase)!;
  const pretrainLoss = endOf('pretrain').losses.reconstruction;
  const accAe = endOf('init').metrics!.acc;
  const final = snaps.at(-1)!;
  const accDec = final.metrics!.acc;
  const clusterSteps = final.step - endOf('init').step;
  console.log(
    `k-means ${accRaw.toFixed(3)}, AE+k-means ${accAe.toFixed(3)}, DEC ${accDec.toFixed(3)} ` +
      `(pretrain loss ${pretrainLoss.toFixed(4)}; cluster ${clusterSteps} steps; ${seconds.toFixed(1)} s in all)`,
  );

  expect(pretrainLoss).toBeLessThan(0.05); // reconstruction MSE: the autoencoder learned (pixels' variance ≈ 0.1)
  expect(clusterSteps).toBeGreaterThan(0);
  expect(accDec).toBeGreaterThanOrEqual(accAe - 0.01);
  // At this small budget the autoencoder alone barely beats pixels; DEC's self-training must.
  expect(accDec).toBeGreaterThan(accRaw + 0.04);
}, 300_000);
