import type { DataIO } from './registry';

/**
 * DataIO over fetch, for the browser and workers: relPath is resolved against `base` (the site
 * root, e.g. import.meta.env.BASE_URL made absolute), so the app works under any deploy path.
 */
export function createFetchDataIO(base: string | URL): DataIO {
  return {
    async readBytes(relPath: string): Promise<ArrayBuffer> {
      const url = new URL(relPath, base);
      const res = await fetch(url);
      if (!res.ok) {
        throw new Error(
          `Could not load ${url.href}: HTTP ${res.status} ${res.statusText}` +
            (res.status === 404 ? ' (generated files missing? run `node scripts/prepare-data.mjs`)' : ''),
        );
      }
      return res.arrayBuffer();
    },
  };
}
