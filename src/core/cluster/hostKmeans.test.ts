// Host k-means: recovers separated blobs, is reproducible from the seed, only ever lowers the
// inertia, ends at a Lloyd fixed point (Hamerly's bounds skip work, never change the answer), and
// handles k = 1, k = n and empty clusters.
import { describe, expect, it } from 'vitest';
import { acc } from '../metrics';
import { createRng, type Rng } from '../rng';
import { kmeans } from './hostKmeans';

/** k Gaussian blobs in d dimensions, centres ~10 apart per axis, spread 0.5. */
function blobs(k: number, perCluster: number, d: number, rng: Rng): { x: Float32Array; y: Int32Array } {
  const centres = Array.from({ length: k }, () => Array.from({ length: d }, () => rng.normal() * 10));
  const n = k * perCluster;
  const x = new Float32Array(n * d);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % k;
    y[i] = c;
    for (let j = 0; j < d; j++) x[i * d + j] = centres[c][j] + rng.normal() * 0.5;
  }
  return { x, y };
}

function uniform(n: number, d: number, rng: Rng): Float32Array {
  return Float32Array.from({ length: n * d }, () => rng.next());
}

function sq(x: Float32Array, i: number, c: Float32Array | Float64Array, j: number, d: number): number {
  let s = 0;
  for (let t = 0; t < d; t++) s += (x[i * d + t] - c[j * d + t]) ** 2;
  return s;
}

describe('host kmeans', () => {
  it('recovers well-separated blobs exactly', () => {
    const { x, y } = blobs(5, 80, 8, createRng(3));
    const res = kmeans(x, 400, 8, 5, createRng(1));
    expect(acc(y, res.labels)).toBe(1);
    expect(res.centroids.length).toBe(5 * 8);
  });

  it('gives the same labels and inertia for the same seed', () => {
    const x = uniform(600, 4, createRng(5));
    const a = kmeans(x, 600, 4, 6, createRng(42));
    const b = kmeans(x, 600, 4, 6, createRng(42));
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
    expect(a.inertia).toBe(b.inertia);
    expect(Array.from(a.centroids)).toEqual(Array.from(b.centroids));
  });

  it('never raises the inertia from one iteration to the next', () => {
    // Uniform data has no clear clusters, so Lloyd needs many iterations: a real test of the bounds.
    const x = uniform(1500, 3, createRng(9));
    const res = kmeans(x, 1500, 3, 12, createRng(2), { nInit: 1, tol: 0, maxIter: 300 });
    expect(res.history.length).toBeGreaterThan(5);
    for (let t = 1; t < res.history.length; t++) {
      expect(res.history[t]).toBeLessThanOrEqual(res.history[t - 1] * (1 + 1e-12));
    }
    expect(res.inertia).toBe(res.history[res.history.length - 1]);
  });

  it('ends at a Lloyd fixed point: nearest-centroid labels, centroids the cluster means', () => {
    const n = 2000;
    const d = 5;
    const k = 9;
    const x = uniform(n, d, createRng(11));
    const res = kmeans(x, n, d, k, createRng(4), { tol: 0, maxIter: 500 });
    const c64 = Float64Array.from(res.centroids);
    let inertia = 0;
    const sums = new Float64Array(k * d);
    const counts = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      const own = sq(x, i, c64, res.labels[i], d);
      for (let j = 0; j < k; j++) expect(own).toBeLessThanOrEqual(sq(x, i, c64, j, d) + 1e-6);
      inertia += own;
      counts[res.labels[i]]++;
      for (let t = 0; t < d; t++) sums[res.labels[i] * d + t] += x[i * d + t];
    }
    expect(inertia).toBeCloseTo(res.inertia, 2);
    for (let j = 0; j < k; j++) {
      expect(counts[j]).toBeGreaterThan(0);
      for (let t = 0; t < d; t++) expect(res.centroids[j * d + t]).toBeCloseTo(sums[j * d + t] / counts[j], 5);
    }
  });

  it('k = 1: one cluster at the mean, inertia the total sum of squares', () => {
    const x = Float32Array.of(0, 0, 2, 0, 0, 4, 2, 4);
    const res = kmeans(x, 4, 2, 1, createRng(1));
    expect(Array.from(res.labels)).toEqual([0, 0, 0, 0]);
    expect(Array.from(res.centroids)).toEqual([1, 2]);
    expect(res.inertia).toBeCloseTo(4 * (1 + 4), 10);
  });

  it('k = n: every point its own cluster, inertia 0', () => {
    const n = 30;
    const x = uniform(n, 3, createRng(8));
    const res = kmeans(x, n, 3, n, createRng(3));
    expect([...res.labels].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
    expect(res.inertia).toBe(0);
  });

  it('re-seeds empty clusters: duplicates with k = n still fill every cluster', () => {
    // Two coincident centres leave one cluster empty; its centre must move to a free point.
    const x = Float32Array.of(0, 0, 0, 0, 5, 5, 9, 1, 3, 7, 3, 7);
    for (let s = 0; s < 20; s++) {
      const res = kmeans(x, 6, 2, 6, createRng(s), { nInit: 1 });
      expect(new Set(res.labels).size).toBe(6);
      expect(res.inertia).toBe(0);
    }
  });

  it('rejects a k outside 1..n and non-finite values', () => {
    const x = uniform(5, 2, createRng(1));
    expect(() => kmeans(x, 5, 2, 0, createRng(1))).toThrow(RangeError);
    expect(() => kmeans(x, 5, 2, 6, createRng(1))).toThrow(RangeError);
    expect(() => kmeans(Float32Array.of(0, NaN), 1, 2, 1, createRng(1))).toThrow(RangeError);
  });
});
