import { describe, expect, it } from 'vitest';
import { exactKnn } from './knn';
import { blobs } from './testData';
import { affinities, calibrateRows, neighboursForPerplexity } from './tsneAffinities';

const N = 200;
const DIM = 5;
const { points } = blobs(N, DIM, 4, 3, 4);

describe('t-SNE affinities', () => {
  it('calibrates every row to the target perplexity (entropy ln u within 1e-4)', () => {
    for (const perplexity of [5, 30]) {
      const k = neighboursForPerplexity(perplexity, N);
      const knn = exactKnn(points, N, DIM, k);
      const sq = knn.distances.map((d) => d * d);
      const cond = new Float64Array(N * k);
      calibrateRows(sq, N, k, perplexity, cond);
      for (let i = 0; i < N; i++) {
        let sum = 0;
        let entropy = 0;
        for (let j = 0; j < k; j++) {
          const p = cond[i * k + j];
          sum += p;
          if (p > 0) entropy -= p * Math.log(p);
        }
        expect(sum).toBeCloseTo(1, 10);
        expect(Math.abs(entropy - Math.log(perplexity))).toBeLessThan(1e-4);
      }
    }
  });

  it('is symmetric, sums to 1, and has one entry per pair', () => {
    const k = neighboursForPerplexity(10, N);
    const knn = exactKnn(points, N, DIM, k);
    const p = affinities(knn.indices, knn.distances, N, k, 10);
    const dense = new Float64Array(N * N);
    let total = 0;
    for (let i = 0; i < N; i++) {
      const seen = new Set<number>();
      for (let e = p.rowStart[i]; e < p.rowStart[i + 1]; e++) {
        expect(seen.has(p.cols[e])).toBe(false);
        expect(p.cols[e]).not.toBe(i);
        seen.add(p.cols[e]);
        dense[i * N + p.cols[e]] = p.vals[e];
        total += p.vals[e];
      }
    }
    expect(total).toBeCloseTo(1, 10);
    for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) expect(dense[i * N + j]).toBeCloseTo(dense[j * N + i], 15);
  });
});
