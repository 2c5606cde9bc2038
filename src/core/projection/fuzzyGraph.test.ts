import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { fuzzyGraph, smoothKnnDistances } from './fuzzyGraph';
import { exactKnn } from './knn';

const rng = createRng(7);
const n = 150;
const dim = 4;
const points = Float32Array.from({ length: n * dim }, () => rng.normal());
const nNeighbors = 10;
const knn = exactKnn(points, n, dim, nNeighbors - 1);

describe('fuzzy simplicial set', () => {
  it('σ solves Σ exp(−(d − ρ)/σ) = log2(nNeighbors) and ρ is the nearest distance', () => {
    const { sigma, rho } = smoothKnnDistances(knn, n, nNeighbors);
    for (let i = 0; i < n; i++) {
      expect(rho[i]).toBe(knn.distances[i * knn.k]);
      let psum = 0;
      for (let j = 0; j < knn.k; j++) psum += Math.exp(-Math.max(0, knn.distances[i * knn.k + j] - rho[i]) / sigma[i]);
      expect(Math.abs(psum - Math.log2(nNeighbors))).toBeLessThan(1e-4);
    }
  });

  it('is symmetric, in (0, 1], with the fuzzy-union weight of both directed memberships', () => {
    const g = fuzzyGraph(knn, n, nNeighbors);
    const { sigma, rho } = smoothKnnDistances(knn, n, nNeighbors);
    const member = (i: number, j: number) => {
      for (let a = 0; a < knn.k; a++) {
        if (knn.indices[i * knn.k + a] === j) return Math.exp(-Math.max(0, knn.distances[i * knn.k + a] - rho[i]) / sigma[i]);
      }
      return 0;
    };
    const edges = new Map<string, number>();
    for (let e = 0; e < g.head.length; e++) {
      const key = `${g.head[e]}:${g.tail[e]}`;
      expect(edges.has(key)).toBe(false); // no duplicates
      edges.set(key, g.weight[e]);
      expect(g.weight[e]).toBeGreaterThan(0);
      expect(g.weight[e]).toBeLessThanOrEqual(1);
    }
    for (let e = 0; e < g.head.length; e++) {
      const i = g.head[e];
      const j = g.tail[e];
      expect(edges.get(`${j}:${i}`)).toBe(g.weight[e]);
      const wij = member(i, j);
      const wji = member(j, i);
      expect(g.weight[e]).toBeCloseTo(wij + wji - wij * wji, 12);
    }
    // Every kNN relation appears as an edge.
    for (let i = 0; i < n; i++) for (let a = 0; a < knn.k; a++) expect(edges.has(`${i}:${knn.indices[i * knn.k + a]}`)).toBe(true);
  });
});
