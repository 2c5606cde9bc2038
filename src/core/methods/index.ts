/** Every method the app offers, listed explicitly (no registration by import side effect). */
import { aeKmeans } from './aeKmeans';
import { dcss, dcssu } from './dcss';
import { deepCluster } from './deepCluster';
import { dcn } from './dcn';
import { dec, idec } from './dec';
import { dkm } from './dkm';
import { kmeansRaw } from './kmeansRaw';
import { vade } from './vade';
import type { Method } from './types';

export const METHODS: readonly Method[] = [dec, idec, dcn, dkm, vade, deepCluster, aeKmeans, kmeansRaw, dcssu, dcss];
// Not listed yet: "X + MNet" (mnetWith.ts), until it has its own contract settings and results.

export function findMethod(id: string): Method | undefined {
  return METHODS.find((m) => m.id === id);
}
