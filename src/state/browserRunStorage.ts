/** The kept comparison (runKeeper.ts) in IndexedDB: one text under one key. */
import type { TextStorage } from './runKeeper';
import { lazyDatabase, request } from '../core/storage/indexedDb';

const DB = 'priorscope-runs';
const STORE = 'kept';
const KEY = 'last';

const open = lazyDatabase(DB, (db) => db.createObjectStore(STORE));

export const browserRunStorage: TextStorage = {
  async get() {
    const db = await open();
    return ((await request(db.transaction(STORE).objectStore(STORE).get(KEY))) as string | undefined) ?? null;
  },
  async put(text) {
    const db = await open();
    await request(db.transaction(STORE, 'readwrite').objectStore(STORE).put(text, KEY));
  },
};
