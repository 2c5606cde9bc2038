import { describe, expect, it } from 'vitest';
import type { Settings } from '../params';
import type { HistoryPoint } from '../run';
import { clusterSizes, runJsonText } from './runJson';
import { fixtureReady, fixtureSnapshot } from './testFixtures';

const settings = { dataset: 'toy', method: 'dec', seed: 3, params: { alpha: 1 } } as unknown as Settings;

describe('runJson', () => {
  it('holds the run, its final metrics and the metric history, and is deterministic', () => {
    const ready = fixtureReady();
    const snapshot = fixtureSnapshot({ losses: { kl: 0.25, rec: NaN } });
    const history: HistoryPoint[] = [
      { step: 10, phase: 'pretrain', elapsedMs: 100, samplesSeen: 640, metrics: null, preview: null, internal: null, losses: {} },
      { step: 42, phase: 'cluster', elapsedMs: 1234, samplesSeen: 2688, metrics: { acc: 0.8, nmi: 0.7, ari: 0.6 }, preview: null, internal: snapshot.internal, losses: { kl: 0.25 } },
    ];
    const input = {
      dataset: ready.dataset,
      settings,
      k: 3,
      status: 'finished' as const,
      seconds: 12.5,
      snapshot,
      history,
      clusterSizes: { scope: 'sample' as const, sizes: clusterSizes(snapshot.assignment!, 3) },
    };
    const text = runJsonText(input);
    expect(runJsonText(input)).toBe(text);
    const j = JSON.parse(text);
    expect(j.app).toBe('priorscope');
    expect(j.dataset.classNames).toEqual(['zéro', 'one, "uno"']);
    expect(j.settings.params).toEqual({ alpha: 1 });
    expect(j.k).toBe(3);
    expect(j.seconds).toBe(12.5);
    expect(j.metrics).toEqual({ acc: 0.8, nmi: 0.7, ari: 0.6 });
    expect(j.internal.sizeEntropy).toBe(0.95);
    expect(j.history).toEqual([
      { step: 10, phase: 'pretrain', elapsedMs: 100, acc: null, nmi: null, ari: null, internal: null },
      { step: 42, phase: 'cluster', elapsedMs: 1234, acc: 0.8, nmi: 0.7, ari: 0.6, internal: snapshot.internal },
    ]);
    expect(j.losses).toEqual({ kl: 0.25, rec: null });
    expect(j.clusterSizes).toEqual({ scope: 'sample', sizes: [1, 1, 1] });
    expect(text).not.toMatch(/exportedAt|"\d{4}-\d\d-\d\dT/);
  });

  it('counts cluster sizes, ignoring ids outside 0..k−1', () => {
    expect(clusterSizes(Int32Array.from([0, 2, 2, -1, 7]), 3)).toEqual([1, 0, 2]);
  });
});
