/**
 * How well each true class is kept together: the share of its points in the cluster the ACC
 * matching gives it (Hungarian, as ACC). ACC is these shares weighted by class size; the tour
 * reads them to name the digit a method gained or lost most on.
 */
import { contingency, type Labels } from './contingency';
import { matchContingency } from './match';

export interface ClassRecall {
  /** Class label values, ascending. */
  classes: number[];
  /** Share of each class's points in its matched cluster (0 when no cluster is matched to it). */
  recall: number[];
}

export function classRecall(yTrue: Labels, yPred: Labels): ClassRecall {
  const c = contingency(yTrue, yPred);
  const { clusterToClass } = matchContingency(c);
  const kept = new Float64Array(c.classes.length);
  for (let k = 0; k < c.cellCount.length; k++) {
    if (clusterToClass[c.cellCol[k]] === c.cellRow[k]) kept[c.cellRow[k]] += c.cellCount[k];
  }
  return { classes: c.classes, recall: Array.from(kept, (v, i) => (c.rowSums[i] > 0 ? v / c.rowSums[i] : 0)) };
}
