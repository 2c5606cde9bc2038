/**
 * A whole comparison as one JSON file: the link that rebuilds its settings and runs, and each
 * run's results — final and per-snapshot metrics, the final scatter (the sample's coordinates and
 * clusters) and, once a run has finished, every row's cluster. Importing it shows the runs as
 * they ended, without training again. Pure: the store goes in, text comes out, and back.
 */
import type { DatasetInfo, ExternalMetrics, InternalMetrics } from '../../core/engine/types';
import type { ProjectionMethod } from '../../worker/protocol';
import type { HistoryPoint, RunState, RunStatus, SharedStartInfo } from '../run';

export const COMPARISON_FORMAT = 'priorscope-comparison';

export interface RunResult {
  /** The run's own settings, as in the link (its place in `link` is its index here). */
  method: string;
  status: RunStatus;
  seconds: number | null;
  backend: string | null;
  sharedStart: SharedStartInfo | null;
  k: number | null;
  final: {
    step: number;
    phase: string;
    samplesSeen: number;
    metrics: ExternalMetrics | null;
    internal: InternalMetrics | null;
    largestClusterFraction: number | null;
    losses: Record<string, number>;
  } | null;
  history: HistoryPoint[];
  /** The shown sample: dataset rows, their labels, clusters, confidence, and 2-D coordinates. */
  sample: {
    projection: ProjectionMethod | null;
    indices: number[];
    labels: number[] | null;
    assignment: number[] | null;
    confidence: number[] | null;
    coords: number[] | null;
  } | null;
  /** Every row's cluster and confidence, after the run finished. */
  clusters: number[] | null;
  confidences: number[] | null;
}

export interface ComparisonJson {
  format: typeof COMPARISON_FORMAT;
  version: 1;
  /** The link body (without '#') that rebuilds the settings and the runs. */
  link: string;
  dataset: DatasetInfo | null;
  runs: RunResult[];
}

const list = (a: ArrayLike<number> | null | undefined): number[] | null => (a ? Array.from(a) : null);
/** Four decimals are more than a scatter needs and keep the file small. */
const rounded = (a: Float32Array | null | undefined): number[] | null => (a ? Array.from(a, (v) => Math.round(v * 1e4) / 1e4) : null);

export function runResult(run: RunState): RunResult {
  const snap = run.snapshot;
  return {
    method: run.spec.method,
    status: run.status,
    seconds: run.done?.seconds ?? null,
    backend: run.backend?.name ?? null,
    sharedStart: run.sharedStart,
    k: run.ready?.k ?? null,
    final: snap
      ? {
          step: snap.step,
          phase: snap.phase,
          samplesSeen: snap.samplesSeen,
          metrics: snap.metrics,
          internal: snap.internal,
          largestClusterFraction: snap.largestClusterFraction,
          losses: snap.losses,
        }
      : null,
    history: run.history,
    sample: run.ready
      ? {
          projection: run.frame?.method ?? null,
          indices: Array.from(run.ready.indices),
          labels: list(run.ready.labels),
          assignment: list(snap?.assignment),
          confidence: rounded(snap?.confidence),
          coords: rounded(run.frame?.coords),
        }
      : null,
    clusters: list(snap?.all?.cluster),
    confidences: rounded(snap?.all?.confidence),
  };
}

export function comparisonJsonText(link: string, runs: readonly RunState[]): string {
  const doc: ComparisonJson = {
    format: COMPARISON_FORMAT,
    version: 1,
    link,
    dataset: runs.find((r) => r.ready)?.ready?.dataset ?? null,
    runs: runs.map(runResult),
  };
  // Non-finite numbers become null (JSON has no NaN).
  return JSON.stringify(doc, null, 1) + '\n';
}

const isNumbers = (v: unknown, length?: number): v is number[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isFinite(x)) && (length === undefined || v.length === length);
const orNull = (v: unknown, length?: number): boolean => v === null || v === undefined || isNumbers(v, length);

/** Checks a parsed file; the reason names what is wrong. */
export function readComparisonJson(text: string): { doc: ComparisonJson } | { error: string } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { error: 'this is not a JSON file' };
  }
  const d = doc as Partial<ComparisonJson>;
  if (!d || typeof d !== 'object' || d.format !== COMPARISON_FORMAT) return { error: `this is not a Priorscope comparison (no "format": "${COMPARISON_FORMAT}")` };
  if (d.version !== 1) return { error: `comparison format version ${String(d.version)} is not supported (expected 1)` };
  if (typeof d.link !== 'string') return { error: 'the comparison has no link' };
  if (!Array.isArray(d.runs) || d.runs.length === 0) return { error: 'the comparison has no runs' };
  for (const [i, r] of d.runs.entries()) {
    const where = `run ${i + 1}`;
    if (!r || typeof r !== 'object' || typeof r.method !== 'string') return { error: `${where}: no method` };
    if (!Array.isArray(r.history)) return { error: `${where}: no history` };
    const s = r.sample;
    if (s) {
      const n = Array.isArray(s.indices) ? s.indices.length : -1;
      if (!isNumbers(s.indices) || !orNull(s.labels, n) || !orNull(s.assignment, n) || !orNull(s.confidence, n) || !orNull(s.coords, 2 * n)) {
        return { error: `${where}: the sample's arrays are damaged (lengths or values)` };
      }
    }
    if (!orNull(r.clusters) || !orNull(r.confidences, Array.isArray(r.clusters) ? r.clusters.length : undefined)) {
      return { error: `${where}: the list of every row's cluster is damaged` };
    }
  }
  return { doc: d as ComparisonJson };
}
