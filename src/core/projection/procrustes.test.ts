import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { alignTo, applySimilarity, fitSimilarity, type Similarity2D } from './procrustes';

function randomLayout(n: number, seed: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: 2 * n }, () => rng.normal() * 3);
}

function transform(theta: number, reflect: boolean, scale: number, tx: number, ty: number): Similarity2D {
  const c = Math.cos(theta);
  const s = Math.sin(theta);
  const q: Similarity2D['q'] = reflect ? [c, s, s, -c] : [c, -s, s, c];
  return { q, scale, tx, ty, reflection: reflect };
}

describe('Procrustes alignment', () => {
  for (const reflect of [false, true]) {
    it(`recovers a rotated${reflect ? ' + reflected' : ''}, scaled, shifted copy exactly`, () => {
      const x = randomLayout(200, 1);
      const truth = transform(2.1, reflect, 0.37, -5, 12.5);
      const y = applySimilarity(x, truth);
      const fit = fitSimilarity(x, y);
      expect(fit.reflection).toBe(reflect);
      expect(Math.abs(fit.scale - truth.scale)).toBeLessThan(1e-9);
      for (let i = 0; i < 4; i++) expect(Math.abs(fit.q[i] - truth.q[i])).toBeLessThan(1e-9);
      const mapped = applySimilarity(x, fit);
      let worst = 0;
      for (let i = 0; i < y.length; i++) worst = Math.max(worst, Math.abs(mapped[i] - y[i]));
      expect(worst).toBeLessThan(1e-9);
    });
  }

  it('is the least-squares optimum: perturbing the fit never lowers the residual', () => {
    const x = randomLayout(100, 2);
    const rng = createRng(3);
    const y = applySimilarity(x, transform(0.7, false, 2, 1, 1)).map((v) => v + rng.normal() * 0.5);
    const fit = fitSimilarity(x, y);
    const residual = (m: Similarity2D) => applySimilarity(x, m).reduce((s, v, i) => s + (v - y[i]) ** 2, 0);
    const best = residual(fit);
    const angle = Math.atan2(fit.q[2], fit.q[0]);
    for (const d of [-1e-3, 1e-3]) {
      expect(residual(transform(angle + d, fit.reflection, fit.scale, fit.tx, fit.ty))).toBeGreaterThan(best);
      expect(residual({ ...fit, scale: fit.scale + d })).toBeGreaterThan(best);
      expect(residual({ ...fit, tx: fit.tx + d })).toBeGreaterThan(best);
    }
    expect(residual(transform(angle, !fit.reflection, fit.scale, fit.tx, fit.ty))).toBeGreaterThan(best);
  });

  it('maps a collapsed layout onto the target centre without NaN', () => {
    const x = new Float64Array(20).fill(3);
    const y = randomLayout(10, 4);
    const out = alignTo(x, y);
    expect(out.every(Number.isFinite)).toBe(true);
    const meanY = [0, 1].map((c) => y.filter((_, i) => i % 2 === c).reduce((a, b) => a + b, 0) / 10);
    expect(out[0]).toBeCloseTo(meanY[0], 5);
    expect(out[1]).toBeCloseTo(meanY[1], 5);
  });
});
