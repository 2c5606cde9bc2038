// A reload keeps the finished runs: kept when one finishes, restored on the same link only.
import { beforeEach, describe, expect, it } from 'vitest';
import { loadFromHash } from './actions';
import { addRun } from './compareActions';
import { FINAL_ALL, fixtureReady, fixtureSnapshot } from './exports/testFixtures';
import { keepOnFinish, restoreRuns, type TextStorage } from './runKeeper';
import { store } from './store';

function memoryStorage(): TextStorage & { text: string | null } {
  const s = {
    text: null as string | null,
    get: async () => s.text,
    put: async (t: string) => void (s.text = t),
  };
  return s;
}

/** The first run finishes with ACC 0.77 (as the worker's events would leave it). */
function finishFirst(): void {
  const s = store.getState();
  const id = s.runOrder[0];
  const run = s.runs[id];
  store.setState({
    runs: {
      ...s.runs,
      [id]: {
        ...run,
        runId: 'w1',
        status: 'finished',
        ready: fixtureReady(),
        snapshot: fixtureSnapshot({ metrics: { acc: 0.77, nmi: 0.6, ari: 0.5 }, all: FINAL_ALL }),
        frame: { frameId: 4, step: 42, method: 'pca', coords: Float32Array.from([0, 1, 2, 3, 4, 5]), n: 3 },
        done: { reason: 'finished', seconds: 9 },
      },
    },
  });
}

beforeEach(() => loadFromHash('seed=7&arch=small'));

describe('kept runs', () => {
  it('are saved when a run finishes and shown again on the same link', async () => {
    const storage = memoryStorage();
    const stop = keepOnFinish(storage);
    addRun();
    finishFirst();
    stop();
    await new Promise((r) => setTimeout(r, 0));
    expect(storage.text).toContain('"acc": 0.77');

    loadFromHash('seed=7&arch=small&r2.method=kmeans'); // a new page on the same link
    const first = store.getState().runOrder[0];
    store.setState((s) => ({ runs: { ...s.runs, [first]: { ...s.runs[first], runId: null, status: 'idle', snapshot: null } } }));
    expect(await restoreRuns(storage)).toBe(true);
    const s = store.getState();
    const restored = s.runs[s.runOrder[0]];
    expect(restored.status).toBe('finished');
    expect(restored.snapshot?.metrics?.acc).toBe(0.77);
    expect(restored.warnings[0]).toMatch(/last visit/);
  });

  it('are not shown on another link, or over a run already trained', async () => {
    const storage = memoryStorage();
    const stop = keepOnFinish(storage);
    finishFirst();
    stop();
    await new Promise((r) => setTimeout(r, 0));
    loadFromHash('seed=8&arch=small');
    expect(await restoreRuns(storage)).toBe(false);
    loadFromHash('seed=7&arch=small');
    finishFirst(); // this page trained its own run meanwhile
    expect(await restoreRuns(storage)).toBe(false);
    expect(await restoreRuns(memoryStorage())).toBe(false);
  });
});
