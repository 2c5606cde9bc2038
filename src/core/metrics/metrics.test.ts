import { describe, expect, it } from 'vitest';
import { createRng, permutation, type Rng } from '../rng';
import fixtures from './fixtures.json';
import { acc, ari, confusionMatrix, matchClusters, nmi } from './index';
import { encodeLabels } from './contingency';
import { maxWeightAssignment } from './hungarian';

interface LcgSpec {
  seed: number;
  n: number;
  kTrue: number;
  kPred: number;
  agreePercent: number;
  predScale: number;
  predOffset: number;
}
interface Fixture {
  name: string;
  yTrue?: number[];
  yPred?: number[];
  lcg?: LcgSpec;
  acc: number;
  nmi: number;
  ari: number;
}

/** Re-creates the large fixtures exactly as scripts/metrics_fixtures.py documents. */
function lcgLabels(s: LcgSpec): { yTrue: Int32Array; yPred: Int32Array } {
  let state = s.seed >>> 0;
  const draw = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state >>> 16;
  };
  const yTrue = new Int32Array(s.n);
  const yPred = new Int32Array(s.n);
  for (let i = 0; i < s.n; i++) {
    const t = draw() % s.kTrue;
    const p = draw() % 100 < s.agreePercent ? (t * 7 + 3 * (draw() % 2)) % s.kPred : draw() % s.kPred;
    yTrue[i] = t;
    yPred[i] = p * s.predScale + s.predOffset;
  }
  return { yTrue, yPred };
}

function labelsOf(f: Fixture) {
  return f.lcg ? lcgLabels(f.lcg) : { yTrue: f.yTrue ?? [], yPred: f.yPred ?? [] };
}

/** Random labeling with k clusters, ids 0..k-1. */
function randomLabels(n: number, k: number, rng: Rng): Int32Array {
  return Int32Array.from({ length: n }, () => rng.int(k));
}

/** Replaces ids by a random bijection onto scattered (negative, large) integers. */
function relabel(y: ArrayLike<number>, rng: Rng): number[] {
  const ids = encodeLabels(y);
  const perm = permutation(ids.values.length, rng);
  const target = Array.from(perm, (p) => p * 1_000_003 - 5_000_000);
  return Array.from(ids.codes, (c) => target[c]);
}

const cases = (fixtures as { cases: Fixture[] }).cases;

describe('metrics match scikit-learn (fixtures)', () => {
  it('has the promised variety of cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    expect(cases.some((c) => c.lcg && c.lcg.n === 70_000)).toBe(true);
  });
  for (const f of cases) {
    it(f.name, () => {
      const { yTrue, yPred } = labelsOf(f);
      expect(Math.abs(acc(yTrue, yPred) - f.acc)).toBeLessThan(1e-9);
      expect(Math.abs(nmi(yTrue, yPred) - f.nmi)).toBeLessThan(1e-9);
      expect(Math.abs(ari(yTrue, yPred) - f.ari)).toBeLessThan(1e-9);
      // Exact pair counts and one final rounding, like scikit-learn on Python ints: bit-equal.
      expect(ari(yTrue, yPred)).toBe(f.ari);
    });
  }
});

