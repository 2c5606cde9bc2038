/**
 * reproduce.html: one headless run of the real training worker, driven by the query string
 * (?method=dec&dataset=mnist-10k&seed=0&budget=quick&backend=auto&param=key=value…), reported
 * through `window.__reproduce` for scripts/reproduce.mjs. Progress goes to the console.
 */
import { DATASETS, findDataset } from '../core/data/registry';
import { SILHOUETTE_POINTS } from '../core/engine/internalMetrics';
import { findMethod, METHODS } from '../core/methods';
import type { Params, ParamValue } from '../core/methods/types';
import type { BackendPreference, DecodeCommand, DecodeEvent, DroppedFile, RunConfig, TrainCommand, TrainEvent } from '../worker/protocol';
import type { Dataset } from '../core/data/dataset';
import { DEFAULT_PREPROCESS } from '../core/data/ingest/types';
import { USER_DATASET_ID } from '../state/userData';

export interface ReproduceResult {
  method: string;
  dataset: string;
  seed: number;
  budget: string;
  backend: string;
  acc: number | null;
  nmi: number | null;
  ari: number | null;
  /** Label-free, on the final snapshot's sample of 1,000 points (see InternalMetrics). */
  silhouette: number | null;
  daviesBouldin: number | null;
  calinskiHarabasz: number | null;
  seconds: number;
  samplesPerSec: number;
}

type ReproduceState =
  | { status: 'running' }
  | { status: 'done'; result: ReproduceResult }
  | { status: 'error'; error: string }
  | { status: 'bad-args'; error: string; methods: string[]; datasets: string[] };

const g = window as unknown as { __reproduce: ReproduceState };
g.__reproduce = { status: 'running' };
const LOG_EVERY_MS = 5000;

function parseValue(v: string): ParamValue {
  if (v === 'true' || v === 'false') return v === 'true';
  const n = Number(v);
  return v.trim() !== '' && Number.isFinite(n) ? n : v;
}

function configFromQuery(q: URLSearchParams): RunConfig | string {
  const method = q.get('method') ?? '';
  const dataset = q.get('dataset') ?? '';
  if (!findMethod(method)) return `unknown method '${method}'`;
  if (dataset !== USER_DATASET_ID && !findDataset(dataset)) return `unknown dataset '${dataset}'`;
  const params: Params = {};
  for (const kv of q.getAll('param')) {
    const i = kv.indexOf('=');
    if (i <= 0) return `--param needs key=value, got '${kv}'`;
    params[kv.slice(0, i)] = parseValue(kv.slice(i + 1));
  }
  const k = q.get('k');
  return {
    method,
    dataset,
    seed: Number(q.get('seed') ?? 0),
    budget: q.get('budget') === 'paper' ? 'paper' : 'quick',
    backend: (q.get('backend') ?? 'auto') as BackendPreference,
    k: k ? Number(k) : null,
    params,
    // Only the metrics matter here: a sample as large as the silhouette uses, and snapshots no
    // more often than the log needs.
    retention: Number(q.get('retention') ?? 1),
    sampleSize: SILHOUETTE_POINTS,
    snapshotEveryMs: LOG_EVERY_MS,
  };
}

/**
 * --data: the files scripts/reproduce.mjs serves under /__user-data/<i> (manifest in
 * window.__userDataManifest) go through the app's own decode worker, as a drop would.
 */
async function loadUserData(): Promise<Dataset> {
  const manifest = (window as unknown as { __userDataManifest: string[] }).__userDataManifest;
  const files: DroppedFile[] = [];
  for (let i = 0; i < manifest.length; i++) {
    const res = await fetch(`/__user-data/${i}`);
    files.push({ path: manifest[i], file: await res.blob() });
  }
  const worker = new Worker(new URL('../worker/decode.worker.ts', import.meta.url), { type: 'module' });
  try {
    return await new Promise<Dataset>((resolve, reject) => {
      let lastLog = 0;
      worker.onerror = (ev) => reject(new Error(ev.message || 'the decode worker failed to load'));
      worker.onmessage = (ev: MessageEvent<DecodeEvent>) => {
        const e = ev.data;
        if (e.type === 'progress' && performance.now() - lastLog > LOG_EVERY_MS) {
          lastLog = performance.now();
          console.log(`${e.stage} ${e.done}/${e.total}`);
        } else if (e.type === 'dataset') {
          for (const n of e.notices) console.log(`note: ${n}`);
          for (const p of e.problems) console.log(`skipped ${p.path}: ${p.message}`);
          resolve(e.dataset);
        } else if (e.type === 'failed') {
          for (const p of e.problems) console.log(`skipped ${p.path}: ${p.message}`);
          reject(new Error(e.message));
        }
      };
      const cmd: DecodeCommand = { type: 'ingest', jobId: 1, files, preprocess: DEFAULT_PREPROCESS };
      worker.postMessage(cmd);
    });
  } finally {
    worker.terminate();
  }
}

