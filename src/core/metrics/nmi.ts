/**
 * Normalized mutual information, arithmetic normalisation (Strehl & Ghosh 2002; as
 * scikit-learn's normalized_mutual_info_score(average_method='arithmetic')):
 *   NMI = I(Y; C) / ((H(Y) + H(C)) / 2),  natural log.
 * Edge cases as scikit-learn: both labelings a single cluster (or empty) → 1; I = 0 → 0.
 * Terms are formed in scikit-learn's order (log of counts, never of ratios) so results agree
 * to rounding.
 */
import { contingency, type Labels } from './contingency';

const EPS = 2.220446049250313e-16; // float64 machine epsilon, as np.finfo(np.float64).eps

export function nmi(yTrue: Labels, yPred: Labels): number {
  const c = contingency(yTrue, yPred);
  const kt = c.classes.length;
  const kp = c.clusters.length;
  // Neither labeling splits the data: a perfect (trivial) match.
  if (kt === kp && kt <= 1) return 1;
  const mi = mutualInformation(c.rowSums, c.colSums, c.cellRow, c.cellCol, c.cellCount, c.n);
  if (mi === 0) return 0;
  const normalizer = Math.max((entropy(c.rowSums) + entropy(c.colSums)) / 2, EPS);
  return mi / normalizer;
}

function mutualInformation(
  a: Float64Array,
  b: Float64Array,
  row: Int32Array,
  col: Int32Array,
  count: Float64Array,
  n: number,
): number {
  // A single cluster has zero entropy, and MI ≤ min(H(Y), H(C)).
  if (a.length === 1 || b.length === 1) return 0;
  const logN = Math.log(n);
  let mi = 0;
  for (let k = 0; k < count.length; k++) {
    const pij = count[k] / n;
    // log(n·n_ij / (a_i b_j)) split into logs of integers; a_i·b_j ≤ n² is exact in float64.
    const logOuter = -Math.log(a[row[k]] * b[col[k]]) + logN + logN;
    const term = pij * (Math.log(count[k]) - logN) + pij * logOuter;
    if (Math.abs(term) >= EPS) mi += term; // scikit-learn zeroes rounding-noise terms
  }
  return Math.max(mi, 0);
}

/** H = -Σ p log p from cluster sizes. */
function entropy(sizes: Float64Array): number {
  if (sizes.length <= 1) return 0;
  let total = 0;
  for (const s of sizes) total += s;
  const logTotal = Math.log(total);
  let h = 0;
  for (const s of sizes) if (s > 0) h -= (s / total) * (Math.log(s) - logTotal);
  return h;
}
