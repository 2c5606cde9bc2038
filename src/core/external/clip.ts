/**
 * CLIP ViT-B/32 (Radford et al., "Learning Transferable Visual Models From Natural Language
 * Supervision", ICML 2021) as a feature extractor with a text side: images and texts embedded in
 * one space, so a class name's embedding can stand for the images of that class.
 *
 * The model runs through transformers.js (`@huggingface/transformers`, the ONNX export
 * `Xenova/clip-vit-base-patch32`), imported only when a CLIP method runs — the library is its own
 * lazy chunk. Its files come from where the user allowed (AssetSource):
 *  - 'remote': the hub, only after the user's consent (≈ 150 MB of 8-bit weights), with progress;
 *    the browser's Cache API keeps them for the next visit;
 *  - 'local': a folder the user chose, answered from its Blobs through the library's custom-cache
 *    hook (see modelFolder.ts) — no network at all;
 *  - 'bundled': CLIP is not shipped with the app; a clear error says what to do instead.
 * Loaded models stay cached for the next run (one source at a time; a new source frees the old
 * once no run is using it).
 *
 * Preprocessing as CLIP's image processor, in tfjs and batched: resize the shortest edge to the
 * processor's size, centre-crop, normalise with its mean and std (grey images repeated to RGB).
 * Deviation: bilinear resizing where CLIP's processor uses bicubic (small images are upsampled
 * from 28 or 32 pixels to 224, where the two differ little).
 */
import * as tf from '@tensorflow/tfjs';
import { RunStopped } from '../engine/runStopped';
import { yieldNow } from '../engine/yieldNow';
import { CLIP_NOT_BUNDLED, ClipUnavailableError, clipLoadError } from './clipErrors';
import { CLIP_EXTRACTOR_ID, CLIP_HUB_MODEL } from './clipModel';
import { normaliseRowsInPlace } from './hostRows';
import { sourceIdentity } from './sourceIdentity';
import { folderCache, folderDtype, LOCAL_MODEL_ID, memoryCache, missingModelFiles, relativeModelFiles, type ModelFileCache } from './modelFolder';
import type { AssetSource, FeatureExtractor, ImageRows, ReportProgress, TextEncoder } from './types';

type Transformers = typeof import('@huggingface/transformers');
type HfTensor = import('@huggingface/transformers').Tensor;
type Model = import('@huggingface/transformers').PreTrainedModel;
type Tokenizer = import('@huggingface/transformers').PreTrainedTokenizer;

export { CLIP_EXTRACTOR_ID, CLIP_HUB_MODEL, CLIP_HUB_URL } from './clipModel';
/** ViT-B/32's projection width; a local folder's model may have another (see `dim`). */
const CLIP_DIM = 512;
/** Images per forward pass: ViT-B/32 at 224² on WASM takes ~50 MB of activations for 32. */
const IMAGE_BATCH = 32;
const TEXT_BATCH = 64;

/** Set by the runtime that hosts the app (the training worker): where the ONNX runtime's WASM files are served. */
export interface ClipRuntime {
  /** The app's own URLs of onnxruntime-web's `.mjs` loader and `.wasm` binary — never a CDN. */
  wasmPaths?: { mjs: string; wasm: string };
}

let runtime: ClipRuntime = {};
export function configureClipRuntime(r: ClipRuntime): void {
  runtime = r;
}

const inNode = typeof process !== 'undefined' && !!process.versions?.node;

let library: Promise<Transformers> | null = null;
/** Node only: files downloaded from the hub, for the process's life. */
let nodeDownloads: ModelFileCache | null = null;
let defaultFetch: Transformers['env']['fetch'] | null = null;

function loadLibrary(): Promise<Transformers> {
  library ??= import('@huggingface/transformers')
    .then((lib) => {
      defaultFetch = lib.env.fetch;
      const wasm = lib.env.backends.onnx?.wasm as { wasmPaths?: unknown } | undefined;
      // In a browser the library would fetch the runtime from a CDN: point it at the app's copies.
      if (!inNode) {
        if (!runtime.wasmPaths) throw new Error('CLIP: the app did not say where the ONNX runtime files are (configureClipRuntime)');
        if (wasm) wasm.wasmPaths = { ...runtime.wasmPaths };
      }
      return lib;
    })
    .catch((err) => {
      library = null;
      throw err;
    });
  return library;
}

