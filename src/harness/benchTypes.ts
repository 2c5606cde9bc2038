/** Messages between bench.html and its worker (harness only, not part of the app's protocol). */
import type { BackendName } from '../core/engine/types';
import type { ConvRoute } from '../core/nn/convRoutes';

/** The model each bench trains, as printed in its JSON line. */
export const BENCH_MODEL: Record<string, string> = { train: 'dec-ae', 'train-cnn': 'cnn-32-64-128 (28×28×1, two views, NT-Xent)' };

export interface BenchRequest {
  bench: string;
  backend: BackendName;
  /** Timed seconds after warm-up. */
  seconds: number;
  /** 'train-cnn': how the convolutions get their gradients. */
  route?: ConvRoute;
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
      /** 'train-cnn': the route timed, and whether it is the one the app picks on this backend. */
      route?: ConvRoute;
      picked?: boolean;
    }
  | { bench: string; model: string; backend: BackendName; route?: ConvRoute; error: string };

/** The projection benches; '-warm' ones need their cold run first (done untimed when not asked for). */
export const PROJECTION_BENCHES = ['pca', 'umap-cold', 'umap-warm', 'tsne', 'tsne-warm'] as const;
export type ProjectionBench = (typeof PROJECTION_BENCHES)[number];

/** One size of one projector family, in a fresh worker (so sizes never share a heap). */
export interface ProjectionBenchRequest {
  bench: 'projection';
  family: 'pca' | 'umap' | 'tsne';
  points: number;
  /** Which of the family's benches to report. */
  want: ProjectionBench[];
}

/** A projection or drawing bench's JSON line: time, size, and what else was measured. */
export interface TimedResult {
  bench: string;
  points?: number;
  ms?: number;
  skipped?: string;
  error?: string;
  [extra: string]: string | number | boolean | undefined;
}
