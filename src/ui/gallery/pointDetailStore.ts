/**
 * Which sample point the point detail shows: a tiny store of its own (view state of this panel
 * only, so the main store and the link stay untouched). The sample it belongs to is kept with it,
 * so a new run, whose sample differs, closes the detail instead of showing another point.
 */
import { createStore } from 'zustand/vanilla';
import { useStore as useZustand } from 'zustand';

export interface PointDetailState {
  /** Position in the snapshot sample; null = closed. */
  index: number | null;
  /** ready.indices of the run the index refers to. */
  sample: Int32Array | null;
}

export const pointDetailStore = createStore<PointDetailState>()(() => ({ index: null, sample: null }));

export function showPointDetail(index: number, sample: Int32Array): void {
  pointDetailStore.setState({ index, sample });
}

export function closePointDetail(): void {
  pointDetailStore.setState({ index: null, sample: null });
}

/** The shown index when it belongs to `sample` (the current run's), else null. */
export function usePointDetail(sample: Int32Array | null): number | null {
  return useZustand(pointDetailStore, (s) => (s.index !== null && s.sample === sample && sample !== null && s.index < sample.length ? s.index : null));
}
