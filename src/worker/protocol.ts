/**
 * Every message between the main thread and the workers, as discriminated unions.
 * One direction of control: the UI sends commands and receives events; every event carries runId.
 * The training worker's events are the engine's own TrainEvents (core/engine/types.ts).
 */
import type { AugmentedPairs } from '../core/augment/augmentedPairs';
import type { Dataset } from '../core/data/dataset';
import type { RunConfig, TrainEvent } from '../core/engine/types';
import type { AssetSource } from '../core/external/types';
import type { IngestProblem, PreprocessOptions } from '../core/data/ingest/types';
import type { ProjectionParams, ProjectionView, ProjectorName } from '../core/projection/projectors';

// ---- training worker ------------------------------------------------------------------------

export type TrainCommand =
  /**
   * `data` names the dropped dataset when config.dataset is 'user' (it has no file to load by id).
   * The numbers travel with the first start of each version only; later starts reuse the
   * worker's copy, so a comparison of four runs does not copy the data four times.
   */
  | {
      type: 'start';
      runId: string;
      config: RunConfig;
      data?: { version: number; dataset?: Dataset };
      /**
       * Where external-knowledge models may come from (default: bundled only). Not in RunConfig:
       * consent and a folder the user chose are no part of a link.
       */
      modelSource?: AssetSource;
    }
  | { type: 'pause'; runId: string }
  | { type: 'resume'; runId: string }
  | { type: 'stop'; runId: string }
  /**
   * The teaching view's augmented pairs of the current data (`draw` seeds the rows and views). It
   * trains nothing: `config` names the data (and the backend, should no run have chosen one).
   */
  | { type: 'augment-pairs'; requestId: number; config: RunConfig; count: number; draw: number; data?: { version: number; dataset?: Dataset } };

/** The answer to 'augment-pairs': the pairs, or why there are none (vector data, a failed load). */
export type AugmentPairsEvent = { type: 'augment-pairs'; requestId: number } & ({ pairs: AugmentedPairs } | { pairs: null; message: string });

/** Everything the training worker posts: the engine's run events and the answers to requests. */
export type TrainWorkerEvent = TrainEvent | AugmentPairsEvent;

// ---- decode worker (files a user brought) -------------------------------------------------------

/** A file as picked or dropped, with its path inside the drop (forward slashes). */
export interface DroppedFile {
  path: string;
  file: Blob;
}

export type DecodeCommand =
  | { type: 'ingest'; jobId: number; files: DroppedFile[]; preprocess: PreprocessOptions }
  /** Decode the files of the last ingest again with other preprocessing. */
  | { type: 'reprocess'; jobId: number; preprocess: PreprocessOptions }
  /** The original bytes of some rows of the last dataset (for the zip export). */
  | { type: 'sources'; jobId: number; rows: Int32Array };

export type DecodeEvent =
  | { type: 'progress'; jobId: number; stage: string; done: number; total: number }
  | {
      type: 'dataset';
      jobId: number;
      dataset: Dataset;
      paths: string[];
      problems: IngestProblem[];
      notices: string[];
      preview: Uint8Array[];
    }
  | { type: 'failed'; jobId: number; message: string; problems: IngestProblem[] }
  | { type: 'sources'; jobId: number; bytes: (Uint8Array | null)[] };

// ---- projection worker ----------------------------------------------------------------------

export type ProjectionMethod = ProjectorName;

export type ProjectCommand =
  | {
      type: 'project';
      runId: string;
      frameId: number;
      /** The training step of the snapshot the points come from (echoed in the frame). */
      step: number;
      method: ProjectionMethod;
      /** n × dim row-major: the embedding sample, the raw input sample, or the soft assignments. */
      points: Float32Array;
      n: number;
      dim: number;
      /** The run's seed, so a link reproduces the picture too. */
      seed: number;
      /**
       * Which picture of the run (default 'embedding'). Each (runId, view) keeps its own previous
       * layout, so the three pictures warm-start and align independently.
       */
      view?: ProjectionView;
      /** UMAP / t-SNE settings; omitted fields take their defaults. */
      params?: Partial<ProjectionParams>;
    }
  | { type: 'reset'; runId: string };

export type ProjectEvent =
  | {
      type: 'frame';
      runId: string;
      frameId: number;
      /** The step of the snapshot this frame was computed from. */
      step: number;
      method: ProjectionMethod;
      /** The view of the command (the worker always sets it; optional only for older senders). */
      view?: ProjectionView;
      /** n × 2, aligned (Procrustes) to the previous frame of the same run and view. */
      coords: Float32Array;
      ms: number;
    }
  | { type: 'error'; runId: string; frameId: number; view?: ProjectionView; message: string };
