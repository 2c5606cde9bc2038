/**
 * The teaching view's augmented pairs of the data the focused run would train on: asked of the
 * training worker (tfjs lives there), so the page only draws the bytes that come back.
 */
import { requestAugmentPairs } from '../worker/client';
import { getUserData } from '../worker/decodeClient';
import type { AugmentPairsEvent } from '../worker/protocol';
import { toRunConfig } from './params';
import { settingsOf, store } from './store';
import { USER_DATASET_ID } from './userData';

/** Images in the grid. */
export const PAIR_COUNT = 8;

export async function fetchAugmentPairs(draw: number): Promise<AugmentPairsEvent> {
  const s = store.getState();
  const config = toRunConfig(settingsOf(s, s.focusedRunId));
  let user: ReturnType<typeof getUserData> = null;
  if (config.dataset === USER_DATASET_ID) {
    user = getUserData();
    if (!user) return { type: 'augment-pairs', requestId: 0, pairs: null, message: 'No data of yours is loaded yet: drop images on the page first.' };
  }
  return requestAugmentPairs(config, PAIR_COUNT, draw, user ?? undefined);
}