interface Configured {
  modelId: string;
  dtype: 'fp32' | 'q8';
}

/** Point the library's (global) settings at one source; loads are sequential, so this is safe. */
function configure(lib: Transformers, source: AssetSource): Configured {
  const env = lib.env;
  env.allowLocalModels = false;
  env.useFSCache = false;
  if (source.kind === 'remote') {
    env.allowRemoteModels = true;
    env.remoteHost = source.baseUrl.endsWith('/') ? source.baseUrl : `${source.baseUrl}/`;
    // A browser keeps the files in its Cache API; Node needs a cache to hand the bytes back at all.
    env.useCustomCache = inNode;
    env.customCache = inNode ? (nodeDownloads ??= memoryCache()) : null;
    env.useBrowserCache = !inNode && typeof caches !== 'undefined';
    if (defaultFetch) env.fetch = defaultFetch;
    return { modelId: CLIP_HUB_MODEL, dtype: 'q8' };
  }
  if (source.kind === 'local') {
    const files = relativeModelFiles(source.files);
    const missing = missingModelFiles(files);
    if (missing.length > 0) throw new ClipUnavailableError(`The chosen folder is not a CLIP model: it lacks ${missing.join(', ')}. Choose the folder of an ONNX CLIP export (e.g. ${CLIP_HUB_MODEL}).`);
    // The library needs remote loading switched on to ask its cache at all; the cache answers
    // from the folder and the fetch below refuses the network, so nothing leaves the machine.
    env.allowRemoteModels = true;
    env.remoteHost = 'https://local-folder.invalid/';
    env.useCustomCache = true;
    env.customCache = folderCache(files);
    env.useBrowserCache = false;
    env.fetch = async () => new Response(null, { status: 404, statusText: 'not in the chosen folder' });
    return { modelId: LOCAL_MODEL_ID, dtype: folderDtype(files)! };
  }
  throw new ClipUnavailableError(CLIP_NOT_BUNDLED);
}

/** The library's file progress, summed over files, as one report. */
function downloadProgress(report: ReportProgress, source: AssetSource, part: string): (info: unknown) => void {
  const files = new Map<string, { loaded: number; total: number }>();
  const verb = source.kind === 'remote' ? 'downloading CLIP' : 'reading CLIP';
  return (raw) => {
    const info = raw as { status?: string; file?: string; loaded?: number; total?: number };
    if (info.status !== 'progress' || !info.file) return;
    files.set(info.file, { loaded: info.loaded ?? 0, total: info.total ?? 0 });
    let loaded = 0;
    let total = 0;
    for (const f of files.values()) {
      loaded += f.loaded;
      total += f.total;
    }
    report(loaded, Math.max(total, loaded), `${verb} ${part} (${info.file})`);
  };
}

interface ImageSide {
  model: Model;
  /** Shortest edge after resizing (null: resize straight to the crop). */
  shortestEdge: number | null;
  crop: [number, number];
  mean: [number, number, number];
  std: [number, number, number];
}

interface TextSide {
  model: Model;
  tokenizer: Tokenizer;
}

interface Loaded {
  key: string;
  image?: Promise<ImageSide>;
  text?: Promise<TextSide>;
  /** Calls running on these models now; a replaced entry is freed when the last one ends. */
  users: number;
  replaced: boolean;
}

/** The models of the current source; those of an earlier source live on only while in use. */
let current: Loaded | null = null;
/** Projection width of the last model that ran (512 for ViT-B/32). */
let lastDim: number | null = null;


async function disposeEntry(entry: Loaded): Promise<void> {
  const sides = await Promise.allSettled([entry.image, entry.text]);
  for (const s of sides) if (s.status === 'fulfilled' && s.value) await s.value.model.dispose().catch(() => {});
}

function retire(entry: Loaded): void {
  entry.replaced = true;
  if (current === entry) current = null;
  if (entry.users === 0) void disposeEntry(entry);
}

/**
 * Runs `use` on the models of `source` (one at a time are kept: a new source replaces the old,
 * whose sessions are freed once no run is using them any more).
 */
