/**
 * The stored frames of a run, for the timeline scrubber: each projection frame with the
 * assignments of the snapshot it came with. Bounded two ways (a frame count and a total point
 * budget); when full, every other older frame is dropped, so the timeline keeps spanning the
 * whole run at a coarser grain instead of forgetting its beginning.
 */
export interface TimelineFrame {
  frameId: number;
  step: number;
  phase: string;
  /** n × 2 projection coordinates. */
  coords: Float32Array;
  assignment: Int32Array | null;
  confidence: Float32Array | null;
}

export const MAX_FRAMES = 200;
/** 4 M points × 16 bytes ≈ 64 MB at most, whatever the sample size. */
export const POINT_BUDGET = 4_000_000;

export function frameCap(pointsPerFrame: number, maxFrames = MAX_FRAMES, budget = POINT_BUDGET): number {
  return Math.max(2, Math.min(maxFrames, Math.floor(budget / Math.max(1, pointsPerFrame))));
}

/** A new list with `frame` appended, thinned when over the cap; the newest frame always stays. */
export function appendFrame(list: readonly TimelineFrame[], frame: TimelineFrame, cap = frameCap(frame.coords.length / 2)): TimelineFrame[] {
  let next = [...list, frame];
  while (next.length > cap) {
    const last = next.length - 1;
    // Keep the first, every second one after it, and the newest.
    next = next.filter((_, i) => i % 2 === 0 || i === last);
  }
  return next;
}

/** Index of the frame with this id, or of the latest one before it (a thinned-away id); −1 if none. */
export function indexOfFrame(list: readonly TimelineFrame[], frameId: number): number {
  let best = -1;
  for (let i = 0; i < list.length; i++) if (list[i].frameId <= frameId) best = i;
  return best;
}
