import { describe, expect, it } from 'vitest';
import { createRng, permutation } from '../rng';
import fixtures from './internalFixtures.json';
import { calinskiHarabasz, clusterSizeEntropy, daviesBouldin, silhouette, type Points } from './index';
import { encodeLabels } from './contingency';

interface Fixture {
  name: string;
  n: number;
  dim: number;
  dtype: string;
  x: number[];
  labels: number[];
  silhouette: number;
  daviesBouldin: number;
  calinskiHarabasz: number;
  entropy: number;
  normalizedEntropy: number;
  largestFraction: number;
}

const cases = (fixtures as { cases: Fixture[] }).cases;
const scores = { silhouette, daviesBouldin, calinskiHarabasz } as const;
const names = Object.keys(scores) as (keyof typeof scores)[];

/** The exact numbers scikit-learn saw: float32 fixtures are stored as shortest float32 decimals. */
function pointsOf(f: Fixture): Points {
  return f.dtype === 'float32' ? Float32Array.from(f.x) : Float64Array.from(f.x);
}

/** |got - want| within tol, relative to |want| when that exceeds 1 (silhouette lives near 0). */
function expectNear(got: number, want: number, tol = 1e-9) {
  expect(Math.abs(got - want)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(want)));
}

/** Replaces label values by a random bijection onto scattered (negative, large) integers. */
function relabel(y: ArrayLike<number>, seed: number): number[] {
  const ids = encodeLabels(y);
  const perm = permutation(ids.values.length, createRng(seed));
  const target = Array.from(perm, (p) => p * 1_000_003 - 5_000_000);
  return Array.from(ids.codes, (c) => target[c]);
}

describe('internal metrics match scikit-learn (fixtures)', () => {
  it('has the promised variety of cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
    expect(cases.some((c) => c.dtype === 'float64')).toBe(true);
    expect(cases.some((c) => c.dim >= 10 && c.n >= 300)).toBe(true);
    // A singleton cluster, and labels that are neither 0-based nor contiguous.
    expect(cases.some((c) => c.labels.filter((v) => v === c.labels[c.labels.length - 1]).length === 1)).toBe(true);
    expect(cases.some((c) => c.labels.includes(-5) && c.labels.includes(100))).toBe(true);
  });
  for (const f of cases) {
    it(f.name, () => {
      const x = pointsOf(f);
      expect(x.length).toBe(f.n * f.dim);
      for (const name of names) expectNear(scores[name](x, f.n, f.dim, f.labels), f[name]);
      const e = clusterSizeEntropy(f.labels);
      expectNear(e.entropy, f.entropy, 1e-12);
      expectNear(e.normalized, f.normalizedEntropy, 1e-12);
      expect(e.largestFraction).toBe(f.largestFraction);
    });
  }
});

