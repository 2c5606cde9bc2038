/**
 * One snapshot: the sample's embedding and assignments plus losses and metrics. Everything is
 * read back with await data() (never dataSync), and the arrays are fresh so they can be
 * transferred to the main thread.
 */
import * as tf from '@tensorflow/tfjs';
import type { Dataset } from '../data/dataset';
import type { MethodRun } from '../methods/types';
import { acc, ari, nmi } from '../metrics';
import type { Snapshot } from './types';
import { assignAll } from './assignAll';
import { internalMetrics } from './internalMetrics';
import { clusterPreview } from './preview';
import { minedAccuracy, sampleNeighbours } from './sampleNeighbours';

export interface SnapshotInput {
  run: MethodRun;
  dataset: Dataset;
  k: number;
  /** All rows on the device, and the fixed sample (rows `sampleIndices` of it). */
  x: tf.Tensor2D;
  sampleX: tf.Tensor2D;
  sampleIndices: Int32Array;
  step: number;
  phase: string;
  elapsedMs: number;
  samplesSeen: number;
  losses: Record<string, number>;
  /** Also return every row's cluster and confidence (the final snapshot: exports need them). */
  includeAll?: boolean;
}

export async function takeSnapshot(s: SnapshotInput): Promise<Snapshot> {
  const emb = tf.tidy(() => s.run.embed(s.sampleX, s.sampleIndices));
  let embedding: Float32Array;
  try {
    embedding = Float32Array.from(await emb.data());
  } finally {
    emb.dispose();
  }
  const embedDim = emb.shape[1];

  const all = await assignAll(s.run, s.x);
  let assignment: Int32Array | null = null;
  let confidence: Float32Array | null = null;
  let metrics: Snapshot['metrics'] = null;
  let internal: Snapshot['internal'] = null;
  let largest: number | null = null;
  let soft: Float32Array | undefined;
  if (all) {
    // The soft assignment of the sample only (sample × k), for the hover card's bar chart.
    const [q] = tf.tidy((): tf.Tensor2D[] => {
      const r = s.run.assign(s.sampleX, s.sampleIndices);
      return r ? [r] : [];
    });
    if (q) {
      try {
        soft = Float32Array.from(await q.data());
      } finally {
        q.dispose();
      }
    }
    // The sample's assignments come from the all-points pass: no second forward pass.
    const m = s.sampleIndices.length;
    assignment = new Int32Array(m);
    confidence = new Float32Array(m);
    for (let i = 0; i < m; i++) {
      assignment[i] = all.cluster[s.sampleIndices[i]];
      confidence[i] = all.confidence[s.sampleIndices[i]];
    }
    const { largestFraction, ...quality } = internalMetrics(embedding, m, embedDim, assignment, all.cluster, s.k);
    internal = quality;
    largest = largestFraction;
    const y = s.dataset.labels;
    if (y) metrics = { acc: acc(y, all.cluster), nmi: nmi(y, all.cluster), ari: ari(y, all.cluster) };
  }
  // A neighbourhood method's mined neighbours: the sample's (for hover), and how often they share a class.
  const mined = s.run.neighbours?.() ?? null;
  const neighbours = mined ? sampleNeighbours(mined, s.sampleIndices) : undefined;
  const neighbourAccuracy = mined && s.dataset.labels ? minedAccuracy(mined, s.dataset.labels) : undefined;
  // No clusters yet: a k-means preview of the current embedding.
  const preview = all ? undefined : clusterPreview(embedding, embedDim, s.k, sampleLabels(s.dataset, s.sampleIndices));
  return {
    ...(preview ? { preview } : {}),
    step: s.step,
    phase: s.phase,
    elapsedMs: s.elapsedMs,
    samplesSeen: s.samplesSeen,
    embedding,
    embedDim,
    assignment,
    confidence,
    soft,
    losses: s.losses,
    metrics,
    internal,
    largestClusterFraction: largest,
    ...(neighbours ? { neighbours } : {}),
    ...(neighbourAccuracy !== undefined ? { neighbourAccuracy } : {}),
    ...(s.includeAll && all ? { all } : {}),
  };
}

/** The buffers of a snapshot, for a postMessage transfer list. */
export function snapshotTransfer(s: Snapshot): ArrayBuffer[] {
  const out: ArrayBuffer[] = [s.embedding.buffer as ArrayBuffer];
  if (s.assignment) out.push(s.assignment.buffer as ArrayBuffer);
  if (s.confidence) out.push(s.confidence.buffer as ArrayBuffer);
  if (s.soft) out.push(s.soft.buffer as ArrayBuffer);
  if (s.all) out.push(s.all.cluster.buffer as ArrayBuffer, s.all.confidence.buffer as ArrayBuffer);
  if (s.preview) out.push(s.preview.assignment.buffer as ArrayBuffer);
  if (s.neighbours) out.push(s.neighbours.indices.buffer as ArrayBuffer);
  return out;
}

/** The labels of the sample's rows, or null for unlabelled data. */
export function sampleLabels(d: Dataset, indices: Int32Array): Int32Array | null {
  return d.labels ? Int32Array.from(indices, (i) => d.labels![i]) : null;
}

/** First loss that is NaN or ±Infinity, if any. */
export function nonFiniteLoss(losses: Record<string, number>): string | null {
  for (const [k, v] of Object.entries(losses)) if (!Number.isFinite(v)) return `${k} = ${v}`;
  return null;
}
