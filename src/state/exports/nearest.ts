/**
 * The nearest neighbours of one sample point in the learned embedding (Euclidean), by brute force:
 * one pass over the sample with a small sorted buffer of the best k, O(n·dim). For the largest
 * sample (70,000 points × a 10-d embedding) that is a few milliseconds, so no index is needed.
 */

export interface Neighbour {
  /** Position in the sample. */
  index: number;
  distance: number;
}

/**
 * The k points closest to point `query` (itself excluded), nearest first; ties go to the lower
 * index so the order is deterministic. `embedding` is n × dim, row-major.
 */
export function nearestNeighbours(embedding: Float32Array, dim: number, query: number, k: number): Neighbour[] {
  const n = dim > 0 ? Math.floor(embedding.length / dim) : 0;
  if (query < 0 || query >= n || k <= 0) return [];
  const q = embedding.subarray(query * dim, (query + 1) * dim);
  // Squared distances while scanning; the square root only for the k kept.
  const bestIndex: number[] = [];
  const bestD2: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i === query) continue;
    let d2 = 0;
    const off = i * dim;
    for (let j = 0; j < dim; j++) {
      const diff = embedding[off + j] - q[j];
      d2 += diff * diff;
    }
    if (!(d2 === d2)) continue; // NaN rows never count as near
    if (bestD2.length === k && d2 >= bestD2[k - 1]) continue;
    // Insertion keeps the buffer sorted; equal distances stay in scan (index) order.
    let at = bestD2.length;
    while (at > 0 && bestD2[at - 1] > d2) at--;
    bestD2.splice(at, 0, d2);
    bestIndex.splice(at, 0, i);
    if (bestD2.length > k) {
      bestD2.pop();
      bestIndex.pop();
    }
  }
  return bestIndex.map((index, r) => ({ index, distance: Math.sqrt(bestD2[r]) }));
}
