/**
 * The real catalog the app validates settings against: the registered datasets and methods.
 * Kept apart from params.ts so the parsing there stays pure and tests can pass a small fake.
 */
import { DATASETS } from '../core/data/registry';
import { METHODS } from '../core/methods';
import { resolveParams } from '../core/methods/resolveParams';
import type { Catalog, CatalogDataset } from './params';
import { USER_DATASET_ID } from './userData';
import { DEFAULT_K_UNLABELLED } from '../core/data/formats/labels';

/** Dropped files: selected automatically after a drop; a link to it needs the files again. */
const USER_DATASET: CatalogDataset = {
  id: USER_DATASET_ID,
  name: 'Your data (drop files)',
  numClasses: DEFAULT_K_UNLABELLED,
  description: 'Images, a folder or .zip of them, or IDX / CIFAR-10 / CSV / .npy files: drop them anywhere on the page.',
};

export const CATALOG: Catalog = {
  datasets: [...DATASETS, USER_DATASET],
  methods: METHODS,
  effective: (method, budget, overrides) => resolveParams(method, budget, overrides).params,
};
