/**
 * reproduce.html: headless runs of the real training worker, driven by the query string
 * (?method=dec&dataset=mnist-10k&seed=0&budget=quick&backend=auto&param=key=value…, or
 * ?compare=dec,dcn,idec&… for several methods side by side in one worker, sharing their
 * pretraining as the app does), reported through `window.__reproduce` for scripts/reproduce.mjs.
 * Progress goes to the console.
 */
import { DATASETS, findDataset } from '../core/data/registry';
import { SILHOUETTE_POINTS } from '../core/engine/internalMetrics';
import { findMethod, METHODS } from '../core/methods';
import type { Params, ParamValue } from '../core/methods/types';
import type { BackendPreference, RunConfig, TrainEvent } from '../core/engine/types';
import type { DecodeCommand, DecodeEvent, DroppedFile, TrainCommand } from '../worker/protocol';
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

/** The comparison as a whole: wall time from the first start to the last end, and the shared pretraining's part of it. */
export interface CompareSummary {
  compare: { method: string; acc: number | null; nmi: number | null; ari: number | null; seconds: number }[];
  seconds: number;
  pretrainSeconds: number;
}

type ReproduceState =
  | { status: 'running' }
  | { status: 'done'; results: ReproduceResult[]; summary: CompareSummary | null }
  | { status: 'error'; error: string }
  | { status: 'bad-args'; error: string; methods: string[]; datasets: string[] };

const g = window as unknown as { __reproduce: ReproduceState };
g.__reproduce = { status: 'running' };
const LOG_EVERY_MS = 5000;
/**
 * Snapshots (a forward pass over every point, then the metrics) are the only way to see ACC before
 * the end, but each may cost up to a fifth of the compute (pacing.ts); the app pays that to show the
 * scatter live, a headless timing should not. By default one every 30 s (`snapshotEvery`, seconds):
 * a curve in the log for a few per cent of MNIST-10k's time.
 */
const SNAPSHOT_EVERY_S = 30;

function parseValue(v: string): ParamValue {
  if (v === 'true' || v === 'false') return v === 'true';
  const n = Number(v);
  return v.trim() !== '' && Number.isFinite(n) ? n : v;
}

/** One config per method (`compare` lists several, `method` names one). */
function configsFromQuery(q: URLSearchParams): RunConfig[] | string {
  const methods = q.get('compare')?.split(',').filter(Boolean) ?? [q.get('method') ?? ''];
  if (methods.length > 4) return `--compare takes at most 4 methods, got ${methods.length}`;
  const configs: RunConfig[] = [];
  for (const method of methods) {
    const c = configFromQuery(q, method);
    if (typeof c === 'string') return c;
    configs.push(c);
  }
  if (methods.length > 1) {
    // A --param applies to the runs whose method has it (pretrainEpochs to every autoencoder method).
    for (const key of new Set(configs.flatMap((c) => Object.keys(c.params)))) {
      if (!configs.some((c) => findMethod(c.method)!.params.some((p) => p.key === key))) return `--param ${key}: none of ${methods.join(', ')} has it`;
    }
    for (const c of configs) {
      const own = new Set(findMethod(c.method)!.params.map((p) => p.key));
      c.params = Object.fromEntries(Object.entries(c.params).filter(([key]) => own.has(key)));
    }
  }
  return configs;
}

