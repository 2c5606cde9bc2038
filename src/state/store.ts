/**
 * The app's one store: a tiny vanilla zustand store (usable outside React: the worker client and
 * the canvas renderers subscribe to it directly), plus a hook for components.
 * Actions live in actions.ts, not here.
 */
import { createStore } from 'zustand/vanilla';
import { useStore as useZustand } from 'zustand';
import type { Settings } from './params';
import { DEFAULT_PROJECTION_PARAMS } from '../core/projection/projectors';
import { IDLE_RUN, type RunState } from './run';
import { IDLE_USER_DATA, type UserDataState } from './userData';

export type ColorBy = 'cluster' | 'label' | 'confidence' | 'correct';

/** How the scatter is looked at: view state only, never sent to a worker or put in the link. */
export interface ScatterView {
  /** Point size in CSS pixels; 0 = chosen from the point count. */
  pointSize: number;
  pointOpacity: number;
  /** Dragging on the plot draws a selection rectangle instead of panning. */
  selecting: boolean;
  /** Selected rows of the snapshot sample, ascending; null = nothing selected. */
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
  settings: Settings;
  /** Problems found in the link (each names the field that fell back to its default). */
  settingsErrors: string[];
  colorBy: ColorBy;
  scatter: ScatterView;
  run: RunState;
  userData: UserDataState;
}

const PLACEHOLDER_SETTINGS: Settings = {
  dataset: 'mnist-10k',
  method: 'dec',
  seed: 1,
  backend: 'auto',
  budget: 'quick',
  k: null,
  params: {},
  retention: 1,
  sampleSize: 5000,
  snapshotEveryMs: 500,
  projection: 'umap',
  ...DEFAULT_PROJECTION_PARAMS,
};

/** Created with placeholder settings; main.tsx replaces them with the parsed link before render. */
export const store = createStore<AppState>()(() => ({
  settings: PLACEHOLDER_SETTINGS,
  settingsErrors: [],
  colorBy: 'cluster',
  scatter: DEFAULT_SCATTER_VIEW,
  run: IDLE_RUN,
  userData: IDLE_USER_DATA,
}));

export function useStore<T>(selector: (s: AppState) => T): T {
  return useZustand(store, selector);
}
