/**
 * External clustering metrics, equal to scikit-learn's definitions (see each file):
 * ACC (Hungarian-matched accuracy), NMI (arithmetic), ARI, plus the confusion matrix and the
 * cluster → class matching the UI draws. Labels may be any integers.
 */
export type { Labels } from './contingency';
export { acc } from './acc';
export { nmi } from './nmi';
export { ari } from './ari';
export { confusionMatrix, matchClusters, type ConfusionMatrix } from './confusion';
