import { describe, expect, it } from 'vitest';
import type { Method } from '../methods/types';
import { createScheduler } from './scheduler';
import { createSession } from './session';
import { blobsDataset, runToEnd, testConfig } from './testing/runToEnd';
import { toyMethod } from './testing/toyMethod';
import type { TrainEvent } from './types';

/** The toy method, whose 'init' begin() first does long work and reports it (as a backbone's feature extraction does). */
function reportingToy(total: number): Method {
  const toy = toyMethod({ fitSteps: 10, clusterSteps: 10 });
  return {
    ...toy,
    create(ctx) {
      const run = toy.create(ctx);
      const init = run.phases.find((p) => p.id === 'init')!;
      const begin = init.begin!;
      init.begin = async () => {
        for (let done = 0; done <= total; done += 10) {
          ctx.report?.(done, total, 'Extracting toy features');
          await new Promise((r) => setTimeout(r, 1));
        }
        await begin();
      };
      return run;
    },
  };
}

describe('a session reporting long work of a phase', () => {
  it("shows a begin()'s progress as the progress event's work, throttled, its end always, and none once steps run", async () => {
    const { end, events } = await runToEnd(blobsDataset(120, 6, 3), reportingToy(100), testConfig({ snapshotEveryMs: 1e9 }));
    expect(end).toBe('finished');
    const progress = events.filter((e): e is Extract<TrainEvent, { type: 'progress' }> => e.type === 'progress');
    const work = progress.filter((p) => p.work);
    expect(work.length).toBeGreaterThanOrEqual(1);
    // Throttled to one event per 250 ms: far fewer than the 11 reports of this fast work.
    expect(work.length).toBeLessThan(11);
    expect(work.every((p) => p.phase === 'init' && p.work!.label === 'Extracting toy features')).toBe(true);
    expect(work.at(-1)!.work).toEqual({ label: 'Extracting toy features', done: 100, total: 100 });
    const after = progress.slice(progress.indexOf(work.at(-1)!) + 1);
    expect(after.some((p) => p.phase === 'cluster')).toBe(true);
    expect(after.every((p) => p.work === undefined)).toBe(true);
  });

  it('a stop during the long work ends the run at its next report (not after 100,000 of them), as stopped, with nothing left on the device', async () => {
    const tf = await import('@tensorflow/tfjs');
    const before = tf.memory().numTensors;
    const { end, events } = await runToEnd(blobsDataset(120, 6, 3), reportingToy(100_000), testConfig({ snapshotEveryMs: 1e9 }), {
      session: (s) => {
        setTimeout(() => s.stop(), 50);
      },
    });
    expect(end).toBe('stopped');
    const done = events.at(-1)!;
    expect(done).toMatchObject({ type: 'done', reason: 'stopped' });
    expect(events.some((e) => e.type === 'error')).toBe(false);
    // It never reached the gradient phase after the long work.
    expect(events.some((e) => e.type === 'progress' && e.phase === 'cluster')).toBe(false);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('runs beside the long work: another run on the same scheduler trains meanwhile', async () => {
    const order: string[] = [];
    const scheduler = createScheduler();
    const data = blobsDataset(120, 6, 3);
    const long = createSession({
      runId: 'long',
      config: testConfig({ snapshotEveryMs: 1e9 }),
      dataset: data,
      method: reportingToy(2000),
      emit: (e) => {
        if (e.type === 'progress' && e.work && e.work.done === e.work.total) order.push('long work done');
        if (e.type === 'done') order.push(`long ${e.reason}`);
      },
    });
    const other = createSession({
      runId: 'other',
      config: testConfig({ snapshotEveryMs: 1e9 }),
      dataset: data,
      method: toyMethod({ fitSteps: 10, clusterSteps: 10 }),
      emit: (e) => {
        if (e.type === 'done') order.push(`other ${e.reason}`);
      },
    });
    scheduler.add(long);
    scheduler.add(other);
    await scheduler.idle();
    // The long work takes 200 reports of ≥ 1 ms; the other run needs far less and is not held up by it.
    expect(order).toEqual(['other finished', 'long work done', 'long finished']);
  });
});