function configFromQuery(q: URLSearchParams, method: string): RunConfig | string {
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
    // Only the metrics matter here: a sample as large as the silhouette uses, and few snapshots.
    retention: Number(q.get('retention') ?? 1),
    sampleSize: SILHOUETTE_POINTS,
    snapshotEveryMs: 1000 * Number(q.get('snapshotEvery') ?? SNAPSHOT_EVERY_S),
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

/** What one run reported, folded from its events. */
interface Tracked {
  config: RunConfig;
  backend: string;
  speedSum: number;
  speedCount: number;
  /** Share of a pretraining trained once for `sharedBy` runs, in seconds. */
  pretrainShare: number;
  result: ReproduceResult | null;
  error: string | null;
}

function track(t: Tracked, e: TrainEvent, name: string, dataName: string): void {
  const tag = `[${name}] `;
  switch (e.type) {
    case 'backend':
      t.backend = e.backend;
      console.log(`${tag}backend: ${e.reason}${e.notices.length ? ` (${e.notices.join('; ')})` : ''}`);
      break;
    case 'ready':
      console.log(`${tag}dataset ${e.dataset.id}: ${e.dataset.n} × ${e.dataset.dim}, k = ${e.k}`);
      break;
    case 'shared-start':
      if (!e.cached) t.pretrainShare = e.seconds / Math.max(1, e.sharedBy);
      console.log(`${tag}pretraining ${e.cached ? 'from the cache' : `shared by ${e.sharedBy} run(s), ${e.seconds.toFixed(1)} s`}`);
      break;
    case 'progress':
      if (e.samplesPerSec > 0) {
        t.speedSum += e.samplesPerSec;
        t.speedCount++;
      }
      if (performance.now() - lastLog >= LOG_EVERY_MS || (e.step === 0 && !e.work)) {
        lastLog = performance.now();
        const pct = e.work ? ` — ${e.work.label} ${e.work.done}/${e.work.total}` : e.steps > 0 ? ` ${e.step}/${e.steps}` : '';
        console.log(`${tag}[${(e.elapsedMs / 1000).toFixed(0)} s] ${e.phaseLabel}${pct} epoch ${e.epoch}, ${Math.round(e.samplesPerSec)} samples/s`);
      }
      break;
    case 'snapshot': {
      const m = e.snapshot.metrics;
      if (m) console.log(`${tag}  step ${e.snapshot.step}: ACC ${m.acc.toFixed(4)} NMI ${m.nmi.toFixed(4)} ARI ${m.ari.toFixed(4)}`);
      break;
    }
    case 'warning':
      console.log(`${tag}warning: ${e.message}`);
      break;
    case 'error':
      t.error = e.message;
      break;
    case 'done': {
      const m = e.final?.metrics ?? null;
      const q = e.final?.internal ?? null;
      t.result = {
        method: t.config.method,
        dataset: dataName,
        seed: t.config.seed,
        budget: t.config.budget,
        backend: t.backend,
        acc: m?.acc ?? null,
        nmi: m?.nmi ?? null,
        ari: m?.ari ?? null,
        silhouette: q?.silhouette ?? null,
        daviesBouldin: q?.daviesBouldin ?? null,
        calinskiHarabasz: q?.calinskiHarabasz ?? null,
        seconds: Math.round(e.seconds * 10) / 10,
        samplesPerSec: t.speedCount ? Math.round(t.speedSum / t.speedCount) : 0,
      };
      break;
    }
    default:
      break;
  }
}

let lastLog = 0;

async function main(): Promise<void> {
  const query = new URLSearchParams(location.search);
  if (query.get('data') === '1') query.set('dataset', USER_DATASET_ID);
  const configs = configsFromQuery(query);
  if (typeof configs === 'string') {
    g.__reproduce = { status: 'bad-args', error: configs, methods: METHODS.map((m) => m.id), datasets: DATASETS.map((d) => d.id) };
    return;
  }
  const comparing = query.has('compare');
  const dataName = query.get('dataName') ?? configs[0].dataset;
  const worker = new Worker(new URL('../worker/train.worker.ts', import.meta.url), { type: 'module' });
  const runs = new Map<string, Tracked>(configs.map((config, i) => [`run-${i + 1}`, { config, backend: '', speedSum: 0, speedCount: 0, pretrainShare: 0, result: null, error: null }]));
  const t0 = performance.now();
  const finish = (state: ReproduceState): void => {
    g.__reproduce = state;
    worker.terminate();
  };
  worker.onerror = (ev) => finish({ status: 'error', error: ev.message || 'the training worker failed to load' });
  worker.onmessage = (ev: MessageEvent<TrainEvent>) => {
    const t = runs.get(ev.data.runId);
    if (!t) return;
    track(t, ev.data, comparing ? t.config.method : 'run', dataName);
    const all = [...runs.values()];
    const failed = all.find((r) => r.error);
    if (failed) return finish({ status: 'error', error: comparing ? `${failed.config.method}: ${failed.error}` : failed.error! });
    if (!all.every((r) => r.result)) return;
    const results = all.map((r) => r.result!);
    const summary: CompareSummary | null = comparing
      ? {
          compare: results.map((r) => ({ method: r.method, acc: r.acc, nmi: r.nmi, ari: r.ari, seconds: r.seconds })),
          seconds: Math.round((performance.now() - t0) / 100) / 10,
          pretrainSeconds: Math.round(all.reduce((sum, r) => sum + r.pretrainShare, 0) * 10) / 10,
        }
      : null;
    finish({ status: 'done', results, summary });
  };
  let dataset: Dataset | undefined;
  if (configs[0].dataset === USER_DATASET_ID) {
    try {
      dataset = await loadUserData();
    } catch (err) {
      finish({ status: 'error', error: err instanceof Error ? err.message : String(err) });
      return;
    }
  }
  for (const [runId, t] of runs) {
    // The dropped data travels with the first start; the others reuse the worker's copy.
    const data = dataset ? { version: 1, dataset: runId === 'run-1' ? dataset : undefined } : undefined;
    const cmd: TrainCommand = { type: 'start', runId, config: t.config, data };
    worker.postMessage(cmd);
  }
}

void main();
