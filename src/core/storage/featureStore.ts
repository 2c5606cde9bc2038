/**
 * Feature views (external knowledge: a backbone's features of a dataset) kept in IndexedDB, so
 * the same data after a reload need not pass through the backbone again. At most MAX_ENTRIES are
 * kept (the oldest go first: each may be tens of MB); anything that fails (no IndexedDB, a full
 * disk, private browsing) only means the features are computed again.
 */
import type { FeatureStore, FeatureView } from '../external/knowledge';
import { lazyDatabase, request } from './indexedDb';

const DB = 'priorscope-features';
const STORE = 'features';
const MAX_ENTRIES = 4;

interface Stored {
  features: Float32Array;
  dim: number;
  at: number;
}

const open = lazyDatabase(DB, (db) => db.createObjectStore(STORE).createIndex('at', 'at'));

export const indexedDbFeatureStore: FeatureStore = {
  async get(key): Promise<FeatureView | null> {
    const db = await open();
    const value = (await request(db.transaction(STORE).objectStore(STORE).get(key))) as Stored | undefined;
    return value ? { features: value.features, dim: value.dim } : null;
  },
  async put(key, view) {
    const db = await open();
    const store = db.transaction(STORE, 'readwrite').objectStore(STORE);
    await request(store.put({ features: view.features, dim: view.dim, at: Date.now() } satisfies Stored, key));
    // Oldest first, by the 'at' index: only keys are read, never the features.
    const byAge = (await request(store.index('at').getAllKeys())) as string[];
    for (const k of byAge.slice(0, Math.max(0, byAge.length - MAX_ENTRIES))) await request(store.delete(k));
  },
};
