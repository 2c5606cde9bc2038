import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { PcaProjector, pcaProject, principalAxes } from './pca';
import { runProjector } from './types';

/**
 * Data whose sample covariance has exactly known axes: orthonormal u, v, w (random directions)
 * with coefficient columns that are centred and mutually orthogonal (Gram–Schmidt over the
 * sample), std ≈ 5, 2 and 0.5; so C = 25·uuᵀ + 4·vvᵀ + 0.25·wwᵀ and the top axes are u and v.
 */
function knownAxes(n: number, dim: number, seed: number) {
  const rng = createRng(seed);
  const orthonormalise = (vs: Float64Array[]) => {
    for (let j = 0; j < vs.length; j++) {
      for (let i = 0; i < j; i++) {
        const p = vs[i].reduce((s, x, d) => s + x * vs[j][d], 0);
        vs[j].forEach((x, d) => (vs[j][d] = x - p * vs[i][d]));
      }
      const norm = Math.sqrt(vs[j].reduce((s, x) => s + x * x, 0));
      vs[j].forEach((x, d) => (vs[j][d] = x / norm));
    }
  };
  const dirs = [0, 1, 2].map(() => Float64Array.from({ length: dim }, () => rng.normal()));
  orthonormalise(dirs);
  const ones = new Float64Array(n).fill(1);
  const coefs = [ones, ...[0, 1, 2].map(() => Float64Array.from({ length: n }, () => rng.normal()))];
  orthonormalise(coefs); // centred (orthogonal to the constant) and uncorrelated, unit norm
  const stds = [5, 2, 0.5];
  const shift = Float64Array.from({ length: dim }, () => rng.normal() * 3);
  const points = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) {
    for (let d = 0; d < dim; d++) {
      let x = shift[d];
      for (let c = 0; c < 3; c++) x += stds[c] * Math.sqrt(n) * coefs[c + 1][i] * dirs[c][d];
      points[i * dim + d] = x;
    }
  }
  return { points, u: dirs[0], v: dirs[1] };
}

const absCos = (axes: Float64Array, j: number, w: Float64Array) =>
  Math.abs(w.reduce((s, x, d) => s + x * axes[j * w.length + d], 0));

describe('PCA', () => {
  // dim 12 uses the explicit covariance, 100 the matrix-free product, 300 > n is the wide case.
  for (const [n, dim] of [[400, 12], [400, 100], [150, 300]]) {
    it(`recovers known principal axes up to sign (n=${n}, dim=${dim})`, () => {
      const { points, u, v } = knownAxes(n, dim, dim);
      const { axes, variances } = principalAxes(points, n, dim);
      expect(absCos(axes, 0, u)).toBeGreaterThan(1 - 1e-6);
      expect(absCos(axes, 1, v)).toBeGreaterThan(1 - 1e-6);
      expect(variances[0]).toBeCloseTo(25, 3);
      expect(variances[1]).toBeCloseTo(4, 3);
    });
  }

  it('projects onto orthogonal, centred coordinates with variance = eigenvalue', () => {
    const n = 300;
    const dim = 8;
    const { points } = knownAxes(n, dim, 5);
    const { variances } = principalAxes(points, n, dim);
    const c = pcaProject(points, n, dim);
    let mx = 0, my = 0, vx = 0, vy = 0, cov = 0;
    for (let i = 0; i < n; i++) { mx += c[2 * i] / n; my += c[2 * i + 1] / n; }
    for (let i = 0; i < n; i++) {
      vx += (c[2 * i] - mx) ** 2 / n;
      vy += (c[2 * i + 1] - my) ** 2 / n;
      cov += ((c[2 * i] - mx) * (c[2 * i + 1] - my)) / n;
    }
    expect(Math.abs(mx) + Math.abs(my)).toBeLessThan(1e-3);
    expect(vx / variances[0]).toBeCloseTo(1, 4);
    expect(vy / variances[1]).toBeCloseTo(1, 4);
    expect(Math.abs(cov) / Math.sqrt(vx * vy)).toBeLessThan(1e-4);
  });

  it('has a deterministic sign: negating the data gives the same axes', () => {
    const { points } = knownAxes(200, 6, 9);
    const a = principalAxes(points, 200, 6).axes;
    const b = principalAxes(points.map((x) => -x), 200, 6).axes;
    for (let i = 0; i < a.length; i++) expect(b[i]).toBeCloseTo(a[i], 6);
  });

  it('handles isotropic, rank-deficient and 1-D input without NaN', () => {
    const rng = createRng(1);
    const iso = Float32Array.from({ length: 500 * 3 }, () => rng.normal());
    const line = Float32Array.from({ length: 50 * 4 }, (_, i) => Math.floor(i / 4));
    const oneD = Float32Array.from({ length: 30 }, (_, i) => i);
    for (const [p, n, d] of [[iso, 500, 3], [line, 50, 4], [oneD, 30, 1]] as const) {
      const out = runProjector(new PcaProjector(), p, n, d);
      expect(out.length).toBe(2 * n);
      expect(out.every(Number.isFinite)).toBe(true);
    }
  });
});