async function main(): Promise<void> {
  const query = new URLSearchParams(location.search);
  if (query.get('data') === '1') query.set('dataset', USER_DATASET_ID);
  const config = configFromQuery(query);
  if (typeof config === 'string') {
    g.__reproduce = {
      status: 'bad-args',
      error: config,
      methods: METHODS.map((m) => m.id),
      datasets: DATASETS.map((d) => d.id),
    };
    return;
  }
  const worker = new Worker(new URL('../worker/train.worker.ts', import.meta.url), { type: 'module' });
  const runId = 'reproduce';
  let backend = '';
  let lastLog = 0;
  // Training speed: mean of the progress windows that trained (phases like k-means have none).
  let speedSum = 0;
  let speedCount = 0;
  const finish = (state: ReproduceState): void => {
    g.__reproduce = state;
    worker.terminate();
  };
  worker.onerror = (ev) => finish({ status: 'error', error: ev.message || 'the training worker failed to load' });
  worker.onmessage = (ev: MessageEvent<TrainEvent>) => {
    const e = ev.data;
    switch (e.type) {
      case 'backend':
        backend = e.backend;
        console.log(`backend: ${e.reason}${e.notices.length ? ` (${e.notices.join('; ')})` : ''}`);
        break;
      case 'ready':
        console.log(`dataset ${e.dataset.id}: ${e.dataset.n} × ${e.dataset.dim}, k = ${e.k}`);
        break;
      case 'progress':
        if (e.samplesPerSec > 0) {
          speedSum += e.samplesPerSec;
          speedCount++;
        }
        if (performance.now() - lastLog >= LOG_EVERY_MS || e.step === 0) {
          lastLog = performance.now();
          const pct = e.steps > 0 ? ` ${e.step}/${e.steps}` : '';
          console.log(`[${(e.elapsedMs / 1000).toFixed(0)} s] ${e.phaseLabel}${pct} epoch ${e.epoch}, ${Math.round(e.samplesPerSec)} samples/s`);
        }
        break;
      case 'snapshot': {
        const m = e.snapshot.metrics;
        if (m) console.log(`  step ${e.snapshot.step}: ACC ${m.acc.toFixed(4)} NMI ${m.nmi.toFixed(4)} ARI ${m.ari.toFixed(4)}`);
        break;
      }
      case 'warning':
        console.log(`warning: ${e.message}`);
        break;
      case 'error':
        finish({ status: 'error', error: e.message });
        break;
      case 'done': {
        const m = e.final?.metrics ?? null;
        const q = e.final?.internal ?? null;
        finish({
          status: 'done',
          result: {
            method: config.method,
            dataset: new URLSearchParams(location.search).get('dataName') ?? config.dataset,
            seed: config.seed,
            budget: config.budget,
            backend,
            acc: m?.acc ?? null,
            nmi: m?.nmi ?? null,
            ari: m?.ari ?? null,
            silhouette: q?.silhouette ?? null,
            daviesBouldin: q?.daviesBouldin ?? null,
            calinskiHarabasz: q?.calinskiHarabasz ?? null,
            seconds: Math.round(e.seconds * 10) / 10,
            samplesPerSec: speedCount ? Math.round(speedSum / speedCount) : 0,
          },
        });
        break;
      }
      default:
        break;
    }
  };
  let data: Dataset | undefined;
  if (config.dataset === USER_DATASET_ID) {
    try {
      data = await loadUserData();
    } catch (err) {
      finish({ status: 'error', error: err instanceof Error ? err.message : String(err) });
      return;
    }
  }
  const cmd: TrainCommand = { type: 'start', runId, config, data };
  worker.postMessage(cmd);
}

void main();