describe('metric properties', () => {
  const rng = createRng(7);
  const pairs = [
    [200, 5, 5],
    [300, 10, 12],
    [150, 8, 3],
    [500, 3, 40],
  ].map(([n, kt, kp]) => {
    const yTrue = randomLabels(n, kt, rng);
    // Mostly follow the truth so the metrics are far from zero and a bug would show.
    const yPred = Int32Array.from(yTrue, (t) => (rng.next() < 0.6 ? t % kp : rng.int(kp)));
    return { yTrue, yPred };
  });

  it('renaming cluster ids or class ids changes nothing', () => {
    for (const { yTrue, yPred } of pairs) {
      const p2 = relabel(yPred, rng);
      const t2 = relabel(yTrue, rng);
      for (const metric of [acc, nmi, ari]) {
        const base = metric(yTrue, yPred);
        expect(metric(yTrue, p2)).toBeCloseTo(base, 12);
        expect(metric(t2, yPred)).toBeCloseTo(base, 12);
      }
    }
  });

  it('all three are symmetric in their arguments', () => {
    for (const { yTrue, yPred } of pairs) {
      for (const metric of [acc, nmi, ari]) expect(metric(yPred, yTrue)).toBeCloseTo(metric(yTrue, yPred), 12);
    }
  });

  it('a perfect labeling under any renaming scores 1, 1, 1', () => {
    for (const { yTrue } of pairs) {
      const renamed = relabel(yTrue, rng);
      expect(acc(yTrue, renamed)).toBe(1);
      expect(nmi(yTrue, renamed)).toBeCloseTo(1, 12);
      expect(ari(yTrue, renamed)).toBeCloseTo(1, 12);
    }
  });

  it('matchClusters realises ACC, one class per cluster', () => {
    for (const { yTrue, yPred } of pairs) {
      const map = matchClusters(yTrue, yPred);
      let correct = 0;
      for (let i = 0; i < yTrue.length; i++) if (map.get(yPred[i]) === yTrue[i]) correct++;
      expect(correct / yTrue.length).toBe(acc(yTrue, yPred));
      expect(new Set(map.values()).size).toBe(map.size);
      expect(map.size).toBe(Math.min(new Set(yTrue).size, new Set(yPred).size));
    }
  });

  it('confusionMatrix has sorted ids and the right margins', () => {
    const yTrue = [3, -1, 3, 3, 10, -1];
    const yPred = [0, 0, 2, 2, 2, 9];
    const { classes, clusters, counts } = confusionMatrix(yTrue, yPred);
    expect(classes).toEqual([-1, 3, 10]);
    expect(clusters).toEqual([0, 2, 9]);
    // Every point lands in the cell of its (class, cluster) pair.
    const expected = new Int32Array(9);
    yTrue.forEach((t, i) => expected[classes.indexOf(t) * 3 + clusters.indexOf(yPred[i])]++);
    expect(Array.from(counts)).toEqual(Array.from(expected));
  });

  it('accepts typed arrays and rejects mismatched or non-integer labels', () => {
    const { yTrue, yPred } = pairs[0];
    expect(acc(Float64Array.from(yTrue), Int16Array.from(yPred))).toBe(acc(yTrue, yPred));
    expect(() => acc([0, 1], [0])).toThrow(RangeError);
    expect(() => nmi([0, 1.5], [0, 1])).toThrow(RangeError);
    expect(() => ari([0, NaN], [0, 1])).toThrow(RangeError);
  });

  it('n = 70,000 with 10 × 12 clusters computes in well under 100 ms', () => {
    const big = cases.find((c) => c.lcg?.n === 70_000) as Fixture;
    const { yTrue, yPred } = labelsOf(big);
    let best = Infinity;
    for (let r = 0; r < 5; r++) {
      const t0 = performance.now();
      acc(yTrue, yPred);
      nmi(yTrue, yPred);
      ari(yTrue, yPred);
      best = Math.min(best, performance.now() - t0);
    }
    expect(best).toBeLessThan(50);
  });

  it('degenerate all-distinct labelings stay fast (sparse contingency)', () => {
    const n = 50_000;
    const ids = Int32Array.from({ length: n }, (_, i) => i);
    const t0 = performance.now();
    expect(acc(ids, ids)).toBe(1);
    expect(nmi(ids, ids)).toBeCloseTo(1, 12);
    expect(ari(ids, ids)).toBe(1);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('maxWeightAssignment (Hungarian)', () => {
  it('solves a known matrix', () => {
    // Best is 0→2 (9), 1→0 (8), 2→1 (7) = 24; greedy on the largest entry (9 at 1,1) gives less.
    const w = [1, 2, 9, 8, 9, 1, 3, 7, 2];
    const rowToCol = maxWeightAssignment(w, 3, 3);
    expect(Array.from(rowToCol)).toEqual([2, 0, 1]);
  });

  it('equals brute force on random rectangular matrices', () => {
    const rng = createRng(11);
    for (let trial = 0; trial < 200; trial++) {
      const rows = 1 + rng.int(5);
      const cols = 1 + rng.int(5);
      const w = Array.from({ length: rows * cols }, () => rng.int(20));
      const rowToCol = maxWeightAssignment(w, rows, cols);
      const used = rowToCol.filter((c) => c >= 0);
      expect(used.length).toBe(Math.min(rows, cols));
      expect(new Set(used).size).toBe(used.length);
      const total = rowToCol.reduce((s, c, r) => s + (c >= 0 ? w[r * cols + c] : 0), 0);
      expect(total).toBe(bruteForce(w, rows, cols));
    }
  });
});

/** Best total over every injection of the smaller side into the larger. */
function bruteForce(w: number[], rows: number, cols: number): number {
  const at = rows <= cols ? (i: number, j: number) => w[i * cols + j] : (i: number, j: number) => w[j * cols + i];
  const [small, large] = rows <= cols ? [rows, cols] : [cols, rows];
  const taken = new Array<boolean>(large).fill(false);
  const go = (i: number): number => {
    if (i === small) return 0;
    let best = -Infinity;
    for (let j = 0; j < large; j++) {
      if (taken[j]) continue;
      taken[j] = true;
      best = Math.max(best, at(i, j) + go(i + 1));
      taken[j] = false;
    }
    return best;
  };
  return go(0);
}
