/**
 * The only main-thread file that creates the training and projection Workers. It sends commands,
 * and folds every event into the run it belongs to through the pure reducers in state/run.ts
 * (events of a training the store no longer knows are dropped). Snapshots go on to the
 * projection worker: per run and picture, one request at a time, newest first.
 */
import type { Dataset } from '../core/data/dataset';
import type { RunConfig, Snapshot, TrainEvent } from '../core/engine/types';
import { LatestOnly } from '../state/latestOnly';
import { currentModelSource } from '../state/modelSource';
import { projectionParams, type SharedSettings } from '../state/params';
import { reduceProjectEvent, reduceTrainEvent, type RunState, type SideView } from '../state/run';
import { focusedRun, runByWorkerId, store } from '../state/store';
import type { AugmentPairsEvent, ProjectCommand, ProjectEvent, TrainCommand, TrainWorkerEvent } from './protocol';

let trainWorker: Worker | null = null;
let projectWorker: Worker | null = null;
/** The dropped dataset's version the training worker already holds (it travels once). */
let sentDataVersion: number | null = null;

interface PointsJob {
  points: Float32Array;
  n: number;
  dim: number;
  /** The snapshot's step (0 for the raw input). */
  step: number;
}

/** One run's projection requests: the embedding and each side view, each newest-only. */
interface Channels {
  embedding: LatestOnly<PointsJob>;
  views: Record<SideView, LatestOnly<PointsJob>>;
  framesAsked: number;
  inputAsked: boolean;
}

const channels = new Map<string, Channels>();

function sender(runId: string, view: 'embedding' | SideView, ch: () => Channels): LatestOnly<PointsJob> {
  return new LatestOnly<PointsJob>((job, frameId) => {
    const { settings } = store.getState();
    // A run's first frame is PCA: instant feedback while UMAP / t-SNE warm up on the next ones.
    const first = view === 'embedding' && ch().framesAsked++ === 0;
    const cmd: ProjectCommand = {
      type: 'project',
      runId,
      frameId,
      step: job.step,
      method: first && settings.projection !== 'pca' ? 'pca' : settings.projection,
      view,
      points: job.points,
      n: job.n,
      dim: job.dim,
      seed: settings.seed,
      params: projectionParams(settings),
    };
    getProjectWorker().postMessage(cmd);
  });
}

function channelsOf(runId: string): Channels {
  let c = channels.get(runId);
  if (!c) {
    const get = (): Channels => c!;
    c = {
      embedding: sender(runId, 'embedding', get),
      views: { input: sender(runId, 'input', get), assignment: sender(runId, 'assignment', get) },
      framesAsked: 0,
      inputAsked: false,
    };
    channels.set(runId, c);
  }
  return c;
}

/** The focused run's side views (the small multiples), asked for only while they are shown. */
function pushSideViews(run: RunState, snapshotChanged: boolean): void {
  const s = store.getState();
  if (!s.scatter.showViews || !run.runId || !run.ready || run.id !== s.focusedRunId) return;
  const c = channelsOf(run.runId);
  const { k, pixels, indices } = run.ready;
  const soft = run.snapshot?.soft;
  if (soft && snapshotChanged) c.views.assignment.push({ points: soft, n: soft.length / k, dim: k, step: run.snapshot!.step });
  if (pixels && !c.inputAsked) {
    c.inputAsked = true;
    const n = indices.length;
    c.views.input.push({ points: Float32Array.from(pixels, (v) => v / 255), n, dim: pixels.length / n, step: 0 });
  }
}

// Switching the views on asks for them at once (also after a run has finished).
store.subscribe((s, prev) => {
  if (s.scatter.showViews && !prev.scatter.showViews) {
    const run = focusedRun(s);
    pushSideViews(run, !run.views.assignment);
  }
});

const projectionKey = (s: SharedSettings): string => JSON.stringify([s.projection, projectionParams(s)]);

// Another projection (or other settings of it) re-draws every run's latest snapshot at once,
// also after a run has finished; imported runs keep the picture they came with.
store.subscribe((s, prev) => {
  if (projectionKey(s.settings) === projectionKey(prev.settings)) return;
  for (const id of s.runOrder) {
    const run = s.runs[id];
    if (!run.runId || !run.snapshot || run.snapshot.embedDim === 0) continue;
    channelsOf(run.runId).embedding.push(pointsOf(run.snapshot));
    const c = channelsOf(run.runId);
    c.inputAsked = false;
    if (id === s.focusedRunId) pushSideViews(run, true);
  }
});

function pointsOf(snap: Snapshot): PointsJob {
  return { points: snap.embedding, n: snap.embedding.length / snap.embedDim, dim: snap.embedDim, step: snap.step };
}

function update(run: RunState, next: RunState): void {
  if (next !== run) store.setState((s) => ({ runs: { ...s.runs, [run.id]: next } }));
}

function onTrainEvent(ev: TrainEvent): void {
  const before = runByWorkerId(store.getState(), ev.runId);
  if (!before) return;
  const after = reduceTrainEvent(before, ev);
  if (after === before) return;
  update(before, after);
  // Project only snapshots the reducer accepted (finite ones), so a NaN never reaches the plot.
  const snap: Snapshot | null = after.snapshot;
  if (snap && snap !== before.snapshot) {
    channelsOf(ev.runId).embedding.push(pointsOf(snap));
  }
  pushSideViews(after, after.snapshot !== before.snapshot);
}

