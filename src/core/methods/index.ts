/** Every method the app offers, listed explicitly (no registration by import side effect). */
import { aeKmeans } from './aeKmeans';
import { backboneKmeans } from './backboneKmeans';
import { backboneScan } from './backboneScan';
import { cc } from './cc';
import { dcss, dcssu } from './dcss';
import { deepCluster } from './deepCluster';
import { dcn } from './dcn';
import { dec, idec } from './dec';
import { dkm } from './dkm';
import { iic } from './iic';
import { imsat } from './imsat';
import { kmeansRaw } from './kmeansRaw';
import { withMNet } from './mnetWith';
import { scan } from './scan';
import { sic } from './sic';
import { simclr } from './simclr';
import { tac } from './tac';
import { vade } from './vade';
import type { Method } from './types';

/** "X + MNet" (DCSS §4.8.3): DCSS's phase 2 on the bases the paper reports. */
export const MNET_BASES: readonly Method[] = [dec, idec, dcn, dkm];

export const METHODS: readonly Method[] = [dec, idec, dcn, dkm, vade, deepCluster, aeKmeans, kmeansRaw, dcssu, dcss, imsat, iic, cc, simclr, scan, ...MNET_BASES.map(withMNet), backboneKmeans, backboneScan, sic, tac];

export function findMethod(id: string): Method | undefined {
  return METHODS.find((m) => m.id === id);
}
