/**
 * The run's external knowledge (types.ts: ExternalKnowledge): feature views of its images from a
 * registered extractor, computed once per (data, extractor, model source) and kept — in memory
 * for the page's life, and in a persistent store (IndexedDB in the app) across reloads — so a
 * second method or a second run on the same data reads them instead of computing them again.
 * Runs that ask for the same view at the same time share one computation.
 */
import * as tf from '@tensorflow/tfjs';
import { extractorById } from './extractors';
import { sourceIdentity } from './sourceIdentity';
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
        const fanOut: ReportProgress = (done, total, label) => [...listeners].forEach((l) => l(done, total, label));
        // Started a microtask later, so the caller's listener (added below) hears the first report.
        const view = Promise.resolve()
          .then(() => load(key, compute, fanOut))
          .then(
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
      const { view, listeners } = running;
      // A caller whose report throws (its run was stopped) stops waiting, with that error; the
      // computation goes on for the others and is kept for later runs.
      return new Promise<FeatureView>((resolve, reject) => {
        const listener: ReportProgress = (done, total, label) => {
          try {
            report(done, total, label);
          } catch (err) {
            listeners.delete(listener);
            reject(err);
          }
        };
        listeners.add(listener);
        view.then(resolve, reject).finally(() => listeners.delete(listener));
      });
    },
  };
}

/** Bumped when what is cached under a key changes (layout, not the extractor: its id carries that). */
const FEATURE_CACHE_VERSION = 1;

/** The source is part of the key only for an extractor whose features depend on it (not a bundled one). */
export function featureKey(datasetKey: string, extractor: Pick<FeatureExtractor, 'id' | 'usesSource'>, source: AssetSource): string {
  return [`features v${FEATURE_CACHE_VERSION}`, datasetKey, extractor.id, extractor.usesSource ? sourceIdentity(source) : 'bundled'].join(' | ');
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
      const key = featureKey(typeof o.datasetKey === 'string' ? o.datasetKey : o.datasetKey(), e, o.source);
      // A computation can outlive the run that started it (it goes on for the other runs waiting on
      // it), and a stopped run's data may be freed: the computation holds its own reference (a
      // clone shares the data, it does not copy it). Not used (cached, or another run's under way):
      // released when this caller is answered.
      const own = tf.clone(images.x);
      let state: 'unused' | 'computing' | 'released' = 'unused';
      const compute = async (fanOut: ReportProgress): Promise<FeatureView> => {
        if (state === 'released') throw new Error(`${e.name}: the run that asked for these features has ended`);
        state = 'computing';
        try {
          const features = await e.extract({ ...images, x: own }, fanOut, o.source);
          if (features.length !== images.n * e.dim) {
            throw new Error(`${e.name} returned ${features.length} numbers for ${images.n} images of ${e.dim} features`);
          }
          return { features, dim: e.dim };
        } finally {
          own.dispose();
        }
      };
      try {
        return await cache.get(key, compute, report);
      } finally {
        if (state === 'unused') {
          state = 'released';
          own.dispose();
        }
      }
    },
    async textEncoder(extractorId: string, report: ReportProgress): Promise<TextEncoder> {
      const e = extractor(extractorId);
      if (!e.textEncoder) throw new Error(`${e.name} has no text encoder: text-guided methods need a vision-language model such as CLIP`);
      return e.textEncoder(report, o.source);
    },
  };
}
