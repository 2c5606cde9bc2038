/**
 * The projection worker's logic, free of `self` so it runs (and is tested) in Node.
 *
 * Per run it keeps the previous frame's coords: UMAP warm-starts from them when the point count
 * matches, and every frame is Procrustes-aligned to them so the picture moves instead of jumping.
 * Requests never queue: each run holds at most one pending request, and a newer one replaces it.
 * The projector is stepped in time slices with a yield in between, so a request that arrives
 * mid-computation is seen and the stale frame is abandoned.
 */
import { createProjector, type ProjectorName } from './projectors';
import { alignTo } from './procrustes';

export interface ProjectRequest {
  runId: string;
  frameId: number;
  method: ProjectorName;
  /** n × dim row-major. */
  points: Float32Array;
  n: number;
  dim: number;
  seed: number;
}

export type ProjectionEvent =
  | { type: 'frame'; runId: string; frameId: number; method: ProjectorName; coords: Float32Array; ms: number }
  | { type: 'error'; runId: string; frameId: number; message: string };

export interface SessionOptions {
  emit(event: ProjectionEvent): void;
  /** Resolves after pending messages have had a chance to be delivered. */
  yieldNow(): Promise<void>;
  now(): number;
  /** Longest stretch of stepping between yields. */
  sliceMs?: number;
}

interface RunState {
  previous: Float32Array | null;
  /** Input and method of the frame in `previous`: an identical request returns it unchanged. */
  lastPoints: Float32Array | null;
  lastMethod: ProjectorName | null;
  pending: ProjectRequest | null;
  busy: boolean;
  forgotten: boolean;
}

const DEFAULT_SLICE_MS = 30;

export class ProjectionSession {
  private readonly runs = new Map<string, RunState>();

  constructor(private readonly opts: SessionOptions) {}

  request(req: ProjectRequest): void {
    let state = this.runs.get(req.runId);
    if (!state) {
      state = { previous: null, lastPoints: null, lastMethod: null, pending: null, busy: false, forgotten: false };
      this.runs.set(req.runId, state);
    }
    state.pending = req; // replaces (drops) any older pending request of this run
    if (!state.busy) void this.pump(state);
  }

  reset(runId: string): void {
    const state = this.runs.get(runId);
    if (!state) return;
    state.forgotten = true;
    state.pending = null;
    this.runs.delete(runId);
  }

  private async pump(state: RunState): Promise<void> {
    state.busy = true;
    try {
      while (state.pending && !state.forgotten) {
        const req = state.pending;
        state.pending = null;
        await this.compute(state, req);
      }
    } finally {
      state.busy = false;
    }
  }

  private async compute(state: RunState, req: ProjectRequest): Promise<void> {
    const { now, yieldNow, emit } = this.opts;
    const sliceMs = this.opts.sliceMs ?? DEFAULT_SLICE_MS;
    const start = now();
    try {
      validate(req);
      let coords: Float32Array;
      if (state.previous && state.lastMethod === req.method && sameArray(state.lastPoints, req.points)) {
        coords = state.previous.slice();
      } else {
        const projector = createProjector(req.method, req.seed);
        const prev = state.previous && state.previous.length === 2 * req.n ? state.previous : undefined;
        projector.init(req.points, req.n, req.dim, req.method === 'umap' ? prev : undefined);
        let sliceStart = now();
        while (!projector.step()) {
          if (now() - sliceStart < sliceMs) continue;
          await yieldNow();
          if (state.pending || state.forgotten) return; // stale: a newer request supersedes it
          sliceStart = now();
        }
        coords = projector.embedding();
        if (prev) coords = alignTo(coords, prev);
      }
      if (state.forgotten) return;
      state.previous = coords.slice(); // `coords` itself is transferred away by the worker
      state.lastPoints = req.points;
      state.lastMethod = req.method;
      emit({ type: 'frame', runId: req.runId, frameId: req.frameId, method: req.method, coords, ms: now() - start });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      emit({ type: 'error', runId: req.runId, frameId: req.frameId, message });
    }
  }
}

function validate(req: ProjectRequest): void {
  const { n, dim, points } = req;
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(dim) || dim < 1) {
    throw new Error(`bad projection shape: n=${n}, dim=${dim}`);
  }
  if (points.length !== n * dim) {
    throw new Error(`points has ${points.length} values, expected n × dim = ${n * dim}`);
  }
  for (let i = 0; i < points.length; i++) {
    if (!Number.isFinite(points[i])) throw new Error(`embedding has a non-finite value at row ${Math.floor(i / dim)}`);
  }
}

function sameArray(a: Float32Array | null, b: Float32Array): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
