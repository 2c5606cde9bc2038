/**
 * The only main-thread file that creates Workers. It sends commands, and folds every event into
 * the store through the pure reducers in state/run.ts (which ignore events of an old runId).
 * Snapshots go on to the projection worker, one request at a time, newest first.
 */
import { store } from '../state/store';
import { reduceProjectEvent, reduceTrainEvent, type RunState, type SideView } from '../state/run';
import { LatestOnly } from '../state/latestOnly';
import type { Dataset } from '../core/data/dataset';
import { projectionParams } from '../state/params';
import type { ProjectCommand, ProjectEvent, RunConfig, Snapshot, TrainCommand, TrainEvent } from './protocol';

let trainWorker: Worker | null = null;
let projectWorker: Worker | null = null;

/** Which run each projection request belongs to, and whether the run has had a frame yet. */
let framesAsked = 0;

interface ProjectionJob {
  runId: string;
  snapshot: Snapshot;
}

const projection = new LatestOnly<ProjectionJob>((job, frameId) => {
  const { settings } = store.getState();
  // The first frame of a run is PCA: instant feedback while UMAP / t-SNE warm up on the next ones.
  const method = settings.projection !== 'pca' && framesAsked === 0 ? 'pca' : settings.projection;
  framesAsked++;
  const s = job.snapshot;
  const cmd: ProjectCommand = {
    type: 'project',
    runId: job.runId,
    frameId,
    method,
    points: s.embedding,
    n: s.embedding.length / s.embedDim,
    dim: s.embedDim,
    seed: settings.seed,
    params: projectionParams(settings),
  };
  getProjectWorker().postMessage(cmd);
});

/**
 * Side views (the small multiples beside the embedding), asked for only while they are shown:
 * the assignment space on every snapshot that carries soft assignments, the raw input once per
 * run (image datasets: the sample's pixels). Each view has its own request sequence.
 */
interface ViewJob {
  runId: string;
  points: Float32Array;
  n: number;
  dim: number;
}

function viewSender(view: SideView): LatestOnly<ViewJob> {
  return new LatestOnly<ViewJob>((job, frameId) => {
    const { settings } = store.getState();
    const cmd: ProjectCommand = {
      type: 'project',
      runId: job.runId,
      frameId,
      method: settings.projection,
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

const sideViews: Record<SideView, LatestOnly<ViewJob>> = { input: viewSender('input'), assignment: viewSender('assignment') };
let inputAskedFor: string | null = null;

function pushSideViews(run: RunState, snapshotChanged: boolean): void {
  if (!store.getState().scatter.showViews || !run.runId || !run.ready) return;
  const { k, pixels, indices } = run.ready;
  const soft = run.snapshot?.soft;
  if (soft && snapshotChanged) sideViews.assignment.push({ runId: run.runId, points: soft, n: soft.length / k, dim: k });
  if (pixels && inputAskedFor !== run.runId) {
    inputAskedFor = run.runId;
    const n = indices.length;
    sideViews.input.push({ runId: run.runId, points: Float32Array.from(pixels, (v) => v / 255), n, dim: pixels.length / n });
  }
}

// Switching the views on asks for them at once (also after a run has finished).
store.subscribe((s, prev) => {
  if (s.scatter.showViews && !prev.scatter.showViews) pushSideViews(s.run, !s.run.views.assignment);
});

function failRun(message: string): void {
  const { run } = store.getState();
  if (!run.runId) return;
  store.setState({ run: reduceTrainEvent(run, { type: 'error', runId: run.runId, message }) });
}

function warn(message: string): void {
  const { run } = store.getState();
  if (run.runId) onTrainEvent({ type: 'warning', runId: run.runId, message });
}

function onTrainEvent(ev: TrainEvent): void {
  const before = store.getState().run;
  const after = reduceTrainEvent(before, ev);
  if (after === before) return;
  store.setState({ run: after });
  // Project only snapshots the reducer accepted (finite ones), so a NaN never reaches the plot.
  if (after.snapshot && after.snapshot !== before.snapshot) {
    projection.push({ runId: ev.runId, snapshot: after.snapshot });
  }
  pushSideViews(after, after.snapshot !== before.snapshot);
}

function onProjectEvent(ev: ProjectEvent): void {
  (ev.view && ev.view !== 'embedding' ? sideViews[ev.view] : projection).done(ev.frameId);
  const before = store.getState().run;
  const after = reduceProjectEvent(before, ev);
  if (after !== before) store.setState({ run: after });
}

function getTrainWorker(): Worker {
  if (!trainWorker) {
    const w = new Worker(new URL('./train.worker.ts', import.meta.url), { type: 'module', name: 'train' });
    w.onmessage = (e: MessageEvent<TrainEvent>) => onTrainEvent(e.data);
    w.onerror = (e) => {
      e.preventDefault();
      // An uncaught error does not end a worker (and errors of its own helper threads bubble up
      // here too), so only a script that failed to load (an error without a message) is fatal.
      const { run } = store.getState();
      if (!e.message && run.status === 'starting') failRun(`The training worker failed to start: ${e.message || 'it could not be loaded'}`);
      else warn(`The training worker reported an error: ${e.message || 'unknown error'}`);
    };
    w.onmessageerror = () => failRun('A message from the training worker could not be read');
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
      // A dead projection worker never answers: forget the request so a new worker can start.
      projection.clear();
      projectWorker?.terminate();
      projectWorker = null;
      const { run } = store.getState();
      store.setState({ run: { ...run, projectionError: `The projection worker failed: ${e.message || 'unknown error'}` } });
    };
    projectWorker = w;
  }
  return projectWorker;
}

function sendTrain(cmd: TrainCommand): void {
  getTrainWorker().postMessage(cmd);
}

/** Frees the projection worker's state of a run that is no longer shown. */
export function forgetRun(runId: string | null): void {
  framesAsked = 0;
  inputAskedFor = null;
  for (const v of Object.values(sideViews)) v.clear();
  if (runId && projectWorker) {
    projectWorker.postMessage({ type: 'reset', runId } satisfies ProjectCommand);
    // The worker abandons that run's request without answering, so stop waiting for it.
    projection.clear();
  } else {
    projection.dropPending();
  }
}

/** Starts a run; events of any earlier run are ignored from now on (the store's runId changed). */
export function startRun(runId: string, config: RunConfig, previousRunId: string | null, data?: Dataset): void {
  forgetRun(previousRunId);
  // The dataset is copied (structured clone), so the page keeps its own for the next run.
  sendTrain({ type: 'start', runId, config, data });
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
