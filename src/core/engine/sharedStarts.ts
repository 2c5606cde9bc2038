/**
 * One shared start: a phase whose result depends only on the data, the seed, the backend and the
 * phase's own key (an autoencoder's pretraining) is computed once and its weights reused by
 * every run that declares the same key — at once by runs that train side by side (they join the
 * one job in flight), later from memory, and after a reload from a persistent store (IndexedDB
 * in the app, injected so core stays free of it).
 */
import type { Task } from './scheduler';

/** Where finished pretrainings are kept between page loads. Failures only cost a recomputation. */
export interface WeightStore {
  get(key: string): Promise<Float32Array[] | null>;
  put(key: string, weights: Float32Array[]): Promise<void>;
}

/** A shared computation in flight (see pretrainJob.ts). */
export interface SharedJob extends Task {
  /** Done: finished with weights, failed with an error, or cancelled (no run wanted it any more). */
  readonly settled: boolean;
  readonly weights: Float32Array[] | null;
}

export type Acquired = { cached: true; weights: Float32Array[] } | { cached: false; job: SharedJob };

export interface SharedStarts {
  /**
   * The weights under `key` when known (memory, then the store), else the job computing them:
   * the one in flight, or a new one from `start` (which the caller schedules). `start` gets the
   * callback the job must call once it settles.
   */
  acquire(key: string, start: (onSettled: () => void) => SharedJob): Promise<Acquired>;
}

/** Finished pretrainings kept in memory (each a few MB to a few tens of MB). */
const MEMORY_ENTRIES = 4;

export function createSharedStarts(store?: WeightStore): SharedStarts {
  const memory = new Map<string, Float32Array[]>();
  const jobs = new Map<string, SharedJob>();
  const lookups = new Map<string, Promise<Float32Array[] | null>>();

  const remember = (key: string, weights: Float32Array[]): void => {
    memory.delete(key);
    memory.set(key, weights);
    // Map keeps insertion order: the first key is the least recently stored.
    while (memory.size > MEMORY_ENTRIES) memory.delete(memory.keys().next().value as string);
  };

  const fromStore = (key: string): Promise<Float32Array[] | null> => {
    let pending = lookups.get(key);
    if (!pending) {
      // Runs asking at the same moment share one lookup (and then one job).
      pending = (store ? store.get(key) : Promise.resolve(null)).catch(() => null).finally(() => lookups.delete(key));
      lookups.set(key, pending);
    }
    return pending;
  };

  return {
    async acquire(key, start) {
      const running = jobs.get(key);
      if (running) return { cached: false, job: running };
      const known = memory.get(key);
      if (known) {
        remember(key, known);
        return { cached: true, weights: known };
      }
      const stored = await fromStore(key);
      if (stored) {
        remember(key, stored);
        return { cached: true, weights: stored };
      }
      // Another run may have started the job, or finished it, while the store was asked.
      const raced = jobs.get(key);
      if (raced) return { cached: false, job: raced };
      const late = memory.get(key);
      if (late) return { cached: true, weights: late };
      const job = start(() => {
        if (jobs.get(key) === job) jobs.delete(key);
        if (!job.weights) return;
        remember(key, job.weights);
        void store?.put(key, job.weights).catch(() => undefined);
      });
      jobs.set(key, job);
      return { cached: false, job };
    },
  };
}
