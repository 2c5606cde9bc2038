/**
 * Exact PCA to 2-D: the top eigenvectors of the covariance C = Xcᵀ Xc / n of the centred data.
 *
 * Orthogonal (block power) iteration on a 2-vector subspace, then Rayleigh–Ritz on the 2×2
 * projected matrix: converges at rate λ3/λ2, so it is also exact when λ1 ≈ λ2 (round blobs),
 * where plain power iteration with deflation would crawl. For small dim C is formed explicitly
 * (n·dim² once, then dim² per iteration); for wide data (784 pixels) C is never formed: each
 * product is Xcᵀ(Xc v), 2·n·dim, which is cheaper than both C (n·dim²) and the Gram matrix (n²·dim).
 * Sign convention: each axis's largest-magnitude coordinate is positive, so output is deterministic.
 */
import { createRng } from '../rng';
import type { Projector } from './types';

export interface PrincipalAxes {
  /** k × dim, orthonormal rows, by decreasing variance. */
  axes: Float64Array;
  /** Variance along each axis (eigenvalues of the covariance). */
  variances: Float64Array;
  mean: Float64Array;
}

const EXPLICIT_MAX_DIM = 64;
const TOLERANCE = 1e-12;
const MAX_ITERATIONS = 2000;
/**
 * Matrix-free iterations cost 4·n·dim each at most (zeros are skipped) (≈ 16 M for 5,000 × 784): capped so the first frame
 * stays well under a second. Data with a clear spectral gap (digits) converge before the cap;
 * where λ2 ≈ λ3 the exact axes are ill-defined and any nearby pair draws the same picture.
 */
const WIDE_MAX_ITERATIONS = 40;

type MatVec = (v: Float64Array, out: Float64Array) => void;

function columnMean(points: Float32Array, n: number, dim: number): Float64Array {
  const mean = new Float64Array(dim);
  for (let i = 0; i < n; i++) for (let d = 0; d < dim; d++) mean[d] += points[i * dim + d];
  for (let d = 0; d < dim; d++) mean[d] /= Math.max(1, n);
  return mean;
}

function covarianceOperator(points: Float32Array, n: number, dim: number, mean: Float64Array): MatVec {
  if (dim <= EXPLICIT_MAX_DIM) {
    const c = new Float64Array(dim * dim);
    const row = new Float64Array(dim);
    for (let i = 0; i < n; i++) {
      for (let d = 0; d < dim; d++) row[d] = points[i * dim + d] - mean[d];
      for (let a = 0; a < dim; a++) for (let b = a; b < dim; b++) c[a * dim + b] += row[a] * row[b];
    }
    for (let a = 0; a < dim; a++) for (let b = a; b < dim; b++) c[b * dim + a] = c[a * dim + b] /= n;
    return (v, out) => {
      for (let a = 0; a < dim; a++) {
        let s = 0;
        for (let b = 0; b < dim; b++) s += c[a * dim + b] * v[b];
        out[a] = s;
      }
    };
  }
  // Xcᵀ(Xc v) = Xᵀs − mean·Σs with s = Xv − mean·v, over the non-zero entries only (pixels are
  // mostly zero), gathered once so every iteration walks a compact list.
  const rowStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    let nz = 0;
    for (let d = 0; d < dim; d++) if (points[i * dim + d] !== 0) nz++;
    rowStart[i + 1] = rowStart[i] + nz;
  }
  const cols = new Int32Array(rowStart[n]);
  const vals = new Float64Array(rowStart[n]);
  for (let i = 0, e = 0; i < n; i++) {
    for (let d = 0; d < dim; d++) {
      const x = points[i * dim + d];
      if (x !== 0) {
        cols[e] = d;
        vals[e++] = x;
      }
    }
  }
  const s = new Float64Array(n);
  return (v, out) => {
    out.fill(0);
    let meanDotV = 0;
    for (let d = 0; d < dim; d++) meanDotV += mean[d] * v[d];
    let sumS = 0;
    for (let i = 0; i < n; i++) {
      let acc = -meanDotV;
      for (let e = rowStart[i]; e < rowStart[i + 1]; e++) acc += vals[e] * v[cols[e]];
      s[i] = acc;
      sumS += acc;
    }
    for (let i = 0; i < n; i++) {
      const si = s[i];
      for (let e = rowStart[i]; e < rowStart[i + 1]; e++) out[cols[e]] += si * vals[e];
    }
    for (let d = 0; d < dim; d++) out[d] = (out[d] - mean[d] * sumS) / n;
  };
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Gram–Schmidt (twice, for stability); a vanishing vector becomes a unit vector orthogonal to the rest. */
function orthonormalize(vs: Float64Array[]): void {
  for (let j = 0; j < vs.length; j++) {
    for (let pass = 0; pass < 2; pass++) {
      for (let i = 0; i < j; i++) {
        const p = dot(vs[i], vs[j]);
        for (let d = 0; d < vs[j].length; d++) vs[j][d] -= p * vs[i][d];
      }
    }
    let norm = Math.sqrt(dot(vs[j], vs[j]));
    if (norm < 1e-300) {
      // Rank-deficient data: any orthogonal direction is a valid (zero-variance) axis.
      for (let e = 0; e < vs[j].length && norm < 0.5; e++) {
        vs[j].fill(0);
        vs[j][e] = 1;
        for (let i = 0; i < j; i++) {
          const p = dot(vs[i], vs[j]);
          for (let d = 0; d < vs[j].length; d++) vs[j][d] -= p * vs[i][d];
        }
        norm = Math.sqrt(dot(vs[j], vs[j]));
      }
    }
    for (let d = 0; d < vs[j].length; d++) vs[j][d] /= norm;
  }
}

