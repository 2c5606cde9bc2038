import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { exactKnn, nearestNeighbors, randomProject } from './knn';

function naiveKnn(points: Float32Array, n: number, dim: number, k: number, i: number): number[] {
  const dist = (j: number) => {
    let s = 0;
    for (let d = 0; d < dim; d++) s += (points[i * dim + d] - points[j * dim + d]) ** 2;
    return Math.sqrt(s);
  };
  return Array.from({ length: n }, (_, j) => j)
    .filter((j) => j !== i)
    .sort((a, b) => dist(a) - dist(b) || a - b)
    .slice(0, k)
    .map(dist);
}

describe('kNN', () => {
  it('matches a naive sort (distances, ascending, self excluded)', () => {
    const rng = createRng(1);
    const n = 120;
    const dim = 5;
    const points = Float32Array.from({ length: n * dim }, () => rng.normal());
    const knn = exactKnn(points, n, dim, 7);
    for (let i = 0; i < n; i++) {
      const want = naiveKnn(points, n, dim, 7, i);
      for (let j = 0; j < 7; j++) {
        expect(knn.distances[i * 7 + j]).toBeCloseTo(want[j], 5);
        expect(knn.indices[i * 7 + j]).not.toBe(i);
      }
    }
  });

  it('clamps k to n − 1', () => {
    const knn = exactKnn(new Float32Array([0, 1, 5]), 3, 1, 10);
    expect(knn.k).toBe(2);
    expect(Array.from(knn.indices.subarray(0, 2))).toEqual([1, 2]);
  });

  it('random projection roughly preserves distances, so wide kNN mostly agrees with exact', () => {
    const rng = createRng(2);
    const n = 200;
    const dim = 400;
    // Clustered data (the realistic case): neighbours are well separated from non-neighbours.
    const centres = Array.from({ length: 10 }, () => Float64Array.from({ length: dim }, () => rng.normal()));
    const points = new Float32Array(n * dim);
    for (let i = 0; i < n; i++) for (let d = 0; d < dim; d++) points[i * dim + d] = centres[i % 10][d] + 0.3 * rng.normal();
    const proj = randomProject(points, n, dim, 64, createRng(3));
    const d0 = Math.hypot(...Array.from({ length: dim }, (_, d) => points[d] - points[dim + d]));
    const d1 = Math.hypot(...Array.from({ length: 64 }, (_, d) => proj[d] - proj[64 + d]));
    expect(Math.abs(d1 / d0 - 1)).toBeLessThan(0.35);
    const exact = exactKnn(points, n, dim, 10);
    const approx = nearestNeighbors(points, n, dim, 10, createRng(3));
    let same = 0;
    for (let i = 0; i < n; i++) {
      const truth = new Set(exact.indices.subarray(i * 10, i * 10 + 10));
      for (const j of approx.indices.subarray(i * 10, i * 10 + 10)) if (truth.has(j)) same++;
    }
    // The same-cluster neighbours are interchangeable; what matters is staying inside the cluster.
    let inCluster = 0;
    for (let i = 0; i < n; i++) for (const j of approx.indices.subarray(i * 10, i * 10 + 10)) if (j % 10 === i % 10) inCluster++;
    expect(inCluster / (n * 10)).toBeGreaterThan(0.99);
    expect(same / (n * 10)).toBeGreaterThan(0.3);
  });
});
