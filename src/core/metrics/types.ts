/** The metric values a run reports: against the labels, and without them. */

export interface ExternalMetrics {
  acc: number;
  nmi: number;
  ari: number;
}

/** Label-free quality of the clusters in the learned embedding (scikit-learn's definitions). */
export interface InternalMetrics {
  /** On up to 1,000 sample points (it is O(n²)); null when they hold fewer than 2 clusters. */
  silhouette: number | null;
  /** On the sample; null when it holds fewer than 2 clusters. */
  daviesBouldin: number | null;
  calinskiHarabasz: number | null;
  /** Cluster-size entropy of all n points over ln k: 1 = k equal clusters, 0 = one cluster. */
  sizeEntropy: number;
}
