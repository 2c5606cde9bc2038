import { describe, expect, it } from 'vitest';
import { IDLE_RUN, type RunState } from '../run';
import { comparisonJsonText, readComparisonJson } from './comparisonJson';
import { FINAL_ALL, fixtureReady, fixtureSnapshot } from './testFixtures';

const finished = (method: string, acc: number): RunState => ({
  ...IDLE_RUN,
  id: method,
  spec: { method, budget: 'quick', k: null, params: {} },
  status: 'finished',
  ready: fixtureReady(),
  snapshot: fixtureSnapshot({ metrics: { acc, nmi: 0.5, ari: 0.4 }, all: FINAL_ALL }),
  frame: { frameId: 3, step: 1, method: 'umap', coords: Float32Array.from([0.123456, 1, 2, 3, 4, 5]), n: 3 },
  done: { reason: 'finished', seconds: 42 },
  history: [{ step: 1, phase: 'cluster', elapsedMs: 10, samplesSeen: 64, metrics: { acc, nmi: 0.5, ari: 0.4 }, preview: null, internal: null, losses: { kl: 0.1 } }],
});

describe('comparison files', () => {
  it('hold the link and every run: scores, history, the sample scatter and every row’s cluster', () => {
    const text = comparisonJsonText('seed=2&r2.method=dcn', [finished('dec', 0.8), finished('dcn', 0.7)]);
    const read = readComparisonJson(text);
    if ('error' in read) throw new Error(read.error);
    const { doc } = read;
    expect(doc.link).toBe('seed=2&r2.method=dcn');
    expect(doc.dataset?.id).toBe(fixtureReady().dataset.id);
    expect(doc.runs.map((r) => [r.method, r.final?.metrics?.acc, r.seconds])).toEqual([
      ['dec', 0.8, 42],
      ['dcn', 0.7, 42],
    ]);
    const r = doc.runs[0];
    expect(r.sample?.indices).toEqual(Array.from(fixtureReady().indices));
    expect(r.sample?.coords?.[0]).toBe(0.1235); // rounded to 4 decimals
    expect(r.sample?.projection).toBe('umap');
    expect(r.clusters).toEqual(Array.from(FINAL_ALL.cluster));
    expect(r.history).toHaveLength(1);
  });

  it('refuse what is not a comparison, or is damaged, saying what is wrong', () => {
    expect(readComparisonJson('{')).toEqual({ error: 'this is not a JSON file' });
    expect(readComparisonJson('{"runs":[]}')).toEqual({ error: expect.stringMatching(/not a Priorscope comparison/) });
    const good = JSON.parse(comparisonJsonText('', [finished('dec', 0.8)]));
    expect(readComparisonJson(JSON.stringify({ ...good, version: 2 }))).toEqual({ error: expect.stringMatching(/version 2/) });
    const bad = structuredClone(good);
    bad.runs[0].sample.coords = [1, 2];
    expect(readComparisonJson(JSON.stringify(bad))).toEqual({ error: expect.stringMatching(/run 1: the sample's arrays are damaged/) });
    const noRuns = { ...good, runs: [] };
    expect(readComparisonJson(JSON.stringify(noRuns))).toEqual({ error: 'the comparison has no runs' });
  });
});
