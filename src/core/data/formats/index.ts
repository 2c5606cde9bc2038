/** Parsers that turn user-supplied dataset files (IDX, CSV/TSV, .npy, CIFAR-10 binary) into a Dataset. */
export { isGzip, maybeGunzip } from './gzip';
export { datasetFromIdx, type IdxOptions, type NamedBytes } from './idxFiles';
export { datasetFromTable, type TableOptions } from './table';
export { datasetFromNpy, parseNpy, type Npy } from './npy';
export { CIFAR10_CLASSES, datasetFromCifar10, type CifarOptions } from './cifar';
export { DEFAULT_K_UNLABELLED } from './labels';
