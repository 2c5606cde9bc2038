/**
 * The two IndexedDB chores every store here repeats: open a database once (lazily, so a page
 * without IndexedDB only fails when it is used) and await a request as a promise.
 */

export function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/** A function that opens `name` (version 1, created by `create`) on its first call and reuses it. */
export function lazyDatabase(name: string, create: (db: IDBDatabase) => void): () => Promise<IDBDatabase> {
  let opened: Promise<IDBDatabase> | null = null;
  return () =>
    (opened ??= new Promise((resolve, reject) => {
      if (typeof indexedDB === 'undefined') return reject(new Error('no IndexedDB'));
      const r = indexedDB.open(name, 1);
      r.onupgradeneeded = () => create(r.result);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    }));
}