describe('internal metric properties', () => {
  const picked = cases.filter((c) => c.n >= 100).slice(0, 4);

  it('a hand-computed 1-D example: {0, 1} and {4, 6}', () => {
    const x = Float64Array.of(0, 1, 4, 6);
    const y = [0, 0, 1, 1];
    // s = 4/5, 3/4, (3.5 - 2)/3.5, (5.5 - 2)/5.5.
    expect(silhouette(x, 4, 1, y)).toBeCloseTo((0.8 + 0.75 + 3 / 7 + 7 / 11) / 4, 14);
    // S = 0.5 and 1, centroids 4.5 apart.
    expect(daviesBouldin(x, 4, 1, y)).toBeCloseTo(1.5 / 4.5, 14);
    // B = 2·2.25² + 2·2.25² = 20.25, W = 2.5: 20.25 · 2 / 2.5.
    expect(calinskiHarabasz(x, 4, 1, y)).toBeCloseTo(16.2, 12);
  });

  it('renaming cluster ids changes nothing', () => {
    picked.forEach((f, t) => {
      const x = pointsOf(f);
      const renamed = relabel(f.labels, 100 + t);
      expect(new Set(renamed).size).toBe(new Set(f.labels).size);
      expect(renamed).not.toEqual(f.labels);
      for (const name of names) {
        expectNear(scores[name](x, f.n, f.dim, renamed), scores[name](x, f.n, f.dim, f.labels), 1e-12);
      }
      const [e, e0] = [clusterSizeEntropy(renamed), clusterSizeEntropy(f.labels)];
      // Cluster order changes the summation order: equal up to rounding.
      expectNear(e.entropy, e0.entropy, 1e-12);
      expectNear(e.normalized, e0.normalized, 1e-12);
      expect(e.largestFraction).toBe(e0.largestFraction);
    });
  });

  it('reordering the points changes nothing', () => {
    const f = picked[0];
    const x = pointsOf(f);
    const order = permutation(f.n, createRng(5));
    const x2 = new Float32Array(x.length);
    order.forEach((src, dst) => x2.set(x.subarray(src * f.dim, (src + 1) * f.dim), dst * f.dim));
    const y2 = Array.from(order, (src) => f.labels[src]);
    for (const name of names) expectNear(scores[name](x2, f.n, f.dim, y2), f[name]);
  });

  it('Float32Array and its Float64Array upcast give the same scores', () => {
    const f = cases.find((c) => c.dtype === 'float32' && c.n >= 100) as Fixture;
    const x = pointsOf(f);
    for (const name of names) expect(scores[name](Float64Array.from(x), f.n, f.dim, f.labels)).toBe(scores[name](x, f.n, f.dim, f.labels));
  });

  it('rejects fewer than 2 or more than n - 1 clusters, as scikit-learn', () => {
    const x = Float64Array.of(0, 1, 2, 3, 4);
    for (const metric of Object.values(scores)) {
      expect(() => metric(x, 5, 1, [3, 3, 3, 3, 3])).toThrow(/number of distinct labels is 1/);
      expect(() => metric(x, 5, 1, [0, 1, 2, 3, 4])).toThrow(/number of distinct labels is 5.*2 to n - 1 = 4/);
      expect(() => metric(new Float64Array(0), 0, 1, [])).toThrow(Error);
      expect(() => metric(x, 5, 1, [0, 1, 2, 3, 3])).not.toThrow();
    }
  });

  it('rejects inconsistent shapes, non-integer labels and non-finite coordinates', () => {
    const x = Float64Array.of(0, 1, 2, 3, 4, 5);
    for (const metric of Object.values(scores)) {
      expect(() => metric(x, 3, 1, [0, 0, 1])).toThrow(RangeError);
      expect(() => metric(x, 3, 2, [0, 1])).toThrow(RangeError);
      expect(() => metric(x, 3, 2, [0, 0.5, 1])).toThrow(RangeError);
      expect(() => metric(Float64Array.of(0, 1, NaN, 3, 4, 5), 3, 2, [0, 0, 1])).toThrow(RangeError);
      expect(metric(x, 3, 2, [0, 0, 1])).toBeGreaterThan(0);
    }
  });
});

describe('clusterSizeEntropy', () => {
  it('equal sizes: entropy ln K, normalized 1', () => {
    const e = clusterSizeEntropy([2, 0, 1, 3, 0, 1, 2, 3]);
    expect(e.entropy).toBeCloseTo(Math.log(4), 14);
    expect(e.normalized).toBeCloseTo(1, 14);
    expect(e.largestFraction).toBe(0.25);
  });

  it('one cluster is a full collapse: 0, 0 and largest fraction 1', () => {
    expect(clusterSizeEntropy([7, 7, 7])).toEqual({ entropy: 0, normalized: 0, largestFraction: 1 });
  });

  it('[0, 0, 0, 1]: H = ln 4 - (3/4) ln 3', () => {
    const e = clusterSizeEntropy([0, 0, 0, 1]);
    expect(e.entropy).toBeCloseTo(0.5623351446188083, 14);
    expect(e.normalized).toBeCloseTo(0.8112781244591328, 14); // H / ln 2
    expect(e.largestFraction).toBe(0.75);
    // Only sizes matter, not the label values.
    expect(clusterSizeEntropy(Int32Array.of(-9, 100, -9, -9))).toEqual(e);
  });

  it('no points: all zero', () => {
    expect(clusterSizeEntropy([])).toEqual({ entropy: 0, normalized: 0, largestFraction: 0 });
  });
});
