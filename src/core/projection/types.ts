/**
 * One steppable shape for every 2-D projector (PCA, UMAP, …): init → step until done → embedding.
 * Stepping in small units lets the worker yield between chunks, so a newer request can pre-empt
 * a stale one instead of queueing behind it.
 */
export interface Projector {
  /**
   * Prepare a projection of `points` (n × dim, row-major). `previous` (n × 2) is a warm start:
   * projectors that optimise a layout start from it instead of their cold initialisation.
   */
  init(points: Float32Array, n: number, dim: number, previous?: Float32Array): void;
  /** One unit of work (an epoch for UMAP); returns true when the layout is final. */
  step(): boolean;
  /** The current layout, n × 2 row-major (a fresh copy the caller may transfer). */
  embedding(): Float32Array;
}

/** Run a projector to completion synchronously (tests, CLI). */
export function runProjector(
  projector: Projector,
  points: Float32Array,
  n: number,
  dim: number,
  previous?: Float32Array,
): Float32Array {
  projector.init(points, n, dim, previous);
  while (!projector.step()) {
    // every step advances the projector; it reports done after a bounded number of steps
  }
  return projector.embedding();
}

/** Mean Euclidean distance between corresponding rows of two n × 2 layouts. */
export function meanDisplacement(a: Float32Array | Float64Array, b: Float32Array | Float64Array): number {
  const n = a.length / 2;
  if (n === 0) return 0;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.hypot(a[2 * i] - b[2 * i], a[2 * i + 1] - b[2 * i + 1]);
  return sum / n;
}
