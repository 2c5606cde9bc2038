/**
 * The app's one store: a tiny vanilla zustand store (usable outside React: the worker client and
 * the canvas renderers subscribe to it directly), plus a hook for components.
 * Actions live in actions.ts, not here.
 */
import { createStore } from 'zustand/vanilla';
import { useStore as useZustand } from 'zustand';
import { joinSettings, type SharedSettings, type Settings } from './params';
import { DEFAULT_PROJECTION_PARAMS } from '../core/projection/projectors';
import { IDLE_RUN, idleRun, type RunState } from './run';
import { IDLE_USER_DATA, USER_DATASET_ID, type UserDataState } from './userData';
import type { TourState } from './tour/tourState';

export type ColorBy = 'cluster' | 'label' | 'confidence' | 'correct' | 'disagree';

/** How the scatter is looked at: view state only, never sent to a worker or put in the link. */
export interface ScatterView {
  /** Point size in CSS pixels; 0 = chosen from the point count. */
  pointSize: number;
  pointOpacity: number;
  /** Dragging on the plot draws a selection rectangle instead of panning. */
  selecting: boolean;
  /**
   * Selected data points as dataset row indices, ascending; null = nothing selected. Rows, not
   * sample positions, so a brush in one run's scatter marks the same points in every other.
   */
  selection: Int32Array | null;
  /** frameId of the stored frame being replayed; null = live (follow training). */
  replay: number | null;
  /** Small multiples of the raw-input and assignment-space projections beside the embedding. */
  showViews: boolean;
}

export const DEFAULT_SCATTER_VIEW: ScatterView = {
  pointSize: 0,
  pointOpacity: 0.85,
  selecting: false,
  selection: null,
  replay: null,
  showViews: false,
};

export interface AppState {
  /** What every run shares: data, seed, backend, sample, projection. */
  settings: SharedSettings;
  /** Problems found in the link (each names the field that fell back to its default). */
  settingsErrors: string[];
  colorBy: ColorBy;
  scatter: ScatterView;
  /** The runs of the comparison by id (one, or up to four side by side), in `runOrder`. */
  runs: Record<string, RunState>;
  runOrder: string[];
  /** The run the settings, the detail panels and the exports are about. */
  focusedRunId: string;
  userData: UserDataState;
  /** The guided tour, while it is open. */
  tour: TourState | null;
}

const PLACEHOLDER_SETTINGS: SharedSettings = {
  dataset: 'mnist-10k',
  seed: 1,
  backend: 'auto',
  retention: 1,
  sampleSize: 5000,
  snapshotEveryMs: 500,
  projection: 'umap',
  ...DEFAULT_PROJECTION_PARAMS,
};

/** Created with placeholder settings; main.tsx replaces them with the parsed link before render. */
export const FIRST_RUN_ID = 'run-1';

export const store = createStore<AppState>()(() => ({
  settings: PLACEHOLDER_SETTINGS,
  settingsErrors: [],
  colorBy: 'cluster',
  scatter: DEFAULT_SCATTER_VIEW,
  runs: { [FIRST_RUN_ID]: idleRun(FIRST_RUN_ID, { method: 'dec', budget: 'quick', k: null, params: {} }) },
  runOrder: [FIRST_RUN_ID],
  focusedRunId: FIRST_RUN_ID,
  userData: IDLE_USER_DATA,
  tour: null,
}));

/** A run by id; an empty idle run when there is none (a panel outliving its run for a frame). */
export function runOf(s: AppState, id: string): RunState {
  return s.runs[id] ?? IDLE_RUN;
}

export function focusedRun(s: AppState): RunState {
  return runOf(s, s.focusedRunId);
}

/** The full settings the run would start with now: the shared ones and its own. */
export function settingsOf(s: AppState, id: string): Settings {
  return joinSettings(s.settings, runOf(s, id).spec);
}

/**
 * Whether the focused run's data has labels: known from the run once it started, else from the
 * chosen data (dropped data says whether its files carried classes; the built-in sets all do).
 */
export function hasLabels(s: AppState): boolean {
  const ready = focusedRun(s).ready;
  if (ready) return ready.labels !== null;
  return s.settings.dataset === USER_DATASET_ID ? !!s.userData.info?.classNames : true;
}

/** The run whose worker id is `runId` (events name the training, not the run's place). */
export function runByWorkerId(s: AppState, runId: string): RunState | null {
  for (const id of s.runOrder) if (s.runs[id]?.runId === runId) return s.runs[id];
  return null;
}

export function useStore<T>(selector: (s: AppState) => T): T {
  return useZustand(store, selector);
}
