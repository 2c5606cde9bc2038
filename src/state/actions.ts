/**
 * Everything the UI can do with the runs and settings, as plain functions outside components
 * (zustand's recommended shape). Components call these; only these write settings or talk to
 * the worker client. The buttons act on every run of the comparison; the *One variants on one.
 */
import { forgetRun, pauseRun, resumeRun, startRun, stopRun } from '../worker/client';
import { getUserData, whenUserDataLoaded } from '../worker/decodeClient';
import { CATALOG } from './catalog';
import { parseComparison, serializeComparison } from './comparisonLink';
import { applyControl } from './controls';
import { parseClassNames, sharedOf, specOf, toRunConfig } from './params';
import { idleRun, isActive, startedRun, type RunState } from './run';
import { resetRunView } from './scatterActions';
import { focusedRun, settingsOf, store, type ColorBy } from './store';
import { colorFromHash, withColor } from './colorLink';
import { writeHash } from './url';
import { USER_DATASET_ID } from './userData';

let trainings = 0;

function setRun(run: RunState): void {
  store.setState((s) => ({ runs: { ...s.runs, [run.id]: run } }));
}

/** The runs in order. */
function allRuns(): RunState[] {
  const s = store.getState();
  return s.runOrder.map((id) => s.runs[id]);
}

/**
 * Loads the settings and the runs from a link; problems become visible messages, never
 * exceptions. Runs keep their place (and what they show) where the link still has one.
 */
export function loadFromHash(hash: string): void {
  const { colorBy, rest, error } = colorFromHash(hash);
  const { shared, specs, errors } = parseComparison(rest, CATALOG);
  if (error) errors.push(error);
  const s = store.getState();
  const runs: Record<string, RunState> = {};
  const order: string[] = [];
  specs.forEach((spec, i) => {
    let id = s.runOrder[i];
    for (let n = 1; !id; n++) if (!s.runOrder.includes(`run-${n}`) && !order.includes(`run-${n}`)) id = `run-${n}`;
    runs[id] = { ...(s.runs[id] ?? idleRun(id, spec)), spec };
    order.push(id);
  });
  for (const id of s.runOrder.slice(specs.length)) {
    const gone = s.runs[id];
    if (gone.runId && isActive(gone.status)) stopRun(gone.runId);
    forgetRun(gone.runId);
  }
  const focused = order.includes(s.focusedRunId) ? s.focusedRunId : order[0];
  store.setState({ settings: shared, settingsErrors: errors, runs, runOrder: order, focusedRunId: focused, colorBy });
}

/** Keeps the link in step with the settings (only non-default values). */
export function syncHash(): void {
  const s = store.getState();
  const body = serializeComparison(s.settings, s.runOrder.map((id) => s.runs[id].spec), CATALOG);
  writeHash(withColor(body, s.colorBy));
}

/** Trains one run with the current settings (again, if it ran before). */
export function startOne(id: string): void {
  const s = store.getState();
  const run = s.runs[id];
  if (!run || isActive(run.status)) return;
  let user: ReturnType<typeof getUserData> = null;
  if (s.settings.dataset === USER_DATASET_ID) {
    user = getUserData();
    if (!user) {
      store.setState({ userData: { ...s.userData, error: 'No data of yours is loaded yet: drop images, a folder, a .zip or dataset files on the page (or use “Open files”), then press Train.' } });
      return;
    }
  }
  const settings = settingsOf(s, id);
  const runId = `${id}:${Date.now().toString(36)}-${++trainings}`;
  if (s.userData.fresh) store.setState({ userData: { ...s.userData, fresh: false } });
  if (id === s.focusedRunId) resetRunView();
  setRun(startedRun(runId, settings, run));
  startRun(runId, toRunConfig(settings), run.runId, user ?? undefined);
}

/** Train: every run of the comparison that is not already training. */
export function start(): void {
  for (const run of allRuns()) if (!isActive(run.status)) startOne(run.id);
}

export function pauseOne(id: string): void {
  const run = store.getState().runs[id];
  if (run?.runId && run.status === 'running') pauseRun(run.runId);
}

export function resumeOne(id: string): void {
  const run = store.getState().runs[id];
  if (run?.runId && run.status === 'paused') resumeRun(run.runId);
}

export function stopOne(id: string): void {
  const run = store.getState().runs[id];
  if (run?.runId && isActive(run.status)) stopRun(run.runId);
}

export function pause(): void {
  for (const run of allRuns()) pauseOne(run.id);
}

export function resume(): void {
  for (const run of allRuns()) resumeOne(run.id);
}

export function stop(): void {
  for (const run of allRuns()) stopOne(run.id);
}

/** Back to blank plots; runs still going are stopped, and their late events are ignored. */
export function reset(): void {
  for (const run of allRuns()) {
    stopOne(run.id);
    forgetRun(run.runId);
    setRun(idleRun(run.id, run.spec, run.derivedFrom));
  }
  resetRunView();
}

/**
 * Sets one parameter from a control's raw value ('' = default): a shared one, or one of the
 * focused run's own. Returns the reason when the value is invalid (nothing changes). Settings
 * apply to the next training.
 */
export function setParam(section: 'global' | 'method', key: string, raw: string): string | null {
  const s = store.getState();
  const run = focusedRun(s);
  const r = applyControl(settingsOf(s, run.id), CATALOG, section, key, raw);
  if (r.error) return r.error;
  store.setState({ settings: sharedOf(r.settings), runs: { ...s.runs, [run.id]: { ...run, spec: specOf(r.settings) } } });
  syncHash();
  return null;
}

export function randomSeed(): void {
  // UI-only randomness: the drawn seed is shown and put in the link, so the run stays reproducible.
  setParam('global', 'seed', String(Math.floor(Math.random() * 1_000_000)));
}

export function setColorBy(colorBy: ColorBy): void {
  store.setState({ colorBy });
  syncHash();
}

export function dismissSettingsErrors(): void {
  store.setState({ settingsErrors: [] });
}

/** The "just loaded" summary of a drop has been read. */
export function dismissDropSummary(): void {
  store.setState((s) => ({ userData: { ...s.userData, fresh: false } }));
}

// A successful drop selects the dropped data for the next run (k back to its number of classes).
whenUserDataLoaded(() => {
  if (store.getState().settings.dataset !== USER_DATASET_ID) setParam('global', 'dataset', USER_DATASET_ID);
});

/** The candidate class names of text-guided methods, typed comma-separated; shared by every run and kept in the link. */
export function setClassNames(raw: string): void {
  const names = parseClassNames(raw);
  store.setState((s) => ({ settings: { ...s.settings, classNames: names.length > 0 ? names : undefined } }));
  syncHash();
}
