import { describe, expect, it } from 'vitest';
import { nearestNeighbours } from './nearest';

/** Deterministic pseudo-random numbers (mulberry32) so the comparison is reproducible. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function bruteForce(e: Float32Array, dim: number, q: number, k: number): number[] {
  const n = e.length / dim;
  const d = [];
  for (let i = 0; i < n; i++) {
    if (i === q) continue;
    let s = 0;
    for (let j = 0; j < dim; j++) s += (e[i * dim + j] - e[q * dim + j]) ** 2;
    d.push({ i, s });
  }
  d.sort((a, b) => a.s - b.s || a.i - b.i);
  return d.slice(0, k).map((x) => x.i);
}

describe('nearestNeighbours', () => {
  it('agrees with a brute-force sort on random data', () => {
    const r = rng(7);
    const dim = 5;
    const n = 400;
    const e = Float32Array.from({ length: n * dim }, () => r() * 10 - 5);
    for (const q of [0, 17, 399]) {
      const got = nearestNeighbours(e, dim, q, 8);
      expect(got.map((g) => g.index)).toEqual(bruteForce(e, dim, q, 8));
      for (const g of got) {
        let s = 0;
        for (let j = 0; j < dim; j++) s += (e[g.index * dim + j] - e[q * dim + j]) ** 2;
        expect(g.distance).toBeCloseTo(Math.sqrt(s), 5);
      }
    }
  });

  it('returns nearest first, excludes the point itself, and breaks ties by index', () => {
    // 1-D points: 0, 3, 1, -1, 10
    const e = Float32Array.from([0, 3, 1, -1, 10]);
    expect(nearestNeighbours(e, 1, 0, 3)).toEqual([
      { index: 2, distance: 1 },
      { index: 3, distance: 1 },
      { index: 1, distance: 3 },
    ]);
  });

  it('returns fewer than k when the sample is small, and nothing for a bad query', () => {
    const e = Float32Array.from([0, 0, 1, 1]);
    expect(nearestNeighbours(e, 2, 1, 8)).toEqual([{ index: 0, distance: Math.SQRT2 }]);
    expect(nearestNeighbours(e, 2, 5, 8)).toEqual([]);
    expect(nearestNeighbours(e, 2, 0, 0)).toEqual([]);
  });

  it('never counts a NaN row as near', () => {
    const e = Float32Array.from([0, NaN, 2]);
    expect(nearestNeighbours(e, 1, 0, 2).map((g) => g.index)).toEqual([2]);
  });
});
