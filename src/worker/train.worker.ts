/**
 * The training worker: thin wiring from commands to the engine, and engine events to postMessage.
 * The only file of the training side that touches `self`. It hosts every run of the page on one
 * backend: one scheduler interleaves their steps fairly, runs on the same data share one device
 * copy of it (dataHub.ts), and runs with the same pretraining share one (sharedStarts, cached in
 * IndexedDB).
 */
/// <reference lib="webworker" />
import { drawAugmentedPairs } from '../core/augment/augmentedPairs';
import type { DataIO } from '../core/data/registry';
import { createScheduler } from '../core/engine/scheduler';
import { createSession, type Session } from '../core/engine/session';
import { createSharedStarts } from '../core/engine/sharedStarts';
import type { BackendPreference } from '../core/engine/types';
import { datasetKey } from '../core/data/datasetKey';
import { createExternalKnowledge, createFeatureCache } from '../core/external/knowledge';
import { indexedDbFeatureStore } from '../core/storage/featureStore';
import { findMethod, METHODS } from '../core/methods';
import { chooseBackend, type BackendChoice } from './backend';
import { configureClipWasm } from './clipRuntime';
import { createDataHub } from './dataHub';
import type { TrainCommand, TrainWorkerEvent } from './protocol';
import { indexedDbWeightStore } from './weightStore';

const scope = self as unknown as DedicatedWorkerGlobalScope;
configureClipWasm(scope.location.href);

const post = (event: TrainWorkerEvent, transfer: Transferable[] = []): void => scope.postMessage(event, transfer);

/** Static assets are fetched relative to the app's base URL, as the page itself would. */
const fetchIO: DataIO = {
  async readBytes(relPath) {
    const url = new URL(import.meta.env.BASE_URL + relPath, scope.location.href);
    const res = await fetch(url);
    if (!res.ok) throw new Error(`could not load ${relPath}: HTTP ${res.status}`);
    return res.arrayBuffer();
  },
  async readUrl(url) {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`could not download ${url}: HTTP ${res.status}`);
    return res.arrayBuffer();
  },
};

const scheduler = createScheduler();
const sharedStarts = createSharedStarts(indexedDbWeightStore);
const hub = createDataHub(fetchIO);
/** Feature views of external-knowledge methods, per data and extractor: kept for every run of the page, and in IndexedDB. */
const featureCache = createFeatureCache(indexedDbFeatureStore);
/** Runs by id; `session` is null while its data and backend are being prepared. */
const runs = new Map<string, { session: Session | null; stopped: boolean }>();
let backend: { pref: BackendPreference; choice: BackendChoice } | null = null;
/** Starts are prepared one at a time, so the backend is chosen once and data loaded once. */
let queue: Promise<void> = Promise.resolve();

/** All runs share one backend: it is chosen by the first run, and changed only when none trains. */
async function backendFor(pref: BackendPreference): Promise<{ choice: BackendChoice; notices: string[] }> {
  if (backend && (backend.pref === pref || hub.busy)) {
    const notices = backend.pref === pref ? [] : [`Runs side by side share one backend: this one also uses ${backend.choice.backend}.`];
    return { choice: backend.choice, notices };
  }
  backend = { pref, choice: await chooseBackend(pref) };
  return { choice: backend.choice, notices: [] };
}

async function start(cmd: Extract<TrainCommand, { type: 'start' }>): Promise<void> {
  const { runId, config } = cmd;
  const entry = runs.get(runId)!;
  try {
    const method = findMethod(config.method);
    if (!method) throw new Error(`unknown method '${config.method}'; known: ${METHODS.map((m) => m.id).join(', ')}`);
    const { choice, notices } = await backendFor(config.backend);
    post({ type: 'backend', runId, backend: choice.backend, reason: choice.reason, notices: [...choice.notices, ...notices] });
    if (cmd.data?.dataset) hub.setUserData(cmd.data.version, cmd.data.dataset);
    const data = await hub.acquire(config, cmd.data?.version);
    if (entry.stopped) {
      data.release();
      post({ type: 'done', runId, reason: 'stopped', seconds: 0, final: null });
      runs.delete(runId);
      return;
    }
    const { dataset } = data;
    const external = createExternalKnowledge({
      // The content of the data, not its name: dropped files have no stable name across reloads.
      datasetKey: () => datasetKey(dataset),
      images: dataset.image ? { x: data.x, n: dataset.n, ...dataset.image } : null,
      source: cmd.modelSource ?? { kind: 'bundled' },
      classNames: config.classNames ?? [],
      cache: featureCache,
    });
    const session = createSession({
      runId,
      config,
      dataset,
      x: data.x,
      method,
      sharedStarts,
      external,
      emit: (event, transfer) => {
        post(event, transfer);
        if (event.type === 'done' || event.type === 'error') {
          data.release();
          runs.delete(runId);
        }
      },
    });
    entry.session = session;
    scheduler.add(session);
  } catch (err) {
    runs.delete(runId);
    post({ type: 'error', runId, message: err instanceof Error ? err.message : String(err) });
  }
}

/** The teaching view's augmented pairs: drawn on the runs' backend from the host copy of the data. */
async function augmentPairs(cmd: Extract<TrainCommand, { type: 'augment-pairs' }>): Promise<void> {
  const { requestId } = cmd;
  try {
    await backendFor(cmd.config.backend);
    if (cmd.data?.dataset) hub.setUserData(cmd.data.version, cmd.data.dataset);
    const pairs = await drawAugmentedPairs(await hub.host(cmd.config, cmd.data?.version), cmd.count, cmd.draw);
    const buffers = [pairs.rows, pairs.original, pairs.weak, pairs.strong].map((a) => a.buffer as ArrayBuffer);
    post({ type: 'augment-pairs', requestId, pairs }, buffers);
  } catch (err) {
    post({ type: 'augment-pairs', requestId, pairs: null, message: err instanceof Error ? err.message : String(err) });
  }
}

scope.onmessage = (ev: MessageEvent<TrainCommand>) => {
  const cmd = ev.data;
  if (cmd.type === 'augment-pairs') {
    queue = queue.then(() => augmentPairs(cmd));
    return;
  }
  if (cmd.type === 'start') {
    if (runs.has(cmd.runId)) return;
    runs.set(cmd.runId, { session: null, stopped: false });
    queue = queue.then(() => start(cmd));
    return;
  }
  const entry = runs.get(cmd.runId);
  if (!entry) return;
  if (cmd.type === 'stop') {
    entry.stopped = true;
    entry.session?.stop();
  } else if (cmd.type === 'pause') entry.session?.pause();
  else entry.session?.resume();
};
