/**
 * External and internal (label-free) clustering metrics, equal to scikit-learn's definitions (see
 * each file): ACC (Hungarian-matched accuracy), NMI (arithmetic), ARI, plus the confusion matrix and
 * the cluster → class matching the UI draws; silhouette, Davies–Bouldin, Calinski–Harabasz and the
 * cluster-size entropy for unlabeled mode. Labels may be any integers.
 */
export type { Labels } from './contingency';
export { acc } from './acc';
export { nmi } from './nmi';
export { ari } from './ari';
export { confusionMatrix, matchClusters, type ConfusionMatrix } from './confusion';
export { silhouette, daviesBouldin, calinskiHarabasz, clusterSizeEntropy, type ClusterSizeEntropy, type Points } from './internal';
