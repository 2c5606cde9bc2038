// The k-sweep store: sweeps the current snapshot's embedding, can be stopped between ks, ignores
// a second start, and forgets everything when a new run begins.
import { beforeEach, describe, expect, it } from 'vitest';
import { createRng } from '../core/rng';
import type { Snapshot } from '../core/engine/types';
import { cancelKSweep, IDLE_K_SWEEP, kSweepStore, resetKSweep, runKSweep } from './kSweep';
import { idleRun, startedRun, type ReadyInfo } from './run';
import { FIRST_RUN_ID, store } from './store';

const N = 300;
const DIM = 3;

/** Four separated blobs in 3-D, as a snapshot at step 42 of run 'r1' with k = 4. */
function loadRun(runId = 'r1'): void {
  const rng = createRng(2);
  const centres = [
    [0, 0, 0],
    [20, 0, 0],
    [0, 20, 0],
    [0, 0, 20],
  ];
  const embedding = new Float32Array(N * DIM);
  for (let i = 0; i < N; i++) for (let t = 0; t < DIM; t++) embedding[i * DIM + t] = centres[i % 4][t] + rng.normal();
  const snapshot = { step: 42, phase: 'train', elapsedMs: 0, embedding, embedDim: DIM, assignment: null } as unknown as Snapshot;
  const ready = { k: 4, dataset: { id: 'd', name: 'd', n: N, dim: DIM, numClasses: 4 } } as unknown as ReadyInfo;
  const base = idleRun(FIRST_RUN_ID, { method: 'dec', budget: 'quick', k: null, params: {} });
  store.setState({ runs: { [FIRST_RUN_ID]: { ...startedRun(runId, null, base), status: 'running', snapshot, ready } }, runOrder: [FIRST_RUN_ID], focusedRunId: FIRST_RUN_ID });
}

beforeEach(() => {
  store.setState({ runs: { [FIRST_RUN_ID]: idleRun(FIRST_RUN_ID, { method: 'dec', budget: 'quick', k: null, params: {} }) }, runOrder: [FIRST_RUN_ID], focusedRunId: FIRST_RUN_ID });
  resetKSweep();
});

describe('k sweep store', () => {
  it('leaves a message and computes nothing without a snapshot', async () => {
    await runKSweep();
    const s = kSweepStore.getState();
    expect(s.status).toBe('idle');
    expect(s.results).toEqual([]);
    expect(s.message).toMatch(/no embedding/i);
  });

  it('sweeps 2..20 on the snapshot and records the run, step and k', async () => {
    loadRun();
    const seen: string[] = [];
    const unsub = kSweepStore.subscribe((s) => seen.push(s.status));
    await runKSweep();
    unsub();
    const s = kSweepStore.getState();
    expect(seen[0]).toBe('running');
    expect(s.status).toBe('done');
    expect(s.results.map((r) => r.k)).toEqual(Array.from({ length: 19 }, (_, i) => i + 2));
    expect(s.progress).toEqual({ done: 19, total: 19, nextK: null });
    expect(s.forRunId).toBe('r1');
    expect(s.forRunStep).toBe(42);
    expect(s.runK).toBe(4);
    const best = s.results.reduce((a, b) => (b.silhouette! > a.silhouette! ? b : a));
    expect(best.k).toBe(4);
  });

  it('stops after the k in progress and keeps the rows done', async () => {
    loadRun();
    const unsub = kSweepStore.subscribe((s) => {
      if (s.status === 'running' && s.results.length === 2) cancelKSweep();
    });
    await runKSweep();
    unsub();
    const s = kSweepStore.getState();
    expect(s.results.map((r) => r.k)).toEqual([2, 3]);
    expect(s.status).toBe('done');
    expect(s.message).toMatch(/stopped after 2 of 19/);
  });

  it('ignores a second start while running', async () => {
    loadRun();
    let starts = 0;
    const unsub = kSweepStore.subscribe((s) => {
      if (s.status === 'running' && s.progress?.done === 0) starts++;
    });
    await Promise.all([runKSweep(), runKSweep()]);
    unsub();
    expect(starts).toBe(1);
    expect(kSweepStore.getState().results).toHaveLength(19);
  });

  it('is cleared by a new run, even mid-sweep, and the old sweep writes nothing after', async () => {
    loadRun();
    await runKSweep();
    expect(kSweepStore.getState().results.length).toBeGreaterThan(0);
    loadRun('r2');
    expect(kSweepStore.getState()).toEqual(IDLE_K_SWEEP);

    const unsub = kSweepStore.subscribe((s) => {
      if (s.status === 'running' && s.results.length === 1) loadRun('r3');
    });
    await runKSweep();
    unsub();
    expect(kSweepStore.getState()).toEqual(IDLE_K_SWEEP);
  });
});
