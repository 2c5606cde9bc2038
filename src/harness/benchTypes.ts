/** Messages between bench.html and its worker (harness only, not part of the app's protocol). */
import type { BackendName } from '../worker/protocol';

/** The model each bench trains, as printed in its JSON line. */
export const BENCH_MODEL: Record<string, string> = { train: 'dec-ae' };

export interface BenchRequest {
  bench: string;
  backend: BackendName;
  /** Timed seconds after warm-up. */
  seconds: number;
}

/** One JSON line of `npm run bench`. */
export type BenchResult =
  | {
      bench: string;
      model: string;
      backend: BackendName;
      threads?: number;
      samplesPerSec: number;
      steps: number;
      seconds: number;
      reason: string;
    }
  | { bench: string; model: string; backend: BackendName; error: string };
