/**
 * The state of one training run as the UI sees it, and the pure reducer that folds worker events
 * into it. Events of another run (stale runId) leave the state untouched.
 */
import type { BackendName, DatasetInfo, ExternalMetrics, InternalMetrics, Snapshot, TrainEvent } from '../core/engine/types';
import type { ProjectionView } from '../core/projection/projectors';
import type { ProjectEvent, ProjectionMethod } from '../worker/protocol';
import { appendFrame, type TimelineFrame } from './timeline';
import type { RunSpec, Settings } from './params';

export type RunStatus = 'idle' | 'starting' | 'running' | 'paused' | 'finished' | 'stopped' | 'error';

export type ProgressInfo = Omit<Extract<TrainEvent, { type: 'progress' }>, 'type' | 'runId'>;
export type SharedStartInfo = Omit<Extract<TrainEvent, { type: 'shared-start' }>, 'type' | 'runId'>;

export interface ReadyInfo {
  dataset: DatasetInfo;
  k: number;
  indices: Int32Array;
  labels: Int32Array | null;
  pixels: Uint8Array | null;
  allLabels: Int32Array | null;
}

/** One row per snapshot: what the history charts draw (no embeddings kept). */
export interface HistoryPoint {
  step: number;
  phase: string;
  elapsedMs: number;
  /** Training samples seen (a shared pretraining included): over n, the epoch axis runs compare on. */
  samplesSeen: number;
  metrics: ExternalMetrics | null;
  /** Before the method has clusters: the scores of k-means on the current embedding (a preview). */
  preview: ExternalMetrics | null;
  internal: InternalMetrics | null;
  losses: Record<string, number>;
}

/** 2-D coordinates of the snapshot sample, aligned to the previous frame. */
export interface Frame {
  frameId: number;
  /** The training step of the snapshot it was computed from. */
  step: number;
  method: ProjectionMethod;
  coords: Float32Array;
  n: number;
}

/** Projections of the sample other than the embedding, drawn as small multiples. */
export type SideView = Exclude<ProjectionView, 'embedding'>;

export interface RunState {
  /** The run's place in the comparison: stays when the run is trained again. */
  id: string;
  /** What its next start uses (method, budget, k, method parameters); the rest is shared. */
  spec: RunSpec;
  /** The run it was duplicated from ("what if"), to say what was changed. */
  derivedFrom: string | null;
  /** The worker's id of the current or last training; events of any other are ignored. */
  runId: string | null;
  /** The settings the run was started with (the controls may have changed since). */
  settings: Settings | null;
  status: RunStatus;
  backend: { name: BackendName; reason: string; notices: string[] } | null;
  ready: ReadyInfo | null;
  progress: ProgressInfo | null;
  /** The last good snapshot; kept on screen after an error. */
  snapshot: Snapshot | null;
  history: HistoryPoint[];
  frame: Frame | null;
  /** Stored frames with their assignments, bounded (timeline.ts), for replay. */
  timeline: TimelineFrame[];
  views: Partial<Record<SideView, Frame>>;
  warnings: string[];
  error: string | null;
  projectionError: string | null;
  done: { reason: 'finished' | 'stopped'; seconds: number } | null;
  /** It started from a shared pretraining: from the cache, or trained once for several runs. */
  sharedStart: SharedStartInfo | null;
  /** Sum and count of the progress windows' samples/s while steps ran: the run's mean speed. */
  speed: { sum: number; count: number };
  /** The last few snapshots' clusters by step: a frame that arrives late is coloured as its own snapshot was. */
  recent: RecentClusters[];
}

export interface RecentClusters {
  step: number;
  phase: string;
  assignment: Int32Array | null;
  confidence: Float32Array | null;
}

/** Snapshots a projection may lag behind (it is newest-only, so one or two at most). */
const RECENT = 4;

export const IDLE_RUN: RunState = {
  id: '',
  spec: { method: '', budget: 'quick', k: null, params: {} },
  derivedFrom: null,
  runId: null,
  settings: null,
  status: 'idle',
  backend: null,
  ready: null,
  progress: null,
  snapshot: null,
  history: [],
  frame: null,
  timeline: [],
  views: {},
  warnings: [],
  error: null,
  projectionError: null,
  done: null,
  sharedStart: null,
  speed: { sum: 0, count: 0 },
  recent: [],
};

export function idleRun(id: string, spec: RunSpec, derivedFrom: string | null = null): RunState {
  return { ...IDLE_RUN, id, spec, derivedFrom };
}

/** A fresh training of `base` (its place and spec kept, everything it showed cleared). */
export function startedRun(runId: string, settings: Settings | null = null, base: RunState = IDLE_RUN): RunState {
  return { ...IDLE_RUN, id: base.id, spec: base.spec, derivedFrom: base.derivedFrom, runId, settings, status: 'starting' };
}

