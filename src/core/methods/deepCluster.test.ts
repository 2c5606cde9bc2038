// DeepCluster learns on real digits: after a short pretraining and a few cluster-then-classify
// epochs (on randomly cropped digits) its clusters beat k-means on the raw pixels of the same 2,000
// digits. Driven through the engine's session, seeded, WASM.
import { expect, it } from 'vitest';
import { createSession } from '../engine/session';
import { testConfig } from '../engine/testing/runToEnd';
import { stepToEnd, stepUntil } from '../engine/testing/stepUntil';
import type { TrainEvent } from '../engine/types';
import { mnistSample } from '../testing/mnistSample';
import { deepCluster } from './deepCluster';
import type { Method } from './types';

const N = 2000;

it('DeepCluster on 2,000 MNIST digits: ACC above k-means on pixels, loss falls', async () => {
  const { x, dataset, accRaw } = await mnistSample(N, 3);
  x.dispose();
  // One epoch of the learning phase: its check interval (a re-clustering per epoch).
  let epochSteps = 0;
  const watched: Method = {
    ...deepCluster,
    create: (ctx) => {
      const run = deepCluster.create(ctx);
      epochSteps = run.phases[1].checkEvery!;
      return run;
    },
  };
  const events: TrainEvent[] = [];
  const params = { batchSize: 64, pretrainEpochs: 12, pretrainLr: 3e-3, dcEpochs: 5 };
  const session = createSession({
    runId: 'dc',
    config: testConfig({ method: 'deepcluster', seed: 2, k: 10, params, sampleSize: 500, snapshotEveryMs: 1e12 }),
    dataset,
    method: watched,
    emit: (e) => events.push(e),
  });
  await stepUntil(session, (p) => p.phase === 'deepcluster' && p.phaseStep >= epochSteps);
  const first = (await session.snapshot())!;
  await stepToEnd(session);
  expect(events.filter((e) => e.type === 'warning' || e.type === 'error')).toEqual([]);
  const done = events.at(-1)!;
  if (done.type !== 'done' || !done.final) throw new Error('no final snapshot');
  const accFirst = first.metrics!.acc;
  const accEnd = done.final.metrics!.acc;
  const lossFirst = first.losses.crossEntropy;
  // The rest of the learning phase: the snapshot that ends it (the final one follows the last k-means).
  const learnEnd = events.flatMap((e) => (e.type === 'snapshot' && e.snapshot.phase === 'deepcluster' ? [e.snapshot] : [])).at(-1)!;
  const lossRest = learnEnd.losses.crossEntropy;
  console.log(`k-means ${accRaw.toFixed(3)}, after epoch 1 ${accFirst.toFixed(3)}, end ${accEnd.toFixed(3)}; CE ${lossFirst.toFixed(3)} → ${lossRest.toFixed(3)}`);

  expect(Number.isFinite(lossRest)).toBe(true);
  expect(lossRest).toBeLessThan(Math.log(10)); // below chance: the head predicts its pseudo-labels
  expect(accEnd).toBeGreaterThan(accRaw + 0.03);
});
