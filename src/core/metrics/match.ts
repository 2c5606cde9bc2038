/**
 * Best one-to-one matching of clusters to classes on a contingency table (the matching behind
 * ACC and the correct/incorrect colouring). Zero cells add nothing to a matching, so the
 * problem splits over connected components of the non-zero cells; each component is solved
 * densely by the Hungarian method. For the usual k × k' table that is one small component;
 * for degenerate labelings (all-distinct ids) it keeps the work near O(n) instead of O(n³).
 */
import type { Contingency } from './contingency';
import { maxWeightAssignment } from './hungarian';

export interface Matching {
  /** Class index (row) matched to each cluster index (column), -1 when unmatched. */
  clusterToClass: Int32Array;
  /** Total count on the matched cells. */
  matched: number;
}

export function matchContingency(c: Contingency): Matching {
  const kt = c.classes.length;
  const kp = c.clusters.length;
  const root = components(c, kt, kp);
  // Local index of every row / column inside its component, and the component's members.
  const groups = new Map<number, { rows: number[]; cols: number[]; cells: number[] }>();
  const group = (r: number) => {
    let g = groups.get(r);
    if (!g) groups.set(r, (g = { rows: [], cols: [], cells: [] }));
    return g;
  };
  const local = new Int32Array(kt + kp);
  for (let i = 0; i < kt; i++) local[i] = group(root[i]).rows.push(i) - 1;
  for (let j = 0; j < kp; j++) local[kt + j] = group(root[kt + j]).cols.push(j) - 1;
  for (let k = 0; k < c.cellCount.length; k++) group(root[c.cellRow[k]]).cells.push(k);

  const clusterToClass = new Int32Array(kp).fill(-1);
  let matched = 0;
  for (const g of groups.values()) {
    const nr = g.rows.length;
    const nc = g.cols.length;
    const w = new Float64Array(nr * nc);
    for (const k of g.cells) w[local[c.cellRow[k]] * nc + local[kt + c.cellCol[k]]] = c.cellCount[k];
    const rowToCol = maxWeightAssignment(w, nr, nc);
    for (let r = 0; r < nr; r++) {
      const col = rowToCol[r];
      if (col < 0) continue;
      clusterToClass[g.cols[col]] = g.rows[r];
      matched += w[r * nc + col];
    }
  }
  return { clusterToClass, matched };
}

/** Union–find over rows (0..kt-1) and columns (kt..kt+kp-1) joined by non-zero cells. */
function components(c: Contingency, kt: number, kp: number): Int32Array {
  const parent = new Int32Array(kt + kp);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (let k = 0; k < c.cellCount.length; k++) {
    const a = find(c.cellRow[k]);
    const b = find(kt + c.cellCol[k]);
    if (a !== b) parent[a] = b;
  }
  for (let i = 0; i < parent.length; i++) parent[i] = find(i);
  return parent;
}
