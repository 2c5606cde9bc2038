// VaDE on real digits: the ELBO's terms are finite and its loss falls, and the clusters beat k-means
// on the raw pixels of the same 2,000 digits. Driven through the engine's session, seeded, WASM.
import * as tf from '@tensorflow/tfjs';
import { expect, it } from 'vitest';
import { createSession } from '../engine/session';
import { testConfig } from '../engine/testing/runToEnd';
import { stepToEnd, stepUntil } from '../engine/testing/stepUntil';
import type { Snapshot, TrainEvent } from '../engine/types';
import { mnistSample } from '../testing/mnistSample';
import type { Method, MethodRun, Phase } from './types';
import { vade } from './vade';

const N = 2000;

/** The loss parts of one batch, read back. */
async function parts(loss: NonNullable<Phase['loss']>, x: tf.Tensor2D): Promise<Record<string, number>> {
  const t = tf.tidy(() => {
    const l = loss(x, tf.range(0, x.shape[0], 1, 'int32') as tf.Tensor1D, 0);
    return { total: l.total, ...l.parts };
  });
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(t)) out[k] = (await v.data())[0];
  tf.dispose(Object.values(t));
  return out;
}

it('VaDE on 2,000 MNIST digits: finite ELBO terms, falling loss, ACC above k-means on pixels', async () => {
  const { x, dataset, accRaw } = await mnistSample(N, 3);
  const probe = tf.slice(x, [0, 0], [100, -1]);
  x.dispose();

  // The run, kept past the session's end so its loss can be probed after training.
  let run: MethodRun | null = null;
  let before: Record<string, number> = {};
  const probed: Method = {
    ...vade,
    create: (ctx) => {
      const r = vade.create(ctx);
      // The first run created is the session's (a shared pretraining creates its own after it).
      if (run) return r;
      run = r;
      const train = r.phases[2];
      const begin = train.begin;
      train.begin = async () => {
        await begin?.();
        before = await parts(train.loss!, probe);
      };
      return { ...r, dispose: () => undefined };
    },
  };
  const events: TrainEvent[] = [];
  const params = { batchSize: 64, pretrainEpochs: 12, pretrainLr: 3e-3, vadeEpochs: 6, kmeansInit: 3 };
  const session = createSession({
    runId: 'vade',
    config: testConfig({ method: 'vade', seed: 2, k: 10, params, sampleSize: 500, snapshotEveryMs: 1e12 }),
    dataset,
    method: probed,
    emit: (e) => events.push(e),
  });
  await stepUntil(session, (p) => p.phase === 'vade' && p.phaseStep >= 20);
  const early = (await session.snapshot())!.losses.total;
  await stepToEnd(session);
  expect(events.filter((e) => e.type === 'warning' || e.type === 'error')).toEqual([]);
  const snaps = events.flatMap((e) => (e.type === 'snapshot' ? [e.snapshot] : e.type === 'done' && e.final ? [e.final] : []));
  const accInit = [...snaps].reverse().find((s: Snapshot) => s.phase === 'init')!.metrics!.acc;
  const final = snaps.at(-1)!;
  const late = final.losses.total;
  const accVade = final.metrics!.acc;
  const trained = run as MethodRun | null;
  const after = await parts(trained!.phases[2].loss!, probe);
  console.log(
    `k-means ${accRaw.toFixed(3)}, mixture init ${accInit.toFixed(3)}, VaDE ${accVade.toFixed(3)}; loss ${early.toFixed(1)} → ${late.toFixed(1)}; ` +
      `parts ${JSON.stringify(before)} → ${JSON.stringify(after)}`,
  );
  trained!.dispose();
  probe.dispose();

  for (const v of [...Object.values(before), ...Object.values(after)]) expect(Number.isFinite(v)).toBe(true);
  // Both KL terms are KL divergences (≥ 0); the total is their sum with the reconstruction.
  for (const t of [before, after]) {
    expect(t.klZ).toBeGreaterThanOrEqual(0);
    expect(t.klC).toBeGreaterThanOrEqual(-1e-4);
    expect(t.total).toBeCloseTo(t.reconstruction + t.klZ + t.klC, 1);
  }
  expect(late).toBeLessThan(early);
  expect(accVade).toBeGreaterThan(accRaw + 0.03);
});