/** A snapshot is usable when every number in it is finite; otherwise keep the last good one. */
function isFinite32(a: Float32Array): boolean {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return false;
  return true;
}

function withSnapshot(run: RunState, s: Snapshot): RunState {
  if (!isFinite32(s.embedding)) {
    return { ...run, warnings: [...run.warnings, `Snapshot at step ${s.step} has non-finite embedding values — kept the previous one`] };
  }
  const point: HistoryPoint = {
    step: s.step,
    phase: s.phase,
    elapsedMs: s.elapsedMs,
    samplesSeen: s.samplesSeen,
    metrics: s.metrics,
    preview: s.preview?.metrics ?? null,
    internal: s.internal,
    losses: s.losses,
  };
  const recent = [...run.recent, { step: s.step, phase: s.phase, assignment: s.assignment, confidence: s.confidence }].slice(-RECENT);
  return { ...run, snapshot: s, history: [...run.history, point], recent };
}

const ACTIVE: readonly RunStatus[] = ['starting', 'running', 'paused'];

export function reduceTrainEvent(run: RunState, ev: TrainEvent): RunState {
  if (ev.runId !== run.runId) return run;
  switch (ev.type) {
    case 'backend':
      return { ...run, backend: { name: ev.backend, reason: ev.reason, notices: ev.notices } };
    case 'ready':
      return {
        ...run,
        status: run.status === 'starting' ? 'running' : run.status,
        ready: { dataset: ev.dataset, k: ev.k, indices: ev.sample.indices, labels: ev.sample.labels, pixels: ev.sample.pixels, allLabels: ev.allLabels },
      };
    case 'progress': {
      const { type: _t, runId: _r, ...progress } = ev;
      void _t;
      void _r;
      const speed = ev.samplesPerSec > 0 ? { sum: run.speed.sum + ev.samplesPerSec, count: run.speed.count + 1 } : run.speed;
      return { ...run, progress, speed, status: run.status === 'starting' ? 'running' : run.status };
    }
    case 'snapshot':
      return withSnapshot(run, ev.snapshot);
    case 'paused':
      return ACTIVE.includes(run.status) ? { ...run, status: 'paused' } : run;
    case 'resumed':
      return ACTIVE.includes(run.status) ? { ...run, status: 'running' } : run;
    case 'shared-start': {
      const { type: _t, runId: _r, ...info } = ev;
      void [_t, _r];
      return { ...run, sharedStart: info };
    }
    case 'warning':
      // A repeated warning (e.g. every step) is shown once.
      return run.warnings.includes(ev.message) ? run : { ...run, warnings: [...run.warnings, ev.message] };
    case 'done': {
      const next = ev.final ? withSnapshot(run, ev.final) : run;
      if (run.status === 'error') return next;
      return { ...next, status: ev.reason, done: { reason: ev.reason, seconds: ev.seconds } };
    }
    case 'error': {
      const where = [ev.phase && `phase ${ev.phase}`, ev.step !== undefined && `step ${ev.step}`].filter(Boolean).join(', ');
      return { ...run, status: 'error', error: where ? `${ev.message} (${where})` : ev.message };
    }
  }
}

export function reduceProjectEvent(run: RunState, ev: ProjectEvent): RunState {
  if (ev.runId !== run.runId) return run;
  if (ev.type === 'error') return { ...run, projectionError: ev.message };
  const view = ev.view ?? 'embedding';
  if (view !== 'embedding') {
    // A side view (small multiple): its own frame sequence, not stored in the timeline.
    const prev = run.views[view];
    if (prev && ev.frameId <= prev.frameId) return run;
    const side: Frame = { frameId: ev.frameId, step: ev.step, method: ev.method, coords: ev.coords, n: ev.coords.length / 2 };
    return { ...run, views: { ...run.views, [view]: side } };
  }
  // Frames can only move forward: a late reply for an older request must not replace a newer one.
  if (run.frame && ev.frameId <= run.frame.frameId) return run;
  const frame: Frame = { frameId: ev.frameId, step: ev.step, method: ev.method, coords: ev.coords, n: ev.coords.length / 2 };
  // Stored with the clusters of the snapshot it was computed from (the newest, if that one is gone).
  const s = run.recent.find((r) => r.step === ev.step) ?? run.recent.at(-1);
  const stored: TimelineFrame = {
    frameId: ev.frameId,
    step: ev.step,
    phase: s?.phase ?? '',
    coords: ev.coords,
    assignment: s?.assignment ?? null,
    confidence: s?.confidence ?? null,
  };
  return { ...run, projectionError: null, frame, timeline: appendFrame(run.timeline, stored) };
}

export function isActive(status: RunStatus): boolean {
  return ACTIVE.includes(status);
}
