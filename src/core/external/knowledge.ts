/**
 * The run's external knowledge (types.ts: ExternalKnowledge): feature views of its images from a
 * registered extractor, computed once per (data, extractor, model source) and kept — in memory
 * for the page's life, and in a persistent store (IndexedDB in the app) across reloads — so a
 * second method or a second run on the same data reads them instead of computing them again.
 * Runs that ask for the same view at the same time share one computation.
 */
import { extractorById } from './extractors';
import type { AssetSource, ExternalKnowledge, FeatureExtractor, ImageRows, ReportProgress, TextEncoder } from './types';

/** A computed feature view: n × dim, host memory. */
export interface FeatureView {
  features: Float32Array;
  dim: number;
}

/**
 * Where feature views outlive the page (injected: IndexedDB in the worker, nothing in Node).
 * Either call may fail (no IndexedDB, a full disk): that only means nothing is kept.
 */
export interface FeatureStore {
  get(key: string): Promise<FeatureView | null>;
  put(key: string, view: FeatureView): Promise<void>;
}

/** Feature views held in memory (at most MEMORY_ENTRIES: 10,000 × 1,280 floats is 51 MB each). */
const MEMORY_ENTRIES = 2;

/** One per worker: the memory cache, the store behind it, and the computations under way. */
export interface FeatureCache {
  /**
   * The view under `key`: from memory, else the store, else `compute` — run once for concurrent
   * callers, each of whom sees its progress.
   */
  get(key: string, compute: (report: ReportProgress) => Promise<FeatureView>, report: ReportProgress): Promise<FeatureView>;
}

export function createFeatureCache(store?: FeatureStore): FeatureCache {
  const memory = new Map<string, FeatureView>();
  const pending = new Map<string, { view: Promise<FeatureView>; listeners: Set<ReportProgress> }>();

  const remember = (key: string, view: FeatureView): void => {
    memory.delete(key);
    memory.set(key, view);
    // Map keeps insertion order: the first key is the least recently used.
    while (memory.size > MEMORY_ENTRIES) memory.delete(memory.keys().next().value as string);
  };

  const load = async (key: string, compute: (report: ReportProgress) => Promise<FeatureView>, report: ReportProgress): Promise<FeatureView> => {
    const stored = store ? await store.get(key).catch(() => null) : null;
    if (stored) return stored;
    const view = await compute(report);
    // Not awaited: the run goes on while the features are written.
    void store?.put(key, view).catch(() => undefined);
    return view;
  };

  return {
    get(key, compute, report) {
      const known = memory.get(key);
      if (known) {
        remember(key, known);
        return Promise.resolve(known);
      }
      let running = pending.get(key);
      if (!running) {
        const listeners = new Set<ReportProgress>();
        const fanOut: ReportProgress = (done, total, label) => listeners.forEach((l) => l(done, total, label));
        const view = load(key, compute, fanOut).then(
          (view) => {
            pending.delete(key);
            remember(key, view);
            return view;
          },
          (err: unknown) => {
            // A failure is not kept: the next run tries again.
            pending.delete(key);
            throw err;
          },
        );
        running = { view, listeners };
        pending.set(key, running);
      }
      const { listeners } = running;
      listeners.add(report);
      // A caller that is done waiting (its run stopped) no longer hears the progress.
      return running.view.finally(() => listeners.delete(report));
    },
  };
}

/** What the features depend on besides the data: where the model's files came from. */
export function sourceIdentity(source: AssetSource): string {
  if (source.kind === 'bundled') return 'bundled';
  if (source.kind === 'remote') return `remote ${source.baseUrl}`;
  const files = [...source.files].map(([name, blob]) => `${name}:${blob.size}`).sort();
  return `local ${files.join(',')}`;
}

/** Bumped when what is cached under a key changes (layout, not the extractor: its id carries that). */
const FEATURE_CACHE_VERSION = 1;

export function featureKey(datasetKey: string, extractorId: string, source: AssetSource): string {
  return [`features v${FEATURE_CACHE_VERSION}`, datasetKey, extractorId, sourceIdentity(source)].join(' | ');
}

export interface ExternalKnowledgeOptions {
  /**
   * Content key of the run's data (core/data/datasetKey.ts), so the same pixels find their
   * features again; a function where hashing the data should wait until a view is asked for.
   */
  datasetKey: string | (() => string);
  /** The run's rows as images; null when the data are not images (a feature view then says so). */
  images: ImageRows | null;
  source: AssetSource;
  classNames?: readonly string[];
  /** Shared by every run of the worker; a private one (memory only) without it. */
  cache?: FeatureCache;
  /** Where to look extractors up (default: the registry, extractors.ts); tests pass their own. */
  extractors?: (id: string) => FeatureExtractor | undefined;
}

export function createExternalKnowledge(o: ExternalKnowledgeOptions): ExternalKnowledge {
  const cache = o.cache ?? createFeatureCache();
  const find = o.extractors ?? extractorById;
  const extractor = (id: string): FeatureExtractor => {
    const e = find(id);
    if (!e) throw new Error(`no feature extractor '${id}' in this build of the app`);
    return e;
  };

  return {
    classNames: o.classNames ?? [],
    async featureView(extractorId: string, report: ReportProgress): Promise<FeatureView> {
      const e = extractor(extractorId);
      const images = o.images;
      if (!images) throw new Error(`${e.name} reads images, and these data are not images: choose an image dataset or drop photos`);
      const key = featureKey(typeof o.datasetKey === 'string' ? o.datasetKey : o.datasetKey(), e.id, o.source);
      const compute = async (fanOut: ReportProgress): Promise<FeatureView> => {
        const features = await e.extract(images, fanOut, o.source);
        if (features.length !== images.n * e.dim) {
          throw new Error(`${e.name} returned ${features.length} numbers for ${images.n} images of ${e.dim} features`);
        }
        return { features, dim: e.dim };
      };
      return cache.get(key, compute, report);
    },
    async textEncoder(extractorId: string, report: ReportProgress): Promise<TextEncoder> {
      const e = extractor(extractorId);
      if (!e.textEncoder) throw new Error(`${e.name} has no text encoder: text-guided methods need a vision-language model such as CLIP`);
      return e.textEncoder(report, o.source);
    },
  };
}