async function withModels<T>(source: AssetSource, use: (entry: Loaded) => Promise<T>): Promise<T> {
  const key = sourceIdentity(source);
  if (current?.key !== key) {
    if (current) retire(current);
    current = { key, users: 0, replaced: false };
  }
  const entry = current;
  entry.users++;
  try {
    return await use(entry);
  } finally {
    entry.users--;
    if (entry.replaced && entry.users === 0) void disposeEntry(entry);
  }
}

/** Free the loaded CLIP sessions (the worker's teardown, and tests). */
export async function disposeClipModels(): Promise<void> {
  const old = current;
  current = null;
  if (old) {
    old.replaced = true;
    if (old.users === 0) await disposeEntry(old);
  }
}

function triple(v: unknown, fallback: number): [number, number, number] {
  const a = Array.isArray(v) ? v.map(Number) : typeof v === 'number' ? [v, v, v] : [fallback, fallback, fallback];
  return [a[0], a[1] ?? a[0], a[2] ?? a[0]];
}

function sizeOf(v: unknown): { edge: number | null; hw: [number, number] | null } {
  if (typeof v === 'number') return { edge: v, hw: [v, v] };
  const o = (v ?? {}) as { shortest_edge?: number; height?: number; width?: number };
  return { edge: o.shortest_edge ?? null, hw: o.height && o.width ? [o.height, o.width] : null };
}

async function loadImageSide(lib: Transformers, source: AssetSource, report: ReportProgress): Promise<ImageSide> {
  const { modelId, dtype } = configure(lib, source);
  const progress_callback = downloadProgress(report, source, 'image encoder');
  const processor = (await lib.AutoImageProcessor.from_pretrained(modelId, { progress_callback })) as unknown as Record<string, unknown>;
  const model = await lib.CLIPVisionModelWithProjection.from_pretrained(modelId, { dtype, progress_callback });
  const size = sizeOf(processor.size);
  const crop = sizeOf(processor.crop_size).hw ?? size.hw ?? [224, 224];
  return {
    model,
    shortestEdge: processor.do_center_crop === false ? null : size.edge,
    crop,
    mean: triple(processor.image_mean, 0),
    std: triple(processor.image_std, 1),
  };
}

async function loadTextSide(lib: Transformers, source: AssetSource, report: ReportProgress): Promise<TextSide> {
  const { modelId, dtype } = configure(lib, source);
  const progress_callback = downloadProgress(report, source, 'text encoder');
  const tokenizer = await lib.AutoTokenizer.from_pretrained(modelId, { progress_callback });
  const model = await lib.CLIPTextModelWithProjection.from_pretrained(modelId, { dtype, progress_callback });
  return { model, tokenizer };
}

/** One side of the model in `entry`, loaded once; a failed load is not cached. */
function side<K extends 'image' | 'text'>(which: K, entry: Loaded, source: AssetSource, report: ReportProgress): NonNullable<Loaded[K]> {
  if (!entry[which]) {
    const pending = (async () => {
      try {
        const lib = await loadLibrary();
        return which === 'image' ? await loadImageSide(lib, source, report) : await loadTextSide(lib, source, report);
      } catch (err) {
        throw err instanceof RunStopped ? err : clipLoadError(err, source);
      }
    })();
    entry[which] = pending as Loaded[K];
    pending.catch(() => {
      if (entry[which] === pending) entry[which] = undefined;
    });
  }
  return entry[which] as NonNullable<Loaded[K]>;
}

/** Rows of `images` → CLIP's pixel tensor (b × 3 × H × W), channels first, normalised. */
function pixelValues(images: ImageRows, start: number, size: number, s: ImageSide): tf.Tensor4D {
  return tf.tidy(() => {
    const rows = tf.slice(images.x, [start, 0], [size, -1]);
    let img = tf.reshape(rows, [size, images.height, images.width, images.channels]) as tf.Tensor4D;
    if (images.channels === 1) img = tf.tile(img, [1, 1, 1, 3]);
    const [ch, cw] = s.crop;
    if (s.shortestEdge !== null) {
      const scale = s.shortestEdge / Math.min(images.height, images.width);
      const h = Math.max(ch, Math.round(images.height * scale));
      const w = Math.max(cw, Math.round(images.width * scale));
      img = tf.image.resizeBilinear(img, [h, w], false, true);
      img = tf.slice(img, [0, Math.floor((h - ch) / 2), Math.floor((w - cw) / 2), 0], [size, ch, cw, 3]);
    } else {
      img = tf.image.resizeBilinear(img, [ch, cw], false, true);
    }
    const normalised = tf.div(tf.sub(img, tf.tensor1d(s.mean)), tf.tensor1d(s.std));
    return tf.transpose(normalised, [0, 3, 1, 2]) as tf.Tensor4D;
  });
}

