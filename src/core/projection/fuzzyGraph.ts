/**
 * UMAP's fuzzy simplicial set (McInnes, Healy & Melville 2018, §3.1 and Algorithms 2–3) on typed
 * arrays, from a kNN list to a symmetric weighted edge list.
 *
 *   ρ_i  = distance to the nearest neighbour at non-zero distance (local connectivity 1)
 *   σ_i  solves Σ_j exp(−max(0, d_ij − ρ_i) / σ_i) = log2(nNeighbors)          (binary search)
 *   w_ij = exp(−max(0, d_ij − ρ_i) / σ_i)
 *   w    = w_ij + w_ji − w_ij · w_ji                                             (fuzzy union)
 *
 * umap-js builds the same graph with a string-keyed Map sparse matrix (about a second for
 * 5,000 points); here it is a few milliseconds, which is what makes warm frames cheap.
 */
import type { Knn } from './knn';

export interface FuzzyGraph {
  n: number;
  /** Both directions of every undirected edge: (head[e], tail[e]) with weight[e] in (0, 1]. */
  head: Int32Array;
  tail: Int32Array;
  weight: Float64Array;
}

const SMOOTH_K_TOLERANCE = 1e-5;
const MIN_K_DIST_SCALE = 1e-3;
const BINARY_SEARCH_STEPS = 64;

/** Per-point ρ (distance to the nearest distinct neighbour) and σ (bandwidth) of Algorithm 3. */
export function smoothKnnDistances(knn: Knn, n: number, nNeighbors: number): { sigma: Float64Array; rho: Float64Array } {
  const { k, distances } = knn;
  const target = Math.log2(nNeighbors);
  const sigma = new Float64Array(n);
  const rho = new Float64Array(n);
  let globalMean = 0;
  for (let e = 0; e < n * k; e++) globalMean += distances[e];
  globalMean /= Math.max(1, n * k);
  for (let i = 0; i < n; i++) {
    const row = i * k;
    let rowMean = 0;
    for (let j = 0; j < k; j++) {
      rowMean += distances[row + j];
      if (rho[i] === 0 && distances[row + j] > 0) rho[i] = distances[row + j];
    }
    rowMean /= Math.max(1, k);
    let lo = 0;
    let hi = Infinity;
    let mid = 1;
    for (let step = 0; step < BINARY_SEARCH_STEPS; step++) {
      let psum = 0;
      for (let j = 0; j < k; j++) {
        const d = distances[row + j] - rho[i];
        psum += d > 0 ? Math.exp(-d / mid) : 1;
      }
      if (Math.abs(psum - target) < SMOOTH_K_TOLERANCE) break;
      if (psum > target) {
        hi = mid;
        mid = (lo + hi) / 2;
      } else {
        lo = mid;
        mid = hi === Infinity ? mid * 2 : (lo + hi) / 2;
      }
    }
    // Keep σ away from 0 so that exp(−d/σ) does not underflow every weight of a tight point.
    sigma[i] = Math.max(mid, MIN_K_DIST_SCALE * (rho[i] > 0 ? rowMean : globalMean));
  }
  return { sigma, rho };
}

/** Symmetric fuzzy graph of a kNN list; nNeighbors counts the point itself, as in umap-learn. */
export function fuzzyGraph(knn: Knn, n: number, nNeighbors: number): FuzzyGraph {
  const { k, indices, distances } = knn;
  const { sigma, rho } = smoothKnnDistances(knn, n, nNeighbors);
  const w = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < k; j++) {
      const d = distances[i * k + j] - rho[i];
      w[i * k + j] = d > 0 ? Math.exp(-d / sigma[i]) : 1;
    }
  }
  const head: number[] = [];
  const tail: number[] = [];
  const weight: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < k; a++) {
      const j = indices[i * k + a];
      if (j < 0) continue;
      let reverse = -1;
      for (let b = 0; b < k; b++) {
        if (indices[j * k + b] === i) {
          reverse = j * k + b;
          break;
        }
      }
      // A mutual pair is emitted once, from its smaller endpoint.
      if (reverse >= 0 && j < i) continue;
      const wij = w[i * k + a];
      const wji = reverse >= 0 ? w[reverse] : 0;
      const union = wij + wji - wij * wji;
      if (!(union > 0)) continue;
      head.push(i, j);
      tail.push(j, i);
      weight.push(union, union);
    }
  }
  return { n, head: Int32Array.from(head), tail: Int32Array.from(tail), weight: Float64Array.from(weight) };
}
