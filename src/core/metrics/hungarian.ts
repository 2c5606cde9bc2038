/**
 * Rectangular linear assignment, maximising total weight (what scipy's
 * `linear_sum_assignment(-W)` returns). Kuhn–Munkres with potentials and shortest augmenting
 * paths (the O(r²·c) form, r ≤ c): each row is added in turn and the column potentials are
 * shifted along a Dijkstra-like search until a free column is reached.
 * With integer weights every potential stays an integer, so the optimum is exact in float64.
 */

/**
 * weights: rows × cols, row-major. Returns, for each row, its assigned column, or -1 when
 * rows > cols and the row is left unmatched. min(rows, cols) pairs are always assigned.
 */
export function maxWeightAssignment(weights: ArrayLike<number>, rows: number, cols: number): Int32Array {
  if (weights.length !== rows * cols) throw new RangeError('weights must hold rows × cols values');
  if (rows <= cols) return minCostRowsToCols((i, j) => -weights[i * cols + j], rows, cols);
  // More rows than columns: solve the transpose, then invert the mapping.
  const colToRow = minCostRowsToCols((j, i) => -weights[i * cols + j], cols, rows);
  const rowToCol = new Int32Array(rows).fill(-1);
  colToRow.forEach((i, j) => (rowToCol[i] = j));
  return rowToCol;
}

/** Minimum-cost assignment of every row to a distinct column; requires n ≤ m. */
function minCostRowsToCols(cost: (i: number, j: number) => number, n: number, m: number): Int32Array {
  // 1-based with a virtual column 0 that holds the row being inserted.
  const u = new Float64Array(n + 1); // row potentials
  const v = new Float64Array(m + 1); // column potentials
  const p = new Int32Array(m + 1); // p[j]: row matched to column j (0 = free)
  const way = new Int32Array(m + 1); // previous column on the shortest path
  const minv = new Float64Array(m + 1);
  const used = new Uint8Array(m + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    minv.fill(Infinity);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = p[j0];
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = cost(i0 - 1, j - 1) - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else {
          minv[j] -= delta;
        }
      }
      j0 = j1;
    } while (p[j0] !== 0);
    // Augment: flip the matching along the path back to the virtual column.
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  const rowToCol = new Int32Array(n).fill(-1);
  for (let j = 1; j <= m; j++) if (p[j] !== 0) rowToCol[p[j] - 1] = j - 1;
  return rowToCol;
}
