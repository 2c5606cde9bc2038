/**
 * Long export loops (tens of thousands of rows) run in chunks and hand the main thread back to the
 * browser between them, so the page never freezes while a file is prepared.
 */

/** Resolves after the browser has had a turn (input, painting). */
export type Pause = () => Promise<void>;

/** A macrotask: lets clicks, keys and paints in before the next chunk. */
export const yieldToBrowser: Pause = () => new Promise((resolve) => setTimeout(resolve));

/** Rows per chunk: a few milliseconds of string or byte work, well under the 50 ms budget. */
export const DEFAULT_CHUNK = 2000;

export interface ChunkOptions {
  pause?: Pause;
  chunk?: number;
  /** Called after each chunk with how far the job is (for a “preparing… 40%” line). */
  onProgress?: (done: number, total: number) => void;
}

/** Calls `each(i)` for i in 0..count−1, pausing after every chunk. */
export async function forEachChunked(count: number, each: (i: number) => void, opts: ChunkOptions = {}): Promise<void> {
  const pause = opts.pause ?? yieldToBrowser;
  const chunk = Math.max(1, opts.chunk ?? DEFAULT_CHUNK);
  for (let start = 0; start < count; start += chunk) {
    const end = Math.min(count, start + chunk);
    for (let i = start; i < end; i++) each(i);
    opts.onProgress?.(end, count);
    if (end < count) await pause();
  }
}
