/**
 * The engine's own types: what defines a run, what a snapshot holds, and the events a session
 * emits. The worker layer only carries them (worker/protocol.ts wraps them in messages); core owns
 * them, so nothing in src/core imports from the layers above it.
 */
import type * as tf from '@tensorflow/tfjs';
import type { Dataset, DatasetInfo } from '../data/dataset';
import type { ExternalMetrics, InternalMetrics } from '../metrics/types';
import type { Budget, Method, Params } from '../methods/types';
import type { SampleNeighbours } from './sampleNeighbours';
import type { Task } from './scheduler';
import type { SharedStarts } from './sharedStarts';
import type { ExternalKnowledge } from '../external/types';

export type { DatasetInfo, ExternalMetrics, InternalMetrics };

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
  /**
   * Candidate class names for text-guided external-knowledge methods (CLIP); absent or empty
   * when none were given (ExternalKnowledge.classNames is then empty).
   */
  classNames?: string[];
}

export interface Snapshot {
  /** Global step count over all phases. */
  step: number;
  phase: string;
  elapsedMs: number;
  /**
   * Training samples seen so far, a shared pretraining included: divided by n it is the epoch
   * count, an x axis on which runs of different batch sizes and schedules compare.
   */
  samplesSeen: number;
  /** sampleSize × embedDim, rows in the order of the ready event's sample.indices. */
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
  /**
   * A neighbourhood method's mined neighbours of each sample point (sample × k dataset rows, most
   * similar first), once it has mined them; the scatter marks a hovered point's.
   */
  neighbours?: SampleNeighbours;
  /** Share of all mined neighbours (all n rows) with their anchor's class; labelled data only. */
  neighbourAccuracy?: number;
  /** Every row's cluster and confidence (n each); only in the final snapshot, for exports. */
  all?: { cluster: Int32Array; confidence: Float32Array };
  /**
   * Before the method has clusters (pretraining): k-means on the shown sample's embedding, what
   * "AE + k-means" would give at this moment — the sample's clusters, and their scores against
   * the sample's labels (null without labels). A preview, never the method's own result.
   */
  preview?: { assignment: Int32Array; metrics: ExternalMetrics | null };
}

export type ReadyEvent = {
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
};

export type ProgressEvent = {
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
  /** Training samples seen so far (see Snapshot.samplesSeen). */
  samplesSeen: number;
  elapsedMs: number;
  /** Runs that share this phase's work (a shared pretraining); absent when the run is alone. */
  sharedBy?: number;
  /** Step over all phases (the one step count the UI shows). */
  globalStep: number;
  /**
   * Training samples of every gradient phase planned, and seen so far: the whole run's progress
   * (an upper bound where a phase may stop early, as DEC's does at its tolerance).
   */
  overall: { done: number; total: number };
  /**
   * Long one-off work of the phase's begin() (MethodContext.report), e.g. "Extracting MobileNetV2
   * features" 3,200 of 10,000; absent while gradient steps run.
   */
  work?: { label: string; done: number; total: number };
};

export type TrainEvent =
  | { type: 'backend'; runId: string; backend: BackendName; reason: string; notices: string[] }
  | ReadyEvent
  | ProgressEvent
  | { type: 'snapshot'; runId: string; snapshot: Snapshot }
  | { type: 'paused'; runId: string }
  | { type: 'resumed'; runId: string }
  | { type: 'warning'; runId: string; message: string }
  /**
   * The run starts from a shared pretraining: restored from the cache (`cached`), or trained
   * once for `sharedBy` runs in `seconds`.
   */
  | { type: 'shared-start'; runId: string; cached: boolean; sharedBy: number; seconds: number }
  | { type: 'done'; runId: string; reason: 'finished' | 'stopped'; seconds: number; final: Snapshot | null }
  | { type: 'error'; runId: string; message: string; phase?: string; step?: number };

// ---- a session (session.ts) -------------------------------------------------------------------

export type Emit = (event: TrainEvent, transfer?: Transferable[]) => void;

export interface StepInfo {
  phase: string;
  /** Step within the phase (1-based: the number of steps done). */
  step: number;
  globalStep: number;
}

export interface SessionOptions {
  runId: string;
  config: RunConfig;
  dataset: Dataset;
  method: Method;
  emit: Emit;
  /** The data on the device (n × dim), owned by the caller; without it the session uploads its own. */
  x?: tf.Tensor2D;
  /** Where runs share their pretraining; without it the session keeps a private one. */
  sharedStarts?: SharedStarts;
  /** Pretrained models and cached feature views for external-knowledge methods (MethodContext.external). */
  external?: ExternalKnowledge;
  /** Observer called after every gradient step (tests count tensors here). */
  onStep?(info: StepInfo): void;
  now?(): number;
  /** Longest stretch of gradient steps in one step() (default 30 ms). */
  sliceMs?: number;
}

export type SessionEnd = 'finished' | 'stopped' | 'error';
export type SessionStatus = 'running' | 'paused' | 'waiting' | SessionEnd;

export interface Session extends Task {
  readonly runId: string;
  readonly status: SessionStatus;
  /** Where the run is now. */
  readonly position: { phase: string; phaseIndex: number; phaseStep: number; globalStep: number };
  /** One slice of work (see the file comment); does nothing once the run is over. */
  step(): Promise<void>;
  /** A snapshot of the run as it is now (every row's clusters too with `all`), not emitted. */
  snapshot(opts?: { all?: boolean }): Promise<Snapshot | null>;
  pause(): void;
  resume(): void;
  /** Ends the run at its next step(): it frees its tensors and emits 'done' (stopped). */
  stop(): void;
}
