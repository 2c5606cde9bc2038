/**
 * Adjusted Rand index (Hubert & Arabie 1985), in scikit-learn's pair-confusion form:
 *   ARI = 2 (tp·tn − fn·fp) / ((tp + fn)(fn + tn) + (tp + fp)(fp + tn))
 * over ordered pairs of distinct points. The pair counts are ≤ n² (exact in float64 for
 * n < 9.4e7), but their products reach n⁴ ≈ 2.4e19 at n = 70,000, so the products and the
 * difference in the numerator are taken in BigInt; the final division rounds exactly as
 * Python's `2.0 * int / int` does. No disagreeing pair (identical partitions, n ≤ 1) → 1.
 */
import { contingency, type Labels } from './contingency';

export function ari(yTrue: Labels, yPred: Labels): number {
  const c = contingency(yTrue, yPred);
  const n = c.n;
  if (n * n > Number.MAX_SAFE_INTEGER) throw new RangeError(`ari: n = ${n} is too large for exact pair counts`);
  const sumSquares = (xs: Float64Array) => xs.reduce((s, x) => s + x * x, 0);
  const ss = sumSquares(c.cellCount);
  const tp = ss - n; // same class, same cluster
  const fp = sumSquares(c.colSums) - ss; // same cluster, different class
  const fn = sumSquares(c.rowSums) - ss; // same class, different cluster
  const tn = n * n - tp - fp - fn - n;
  if (fn === 0 && fp === 0) return 1;
  const [TP, FP, FN, TN] = [tp, fp, fn, tn].map(BigInt);
  const numerator = TP * TN - FN * FP;
  const denominator = (TP + FN) * (FN + TN) + (TP + FP) * (FP + TN);
  return (2 * Number(numerator)) / Number(denominator);
}
