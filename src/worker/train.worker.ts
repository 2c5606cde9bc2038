/**
 * The training worker: thin wiring from commands to the engine, and engine events to postMessage.
 * The only file of the training side that touches `self`. One run at a time: a new start stops
 * the previous run, which finishes (and frees its tensors) before the new one begins.
 */
/// <reference lib="webworker" />
import { createController, type RunController } from '../core/engine/controller';
import { runSession } from '../core/engine/session';
import { loadDataset, type DataIO } from '../core/data/registry';
import { findMethod, METHODS } from '../core/methods';
import { chooseBackend } from './backend';
import type { Dataset } from '../core/data/dataset';
import { subsampleImbalanced } from '../core/data/ingest/transforms';
import type { RunConfig, TrainCommand, TrainEvent } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

const post = (event: TrainEvent, transfer: Transferable[] = []): void => scope.postMessage(event, transfer);

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

/** The imbalance control: unlabeled data has no classes to thin out, so it is left as it is. */
function withRetention(d: Dataset, r: number, seed: number): Dataset {
  if (r >= 1 || !d.labels) return d;
  return subsampleImbalanced(d, r, seed);
}

let active: { runId: string; controller: RunController } | null = null;
let queue: Promise<void> = Promise.resolve();

async function run(runId: string, config: RunConfig, controller: RunController, data?: Dataset): Promise<void> {
  try {
    const method = findMethod(config.method);
    if (!method) {
      throw new Error(`unknown method '${config.method}'; known: ${METHODS.map((m) => m.id).join(', ')}`);
    }
    const choice = await chooseBackend(config.backend);
    post({ type: 'backend', runId, ...choice });
    const loaded = data ?? (await loadDataset(config.dataset, fetchIO, config.seed));
    const dataset = withRetention(loaded, config.retention, config.seed);
    await runSession({ runId, config, dataset, method, controller, emit: post });
  } catch (err) {
    post({ type: 'error', runId, message: err instanceof Error ? err.message : String(err) });
  }
}

function start(runId: string, config: RunConfig, data?: Dataset): void {
  active?.controller.stop();
  const controller = createController();
  active = { runId, controller };
  // A start that was superseded before its turn never begins.
  queue = queue.then(() => (controller.state === 'stopped' ? undefined : run(runId, config, controller, data)));
}

scope.onmessage = (ev: MessageEvent<TrainCommand>) => {
  const cmd = ev.data;
  if (cmd.type === 'start') {
    start(cmd.runId, cmd.config, cmd.data);
    return;
  }
  if (!active || active.runId !== cmd.runId) return;
  if (cmd.type === 'pause') active.controller.pause();
  else if (cmd.type === 'resume') active.controller.resume();
  else active.controller.stop();
};
