import { describe, expect, it } from 'vitest';
import { fitCurve } from './umapCurve';

function cost(a: number, b: number, minDist: number, spread: number): number {
  let s = 0;
  for (let i = 0; i < 300; i++) {
    const x = (3 * spread * i) / 299;
    const y = x < minDist ? 1 : Math.exp(-(x - minDist) / spread);
    s += (1 / (1 + a * Math.pow(x, 2 * b)) - y) ** 2;
  }
  return s;
}

describe('UMAP a, b curve fit', () => {
  it('matches umap-learn for the defaults (minDist 0.1, spread 1: a ≈ 1.577, b ≈ 0.895)', () => {
    const { a, b } = fitCurve(0.1, 1);
    expect(a).toBeCloseTo(1.577, 2);
    expect(b).toBeCloseTo(0.895, 2);
  });

  for (const [minDist, spread] of [[0.1, 1], [0.5, 1], [0.01, 2]]) {
    it(`is a least-squares minimum (minDist ${minDist}, spread ${spread})`, () => {
      const { a, b } = fitCurve(minDist, spread);
      const best = cost(a, b, minDist, spread);
      for (const [da, db] of [[1e-3, 0], [-1e-3, 0], [0, 1e-3], [0, -1e-3]]) {
        expect(cost(a + da, b + db, minDist, spread)).toBeGreaterThan(best);
      }
    });
  }
});
