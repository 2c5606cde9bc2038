/**
 * Dense confusion (contingency) matrix and the Hungarian cluster → class map, for the UI:
 * the heat map of classes × clusters and the colouring of points as correct / incorrect.
 */
import { contingency, type Labels } from './contingency';
import { matchContingency } from './match';

export interface ConfusionMatrix {
  /** Distinct true labels, ascending (row order). */
  classes: number[];
  /** Distinct predicted labels, ascending (column order). */
  clusters: number[];
  /** classes.length × clusters.length, row-major. */
  counts: Int32Array;
}

/** Refuse tables a UI could never draw rather than allocate gigabytes. */
const MAX_CELLS = 1 << 24;

export function confusionMatrix(yTrue: Labels, yPred: Labels): ConfusionMatrix {
  const c = contingency(yTrue, yPred);
  const kp = c.clusters.length;
  if (c.classes.length * kp > MAX_CELLS) {
    throw new RangeError(`confusion matrix of ${c.classes.length} × ${kp} is too large`);
  }
  const counts = new Int32Array(c.classes.length * kp);
  for (let k = 0; k < c.cellCount.length; k++) counts[c.cellRow[k] * kp + c.cellCol[k]] = c.cellCount[k];
  return { classes: c.classes, clusters: c.clusters, counts };
}

/**
 * The ACC matching as label values: predicted cluster label → true class label. Clusters left
 * unmatched (more clusters than classes) are absent, so all their points count as incorrect.
 */
export function matchClusters(yTrue: Labels, yPred: Labels): Map<number, number> {
  const c = contingency(yTrue, yPred);
  const { clusterToClass } = matchContingency(c);
  const map = new Map<number, number>();
  clusterToClass.forEach((row, col) => {
    if (row >= 0) map.set(c.clusters[col], c.classes[row]);
  });
  return map;
}
