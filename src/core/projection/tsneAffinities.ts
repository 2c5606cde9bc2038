/**
 * t-SNE's input affinities P (van der Maaten 2014, §4.1) as a sparse symmetric matrix.
 *
 *   p_{j|i} = exp(−β_i d_ij²) / Σ_{k∈N(i)} exp(−β_i d_ik²)   over the ⌊3u⌋ nearest neighbours N(i)
 *   β_i     solves H(P_i) = −Σ_j p_{j|i} ln p_{j|i} = ln u   (u = perplexity; binary search)
 *   p_ij    = (p_{j|i} + p_{i|j}) / Σ (p_{j|i} + p_{i|j})    (symmetrised, sums to 1)
 *
 * Natural logarithms and the tolerance follow scikit-learn's `_binary_search_perplexity`.
 */

/** Compressed sparse rows: row i's entries are cols/vals[rowStart[i] .. rowStart[i+1]). */
export interface SparseRows {
  n: number;
  rowStart: Int32Array;
  cols: Int32Array;
  vals: Float64Array;
}

const ENTROPY_TOLERANCE = 1e-5;
const SEARCH_STEPS = 100;

/** Neighbours used for a given perplexity (scikit-learn: min(n − 1, ⌊3u + 1⌋)). */
export function neighboursForPerplexity(perplexity: number, n: number): number {
  return Math.max(0, Math.min(n - 1, Math.floor(3 * perplexity + 1)));
}

/**
 * Conditional p_{j|i} for each row of a kNN list (n × k squared distances, ascending), written
 * into `out` (n × k). Returns each row's β so tests can check the calibration.
 */
export function calibrateRows(sqDist: Float64Array, n: number, k: number, perplexity: number, out: Float64Array): Float64Array {
  const target = Math.log(perplexity);
  const betas = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = i * k;
    // Shifting by the nearest distance leaves p unchanged but keeps exp() from underflowing.
    const d0 = k > 0 ? sqDist[row] : 0;
    let beta = 1;
    let lo = -Infinity;
    let hi = Infinity;
    for (let step = 0; step < SEARCH_STEPS; step++) {
      let sumP = 0;
      let sumDP = 0;
      for (let j = 0; j < k; j++) {
        const d = sqDist[row + j] - d0;
        const p = Math.exp(-d * beta);
        out[row + j] = p;
        sumP += p;
        sumDP += d * p;
      }
      // H = ln Σp + β·Σ d·p / Σp  (with the shifted distances; the shift cancels out of H)
      const entropy = Math.log(sumP) + (beta * sumDP) / sumP;
      const diff = entropy - target;
      if (Math.abs(diff) <= ENTROPY_TOLERANCE) break;
      if (diff > 0) {
        lo = beta; // too flat: sharpen
        beta = hi === Infinity ? beta * 2 : (beta + hi) / 2;
      } else {
        hi = beta;
        beta = lo === -Infinity ? beta / 2 : (beta + lo) / 2;
      }
    }
    let sumP = 0;
    for (let j = 0; j < k; j++) sumP += out[row + j];
    for (let j = 0; j < k; j++) out[row + j] /= sumP;
    betas[i] = beta;
  }
  return betas;
}

/** P + Pᵀ normalised to sum 1, merging the two directions of each pair into one entry per row. */
export function symmetrize(indices: Int32Array, cond: Float64Array, n: number, k: number): SparseRows {
  const rowStart = new Int32Array(n + 1);
  // Every directed entry (i, j) lands in rows i and j; duplicates are merged below.
  for (let i = 0; i < n; i++) {
    for (let e = i * k; e < (i + 1) * k; e++) {
      rowStart[i + 1]++;
      rowStart[indices[e] + 1]++;
    }
  }
  for (let i = 0; i < n; i++) rowStart[i + 1] += rowStart[i];
  const fill = rowStart.slice(0, n);
  const rawCols = new Int32Array(rowStart[n]);
  const rawVals = new Float64Array(rowStart[n]);
  for (let i = 0; i < n; i++) {
    for (let e = i * k; e < (i + 1) * k; e++) {
      const j = indices[e];
      const p = cond[e];
      rawCols[fill[i]] = j;
      rawVals[fill[i]++] = p;
      rawCols[fill[j]] = i;
      rawVals[fill[j]++] = p;
    }
  }
  // Merge duplicate columns within each row; `slot` remembers where column j sits in this row.
  const slot = new Int32Array(n).fill(-1);
  const outStart = new Int32Array(n + 1);
  const cols = new Int32Array(rowStart[n]);
  const vals = new Float64Array(rowStart[n]);
  let m = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    outStart[i] = m;
    for (let e = rowStart[i]; e < rowStart[i + 1]; e++) {
      const j = rawCols[e];
      if (slot[j] >= outStart[i]) vals[slot[j]] += rawVals[e];
      else {
        slot[j] = m;
        cols[m] = j;
        vals[m++] = rawVals[e];
      }
      total += rawVals[e];
    }
  }
  outStart[n] = m;
  const scale = total > 0 ? 1 / total : 0;
  for (let e = 0; e < m; e++) vals[e] *= scale;
  return { n, rowStart: outStart, cols: cols.slice(0, m), vals: vals.slice(0, m) };
}

/** Sparse symmetric P from a kNN list with Euclidean (not squared) distances. */
export function affinities(indices: Int32Array, distances: Float64Array, n: number, k: number, perplexity: number): SparseRows {
  const sq = new Float64Array(distances.length);
  for (let e = 0; e < sq.length; e++) sq[e] = distances[e] * distances[e];
  const cond = new Float64Array(n * k);
  calibrateRows(sq, n, k, perplexity, cond);
  return symmetrize(indices, cond, n, k);
}
