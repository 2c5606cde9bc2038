/**
 * Clustering accuracy (Xie et al., DEC 2016, eq. 10): ACC = max over one-to-one maps m of
 * Σ 1{y_i = m(c_i)} / n, the map found by the Hungarian method on the contingency table.
 * With more clusters than classes the extra clusters stay unmatched and count as errors
 * (scipy's rectangular linear_sum_assignment). Empty input scores 1.
 */
import { contingency, type Labels } from './contingency';
import { matchContingency } from './match';

export function acc(yTrue: Labels, yPred: Labels): number {
  const c = contingency(yTrue, yPred);
  if (c.n === 0) return 1;
  return matchContingency(c).matched / c.n;
}
