/**
 * When a run takes its next snapshot (an all-points forward pass, metrics, a readback): no sooner
 * than `everyMs` of wall time after the last one, and never more than a fifth of the run's own
 * compute time. Compute time, not wall time, so several runs side by side each keep snapshots to
 * a fifth of their share instead of together spending most of the machine on them.
 */

/** Snapshots may take at most 1/(1 + 4) of the compute time. */
const COST_FACTOR = 4;

export interface SnapshotPacer {
  /** `computeMs`: the run's compute time so far. */
  due(computeMs: number): boolean;
  /** A snapshot that took `costMs` just ended at `computeMs`. */
  taken(costMs: number, computeMs: number): void;
}

export function createSnapshotPacer(everyMs: number, now: () => number): SnapshotPacer {
  let lastWall = -Infinity;
  let lastCompute = -Infinity;
  let cost = 0;
  return {
    due: (computeMs) => now() - lastWall >= everyMs && computeMs - lastCompute >= COST_FACTOR * cost,
    taken(costMs, computeMs) {
      cost = costMs;
      lastWall = now();
      lastCompute = computeMs;
    },
  };
}
