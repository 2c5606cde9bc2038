import { describe, expect, it } from 'vitest';
import type { Method } from '../methods/types';
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
});
