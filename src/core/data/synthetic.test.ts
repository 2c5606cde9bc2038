import { describe, expect, it } from 'vitest';
import type { Dataset } from './dataset';
import { blobs, circles, moons } from './synthetic';
import { createRng } from '../rng';

const GENERATORS = { blobs, moons, circles };

/** Share of points nearer their own class mean than any other: 1 means the true partition is a k-means fixed point. */
function nearestMeanAccuracy(d: Dataset): number {
  const k = d.numClasses;
  const means = new Float64Array(k * 2);
  const counts = new Float64Array(k);
  for (let i = 0; i < d.n; i++) {
    const c = d.labels![i];
    counts[c]++;
    means[2 * c] += d.x[2 * i];
    means[2 * c + 1] += d.x[2 * i + 1];
  }
  for (let c = 0; c < k; c++) for (let j = 0; j < 2; j++) means[2 * c + j] /= counts[c];
  let right = 0;
  for (let i = 0; i < d.n; i++) {
    let best = -1;
    let bestD = Infinity;
    for (let c = 0; c < k; c++) {
      const dd = (d.x[2 * i] - means[2 * c]) ** 2 + (d.x[2 * i + 1] - means[2 * c + 1]) ** 2;
      if (dd < bestD) [best, bestD] = [c, dd];
    }
    if (best === d.labels![i]) right++;
  }
  return right / d.n;
}

/** Leave-one-out 1-NN accuracy: high when classes are locally separated (what neighbour priors need). */
function oneNnAccuracy(d: Dataset): number {
  let right = 0;
  for (let i = 0; i < d.n; i++) {
    let best = -1;
    let bestD = Infinity;
    for (let j = 0; j < d.n; j++) {
      if (j === i) continue;
      const dd = (d.x[2 * i] - d.x[2 * j]) ** 2 + (d.x[2 * i + 1] - d.x[2 * j + 1]) ** 2;
      if (dd < bestD) [best, bestD] = [j, dd];
    }
    if (d.labels![best] === d.labels![i]) right++;
  }
  return right / d.n;
}

describe.each(Object.entries(GENERATORS))('%s', (name, gen) => {
  it('is deterministic per seed and differs across seeds', () => {
    const a = gen(createRng(7));
    const b = gen(createRng(7));
    const c = gen(createRng(8));
    expect(Array.from(a.x)).toEqual(Array.from(b.x));
    expect(Array.from(a.labels!)).toEqual(Array.from(b.labels!));
    expect(Array.from(a.x)).not.toEqual(Array.from(c.x));
  });

  it('has a consistent 2-D shape with balanced, shuffled labels', () => {
    const d = gen(createRng(1));
    expect(d.id).toBe(name);
    expect(d.n).toBe(1500);
    expect(d.dim).toBe(2);
    expect(d.x.length).toBe(d.n * d.dim);
    expect(d.labels!.length).toBe(d.n);
    expect(d.classNames!.length).toBe(d.numClasses);
    const counts = new Array<number>(d.numClasses).fill(0);
    d.labels!.forEach((c) => counts[c]++);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    // Shuffled: the first tenth of the rows already holds every class.
    expect(new Set(d.labels!.subarray(0, d.n / 10)).size).toBe(d.numClasses);
    expect(d.x.every(Number.isFinite)).toBe(true);
  });

  it('is standardised per feature', () => {
    const d = gen(createRng(3));
    for (let j = 0; j < 2; j++) {
      let m = 0;
      let v = 0;
      for (let i = 0; i < d.n; i++) m += d.x[2 * i + j];
      m /= d.n;
      for (let i = 0; i < d.n; i++) v += (d.x[2 * i + j] - m) ** 2;
      expect(Math.abs(m)).toBeLessThan(1e-5);
      expect(Math.sqrt(v / d.n)).toBeCloseTo(1, 4);
    }
  });

  it('is locally separable (1-NN accuracy > 0.97)', () => {
    expect(oneNnAccuracy(gen(createRng(5)))).toBeGreaterThan(0.97);
  });
});

describe('what each toy set is for', () => {
  it('blobs: the true partition is a k-means fixed point (every point nearest its own mean)', () => {
    for (const seed of [1, 2, 3]) expect(nearestMeanAccuracy(blobs(createRng(seed)))).toBeGreaterThan(0.995);
  });

  it('moons and circles: a centroid partition gets many points wrong', () => {
    expect(nearestMeanAccuracy(moons(createRng(1)))).toBeLessThan(0.95);
    expect(nearestMeanAccuracy(circles(createRng(1)))).toBeLessThan(0.8);
  });

  it('options change size and class count', () => {
    const d = blobs(createRng(1), { n: 301, k: 3 });
    expect(d.n).toBe(301);
    expect(d.numClasses).toBe(3);
    expect(new Set(d.labels).size).toBe(3);
  });
});
