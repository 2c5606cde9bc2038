/**
 * Finished shared pretrainings kept in IndexedDB, so a comparison on the same data after a reload
 * starts at once. At most MAX_ENTRIES are kept (the oldest go first); anything that fails (no
 * IndexedDB, a full disk, private browsing) only means the pretraining is computed again.
 */
import type { WeightStore } from '../core/engine/sharedStarts';
import { lazyDatabase, request } from '../core/storage/indexedDb';

const DB = 'priorscope';
const STORE = 'pretrained';
const MAX_ENTRIES = 6;

interface Stored {
  weights: Float32Array[];
  at: number;
}

const open = lazyDatabase(DB, (db) => db.createObjectStore(STORE).createIndex('at', 'at'));

export const indexedDbWeightStore: WeightStore = {
  async get(key) {
    const db = await open();
    const value = (await request(db.transaction(STORE).objectStore(STORE).get(key))) as Stored | undefined;
    return value?.weights ?? null;
  },
  async put(key, weights) {
    const db = await open();
    const store = db.transaction(STORE, 'readwrite').objectStore(STORE);
    await request(store.put({ weights, at: Date.now() } satisfies Stored, key));
    // Oldest first, by the 'at' index: only keys are read, never the weights.
    const byAge = (await request(store.index('at').getAllKeys())) as string[];
    for (const k of byAge.slice(0, Math.max(0, byAge.length - MAX_ENTRIES))) await request(store.delete(k));
  },
};
