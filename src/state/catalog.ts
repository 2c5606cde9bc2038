/**
 * The real catalog the app validates settings against: the registered datasets and methods.
 * Kept apart from params.ts so the parsing there stays pure and tests can pass a small fake.
 */
import { DATASETS } from '../core/data/registry';
import { METHODS } from '../core/methods';
import { resolveParams } from '../core/methods/resolveParams';
import type { Catalog } from './params';

export const CATALOG: Catalog = {
  datasets: DATASETS,
  methods: METHODS,
  effective: (method, budget, overrides) => resolveParams(method, budget, overrides).params,
};
