import { describe, expect, it } from 'vitest';
import { fixtureSnapshot } from '../../state/exports/testFixtures';
import { IDLE_RUN, type HistoryPoint, type RunState } from '../../state/run';
import { compareRow, curve, RUN_COLORS } from './compareRows';

const point = (samplesSeen: number, acc: number | null, silhouette: number | null = null): HistoryPoint => ({
  step: samplesSeen / 10,
  phase: 'cluster',
  elapsedMs: 0,
  samplesSeen,
  metrics: acc === null ? null : { acc, nmi: acc / 2, ari: acc / 3 },
  preview: null,
  internal: silhouette === null ? null : { silhouette, daviesBouldin: 1, calinskiHarabasz: 1, sizeEntropy: 0.9 },
  losses: {},
});

const run = (over: Partial<RunState>): RunState => ({ ...IDLE_RUN, id: 'run-2', spec: { method: 'dec', budget: 'quick', k: null, params: { alpha: 2 } }, ...over });

describe('comparison rows', () => {
  it('report the latest scores, the best ACC over the run, mean speed and a collapse', () => {
    const r = compareRow(
      run({
        status: 'finished',
        history: [point(0, null), point(1000, 0.7), point(2000, 0.82), point(3000, 0.78)],
        snapshot: fixtureSnapshot({ metrics: { acc: 0.78, nmi: 0.7, ari: 0.6 }, largestClusterFraction: 0.95 }),
        done: { reason: 'finished', seconds: 12.5 },
        speed: { sum: 3000, count: 2 },
        sharedStart: { cached: true, sharedBy: 1, seconds: 0 },
      }),
      1,
      'DEC · Alpha 2',
    );
    expect(r.title).toBe('DEC · Alpha 2');
    expect(r.color).toBe(RUN_COLORS[1]);
    expect(r.metrics?.acc).toBe(0.78);
    expect(r.bestAcc).toBe(0.82);
    expect(r.seconds).toBe(12.5);
    expect(r.samplesPerSec).toBe(1500);
    expect(r.collapse).toBe(0.95);
    expect(r.sharedStart).toBe('cached');
  });

  it('has nothing to report before the first snapshot', () => {
    const r = compareRow(run({}), 0, 'DEC');
    expect([r.metrics, r.bestAcc, r.seconds, r.samplesPerSec, r.collapse, r.sharedStart]).toEqual([null, null, null, null, null, null]);
  });

  it('draws a metric against epochs, skipping snapshots without it', () => {
    const h = [point(0, null, 0.1), point(500, 0.5, 0.2), point(1000, 0.6, null)];
    expect(curve(h, 500, 'acc')).toEqual([
      { x: 1, y: 0.5 },
      { x: 2, y: 0.6 },
    ]);
    expect(curve(h, 500, 'silhouette')).toEqual([
      { x: 0, y: 0.1 },
      { x: 1, y: 0.2 },
    ]);
  });
});
