/**
 * Host-side bookkeeping of k-means labels for m restarts at once. Labels arrive as one n × m
 * row-major Int32Array (one column per restart, values 0..k−1); run r's cluster j is segment
 * r·k + j. Everything here is O(n·m) integer work — cheap next to the distance products.
 */

/** Row indices sorted by segment (the input a sorted segment sum needs). */
export interface Segments {
  order: Int32Array;
  /** Segment id of each entry of `order`, non-decreasing. */
  segments: Int32Array;
}

export interface Groups extends Segments {
  /** (m·k) points per cluster. */
  counts: Int32Array;
}

/** Counting sort of all labels by segment. */
export function groupByCluster(labels: Int32Array, n: number, m: number, k: number): Groups {
  const counts = new Int32Array(m * k);
  for (let i = 0; i < n; i++) for (let r = 0; r < m; r++) counts[r * k + labels[i * m + r]]++;
  const next = new Int32Array(m * k);
  for (let s = 1; s < m * k; s++) next[s] = next[s - 1] + counts[s - 1];
  const order = new Int32Array(n * m);
  const segments = new Int32Array(n * m);
  for (let r = 0; r < m; r++) {
    for (let i = 0; i < n; i++) {
      const s = r * k + labels[i * m + r];
      const pos = next[s]++;
      order[pos] = i;
      segments[pos] = s;
    }
  }
  return { counts, order, segments };
}

/** The points whose label changed: into which segment they moved, and out of which. */
export function labelMoves(prev: Int32Array, labels: Int32Array, n: number, m: number, k: number): { joined: Segments; left: Segments } {
  const joined: [number, number][] = [];
  const left: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < m; r++) {
      const a = prev[i * m + r];
      const b = labels[i * m + r];
      if (a === b) continue;
      joined.push([r * k + b, i]);
      left.push([r * k + a, i]);
    }
  }
  const sorted = (pairs: [number, number][]): Segments => {
    pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
    return { order: Int32Array.from(pairs, (p) => p[1]), segments: Int32Array.from(pairs, (p) => p[0]) };
  };
  return { joined: sorted(joined), left: sorted(left) };
}

/** For each column, whether it is identical in `a` and `b`. */
export function sameColumns(a: Int32Array, b: Int32Array, n: number, m: number): boolean[] {
  const same = new Array<boolean>(m).fill(true);
  for (let i = 0; i < n; i++) for (let r = 0; r < m; r++) if (a[i * m + r] !== b[i * m + r]) same[r] = false;
  return same;
}

/** The given columns of an n × m matrix, as n × keep.length. */
export function keepColumns(a: Int32Array, n: number, m: number, keep: number[]): Int32Array {
  const out = new Int32Array(n * keep.length);
  for (let i = 0; i < n; i++) keep.forEach((r, j) => (out[i * keep.length + j] = a[i * m + r]));
  return out;
}
