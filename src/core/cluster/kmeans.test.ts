import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../rng';
import { kmeans } from './kmeans';

/** k Gaussian blobs in d dimensions, centres far apart relative to the spread. */
function blobs(k: number, perCluster: number, d: number, spread: number, rng: Rng): { x: Float32Array; y: Int32Array } {
  const centres = Array.from({ length: k }, () => Array.from({ length: d }, () => rng.normal() * 10));
  const n = k * perCluster;
  const x = new Float32Array(n * d);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % k; // interleaved, so no restart can profit from the row order
    y[i] = c;
    for (let j = 0; j < d; j++) x[i * d + j] = centres[c][j] + rng.normal() * spread;
  }
  return { x, y };
}

/** True when `a` and `b` are the same partition up to renaming the clusters. */
function samePartition(a: Int32Array, b: Int32Array): boolean {
  const map = new Map<number, number>();
  const used = new Set<number>();
  for (let i = 0; i < a.length; i++) {
    const m = map.get(a[i]);
    if (m === undefined) {
      if (used.has(b[i])) return false;
      map.set(a[i], b[i]);
      used.add(b[i]);
    } else if (m !== b[i]) return false;
  }
  return true;
}

function inertiaOf(x: Float32Array, d: number, labels: Int32Array, k: number): number {
  const n = labels.length;
  const mean = new Float64Array(k * d);
  const count = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    count[labels[i]]++;
    for (let j = 0; j < d; j++) mean[labels[i] * d + j] += x[i * d + j];
  }
  for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) mean[c * d + j] /= Math.max(count[c], 1);
  let s = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) s += (x[i * d + j] - mean[labels[i] * d + j]) ** 2;
  return s;
}

/** Plain Lloyd from k random points, in JS: the naive baseline k-means++ must not lose to. */
function naiveLloyd(x: Float32Array, d: number, n: number, k: number, rng: Rng): number {
  const c = new Float64Array(k * d);
  for (let j = 0; j < k; j++) {
    const i = rng.int(n);
    for (let t = 0; t < d; t++) c[j * d + t] = x[i * d + t];
  }
  const labels = new Int32Array(n);
  for (let it = 0; it < 100; it++) {
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestD = Infinity;
      for (let j = 0; j < k; j++) {
        let s = 0;
        for (let t = 0; t < d; t++) s += (x[i * d + t] - c[j * d + t]) ** 2;
        if (s < bestD) [best, bestD] = [j, s];
      }
      labels[i] = best;
    }
    c.fill(0);
    const cnt = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      cnt[labels[i]]++;
      for (let t = 0; t < d; t++) c[labels[i] * d + t] += x[i * d + t];
    }
    for (let j = 0; j < k; j++) for (let t = 0; t < d; t++) c[j * d + t] /= Math.max(cnt[j], 1);
  }
  return inertiaOf(x, d, labels, k);
}

describe('k-means', () => {
  it('recovers well-separated blobs exactly, with centroids at the blob means', async () => {
    const k = 6;
    const d = 5;
    const { x, y } = blobs(k, 50, d, 0.5, createRng(1));
    const xt = tf.tensor2d(x, [y.length, d]);
    const before = tf.memory().numTensors;
    const res = await kmeans(xt, { k, rng: createRng(2), nInit: 4, chunkSize: 64 });
    expect(tf.memory().numTensors - before).toBe(1); // only the returned centroids
    expect(res.labels).toHaveLength(y.length);
    expect(samePartition(res.labels, y)).toBe(true);
    // Inertia reported = inertia recomputed from the labels (f32 on device vs f64 here).
    expect(Math.abs(res.inertia - inertiaOf(x, d, res.labels, k)) / res.inertia).toBeLessThan(1e-3);
    const c = (await res.centroids.data()) as Float32Array;
    const first = res.labels[0];
    for (let t = 0; t < d; t++) {
      let s = 0;
      let m = 0;
      for (let i = 0; i < y.length; i++) if (res.labels[i] === first) (s += x[i * d + t]), m++;
      expect(c[first * d + t]).toBeCloseTo(s / m, 3);
    }
    res.centroids.dispose();
    xt.dispose();
  });

  it('is not worse than naive random-init Lloyd, and is reproducible from the seed', async () => {
    // Overlapping blobs with unequal sizes: random init often merges two and splits another.
    const rng = createRng(7);
    const k = 8;
    const d = 4;
    const parts = [blobs(k, 40, d, 3, rng), blobs(3, 200, d, 3, rng)];
    const n = parts[0].y.length + parts[1].y.length;
    const x = new Float32Array(n * d);
    x.set(parts[0].x);
    x.set(parts[1].x, parts[0].x.length);
    const xt = tf.tensor2d(x, [n, d]);
    const a = await kmeans(xt, { k, rng: createRng(3), nInit: 5 });
    const b = await kmeans(xt, { k, rng: createRng(3), nInit: 5 });
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
    const naive = Array.from({ length: 5 }, (_, s) => naiveLloyd(x, d, n, k, createRng(100 + s)));
    const naiveMean = naive.reduce((p, q) => p + q, 0) / naive.length;
    expect(a.inertia).toBeLessThanOrEqual(Math.min(...naive) * 1.001);
    expect(a.inertia).toBeLessThan(naiveMean);
    tf.dispose([a.centroids, b.centroids, xt]);
  });

  it('puts k distinct points into k clusters with zero inertia', async () => {
    // 5 distinct points (each repeated), k = 5: every cluster must end up non-empty.
    const pts = [0, 1, 2, 10, 30];
    const x = new Float32Array(pts.flatMap((p) => [p, p, p]));
    const xt = tf.tensor2d(x, [15, 1]);
    const res = await kmeans(xt, { k: 5, rng: createRng(0), nInit: 3 });
    expect(new Set(res.labels).size).toBe(5);
    expect(res.inertia).toBeLessThan(1e-4);
    tf.dispose([res.centroids, xt]);
  });
});
