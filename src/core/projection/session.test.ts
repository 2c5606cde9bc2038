import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { alignTo } from './procrustes';
import { ProjectionSession, type ProjectionEvent, type ProjectRequest } from './session';
import { blobs } from './testData';
import { TsneProjector } from './tsne';
import { runProjector } from './types';
import { UmapProjector } from './umap';

const N = 150;
const DIM = 6;
const { points } = blobs(N, DIM, 3, 2);

function setup(sliceMs = 5) {
  const events: ProjectionEvent[] = [];
  const session = new ProjectionSession({
    emit: (e) => events.push(e),
    yieldNow: () => new Promise((r) => setTimeout(r, 0)),
    now: () => performance.now(),
    sliceMs,
  });
  const idle = async (count: number) => {
    for (let t = 0; t < 2000 && events.length < count; t++) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 20)); // would-be extra events get a chance to show up
  };
  return { events, session, idle };
}

const req = (frameId: number, extra: Partial<ProjectRequest> = {}): ProjectRequest => ({
  runId: 'r',
  frameId,
  method: 'umap',
  points,
  n: N,
  dim: DIM,
  seed: 1,
  ...extra,
});

const frames = (events: ProjectionEvent[]) => events.filter((e) => e.type === 'frame');
const same = (a: Float32Array, b: Float32Array) => Buffer.from(a.buffer).equals(Buffer.from(b.buffer));

