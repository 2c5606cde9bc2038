/**
 * The main-thread side of the decode worker: sends dropped files, folds its events into the
 * store's userData, and keeps the decoded Dataset (the numbers stay out of the store) so every
 * run on "your data" can be handed a copy. A failed drop changes nothing but the message.
 */
import type { Dataset } from '../core/data/dataset';
import { datasetInfo } from '../core/engine/sample';
import type { PreprocessOptions } from '../core/data/ingest/types';
import type { DatasetInfo } from '../core/engine/types';
import { focusedRun, store } from '../state/store';
import type { UserDataState } from '../state/userData';
import type { DecodeCommand, DecodeEvent, DroppedFile } from './protocol';

let worker: Worker | null = null;
let jobCounter = 0;
/** Only the newest job's events count: a second drop supersedes the first. */
let currentJob = 0;
let userDataset: Dataset | null = null;
/** Bumped by every dataset a drop or a reprocessing produces: runs name the data by it. */
let userVersion = 0;
const sourceRequests = new Map<number, (bytes: (Uint8Array | null)[]) => void>();

function setUserData(patch: Partial<UserDataState>): void {
  store.setState((s) => ({ userData: { ...s.userData, ...patch } }));
}

/** Called with the decoded set, so actions can select it (kept apart to avoid an import cycle). */
let onLoaded: (info: DatasetInfo) => void = () => {};

export function whenUserDataLoaded(fn: (info: DatasetInfo) => void): void {
  onLoaded = fn;
}

function onEvent(ev: DecodeEvent): void {
  if (ev.type === 'sources') {
    sourceRequests.get(ev.jobId)?.(ev.bytes);
    sourceRequests.delete(ev.jobId);
    return;
  }
  if (ev.jobId !== currentJob) return;
  if (ev.type === 'progress') {
    setUserData({ progress: { stage: ev.stage, done: ev.done, total: ev.total } });
  } else if (ev.type === 'dataset') {
    userDataset = ev.dataset;
    userVersion++;
    const info = datasetInfo(ev.dataset);
    setUserData({
      status: 'ready',
      progress: null,
      info,
      paths: ev.paths,
      problems: ev.problems,
      notices: ev.notices,
      preview: ev.preview,
      error: null,
      fresh: true,
    });
    onLoaded(info);
  } else {
    // The previous dataset (if any) stays loaded and selected.
    setUserData({ status: userDataset ? 'ready' : 'error', progress: null, problems: ev.problems, notices: [], error: ev.message });
  }
}

function getWorker(): Worker {
  if (!worker) {
    const w = new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module', name: 'decode' });
    w.onmessage = (e: MessageEvent<DecodeEvent>) => onEvent(e.data);
    w.onerror = (e) => {
      e.preventDefault();
      worker?.terminate();
      worker = null;
      setUserData({ status: userDataset ? 'ready' : 'error', progress: null, error: `Reading the files failed: ${e.message || 'the decode worker stopped'}` });
    };
    worker = w;
  }
  return worker;
}

function send(cmd: DecodeCommand): void {
  getWorker().postMessage(cmd);
}

export function ingestFiles(files: DroppedFile[], preprocess: PreprocessOptions): void {
  currentJob = ++jobCounter;
  setUserData({ status: 'loading', progress: { stage: 'Reading files', done: 0, total: files.length }, error: null, problems: [], notices: [] });
  send({ type: 'ingest', jobId: currentJob, files, preprocess });
}

/** Decodes the last drop again with other preprocessing (nothing to do before a drop). */
export function reprocessFiles(preprocess: PreprocessOptions): void {
  setUserData({ preprocess });
  if (!userDataset) return;
  currentJob = ++jobCounter;
  setUserData({ status: 'loading', progress: { stage: 'Preprocessing', done: 0, total: userDataset.n }, error: null });
  send({ type: 'reprocess', jobId: currentJob, preprocess });
}

/** The dropped dataset and its version, or null before a drop loaded. */
export function getUserData(): { version: number; dataset: Dataset } | null {
  return userDataset ? { version: userVersion, dataset: userDataset } : null;
}

/** The original bytes of the given rows (null where a row has no file of its own, e.g. an IDX row). */
export function userSourceBytes(rows: Int32Array): Promise<(Uint8Array | null)[]> {
  const jobId = ++jobCounter;
  return new Promise((resolve) => {
    sourceRequests.set(jobId, resolve);
    send({ type: 'sources', jobId, rows });
  });
}

/**
 * The original file of one row, for the zip export; null for built-in datasets and table rows
 * (the export then writes the row's thumbnail instead).
 */
export async function userRowBytes(row: number): Promise<Uint8Array | null> {
  if (!userDataset || focusedRun(store.getState()).ready?.dataset.id !== userDataset.id) return null;
  const [bytes] = await userSourceBytes(Int32Array.of(row));
  return bytes;
}