async function extract(images: ImageRows, report: ReportProgress, source: AssetSource): Promise<Float32Array> {
  if (source.kind === 'bundled') throw new ClipUnavailableError(CLIP_NOT_BUNDLED);
  return withModels(source, async (entry) => {
    const s = await side('image', entry, source, report);
    const lib = await loadLibrary();
    let out: Float32Array | null = null;
    let dim = 0;
    report(0, images.n, 'CLIP image features');
    for (let start = 0; start < images.n; start += IMAGE_BATCH) {
      const size = Math.min(IMAGE_BATCH, images.n - start);
      const pixels = pixelValues(images, start, size, s);
      const data = (await pixels.data()) as Float32Array;
      const shape = pixels.shape;
      pixels.dispose();
      const input = new lib.Tensor('float32', data, shape);
      const outputs = (await s.model({ pixel_values: input }).finally(() => input.dispose())) as Record<string, HfTensor>;
      const embeds = outputs.image_embeds;
      if (embeds) {
        dim = embeds.dims[1];
        out ??= new Float32Array(images.n * dim);
        out.set(embeds.data as Float32Array, start * dim);
      }
      for (const t of Object.values(outputs)) t.dispose();
      if (!embeds) throw new Error(`CLIP's image model gave no image_embeds (it gave ${Object.keys(outputs).join(', ')}): is it a CLIPVisionModelWithProjection export?`);
      report(start + size, images.n, 'CLIP image features');
      // A macrotask per batch, so stop, pause and the other runs are heard during a long extraction.
      await yieldNow();
    }
    lastDim = dim;
    return normaliseRowsInPlace(out ?? new Float32Array(0), dim || CLIP_DIM);
  });
}

async function textEncoder(report: ReportProgress, source: AssetSource): Promise<TextEncoder> {
  if (source.kind === 'bundled') throw new ClipUnavailableError(CLIP_NOT_BUNDLED);
  await withModels(source, (entry) => side('text', entry, source, report));
  return {
    id: `${CLIP_EXTRACTOR_ID}/text`,
    // Looked up per call: a later run with another source may have replaced the models.
    embed: (texts) =>
      withModels(source, async (entry) => {
        const { model, tokenizer } = await side('text', entry, source, report);
        const parts: Float32Array[] = [];
        let dim = 0;
        for (let start = 0; start < texts.length; start += TEXT_BATCH) {
          const inputs = tokenizer(texts.slice(start, start + TEXT_BATCH) as string[], { padding: true, truncation: true }) as Record<string, HfTensor>;
          const outputs = (await model(inputs).finally(() => Object.values(inputs).forEach((t) => t.dispose()))) as Record<string, HfTensor>;
          const embeds = outputs.text_embeds;
          if (embeds) {
            dim = embeds.dims[1];
            parts.push(Float32Array.from(embeds.data as Float32Array));
          }
          for (const t of Object.values(outputs)) t.dispose();
          if (!embeds) throw new Error(`CLIP's text model gave no text_embeds (it gave ${Object.keys(outputs).join(', ')}): is it a CLIPTextModelWithProjection export?`);
        }
        const out = new Float32Array(texts.length * dim);
        let at = 0;
        for (const p of parts) {
          out.set(p, at);
          at += p.length;
        }
        return normaliseRowsInPlace(out, dim || CLIP_DIM);
      }),
  };
}

export const clipVitB32: FeatureExtractor = {
  id: CLIP_EXTRACTOR_ID,
  name: 'CLIP ViT-B/32',
  provenance: 'OpenAI’s CLIP (Radford et al., 2021), trained on 400 million image–text pairs from the web; ONNX export by Xenova on huggingface.co.',
  // The width of the model that ran last: 512 for ViT-B/32, another for a different local model.
  get dim() {
    return lastDim ?? CLIP_DIM;
  },
  usesSource: true,
  extract,
  textEncoder,
};
