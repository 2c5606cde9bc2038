/** The kept comparison (runKeeper.ts) in IndexedDB: one text under one key. */
import type { TextStorage } from './runKeeper';

const DB = 'priorscope-runs';
const STORE = 'kept';
const KEY = 'last';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

let opened: Promise<IDBDatabase> | null = null;
function open(): Promise<IDBDatabase> {
  opened ??= new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') return reject(new Error('no IndexedDB'));
    const r = indexedDB.open(DB, 1);
    r.onupgradeneeded = () => r.result.createObjectStore(STORE);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  return opened;
}

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
