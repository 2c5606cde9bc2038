// The k sweep on four separated blobs must point at k = 4 by silhouette and Davies–Bouldin, give
// the same row for a k whatever else is swept, and stop between ks when asked.
import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { SILHOUETTE_POINTS } from '../engine/internalMetrics';
import { kSweep, kSweepAsync, prepareSweep, suggestK, sweepKs, type KSweepResult } from './kSweep';

/** Four Gaussian blobs in 10-D, centres ~10 apart per axis, unit spread, n = 2000. */
function fourBlobs(): { x: Float32Array; n: number; dim: number } {
  const rng = createRng(17);
  const dim = 10;
  const n = 2000;
  const centres = Array.from({ length: 4 }, () => Array.from({ length: dim }, () => rng.normal() * 10));
  const x = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) for (let t = 0; t < dim; t++) x[i * dim + t] = centres[i % 4][t] + rng.normal();
  return { x, n, dim };
}

const row = (k: number, silhouette: number | null): KSweepResult => ({
  k,
  silhouette,
  daviesBouldin: 1,
  calinskiHarabasz: 1,
  sizeEntropy: 1,
  inertia: 1,
});

describe('kSweep', () => {
  const { x, n, dim } = fourBlobs();
  const ks = [2, 3, 4, 5, 6, 7, 8];
  const results = kSweep(x, n, dim, ks, 1);
  const at = (k: number): KSweepResult => results.find((r) => r.k === k)!;

  it('suggests k = 4 on four separated blobs, silhouette above k = 2 and k = 8', () => {
    expect(results.map((r) => r.k)).toEqual(ks);
    expect(suggestK(results)?.k).toBe(4);
    expect(at(4).silhouette!).toBeGreaterThan(at(2).silhouette!);
    expect(at(4).silhouette!).toBeGreaterThan(at(8).silhouette!);
  });

  it('has its lowest Davies–Bouldin at k = 4 and only finite scores', () => {
    const bestDb = results.reduce((a, b) => (b.daviesBouldin < a.daviesBouldin ? b : a));
    expect(bestDb.k).toBe(4);
    for (const r of results) {
      for (const v of [r.silhouette!, r.daviesBouldin, r.calinskiHarabasz, r.sizeEntropy, r.inertia]) expect(Number.isFinite(v)).toBe(true);
      expect(r.sizeEntropy).toBeGreaterThan(0);
      expect(r.sizeEntropy).toBeLessThanOrEqual(1 + 1e-12);
    }
    // Four equal blobs, four clusters: sizes equal.
    expect(at(4).sizeEntropy).toBeCloseTo(1, 6);
  });

  it('gives a k the same row whichever other ks are swept', () => {
    const alone = kSweep(x, n, dim, [4, 7], 1);
    expect(alone[0]).toEqual(at(4));
    expect(alone[1]).toEqual(at(7));
  });

  it('async: reports each k in order and matches the blocking sweep', async () => {
    const seen: number[] = [];
    const { results: got, stopped } = await kSweepAsync(x, n, dim, [2, 4, 6], 1, (r, i) => seen.push(r.k * 100 + i));
    expect(stopped).toBe(false);
    expect(seen).toEqual([200, 401, 602]);
    expect(got).toEqual([at(2), at(4), at(6)]);
  });

  it('async: stops before the next k once asked', async () => {
    let count = 0;
    const { results: got, stopped } = await kSweepAsync(x, n, dim, ks, 1, () => count++, () => count >= 2);
    expect(stopped).toBe(true);
    expect(got.map((r) => r.k)).toEqual([2, 3]);
  });

  it('scores silhouette on one seeded subset of at most 1,000 rows, shared by every k', () => {
    const input = prepareSweep(x, n, dim, 1);
    expect(input.subset.length).toBe(SILHOUETTE_POINTS);
    expect(new Set(input.subset).size).toBe(SILHOUETTE_POINTS);
    for (let s = 1; s < input.subset.length; s++) expect(input.subset[s]).toBeGreaterThan(input.subset[s - 1]);
    const r = input.subset[7];
    expect(Array.from(input.subsetX.subarray(7 * dim, 8 * dim))).toEqual(Array.from(x.subarray(r * dim, (r + 1) * dim)));
    expect(Array.from(prepareSweep(x, n, dim, 1).subset)).toEqual(Array.from(input.subset));
    expect(Array.from(prepareSweep(x, n, dim, 2).subset)).not.toEqual(Array.from(input.subset));
  });

  it('silhouette on a small set uses every point (n below the subset size)', () => {
    const small = kSweep(x.subarray(0, 200 * dim), 200, dim, [4], 3)[0];
    expect(small.silhouette!).toBeGreaterThan(0.5);
  });
});

describe('suggestK', () => {
  it('takes the highest silhouette, ties to the smaller k, skipping missing ones', () => {
    expect(suggestK([row(2, 0.3), row(3, 0.5), row(4, 0.5), row(5, null)])?.k).toBe(3);
    expect(suggestK([row(5, 0.2), row(3, 0.2)])?.k).toBe(3);
    expect(suggestK([row(2, null)])).toBeNull();
    expect(suggestK([])).toBeNull();
  });
});

describe('sweepKs', () => {
  it('is 2..20 plus the run k and 2k when they fit', () => {
    expect(sweepKs(5000, 10)).toEqual([...Array.from({ length: 19 }, (_, i) => i + 2)]);
    expect(sweepKs(5000, 15)).toEqual([...Array.from({ length: 19 }, (_, i) => i + 2), 30]);
    expect(sweepKs(5000, 25)).toEqual([...Array.from({ length: 19 }, (_, i) => i + 2), 25]);
    expect(sweepKs(5000, null)).toHaveLength(19);
  });

  it('stays below n', () => {
    expect(sweepKs(6, 4)).toEqual([2, 3, 4, 5]);
    expect(sweepKs(2, 2)).toEqual([]);
  });
});
