/** Every method the app offers, listed explicitly (no registration by import side effect). */
import { aeKmeans } from './aeKmeans';
import { dec } from './dec';
import { kmeansRaw } from './kmeansRaw';
import type { Method } from './types';

export const METHODS: readonly Method[] = [dec, aeKmeans, kmeansRaw];

export function findMethod(id: string): Method | undefined {
  return METHODS.find((m) => m.id === id);
}
