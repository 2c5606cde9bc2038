/**
 * The contingency table of two labelings (rows = true classes, columns = predicted clusters),
 * the one structure every external metric reads. Labels may be any integers (negative,
 * non-contiguous); like numpy's `np.unique(..., return_inverse=True)` they are encoded as
 * 0..K-1 in increasing order of value, so row/column order matches scikit-learn's.
 */

/** A labeling: plain array or any typed array of integers. */
export type Labels = ArrayLike<number>;

export interface EncodedLabels {
  /** Distinct label values, ascending. */
  values: number[];
  /** values[codes[i]] === y[i]. */
  codes: Int32Array;
}

export interface Contingency {
  n: number;
  classes: number[];
  clusters: number[];
  /** Points per class / per cluster (float64: exact up to 2^53, and the metrics need floats). */
  rowSums: Float64Array;
  colSums: Float64Array;
  /** Non-zero cells in row-major order: kept sparse so all-distinct labelings stay O(n). */
  cellRow: Int32Array;
  cellCol: Int32Array;
  cellCount: Float64Array;
}

export function encodeLabels(y: Labels): EncodedLabels {
  const n = y.length;
  const codes = new Int32Array(n);
  if (n === 0) return { values: [], codes };
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = y[i];
    if (!Number.isSafeInteger(v)) throw new RangeError(`label ${v} at index ${i} is not an integer`);
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const values: number[] = [];
  const range = max - min + 1;
  if (range <= 4 * n + 1024) {
    // Dense lookup: the common case (labels 0..k-1) costs two linear passes and no sort.
    const code = new Int32Array(range).fill(-1);
    for (let i = 0; i < n; i++) code[y[i] - min] = 0;
    for (let v = 0; v < range; v++) if (code[v] === 0) code[v] = values.push(v + min) - 1;
    for (let i = 0; i < n; i++) codes[i] = code[y[i] - min];
  } else {
    const seen = new Map<number, number>();
    for (let i = 0; i < n; i++) seen.set(y[i], 0);
    values.push(...[...seen.keys()].sort((a, b) => a - b));
    values.forEach((v, k) => seen.set(v, k));
    for (let i = 0; i < n; i++) codes[i] = seen.get(y[i]) as number;
  }
  return { values, codes };
}

export function contingency(yTrue: Labels, yPred: Labels): Contingency {
  if (yTrue.length !== yPred.length) {
    throw new RangeError(`labelings differ in length: ${yTrue.length} vs ${yPred.length}`);
  }
  const n = yTrue.length;
  const t = encodeLabels(yTrue);
  const p = encodeLabels(yPred);
  const kt = t.values.length;
  const kp = p.values.length;
  const rowSums = new Float64Array(kt);
  const colSums = new Float64Array(kp);
  for (let i = 0; i < n; i++) {
    rowSums[t.codes[i]]++;
    colSums[p.codes[i]]++;
  }
  const cells = kt * kp <= 4 * n + 4096 ? denseCells(t.codes, p.codes, kt, kp) : sortedCells(t.codes, p.codes, kp);
  return { n, classes: t.values, clusters: p.values, rowSums, colSums, ...cells };
}

type Cells = Pick<Contingency, 'cellRow' | 'cellCol' | 'cellCount'>;

function denseCells(tc: Int32Array, pc: Int32Array, kt: number, kp: number): Cells {
  const table = new Float64Array(kt * kp);
  for (let i = 0; i < tc.length; i++) table[tc[i] * kp + pc[i]]++;
  let nnz = 0;
  for (let k = 0; k < table.length; k++) if (table[k] > 0) nnz++;
  const cellRow = new Int32Array(nnz);
  const cellCol = new Int32Array(nnz);
  const cellCount = new Float64Array(nnz);
  for (let k = 0, m = 0; k < table.length; k++) {
    if (table[k] === 0) continue;
    cellRow[m] = Math.floor(k / kp);
    cellCol[m] = k % kp;
    cellCount[m++] = table[k];
  }
  return { cellRow, cellCol, cellCount };
}

/** Many classes × many clusters: count (row, col) keys by sorting, never allocating kt × kp. */
function sortedCells(tc: Int32Array, pc: Int32Array, kp: number): Cells {
  const keys = new Float64Array(tc.length);
  for (let i = 0; i < tc.length; i++) keys[i] = tc[i] * kp + pc[i];
  keys.sort();
  const cellRow: number[] = [];
  const cellCol: number[] = [];
  const cellCount: number[] = [];
  for (let i = 0; i < keys.length; ) {
    let j = i + 1;
    while (j < keys.length && keys[j] === keys[i]) j++;
    cellRow.push(Math.floor(keys[i] / kp));
    cellCol.push(keys[i] % kp);
    cellCount.push(j - i);
    i = j;
  }
  return { cellRow: Int32Array.from(cellRow), cellCol: Int32Array.from(cellCol), cellCount: Float64Array.from(cellCount) };
}
