/**
 * Everything the UI can do, as plain functions outside components (zustand's recommended shape).
 * Components call these; only these write settings or talk to the worker client.
 */
import { forgetRun, pauseRun, resumeRun, startRun, stopRun } from '../worker/client';
import { getUserDataset, whenUserDataLoaded } from '../worker/decodeClient';
import { USER_DATASET_ID } from './userData';
import { CATALOG } from './catalog';
import { applyControl } from './controls';
import { parseConfig, serializeConfig, toRunConfig } from './params';
import { IDLE_RUN, isActive, startedRun } from './run';
import { resetRunView } from './scatterActions';
import { store, type ColorBy } from './store';
import { writeHash } from './url';

let runCounter = 0;

function newRunId(): string {
  runCounter++;
  return `${Date.now().toString(36)}-${runCounter}`;
}

/** Loads the settings from a link; problems become visible messages, never exceptions. */
export function loadFromHash(hash: string): void {
  const { config, errors } = parseConfig(hash, CATALOG);
  store.setState({ settings: config, settingsErrors: errors });
}

/** Keeps the link in step with the settings (only non-default values). */
export function syncHash(): void {
  writeHash(serializeConfig(store.getState().settings, CATALOG));
}

export function start(): void {
  const { settings, run } = store.getState();
  if (isActive(run.status)) return;
  const data = settings.dataset === USER_DATASET_ID ? getUserDataset() : undefined;
  if (data === null) {
    store.setState({ userData: { ...store.getState().userData, error: 'No data of yours is loaded yet: drop images, a folder, a .zip or dataset files on the page (or use “Open files”), then press Train.' } });
    return;
  }
  const runId = newRunId();
  resetRunView();
  store.setState({ run: startedRun(runId, settings) });
  startRun(runId, toRunConfig(settings), run.runId, data);
}

export function pause(): void {
  const { run } = store.getState();
  if (run.runId && run.status === 'running') pauseRun(run.runId);
}

export function resume(): void {
  const { run } = store.getState();
  if (run.runId && run.status === 'paused') resumeRun(run.runId);
}

export function stop(): void {
  const { run } = store.getState();
  if (run.runId && isActive(run.status)) stopRun(run.runId);
}

/** Back to a blank page; a run still going is stopped, and its late events are ignored. */
export function reset(): void {
  const { run } = store.getState();
  if (run.runId && isActive(run.status)) stopRun(run.runId);
  forgetRun(run.runId);
  resetRunView();
  store.setState({ run: IDLE_RUN });
}

/**
 * Sets one parameter from a control's raw value ('' = default). Returns the reason when the value
 * is invalid (the settings stay as they were). Settings apply to the next run.
 */
export function setParam(section: 'global' | 'method', key: string, raw: string): string | null {
  const r = applyControl(store.getState().settings, CATALOG, section, key, raw);
  if (r.error) return r.error;
  store.setState({ settings: r.settings });
  syncHash();
  return null;
}

export function randomSeed(): void {
  // UI-only randomness: the drawn seed is shown and put in the link, so the run stays reproducible.
  setParam('global', 'seed', String(Math.floor(Math.random() * 1_000_000)));
}

export function setColorBy(colorBy: ColorBy): void {
  store.setState({ colorBy });
}

export function dismissSettingsErrors(): void {
  store.setState({ settingsErrors: [] });
}

// A successful drop selects the dropped data for the next run (k back to its number of classes).
whenUserDataLoaded(() => {
  const { settings } = store.getState();
  if (settings.dataset !== USER_DATASET_ID) setParam('global', 'dataset', USER_DATASET_ID);
});
