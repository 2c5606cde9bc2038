/**
 * Every message between the main thread and the workers, as discriminated unions.
 * One direction of control: the UI sends commands and receives events; every event carries runId.
 */
import type { Budget, Params } from '../core/methods/types';
import type { Dataset, ImageShape } from '../core/data/dataset';
import type { IngestProblem, PreprocessOptions } from '../core/data/ingest/types';
import type { ProjectionParams, ProjectionView, ProjectorName } from '../core/projection/projectors';

export type { ProjectionParams, ProjectionView };

export type BackendName = 'webgpu' | 'wasm' | 'webgl' | 'cpu';
export type BackendPreference = 'auto' | BackendName;

/** Everything that defines a run; serialised into the URL so a link reproduces it. */
export interface RunConfig {
  dataset: string;
  method: string;
  seed: number;
  backend: BackendPreference;
  budget: Budget;
  /** Number of clusters; null = the dataset's number of classes. */
  k: number | null;
  /** Method parameters (validated against the method's ParamSpecs). */
  params: Params;
  /**
   * Imbalance (DEC §5.4, DCSS §4.6): class c of C keeps each point with probability
   * r + (1 − r)·c/(C − 1); 1 = the data as it is. Labelled data only.
   */
  retention: number;
  /** Points in each snapshot (fixed sample, drawn once from the seed). */
  sampleSize: number;
  /** Minimum time between snapshots. */
  snapshotEveryMs: number;
}

export interface ExternalMetrics {
  acc: number;
  nmi: number;
  ari: number;
}

/** Label-free quality of the clusters in the learned embedding (scikit-learn's definitions). */
export interface InternalMetrics {
  /** On up to 1,000 sample points (it is O(n²)); null when they hold fewer than 2 clusters. */
  silhouette: number | null;
  /** On the sample; null when it holds fewer than 2 clusters. */
  daviesBouldin: number | null;
  calinskiHarabasz: number | null;
  /** Cluster-size entropy of all n points over ln k: 1 = k equal clusters, 0 = one cluster. */
  sizeEntropy: number;
}

export interface Snapshot {
  /** Global step count over all phases. */
  step: number;
  phase: string;
  elapsedMs: number;
  /** sampleSize × embedDim, rows in the order of ReadyEvent.sample.indices. */
  embedding: Float32Array;
  embedDim: number;
  /** Predicted cluster of each sample point; null before the method has clusters. */
  assignment: Int32Array | null;
  /** Max soft-assignment probability of each sample point. */
  confidence: Float32Array | null;
  /** Soft assignment of each sample point (sample × k, rows sum to 1), for the hover card. */
  soft?: Float32Array;
  /** Mean loss of each named part since the previous snapshot. */
  losses: Record<string, number>;
  /** On all n points; null when the dataset has no labels or there are no clusters yet. */
  metrics: ExternalMetrics | null;
  /** Null before the method has clusters. */
  internal: InternalMetrics | null;
  /** Fraction of all points in the largest cluster (collapse warning above 0.9). */
  largestClusterFraction: number | null;
  /** Every row's cluster and confidence (n each); only in the final snapshot, for exports. */
  all?: { cluster: Int32Array; confidence: Float32Array };
}

// ---- training worker ------------------------------------------------------------------------

export type TrainCommand =
  /** `data` is the dropped dataset when config.dataset is 'user' (it has no file to load by id). */
  | { type: 'start'; runId: string; config: RunConfig; data?: Dataset }
  | { type: 'pause'; runId: string }
  | { type: 'resume'; runId: string }
  | { type: 'stop'; runId: string };

export interface DatasetInfo {
  id: string;
  name: string;
  n: number;
  dim: number;
  numClasses: number;
  classNames?: string[];
  image?: ImageShape;
}

export type TrainEvent =
  | { type: 'backend'; runId: string; backend: BackendName; reason: string; notices: string[] }
  | {
      type: 'ready';
      runId: string;
      dataset: DatasetInfo;
      k: number;
      sample: {
        /** Row indices of the fixed snapshot sample. */
        indices: Int32Array;
        labels: Int32Array | null;
        /** sample × dim in 0..255 when the dataset is images (for hover and galleries). */
        pixels: Uint8Array | null;
      };
      /** Ground truth of every row (n), when known: exports and galleries name the true class. */
      allLabels: Int32Array | null;
    }
  | {
      type: 'progress';
      runId: string;
      phase: string;
      phaseLabel: string;
      phaseIndex: number;
      phaseCount: number;
      /** Step within the phase, and its planned total. */
      step: number;
      steps: number;
      epoch: number;
      samplesPerSec: number;
      elapsedMs: number;
    }
  | { type: 'snapshot'; runId: string; snapshot: Snapshot }
  | { type: 'paused'; runId: string }
  | { type: 'resumed'; runId: string }
  | { type: 'warning'; runId: string; message: string }
  | { type: 'done'; runId: string; reason: 'finished' | 'stopped'; seconds: number; final: Snapshot | null }
  | { type: 'error'; runId: string; message: string; phase?: string; step?: number };

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
      method: ProjectionMethod;
      /** The view of the command (the worker always sets it; optional only for older senders). */
      view?: ProjectionView;
      /** n × 2, aligned (Procrustes) to the previous frame of the same run and view. */
      coords: Float32Array;
      ms: number;
    }
  | { type: 'error'; runId: string; frameId: number; view?: ProjectionView; message: string };
