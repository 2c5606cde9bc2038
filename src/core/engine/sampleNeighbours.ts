/**
 * What a snapshot carries of a neighbourhood method's mined neighbours: each shown sample point's
 * k neighbours as dataset rows (sample × k, most similar first), so the scatter can mark a hovered
 * point's neighbours — bounded by the sample, never all n × k. And the share of all mined
 * neighbours with their anchor's class, computed once per mining (the mined set is replaced, not
 * changed, when a method mines again).
 */
import { neighbourAccuracy, type Neighbours } from '../cluster/knn';

export interface SampleNeighbours {
  k: number;
  /** Sample point i's neighbours (dataset rows) at [i·k, (i+1)·k); never the point itself. */
  indices: Int32Array;
}

export function sampleNeighbours(mined: Neighbours, sampleIndices: Int32Array): SampleNeighbours {
  const { k } = mined;
  const indices = new Int32Array(sampleIndices.length * k);
  sampleIndices.forEach((row, i) => indices.set(mined.indices.subarray(row * k, (row + 1) * k), i * k));
  return { k, indices };
}

const accuracyOf = new WeakMap<Neighbours, number>();

/** neighbourAccuracy over all n rows, once per mined set. */
export function minedAccuracy(mined: Neighbours, labels: ArrayLike<number>): number {
  let a = accuracyOf.get(mined);
  if (a === undefined) {
    a = neighbourAccuracy(mined, labels);
    accuracyOf.set(mined, a);
  }
  return a;
}
