/**
 * At most one request in flight; while it runs, only the newest waiting item is kept.
 * Used for projection requests: a slow UMAP must not build a queue of stale snapshots.
 */
export class LatestOnly<T> {
  private inFlight: number | null = null;
  private pending: T | null = null;
  private nextId = 1;

  /** `send` gets a unique request id; answer it with `done(id)`. */
  constructor(private readonly send: (item: T, id: number) => void) {}

  push(item: T): void {
    if (this.inFlight !== null) {
      this.pending = item;
      return;
    }
    const id = this.nextId++;
    this.inFlight = id;
    this.send(item, id);
  }

  /** The request `id` was answered (frame or error); sends the waiting item, if any. */
  done(id: number): void {
    if (id !== this.inFlight) return;
    this.inFlight = null;
    const next = this.pending;
    this.pending = null;
    if (next !== null) this.push(next);
  }

  /** Drops the waiting item (a new run started). The in-flight one still has to answer. */
  dropPending(): void {
    this.pending = null;
  }

  /** Forgets everything, e.g. after the worker was replaced and will never answer. */
  clear(): void {
    this.pending = null;
    this.inFlight = null;
  }

  get busy(): boolean {
    return this.inFlight !== null;
  }
}