describe('projection session', () => {
  it('paces frames: after a frame of t ms the next starts no sooner than restFactor · t later', async () => {
    const events: ProjectionEvent[] = [];
    const emittedAt: number[] = [];
    const session = new ProjectionSession({
      emit: (e) => {
        events.push(e);
        emittedAt.push(performance.now());
      },
      yieldNow: () => new Promise((r) => setTimeout(r, 0)),
      now: () => performance.now(),
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      restFactor: 3,
    });
    session.request(req(1));
    for (let t = 0; t < 2000 && events.length < 1; t++) await new Promise((r) => setTimeout(r, 1));
    session.request(req(2, { points: points.map((v) => v + 0.1) })); // right after frame 1
    for (let t = 0; t < 2000 && events.length < 2; t++) await new Promise((r) => setTimeout(r, 5));
    const [a, b] = frames(events);
    expect([a.frameId, b.frameId]).toEqual([1, 2]);
    const secondStarted = emittedAt[1] - b.ms;
    expect(secondStarted - emittedAt[0]).toBeGreaterThanOrEqual(3 * a.ms - 2);
  });

  it('keeps only the latest pending request: stale frames are dropped, not queued', async () => {
    const { events, session, idle } = setup();
    session.request(req(1, { step: 10 }));
    session.request(req(2, { step: 20 }));
    session.request(req(3, { step: 30 }));
    await idle(1);
    expect(events.map((e) => [e.type, e.frameId])).toEqual([['frame', 3]]);
    // The frame names the snapshot step it was computed from.
    expect(frames(events)[0].step).toBe(30);
  });

  it('warm-starts UMAP from the previous frame and aligns to it; identical input repeats it', async () => {
    const { events, session, idle } = setup(1000);
    session.request(req(1));
    await idle(1);
    const rng = createRng(4);
    const next = points.map((v) => v + 0.2 * rng.normal());
    session.request(req(2, { points: next }));
    await idle(2);
    session.request(req(3, { points: next }));
    await idle(3);
    const [f1, f2, f3] = frames(events);
    if (f1.type !== 'frame' || f2.type !== 'frame' || f3.type !== 'frame') throw new Error('expected frames');
    expect(same(f1.coords, runProjector(new UmapProjector({ seed: 1 }), points, N, DIM))).toBe(true);
    const warm = runProjector(new UmapProjector({ seed: 1 }), next, N, DIM, f1.coords);
    expect(same(f2.coords, alignTo(warm, f1.coords))).toBe(true);
    expect(same(f3.coords, f2.coords)).toBe(true);
    expect(f2.ms).toBeGreaterThanOrEqual(0);
  });

  it('aligns PCA frames too, and forgets a run on reset', async () => {
    const { events, session, idle } = setup();
    session.request(req(1, { method: 'pca' }));
    await idle(1);
    // Rotating the input in its first two dims leaves PCA's picture unchanged once aligned.
    const turned = points.slice();
    for (let i = 0; i < N; i++) {
      const [x, y] = [points[i * DIM], points[i * DIM + 1]];
      turned[i * DIM] = 0.6 * x - 0.8 * y;
      turned[i * DIM + 1] = 0.8 * x + 0.6 * y;
    }
    session.request(req(2, { method: 'pca', points: turned }));
    await idle(2);
    session.reset('r');
    session.request(req(3));
    await idle(3);
    const [f1, f2, f3] = frames(events);
    if (f1.type !== 'frame' || f2.type !== 'frame' || f3.type !== 'frame') throw new Error('expected frames');
    for (let i = 0; i < 2 * N; i++) expect(f2.coords[i]).toBeCloseTo(f1.coords[i], 3);
    // After reset the UMAP frame is cold and unaligned, exactly as if the run were new.
    expect(same(f3.coords, runProjector(new UmapProjector({ seed: 1 }), points, N, DIM))).toBe(true);
  });

  it('reports bad input as an error event and keeps serving', async () => {
    const { events, session, idle } = setup();
    session.request(req(1, { n: N + 1 }));
    await idle(1);
    const bad = points.slice();
    bad[7] = Number.NaN;
    session.request(req(2, { points: bad, runId: 'other' }));
    await idle(2);
    session.request(req(3, { method: 'pca' }));
    await idle(3);
    expect(events.map((e) => [e.type, e.runId, e.frameId])).toEqual([
      ['error', 'r', 1],
      ['error', 'other', 2],
      ['frame', 'r', 3],
    ]);
  });

  it('serves runs independently', async () => {
    const { events, session, idle } = setup();
    session.request(req(1, { runId: 'a' }));
    session.request(req(1, { runId: 'b', method: 'pca' }));
    await idle(2);
    expect(events.map((e) => `${e.type}:${e.runId}`).sort()).toEqual(['frame:a', 'frame:b']);
  });

  it('keeps a previous layout per (run, view): views warm-start and align independently', async () => {
    const { events, session, idle } = setup(1000);
    const wide = blobs(N, 3, 3, 9).points;
    session.request(req(1, { method: 'pca' }));
    session.request(req(1, { method: 'pca', view: 'input', points: wide, dim: 3 }));
    await idle(2);
    session.request(req(2, { method: 'pca', view: 'input', points: wide, dim: 3 }));
    await idle(3);
    const got = frames(events);
    expect(got.map((e) => e.type === 'frame' && e.view).sort()).toEqual(['embedding', 'input', 'input']);
    const input = got.filter((e) => e.type === 'frame' && e.view === 'input');
    // The second input frame repeats the first input frame, not the embedding frame.
    if (input[0].type !== 'frame' || input[1].type !== 'frame') throw new Error('expected frames');
    expect(same(input[1].coords, input[0].coords)).toBe(true);
    session.reset('r');
    session.request(req(3, { method: 'pca', view: 'input', points: wide, dim: 3 }));
    await idle(4);
    const last = frames(events)[3];
    if (last.type !== 'frame') throw new Error('expected a frame');
    expect(same(last.coords, input[0].coords)).toBe(true); // cold again, nothing to align to
  });

  it('warm-starts t-SNE from its own unaligned layout, and recomputes when a parameter changes', async () => {
    const { events, session, idle } = setup(1000);
    const params = { tsneIterations: 300, tsnePerplexity: 20 };
    session.request(req(1, { method: 'pca' }));
    await idle(1);
    session.request(req(2, { method: 'tsne', params }));
    await idle(2);
    session.request(req(3, { method: 'tsne', params: { ...params, tsnePerplexity: 10 } }));
    await idle(3);
    const [f1, f2, f3] = frames(events);
    if (f1.type !== 'frame' || f2.type !== 'frame' || f3.type !== 'frame') throw new Error('expected frames');
    // After PCA the t-SNE frame is cold (its scale differs), aligned to the PCA frame.
    const cold = runProjector(new TsneProjector({ seed: 1, iterations: 300, perplexity: 20 }), points, N, DIM);
    expect(same(f2.coords, alignTo(cold, f1.coords))).toBe(true);
    // Same points but another perplexity: a new layout, warm from the raw cold one.
    const warm = runProjector(new TsneProjector({ seed: 1, iterations: 300, perplexity: 10 }), points, N, DIM, cold);
    expect(same(f3.coords, alignTo(warm, f2.coords))).toBe(true);
  });
});