function onProjectEvent(ev: ProjectEvent): void {
  const c = channels.get(ev.runId);
  if (c) (ev.view && ev.view !== 'embedding' ? c.views[ev.view] : c.embedding).done(ev.frameId);
  const before = runByWorkerId(store.getState(), ev.runId);
  if (before) update(before, reduceProjectEvent(before, ev));
}

/** Every run that is training or waiting to, e.g. when a worker failed under all of them. */
function eachLiveRun(f: (run: RunState) => RunState): void {
  store.setState((s) => {
    const runs = { ...s.runs };
    for (const id of s.runOrder) if (runs[id].runId) runs[id] = f(runs[id]);
    return { runs };
  });
}

function getTrainWorker(): Worker {
  if (!trainWorker) {
    const w = new Worker(new URL('./train.worker.ts', import.meta.url), { type: 'module', name: 'train' });
    w.onmessage = (e: MessageEvent<TrainWorkerEvent>) => {
      if (e.data.type === 'augment-pairs') onAugmentPairs(e.data);
      else onTrainEvent(e.data);
    };
    w.onerror = (e) => {
      e.preventDefault();
      // A worker that could not load never answers a request for augmented pairs.
      if (!e.message) failPendingPairs('The training worker failed to start: it could not be loaded');
      // An uncaught error does not end a worker (and errors of its own helper threads bubble up
      // here too), so only a script that failed to load (an error without a message) is fatal.
      eachLiveRun((run) => {
        if (!run.runId) return run;
        if (!e.message && run.status === 'starting') {
          return reduceTrainEvent(run, { type: 'error', runId: run.runId, message: 'The training worker failed to start: it could not be loaded' });
        }
        return reduceTrainEvent(run, { type: 'warning', runId: run.runId, message: `The training worker reported an error: ${e.message || 'unknown error'}` });
      });
    };
    w.onmessageerror = () =>
      eachLiveRun((run) => (run.runId ? reduceTrainEvent(run, { type: 'error', runId: run.runId, message: 'A message from the training worker could not be read' }) : run));
    trainWorker = w;
  }
  return trainWorker;
}

function getProjectWorker(): Worker {
  if (!projectWorker) {
    const w = new Worker(new URL('./project.worker.ts', import.meta.url), { type: 'module', name: 'project' });
    w.onmessage = (e: MessageEvent<ProjectEvent>) => onProjectEvent(e.data);
    w.onerror = (e) => {
      e.preventDefault();
      // A dead projection worker never answers: forget every request so a new worker can start.
      channels.clear();
      projectWorker?.terminate();
      projectWorker = null;
      eachLiveRun((run) => ({ ...run, projectionError: `The projection worker failed: ${e.message || 'unknown error'}` }));
    };
    projectWorker = w;
  }
  return projectWorker;
}

function sendTrain(cmd: TrainCommand): void {
  getTrainWorker().postMessage(cmd);
}

/** Frees the projection worker's state of a training that is no longer shown. */
export function forgetRun(runId: string | null): void {
  if (!runId) return;
  channels.delete(runId);
  // The worker abandons that run's requests without answering.
  projectWorker?.postMessage({ type: 'reset', runId } satisfies ProjectCommand);
}

/**
 * Starts a training under a new worker id; the run's previous training (if any) is forgotten.
 * Dropped data goes to the worker with the first run of its version only (a structured clone;
 * the page keeps its own copy for the next runs).
 */
export function startRun(runId: string, config: RunConfig, previousRunId: string | null, user?: { version: number; dataset: Dataset }): void {
  forgetRun(previousRunId);
  // Where CLIP may come from travels with each start, never in the config (not part of a link).
  sendTrain({ type: 'start', runId, config, data: userDataOnce(user), modelSource: currentModelSource() });
}

/** Dropped data names its version; its numbers travel only the first time. */
function userDataOnce(user?: { version: number; dataset: Dataset }): { version: number; dataset?: Dataset } | undefined {
  if (!user) return undefined;
  const data = { version: user.version, dataset: sentDataVersion === user.version ? undefined : user.dataset };
  sentDataVersion = user.version;
  return data;
}

const pendingPairs = new Map<number, (ev: AugmentPairsEvent) => void>();
let pairsAsked = 0;

function onAugmentPairs(ev: AugmentPairsEvent): void {
  pendingPairs.get(ev.requestId)?.(ev);
  pendingPairs.delete(ev.requestId);
}

function failPendingPairs(message: string): void {
  for (const [requestId, resolve] of pendingPairs) resolve({ type: 'augment-pairs', requestId, pairs: null, message });
  pendingPairs.clear();
}

/** Augmented pairs of the data `config` names, drawn in the training worker (the teaching view). */
export function requestAugmentPairs(config: RunConfig, count: number, draw: number, user?: { version: number; dataset: Dataset }): Promise<AugmentPairsEvent> {
  const requestId = ++pairsAsked;
  return new Promise((resolve) => {
    pendingPairs.set(requestId, resolve);
    sendTrain({ type: 'augment-pairs', requestId, config, count, draw, data: userDataOnce(user) });
  });
}

export function pauseRun(runId: string): void {
  sendTrain({ type: 'pause', runId });
}

export function resumeRun(runId: string): void {
  sendTrain({ type: 'resume', runId });
}

export function stopRun(runId: string): void {
  sendTrain({ type: 'stop', runId });
}
