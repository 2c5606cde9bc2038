/**
 * Pure helpers of the brush selection: which points a screen rectangle holds, counts of the
 * selection by cluster and by label, and the selection as CSV.
 */
import { csvField } from '../../state/exports/csvField';

export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Rows i with (xs[i], ys[i]) inside the rectangle (corners in any order), ascending. */
export function pointsInRect(xs: Float32Array, ys: Float32Array, n: number, r: Rect): Int32Array {
  const xa = Math.min(r.x0, r.x1);
  const xb = Math.max(r.x0, r.x1);
  const ya = Math.min(r.y0, r.y1);
  const yb = Math.max(r.y0, r.y1);
  let count = 0;
  for (let i = 0; i < n; i++) if (xs[i] >= xa && xs[i] <= xb && ys[i] >= ya && ys[i] <= yb) count++;
  const out = new Int32Array(count);
  let j = 0;
  for (let i = 0; i < n; i++) if (xs[i] >= xa && xs[i] <= xb && ys[i] >= ya && ys[i] <= yb) out[j++] = i;
  return out;
}

/** Dataset rows of sample positions, ascending (a selection is kept as rows: runs link by them). */
export function rowsOfPositions(positions: Int32Array, indices: Int32Array): Int32Array {
  return Int32Array.from(positions, (p) => indices[p]).sort();
}

/** Sample positions of the selected rows that this sample holds, ascending. */
export function positionsOfRows(rows: Int32Array, indices: Int32Array): Int32Array {
  const wanted = new Set(rows);
  const out: number[] = [];
  for (let i = 0; i < indices.length; i++) if (wanted.has(indices[i])) out.push(i);
  return Int32Array.from(out);
}

/** 1 for selected rows, 0 otherwise: the renderer dims the rest. */
export function selectionMask(selection: Int32Array, n: number): Uint8Array {
  const m = new Uint8Array(n);
  for (const i of selection) if (i >= 0 && i < n) m[i] = 1;
  return m;
}

export interface CountRow {
  id: number;
  name: string;
  count: number;
}

/** Non-zero counts of `values` over the selected rows, largest first; −1 / missing = 'none'. */
export function countBy(selection: Int32Array, values: Int32Array | null, name: (v: number) => string): CountRow[] {
  const counts = new Map<number, number>();
  for (const i of selection) {
    const v = values && i < values.length && values[i] >= 0 ? values[i] : -1;
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([id, count]) => ({ id, name: id < 0 ? 'none' : name(id), count }))
    .sort((a, b) => b.count - a.count || a.id - b.id);
}

export interface CsvInput {
  /** Dataset row index of each sample row. */
  indices: Int32Array;
  assignment: Int32Array | null;
  labels: Int32Array | null;
  confidence: Float32Array | null;
  /** n × 2 projection coordinates. */
  coords: Float32Array;
  classNames?: string[];
}

/** Header plus one line per selected row: index, cluster, label, confidence, x, y. */
export function selectionCsv(selection: Int32Array, d: CsvInput): string {
  const lines = ['index,cluster,label,confidence,x,y'];
  for (const i of selection) {
    const label = d.labels?.[i];
    const cluster = d.assignment?.[i];
    const conf = d.confidence?.[i];
    lines.push(
      [
        String(d.indices[i] ?? i),
        cluster === undefined || cluster < 0 ? '' : String(cluster),
        label === undefined ? '' : csvField(d.classNames?.[label] ?? String(label)),
        conf === undefined ? '' : conf.toFixed(4),
        (d.coords[2 * i] ?? NaN).toFixed(4),
        (d.coords[2 * i + 1] ?? NaN).toFixed(4),
      ].join(','),
    );
  }
  return lines.join('\n') + '\n';
}
