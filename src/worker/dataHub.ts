/**
 * The training worker's datasets: each loaded once and uploaded to the device once, shared by
 * every run on the same data (a comparison of four runs holds one copy, not four). Counted
 * references: the device copy is freed when the last run on it ends. The host copy of the most
 * recent dataset stays, so "train again" does not fetch and parse it again.
 */
import * as tf from '@tensorflow/tfjs';
import type { Dataset } from '../core/data/dataset';
import { subsampleImbalanced } from '../core/data/ingest/transforms';
import { loadDataset, type DataIO } from '../core/data/registry';
import type { RunConfig } from '../core/engine/types';

export interface HeldData {
  dataset: Dataset;
  /** n × dim on the device; owned by the hub. */
  x: tf.Tensor2D;
  release(): void;
}

interface Entry {
  dataset: Promise<Dataset>;
  x: tf.Tensor2D | null;
  refs: number;
}

/** The imbalance control: unlabeled data has no classes to thin out, so it is left as it is. */
function withRetention(d: Dataset, r: number, seed: number): Dataset {
  if (r >= 1 || !d.labels) return d;
  return subsampleImbalanced(d, r, seed);
}

export function createDataHub(io: DataIO) {
  const entries = new Map<string, Entry>();
  /** Dropped data by version; only the newest version is kept. */
  let user: { version: number; dataset: Dataset } | null = null;
  let lastHost: { key: string; dataset: Promise<Dataset> } | null = null;

  const keyOf = (c: RunConfig, version?: number): string =>
    `${c.dataset}${c.dataset === 'user' ? `#${version ?? -1}` : ''}|r ${c.retention}|seed ${c.seed}`;

  const load = async (c: RunConfig, version?: number): Promise<Dataset> => {
    if (c.dataset === 'user') {
      if (!user || user.version !== version) throw new Error('Your data is no longer loaded in the training worker: drop the files again.');
      return withRetention(user.dataset, c.retention, c.seed);
    }
    return withRetention(await loadDataset(c.dataset, io, c.seed), c.retention, c.seed);
  };

  return {
    /** Keeps a dropped dataset (it arrives with the first run that uses it). */
    setUserData(version: number, dataset: Dataset): void {
      if (!user || user.version !== version) user = { version, dataset };
    },

    async acquire(config: RunConfig, version?: number): Promise<HeldData> {
      const key = keyOf(config, version);
      let entry = entries.get(key);
      if (!entry) {
        const host = lastHost?.key === key ? lastHost.dataset : load(config, version);
        entry = { dataset: host, x: null, refs: 0 };
        entries.set(key, entry);
        lastHost = { key, dataset: host };
      }
      entry.refs++;
      const held = entry;
      let dataset: Dataset;
      try {
        dataset = await held.dataset;
      } catch (err) {
        if (--held.refs === 0) entries.delete(key);
        if (lastHost?.key === key) lastHost = null;
        throw err;
      }
      held.x ??= tf.tensor2d(dataset.x, [dataset.n, dataset.dim]);
      let released = false;
      return {
        dataset,
        x: held.x,
        release() {
          if (released) return;
          released = true;
          if (--held.refs > 0) return;
          held.x?.dispose();
          held.x = null;
          entries.delete(key);
        },
      };
    },

    /** The host copy of some data, without a device copy (for a look at its rows). */
    host(config: RunConfig, version?: number): Promise<Dataset> {
      const key = keyOf(config, version);
      const held = entries.get(key)?.dataset ?? (lastHost?.key === key ? lastHost.dataset : null);
      if (held) return held;
      const dataset = load(config, version);
      lastHost = { key, dataset };
      // A failed load is not kept.
      dataset.catch(() => {
        if (lastHost?.dataset === dataset) lastHost = null;
      });
      return dataset;
    },

    /** Runs are training on some data (the backend must not be switched under them). */
    get busy(): boolean {
      return entries.size > 0;
    },
  };
}
