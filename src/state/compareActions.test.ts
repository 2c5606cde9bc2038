// The comparison's actions on the store: runs added, duplicated ("what if"), removed, focused;
// a setting goes to the focused run or to all; a saved comparison comes back as it was.
import { beforeEach, describe, expect, it } from 'vitest';
import { loadFromHash, setParam } from './actions';
import { addRun, comparisonFile, duplicateRun, focusRun, importComparison, removeRun } from './compareActions';
import { FINAL_ALL, fixtureReady, fixtureSnapshot } from './exports/testFixtures';
import { store } from './store';

const methods = (): string[] => store.getState().runOrder.map((id) => store.getState().runs[id].spec.method);

beforeEach(() => loadFromHash(''));

describe('comparison actions', () => {
  it('add runs of the next methods in the story, up to four, each focused when added', () => {
    expect(methods()).toEqual(['dec']);
    expect(addRun()).toBeNull();
    expect(addRun()).toBeNull();
    expect(addRun()).toBeNull();
    expect(methods()).toEqual(['dec', 'kmeans', 'ae-kmeans', 'dcn']);
    expect(store.getState().focusedRunId).toBe(store.getState().runOrder[3]);
    expect(addRun()).toMatch(/at most 4 runs/);
    expect(methods()).toHaveLength(4);
  });

  it('apply a run setting to the focused run only, and a shared one to all', () => {
    addRun();
    const [first, second] = store.getState().runOrder;
    expect(setParam('method', 'nInit', '3')).toBeNull(); // k-means' own, focused
    focusRun(first);
    expect(setParam('method', 'alpha', '2')).toBeNull();
    expect(setParam('global', 'seed', '9')).toBeNull();
    const s = store.getState();
    expect(s.runs[first].spec.params).toEqual({ alpha: 2 });
    expect(s.runs[second].spec.params).toEqual({ nInit: 3 });
    expect(s.settings.seed).toBe(9);
    expect(setParam('method', 'alpha', '-1')).toMatch(/below the minimum/);
    expect(store.getState().runs[first].spec.params).toEqual({ alpha: 2 });
  });

  it('duplicate a run next to it (what if), and removing the original forgets where it came from', () => {
    const [first] = store.getState().runOrder;
    setParam('method', 'alpha', '2');
    addRun();
    expect(duplicateRun(first)).toBeNull();
    const s = store.getState();
    const copy = s.runOrder[1];
    expect(s.focusedRunId).toBe(copy);
    expect(s.runs[copy].derivedFrom).toBe(first);
    expect(s.runs[copy].spec).toEqual(s.runs[first].spec);
    removeRun(first);
    expect(store.getState().runOrder).toEqual([copy, s.runOrder[2]]);
    expect(store.getState().runs[copy].derivedFrom).toBeNull();
    removeRun(copy);
    removeRun(store.getState().runOrder[0]); // the last run stays
    expect(store.getState().runOrder).toHaveLength(1);
  });

  it('save a comparison and open it again: settings, runs and their final results', () => {
    addRun();
    const s = store.getState();
    const [a, b] = s.runOrder;
    const done = (acc: number) => ({
      status: 'finished' as const,
      runId: 'x',
      ready: fixtureReady(),
      snapshot: fixtureSnapshot({ metrics: { acc, nmi: 0.5, ari: 0.4 }, all: FINAL_ALL }),
      frame: { frameId: 2, step: 1, method: 'pca' as const, coords: Float32Array.from([0, 1, 2, 3, 4, 5]), n: 3 },
      done: { reason: 'finished' as const, seconds: 5 },
    });
    store.setState({ runs: { [a]: { ...s.runs[a], ...done(0.81) }, [b]: { ...s.runs[b], ...done(0.52) } } });
    const { text, fileName } = comparisonFile();
    expect(fileName).toBe('priorscope-compare-mnist-10k-dec-kmeans-seed1.json');

    loadFromHash('method=dcn');
    expect(methods()).toEqual(['dcn']);
    expect(importComparison(text)).toBeNull();
    expect(methods()).toEqual(['dec', 'kmeans']);
    const back = store.getState();
    const [ra, rb] = back.runOrder.map((id) => back.runs[id]);
    expect([ra.status, ra.snapshot?.metrics?.acc, rb.snapshot?.metrics?.acc]).toEqual(['finished', 0.81, 0.52]);
    expect(Array.from(ra.frame!.coords)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(Array.from(ra.snapshot!.all!.cluster)).toEqual(Array.from(FINAL_ALL.cluster));
    expect(importComparison('{"format":"nope"}')).toMatch(/not a Priorscope comparison/);
    expect(methods()).toEqual(['dec', 'kmeans']); // a bad file changes nothing
  });
});
