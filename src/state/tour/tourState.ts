/** What the guided tour remembers while it is open (AppState.tour; null when closed). */
import type { RunSpec } from '../params';
import type { TourResult } from './tourPointer';

export interface TourState {
  /** Index into the tour's steps (tourSteps of the catalog). */
  step: number;
  /** The run each step added, by step id: a step adds its run once, and Back removes none. */
  added: Record<string, string>;
  /** Results of runs that left the comparison to make room, by method id, as they were then. */
  quoted: Record<string, TourResult>;
  /** The runs' settings when the tour began (the focused run first), carried into its steps. */
  carry: RunSpec[];
}
