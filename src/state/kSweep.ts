/**
 * The "help choosing k" sweep's own small store and its actions: k-means of the current snapshot's
 * embedding for each k of a range, run on the main thread one k per macrotask (core/cluster/kSweep),
 * scored by the label-free metrics. Results belong to one run: a new run (another runId) clears them.
 */
import { createStore } from 'zustand/vanilla';
import { useStore as useZustand } from 'zustand';
import { kSweepAsync, sweepKs, type KSweepResult } from '../core/cluster/kSweep';
import { focusedRun, store } from './store';

export type KSweepStatus = 'idle' | 'running' | 'done';

export interface KSweepState {
  status: KSweepStatus;
  /** Rows done so far, ascending k (partial while running or after a stop). */
  results: KSweepResult[];
  /** ks done of the ks asked for, and the k being computed next; null when idle with nothing run. */
  progress: { done: number; total: number; nextK: number | null } | null;
  /** The run and snapshot step whose embedding was swept. */
  forRunId: string | null;
  forRunStep: number | null;
  /** The run's k when the sweep started (its row is marked, and 2k is swept for over-clustering). */
  runK: number | null;
  /** Why nothing (more) was computed: no embedding yet, a stop, a failure. */
  message: string | null;
  error: string | null;
}

export const IDLE_K_SWEEP: KSweepState = {
  status: 'idle',
  results: [],
  progress: null,
  forRunId: null,
  forRunStep: null,
  runK: null,
  message: null,
  error: null,
};

export const kSweepStore = createStore<KSweepState>()(() => IDLE_K_SWEEP);

export function useKSweep<T>(selector: (s: KSweepState) => T): T {
  return useZustand(kSweepStore, selector);
}

/** Bumped by every start, stop and reset: a sweep whose token is stale stops at its next k. */
let generation = 0;

/**
 * Sweeps k on the current snapshot's embedding: ks 2..min(20, sample − 1), plus the run's k and
 * 2k when ≤ 40. Does nothing while a sweep runs; without a snapshot it leaves a message. Resolves
 * when the sweep ends (done, stopped or failed).
 */
export async function runKSweep(): Promise<void> {
  if (kSweepStore.getState().status === 'running') return;
  const state = store.getState();
  const run = focusedRun(state);
  const { settings } = state;
  const snap = run.snapshot;
  if (!snap || snap.embedDim < 1 || snap.embedding.length < snap.embedDim) {
    kSweepStore.setState({ ...IDLE_K_SWEEP, message: 'No embedding yet: start a run and wait for its first snapshot.' });
    return;
  }
  const dim = snap.embedDim;
  const n = snap.embedding.length / dim;
  const runK = run.ready?.k ?? run.spec.k ?? null;
  const ks = sweepKs(n, runK);
  if (ks.length === 0) {
    kSweepStore.setState({ ...IDLE_K_SWEEP, message: `Too few points (${n}) to compare numbers of clusters.` });
    return;
  }
  const token = ++generation;
  const results: KSweepResult[] = [];
  kSweepStore.setState({
    ...IDLE_K_SWEEP,
    status: 'running',
    progress: { done: 0, total: ks.length, nextK: ks[0] },
    forRunId: run.runId,
    forRunStep: snap.step,
    runK,
  });
  try {
    await kSweepAsync(
      snap.embedding,
      n,
      dim,
      ks,
      settings.seed,
      (r, i) => {
        results.push(r);
        kSweepStore.setState({ results: [...results], progress: { done: i + 1, total: ks.length, nextK: ks[i + 1] ?? null } });
      },
      () => token !== generation,
    );
    if (token !== generation) return; // stopped or reset: whoever did it has set the state
    kSweepStore.setState({ status: 'done' });
  } catch (err) {
    if (token !== generation) return;
    kSweepStore.setState({ status: 'done', error: err instanceof Error ? err.message : String(err) });
  }
}

/** Stops a running sweep after the k in progress; the rows done so far stay. */
export function cancelKSweep(): void {
  const s = kSweepStore.getState();
  if (s.status !== 'running') return;
  generation++;
  const at = s.progress ? ` after ${s.progress.done} of ${s.progress.total} values of k` : '';
  kSweepStore.setState({ status: s.results.length > 0 ? 'done' : 'idle', message: `Sweep stopped${at}.` });
}

/** Back to nothing swept; a running sweep stops at its next k. */
export function resetKSweep(): void {
  generation++;
  kSweepStore.setState(IDLE_K_SWEEP);
}

// Results describe one training's embedding: another run focused, a new training or a reset makes them stale.
store.subscribe((s, prev) => {
  if (focusedRun(s).runId !== focusedRun(prev).runId) resetKSweep();
});
