/**
 * What a run's scatter shows: the live frame and snapshot, or a stored frame while replaying.
 * Pure functions of the run, shared by the plot, the hover card and the selection panel.
 */
import type { RunState } from '../../state/run';
import { indexOfFrame } from '../../state/timeline';

export interface Shown {
  frameId: number;
  coords: Float32Array;
  assignment: Int32Array | null;
  confidence: Float32Array | null;
  /** Soft assignment (sample × k); live only (stored frames do not keep it). */
  soft: Float32Array | null;
  live: boolean;
}

/** Coordinates on screen now: the replayed frame's, else the live frame's; null = none. */
export function shownCoords(run: Pick<RunState, 'timeline' | 'frame'>, replay: number | null): Float32Array | null {
  if (replay !== null) {
    const i = indexOfFrame(run.timeline, replay);
    if (i >= 0) return run.timeline[i].coords;
  }
  return run.frame?.coords ?? null;
}

export function shownData(replay: number | null, run: Pick<RunState, 'timeline' | 'frame' | 'snapshot'>): Shown | null {
  const { timeline, frame, snapshot } = run;
  if (replay !== null) {
    const i = indexOfFrame(timeline, replay);
    if (i >= 0) {
      const f = timeline[i];
      return { frameId: f.frameId, coords: f.coords, assignment: f.assignment, confidence: f.confidence, soft: null, live: false };
    }
  }
  if (!frame) return null;
  return {
    frameId: frame.frameId,
    coords: frame.coords,
    assignment: snapshot?.assignment ?? null,
    confidence: snapshot?.confidence ?? null,
    soft: snapshot?.soft ?? null,
    live: true,
  };
}
