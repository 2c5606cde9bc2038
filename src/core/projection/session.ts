/**
 * The projection worker's logic, free of `self` so it runs (and is tested) in Node.
 *
 * Per (run, view) it keeps the previous frame's coords: UMAP and t-SNE warm-start from them when
 * the point count matches, and every frame is Procrustes-aligned to them so the picture moves
 * instead of jumping. A run's views (embedding, raw input, assignments) are independent pictures.
 * Requests never queue: each run holds at most one pending request, and a newer one replaces it.
 * The projector is stepped in time slices with a yield in between, so a request that arrives
 * mid-computation is seen and the stale frame is abandoned.
 * Pacing: after a frame that took t ms, the next one of that picture starts no sooner than
 * restFactor · t later. Without it a warm UMAP frame (~0.7 s for 5,000 points) follows every
 * snapshot and takes one of the two cores the training needs — a default DEC run then took over
 * 5 minutes in the app instead of ~2.5.
 */
import { createProjector, sameParams, type ProjectionParams, type ProjectionView, type ProjectorName } from './projectors';
import { alignTo } from './procrustes';

export interface ProjectRequest {
  runId: string;
  frameId: number;
  /** The training step of the snapshot the points come from, echoed in the frame. */
  step?: number;
  method: ProjectorName;
  /** n × dim row-major. */
  points: Float32Array;
  n: number;
  dim: number;
  seed: number;
  /** Which picture of the run this is; default 'embedding'. */
  view?: ProjectionView;
  /** Omitted fields take DEFAULT_PROJECTION_PARAMS. */
  params?: Partial<ProjectionParams>;
}

export type ProjectionEvent =
  | { type: 'frame'; runId: string; frameId: number; step: number; method: ProjectorName; view: ProjectionView; coords: Float32Array; ms: number }
  | { type: 'error'; runId: string; frameId: number; view: ProjectionView; message: string };

export interface SessionOptions {
  emit(event: ProjectionEvent): void;
  /** Resolves after pending messages have had a chance to be delivered. */
  yieldNow(): Promise<void>;
  now(): number;
  /** Longest stretch of stepping between yields. */
  sliceMs?: number;
  /** Waits; without it there is no pacing. */
  sleep?(ms: number): Promise<void>;
  /** Rest after a frame, as a multiple of its time (default 2: at most a third of a core). */
  restFactor?: number;
}

interface RunState {
  runId: string;
  /** The last frame as shown (aligned). */
  previous: Float32Array | null;
  /** The last frame as the projector left it: t-SNE's warm start needs its own scale. */
  previousRaw: Float32Array | null;
  /** Input, method and parameters of the frame in `previous`: an identical request repeats it. */
  lastPoints: Float32Array | null;
  lastMethod: ProjectorName | null;
  lastParams: Partial<ProjectionParams>;
  pending: ProjectRequest | null;
  busy: boolean;
  forgotten: boolean;
  /** No new frame of this picture starts before this time (pacing). */
  restUntil: number;
}

const DEFAULT_SLICE_MS = 30;
const DEFAULT_REST_FACTOR = 2;

export class ProjectionSession {
  /** Keyed by runId + view. */
  private readonly runs = new Map<string, RunState>();

  constructor(private readonly opts: SessionOptions) {}

  request(req: ProjectRequest): void {
    const key = `${req.runId}\u0000${req.view ?? 'embedding'}`;
    let state = this.runs.get(key);
    if (!state) {
      state = {
        runId: req.runId,
        previous: null,
        previousRaw: null,
        lastPoints: null,
        lastMethod: null,
        lastParams: {},
        pending: null,
        busy: false,
        forgotten: false,
        restUntil: 0,
      };
      this.runs.set(key, state);
    }
    state.pending = req; // replaces (drops) any older pending request of this run
    if (!state.busy) void this.pump(state);
  }

  /** Forgets every view of the run; its in-flight work is abandoned without an answer. */
  reset(runId: string): void {
    for (const [key, state] of this.runs) {
      if (state.runId !== runId) continue;
      state.forgotten = true;
      state.pending = null;
      this.runs.delete(key);
    }
  }

  private async pump(state: RunState): Promise<void> {
    state.busy = true;
    const { now, sleep } = this.opts;
    try {
      while (state.pending && !state.forgotten) {
        const wait = state.restUntil - now();
        if (sleep && wait > 0) {
          await sleep(wait); // a newer request may replace the pending one meanwhile
          continue;
        }
        const req = state.pending;
        state.pending = null;
        const start = now();
        await this.compute(state, req);
        state.restUntil = now() + (this.opts.restFactor ?? DEFAULT_REST_FACTOR) * (now() - start);
      }
    } finally {
      state.busy = false;
    }
  }

  private async compute(state: RunState, req: ProjectRequest): Promise<void> {
    const { now, yieldNow, emit } = this.opts;
    const sliceMs = this.opts.sliceMs ?? DEFAULT_SLICE_MS;
    const start = now();
    const view = req.view ?? 'embedding';
    const params = req.params ?? {};
    try {
      validate(req);
      let coords: Float32Array;
      let raw: Float32Array | null = state.previousRaw;
      const sameMethod = state.lastMethod === req.method && sameParams(req.method, state.lastParams, params);
      if (state.previous && sameMethod && sameArray(state.lastPoints, req.points)) {
        coords = state.previous.slice();
      } else {
        const projector = createProjector(req.method, req.seed, params);
        const prev = state.previous && state.previous.length === 2 * req.n ? state.previous : undefined;
        projector.init(req.points, req.n, req.dim, warmStart(req, state, prev));
        let sliceStart = now();
        while (!projector.step()) {
          if (now() - sliceStart < sliceMs) continue;
          await yieldNow();
          if (state.pending || state.forgotten) return; // stale: a newer request supersedes it
          sliceStart = now();
        }
        coords = projector.embedding();
        raw = coords.slice();
        if (prev) coords = alignTo(coords, prev);
      }
      if (state.forgotten) return;
      state.previous = coords.slice(); // `coords` itself is transferred away by the worker
      state.previousRaw = raw;
      state.lastPoints = req.points;
      state.lastMethod = req.method;
      state.lastParams = params;
      emit({ type: 'frame', runId: req.runId, frameId: req.frameId, step: req.step ?? 0, method: req.method, view, coords, ms: now() - start });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      emit({ type: 'error', runId: req.runId, frameId: req.frameId, view, message });
    }
  }
}

/**
 * UMAP rescales whatever it starts from, so any previous frame will do (a PCA first frame too).
 * t-SNE's Student-t kernel is not scale-free: it only warm-starts from its own unaligned layout.
 */
function warmStart(req: ProjectRequest, state: RunState, prev: Float32Array | undefined): Float32Array | undefined {
  if (req.method === 'umap') return prev;
  if (req.method === 'tsne' && state.lastMethod === 'tsne' && state.previousRaw?.length === 2 * req.n) {
    return state.previousRaw;
  }
  return undefined;
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
