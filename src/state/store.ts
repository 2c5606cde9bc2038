/**
 * The app's one store: a tiny vanilla zustand store (usable outside React: the worker client and
 * the canvas renderers subscribe to it directly), plus a hook for components.
 * Actions live in actions.ts, not here.
 */
import { createStore } from 'zustand/vanilla';
import { useStore as useZustand } from 'zustand';
import type { Settings } from './params';
import { IDLE_RUN, type RunState } from './run';

export type ColorBy = 'cluster' | 'label';

export interface AppState {
  settings: Settings;
  /** Problems found in the link (each names the field that fell back to its default). */
  settingsErrors: string[];
  colorBy: ColorBy;
  run: RunState;
}

const PLACEHOLDER_SETTINGS: Settings = {
  dataset: 'mnist-10k',
  method: 'dec',
  seed: 1,
  backend: 'auto',
  budget: 'quick',
  k: null,
  params: {},
  sampleSize: 5000,
  snapshotEveryMs: 500,
  projection: 'umap',
};

/** Created with placeholder settings; main.tsx replaces them with the parsed link before render. */
export const store = createStore<AppState>()(() => ({
  settings: PLACEHOLDER_SETTINGS,
  settingsErrors: [],
  colorBy: 'cluster',
  run: IDLE_RUN,
}));

export function useStore<T>(selector: (s: AppState) => T): T {
  return useZustand(store, selector);
}
