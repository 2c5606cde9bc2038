/**
 * Which rows an export holds, and their cluster, confidence, label and place in the sample.
 * After a run has finished the final snapshot carries every row's cluster (`snapshot.all`), so the
 * export covers the whole dataset; before that only the scatter's sample is known.
 */
import type { ReadyInfo } from '../run';
import type { Snapshot } from '../../core/engine/types';

export interface ExportTable {
  /** 'all' = every dataset row (final snapshot); 'sample' = only the sample drawn in the scatter. */
  scope: 'all' | 'sample';
  /** Dataset row id of each exported row. */
  rows: Int32Array;
  /** Cluster of each exported row (−1 = none). */
  cluster: Int32Array;
  confidence: Float32Array | null;
  /** Position of each exported row in the snapshot sample, −1 when it is not in the sample. */
  samplePos: Int32Array;
  /** True class id of each exported row (−1 = unknown); null when the dataset has no labels. */
  labels: Int32Array | null;
}

/** Sample position of every dataset row (−1 = not in the sample): ready.indices inverted. */
export function samplePositionOfRow(indices: Int32Array, n: number): Int32Array {
  const pos = new Int32Array(n).fill(-1);
  for (let i = 0; i < indices.length; i++) {
    const row = indices[i];
    if (row >= 0 && row < n) pos[row] = i;
  }
  return pos;
}

function range(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/** Labels of every row; from the sample's labels when only those are known. */
function labelsOfAllRows(ready: ReadyInfo, n: number): Int32Array | null {
  if (ready.allLabels && ready.allLabels.length === n) return ready.allLabels;
  if (!ready.labels) return null;
  const out = new Int32Array(n).fill(-1);
  for (let i = 0; i < ready.indices.length; i++) if (ready.indices[i] < n) out[ready.indices[i]] = ready.labels[i];
  return out;
}

function labelsOfSample(ready: ReadyInfo): Int32Array | null {
  if (ready.labels) return ready.labels;
  const all = ready.allLabels;
  return all ? Int32Array.from(ready.indices, (row) => all[row] ?? -1) : null;
}

/** Null when there is nothing to export yet (no clusters). */
export function exportTable(ready: ReadyInfo, snapshot: Snapshot): ExportTable | null {
  const n = ready.dataset.n;
  const all = snapshot.all;
  // A final snapshot of another size (should not happen) would misalign rows: fall back to the sample.
  if (all && all.cluster.length === n && all.confidence.length === n) {
    return {
      scope: 'all',
      rows: range(n),
      cluster: all.cluster,
      confidence: all.confidence,
      samplePos: samplePositionOfRow(ready.indices, n),
      labels: labelsOfAllRows(ready, n),
    };
  }
  if (!snapshot.assignment) return null;
  return {
    scope: 'sample',
    rows: ready.indices,
    cluster: snapshot.assignment,
    confidence: snapshot.confidence,
    samplePos: range(ready.indices.length),
    labels: labelsOfSample(ready),
  };
}
