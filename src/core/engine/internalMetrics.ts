/**
 * The snapshot's label-free metrics: silhouette, Davies–Bouldin and Calinski–Harabasz of the
 * sample's clusters in the learned embedding, and the cluster-size entropy of all points. What
 * unlabeled data shows instead of ACC / NMI / ARI, and what tracks a collapse.
 */
import { calinskiHarabasz, clusterSizeEntropy, daviesBouldin, silhouette } from '../metrics';
import type { InternalMetrics } from './types';

/** Silhouette is O(n²): on this many sample points it costs a few milliseconds per snapshot. */
export const SILHOUETTE_POINTS = 1000;

/** A score, or null where scikit-learn refuses it (fewer than 2 clusters, or one per point). */
function orNull(score: () => number): number | null {
  try {
    return score();
  } catch (err) {
    if (err instanceof RangeError) return null;
    throw err;
  }
}

/**
 * `embedding` is the sample (m × dim) and `assignment` its clusters; `allClusters` the cluster of
 * every point, k the clusters asked for. The sample is a seeded random draw, so its first rows are
 * one too.
 */
export function internalMetrics(
  embedding: Float32Array,
  m: number,
  dim: number,
  assignment: Int32Array,
  allClusters: Int32Array,
  k: number,
): InternalMetrics & { largestFraction: number } {
  const s = Math.min(m, SILHOUETTE_POINTS);
  const sizes = clusterSizeEntropy(allClusters);
  return {
    silhouette: orNull(() => silhouette(embedding.subarray(0, s * dim), s, dim, assignment.subarray(0, s))),
    daviesBouldin: orNull(() => daviesBouldin(embedding, m, dim, assignment)),
    calinskiHarabasz: orNull(() => calinskiHarabasz(embedding, m, dim, assignment)),
    // Over ln k, the clusters asked for: 5 equal clusters out of 10 is not "balanced".
    sizeEntropy: k > 1 ? sizes.entropy / Math.log(k) : 0,
    largestFraction: sizes.largestFraction,
  };
}
