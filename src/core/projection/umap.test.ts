import { UMAP } from 'umap-js';
import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { exactKnn } from './knn';
import { alignTo } from './procrustes';
import { blobs, knnLabelAgreement } from './testData';
import { meanDisplacement, runProjector } from './types';
import { UmapProjector } from './umap';

const N = 400;
const DIM = 10;
const { points, labels } = blobs(N, DIM, 5, 1);
const umap = (seed: number, x = points, previous?: Float32Array) =>
  runProjector(new UmapProjector({ seed }), x, N, DIM, previous);

/** Mean share of each point's k high-dimensional neighbours kept among its k 2-D neighbours. */
function neighbourPreservation(x: Float32Array, dim: number, coords: Float32Array, k: number): number {
  const high = exactKnn(x, N, dim, k);
  const low = exactKnn(coords, N, 2, k);
  let kept = 0;
  for (let i = 0; i < N; i++) {
    const s = new Set(low.indices.subarray(i * k, (i + 1) * k));
    for (const j of high.indices.subarray(i * k, (i + 1) * k)) if (s.has(j)) kept++;
  }
  return kept / (N * k);
}

describe('UMAP projector', () => {
  it('gives a bit-identical layout for the same seed, and a different one for another seed', () => {
    const a = umap(3);
    const b = umap(3);
    expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(true);
    // Re-initialising one projector must not carry state from the previous frame.
    const p = new UmapProjector({ seed: 3 });
    runProjector(p, points, N, DIM);
    expect(Buffer.from(runProjector(p, points, N, DIM).buffer).equals(Buffer.from(a.buffer))).toBe(true);
    expect(Buffer.from(umap(4).buffer).equals(Buffer.from(a.buffer))).toBe(false);
  });

  it('keeps well-separated blobs separated (2-D kNN label agreement ≥ 0.95)', () => {
    const coords = umap(1);
    expect(coords.every(Number.isFinite)).toBe(true);
    expect(knnLabelAgreement(coords, labels, 10)).toBeGreaterThanOrEqual(0.95);
  });

  it('preserves neighbourhoods at least about as well as umap-js (the reference)', () => {
    const { points: x } = blobs(N, DIM, 3, 5, 4, 1.5); // overlapping blobs: local structure matters
    const ours = runProjector(new UmapProjector({ seed: 1 }), x, N, DIM);
    const rows = Array.from({ length: N }, (_, i) => Array.from(x.subarray(i * DIM, (i + 1) * DIM)));
    const ref = new UMAP({ nComponents: 2, nNeighbors: 15, minDist: 0.1, random: createRng(1).next }).fit(rows);
    const refScore = neighbourPreservation(x, DIM, Float32Array.from(ref.flat()), 10);
    const ourScore = neighbourPreservation(x, DIM, ours, 10);
    expect(ourScore).toBeGreaterThan(0.9 * refScore);
  });

  it('moves points less from a warm start than from a cold start (after Procrustes)', () => {
    const first = umap(1);
    // The next snapshot: the same points, drifted a little (training moved the embedding).
    const rng = createRng(9);
    const next = points.map((v) => v + rng.normal() * 0.3);
    const warm = umap(1, next, first);
    const cold = umap(1, next);
    const warmMove = meanDisplacement(alignTo(warm, first), first);
    const coldMove = meanDisplacement(alignTo(cold, first), first);
    expect(warmMove).toBeLessThan(coldMove);
    // A warm frame is also far cheaper: a quarter of the epochs.
    const count = (prev?: Float32Array) => {
      const p = new UmapProjector({ seed: 1 });
      p.init(next, N, DIM, prev);
      let steps = 1;
      while (!p.step()) steps++;
      return steps;
    };
    expect(count(first)).toBe(Math.round(count() / 4));
  });

  it('ignores a warm start of the wrong size, and handles tiny inputs without NaN', () => {
    const cold = umap(2);
    expect(Buffer.from(umap(2, points, new Float32Array(6)).buffer).equals(Buffer.from(cold.buffer))).toBe(true);
    for (const n of [0, 1, 2, 3, 5, 16]) {
      const x = Float32Array.from({ length: n * 3 }, (_, i) => (i * 7919) % 13);
      const out = runProjector(new UmapProjector({ seed: 1 }), x, n, 3);
      expect(out.length).toBe(2 * n);
      expect(out.every(Number.isFinite)).toBe(true);
    }
  });
});