/** Top-2 principal axes (fewer when dim < 2) of an n × dim sample. */
export function principalAxes(points: Float32Array, n: number, dim: number): PrincipalAxes {
  const k = Math.min(2, dim);
  const mean = columnMean(points, n, dim);
  const apply = covarianceOperator(points, n, dim, mean);
  // A fixed seed: PCA must not depend on the caller's stream, yet core never uses an unseeded
  // generator.
  const rng = createRng(0x5ca1ab1e);
  let v = Array.from({ length: k }, () => Float64Array.from({ length: dim }, () => rng.normal()));
  orthonormalize(v);
  let w = v.map(() => new Float64Array(dim));
  const maxIterations = dim <= EXPLICIT_MAX_DIM ? MAX_ITERATIONS : WIDE_MAX_ITERATIONS;
  for (let it = 0; it < maxIterations; it++) {
    for (let j = 0; j < k; j++) apply(v[j], w[j]);
    orthonormalize(w);
    // Distance between the subspaces: the part of each new vector outside span(v).
    let residual = 0;
    for (let j = 0; j < k; j++) {
      const r = Float64Array.from(w[j]);
      for (let i = 0; i < k; i++) {
        const p = dot(v[i], w[j]);
        for (let d = 0; d < dim; d++) r[d] -= p * v[i][d];
      }
      residual += dot(r, r);
    }
    [v, w] = [w, v];
    if (residual < TOLERANCE * TOLERANCE) break;
  }
  const axes = new Float64Array(2 * dim);
  const variances = new Float64Array(2);
  const av = v.map((x) => {
    const out = new Float64Array(dim);
    apply(x, out);
    return out;
  });
  if (k === 2) {
    // Rayleigh–Ritz: diagonalise H = Vᵀ C V (2×2 symmetric) in closed form.
    const p = dot(v[0], av[0]);
    const q = dot(v[0], av[1]);
    const r = dot(v[1], av[1]);
    const theta = 0.5 * Math.atan2(2 * q, p - r);
    const c = Math.cos(theta);
    const s = Math.sin(theta);
    for (let d = 0; d < dim; d++) {
      axes[d] = c * v[0][d] + s * v[1][d];
      axes[dim + d] = -s * v[0][d] + c * v[1][d];
    }
    const half = Math.sqrt((p - r) * (p - r) + 4 * q * q) / 2;
    variances[0] = (p + r) / 2 + half;
    variances[1] = (p + r) / 2 - half;
  } else if (k === 1) {
    axes.set(v[0], 0);
    variances[0] = dot(v[0], av[0]);
  }
  for (let j = 0; j < k; j++) {
    let best = 0;
    for (let d = 1; d < dim; d++) if (Math.abs(axes[j * dim + d]) > Math.abs(axes[j * dim + best])) best = d;
    if (axes[j * dim + best] < 0) for (let d = 0; d < dim; d++) axes[j * dim + d] = -axes[j * dim + d];
  }
  return { axes, variances, mean };
}

/** n × 2 coordinates of the centred points on the top-2 principal axes. */
export function pcaProject(points: Float32Array, n: number, dim: number): Float32Array {
  const { axes, mean } = principalAxes(points, n, dim);
  const out = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    let x = 0;
    let y = 0;
    for (let d = 0; d < dim; d++) {
      const c = points[i * dim + d] - mean[d];
      x += c * axes[d];
      y += c * axes[dim + d];
    }
    out[2 * i] = x;
    out[2 * i + 1] = y;
  }
  return out;
}

/** PCA is closed-form: the whole work happens in init, and the first step reports done. */
export class PcaProjector implements Projector {
  private coords: Float32Array = new Float32Array(0);

  init(points: Float32Array, n: number, dim: number): void {
    this.coords = pcaProject(points, n, dim);
  }

  step(): boolean {
    return true;
  }

  embedding(): Float32Array {
    return this.coords.slice();
  }
}
