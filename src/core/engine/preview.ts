/**
 * What the scatter and the ACC curve show before a method has clusters (during pretraining):
 * k-means on the shown sample's current embedding — "AE + k-means" as of now — and its scores
 * against the sample's labels. Cheap (the sample is at most a few thousand points of a small
 * embedding) and seeded, so the same embedding always gives the same preview. Skipped for wide
 * embeddings, where it would cost more than the snapshot it belongs to.
 */
import { kmeans } from '../cluster/hostKmeans';
import { acc, ari, nmi } from '../metrics';
import type { ExternalMetrics } from '../metrics/types';
import { createRng } from '../rng';

/** Wider embeddings get no preview (a raw 784-d input would take seconds). */
const MAX_DIM = 64;
const RESTARTS = 3;

export function clusterPreview(
  embedding: Float32Array,
  dim: number,
  k: number,
  labels: Int32Array | null,
): { assignment: Int32Array; metrics: ExternalMetrics | null } | undefined {
  const m = embedding.length / Math.max(1, dim);
  if (dim > MAX_DIM || m < 2 * k || !embedding.every(Number.isFinite)) return undefined;
  const { labels: assignment } = kmeans(embedding, m, dim, k, createRng(1), { nInit: RESTARTS, maxIter: 100 });
  const metrics = labels ? { acc: acc(labels, assignment), nmi: nmi(labels, assignment), ari: ari(labels, assignment) } : null;
  return { assignment, metrics };
}
