/**
 * A model folder the user chose on their machine, served to transformers.js from memory. The
 * library looks every file up in a cache before it fetches (`env.useCustomCache` with an object
 * that has the Web Cache API's `match` and `put`); answering `match` from the folder's Blobs means
 * nothing is read from the network, and a file the folder lacks is a miss the caller turns into a
 * clear message.
 */

/** Hub-style id the library builds its file URLs from: `<host><id>/resolve/<revision>/<file>`. */
export const LOCAL_MODEL_ID = 'local-folder/clip';

/**
 * The folder's files by path relative to the folder (`onnx/vision_model.onnx`). A folder picked
 * with `webkitdirectory` names files `<folder>/<path>`: the common first segment is dropped, so
 * both forms work.
 */
export function relativeModelFiles(files: ReadonlyMap<string, Blob>): Map<string, Blob> {
  const paths = [...files.keys()].map((p) => p.replace(/\\/g, '/').replace(/^\/+/, ''));
  const first = paths.length > 0 ? paths[0].split('/')[0] : '';
  // Every path under one folder name, and no config.json at the top: that name is the folder's own.
  const shared = paths.length > 0 && paths.every((p) => p.includes('/') && p.split('/')[0] === first) && !paths.includes('config.json');
  const out = new Map<string, Blob>();
  [...files.values()].forEach((blob, i) => out.set(shared ? paths[i].slice(first.length + 1) : paths[i], blob));
  return out;
}

/** The path of a file inside the model from the key the library asks its cache for, or null. */
export function modelPathOf(key: string, modelId: string): string | null {
  const marker = `${modelId}/resolve/`;
  const at = key.indexOf(marker);
  if (at < 0) return null;
  // Skip the revision segment ('main').
  const rest = key.slice(at + marker.length);
  const slash = rest.indexOf('/');
  return slash < 0 ? null : decodeURIComponent(rest.slice(slash + 1));
}

/** The subset of the Web Cache API transformers.js calls on a custom cache. */
export interface ModelFileCache {
  match(key: string | Request): Promise<Response | undefined>;
  /** The library may pass a progress callback: it then expects `put` to read the body and report. */
  put(key: string | Request, response: Response, progress?: (p: { progress: number; loaded: number; total: number }) => void): Promise<void>;
}

/**
 * Downloaded files held in memory, for Node (the CLI, tests): there the library asks for model
 * files by path and finds the bytes only in a cache; the app's browser uses the Cache API instead.
 * Reading a body into it reports the download's progress, as the library's own file cache does.
 */
export function memoryCache(): ModelFileCache {
  const kept = new Map<string, Blob>();
  const keyOf = (key: string | Request) => (typeof key === 'string' ? key : key.url);
  return {
    match: async (key) => {
      const blob = kept.get(keyOf(key));
      return blob ? new Response(blob, { status: 200, headers: { 'content-length': String(blob.size) } }) : undefined;
    },
    put: async (key, response, progress) => {
      const total = Number(response.headers.get('content-length') ?? 0);
      const parts: Uint8Array[] = [];
      let loaded = 0;
      const reader = response.body?.getReader();
      if (reader) {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          parts.push(value);
          loaded += value.length;
          progress?.({ progress: total ? (100 * loaded) / total : 0, loaded, total });
        }
      }
      kept.set(keyOf(key), new Blob(parts as BlobPart[]));
    },
  };
}

/** A read-only cache that answers the library's lookups from the folder's files. */
export function folderCache(files: ReadonlyMap<string, Blob>, modelId = LOCAL_MODEL_ID): ModelFileCache {
  return {
    match: async (key) => {
      const path = modelPathOf(typeof key === 'string' ? key : key.url, modelId);
      const blob = path === null ? undefined : files.get(path);
      // A fresh Response each time: a body can be read only once, and the library may ask twice.
      return blob ? new Response(blob, { status: 200, headers: { 'content-length': String(blob.size) } }) : undefined;
    },
    put: async () => {},
  };
}

/**
 * The weights' precision of a folder: the hub's exports hold 8-bit `*_model_quantized.onnx` and
 * full-precision `*_model.onnx`. The 8-bit ones first: what a download with consent uses (so both
 * sources give the same features), a quarter of the memory, and faster on WASM.
 */
export function folderDtype(files: ReadonlyMap<string, Blob>): 'fp32' | 'q8' | null {
  const has = (name: string) => files.has(`onnx/vision_model${name}.onnx`) && files.has(`onnx/text_model${name}.onnx`);
  if (has('_quantized')) return 'q8';
  if (has('')) return 'fp32';
  return null;
}

/** What a usable folder must hold beyond the weights. */
export const REQUIRED_FILES = ['config.json', 'preprocessor_config.json', 'tokenizer.json', 'tokenizer_config.json'] as const;

/** Files the folder lacks, named for the user (empty when it is usable). */
export function missingModelFiles(files: ReadonlyMap<string, Blob>): string[] {
  const missing: string[] = REQUIRED_FILES.filter((f) => !files.has(f));
  if (folderDtype(files) === null) missing.push('onnx/vision_model.onnx and onnx/text_model.onnx (or their _quantized versions)');
  return missing;
}
