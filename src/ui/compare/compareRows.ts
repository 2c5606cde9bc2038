/**
 * The comparison table as data: one row per run with its latest and best scores, time, speed and
 * warnings; and the metric curves of all runs on one epoch axis. Pure, so it is tested.
 */
import type { ExternalMetrics, InternalMetrics } from '../../core/engine/types';
import type { HistoryPoint, RunState, RunStatus } from '../../state/run';

/** Okabe–Ito: four colours that stay apart for colour-blind eyes, one per run of a comparison. */
export const RUN_COLORS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7'] as const;

export const COLLAPSE_FRACTION = 0.9;

export type CurveMetric = keyof ExternalMetrics | 'silhouette' | 'sizeEntropy';

export interface CompareRow {
  id: string;
  title: string;
  color: string;
  status: RunStatus;
  /** Latest snapshot's scores (the final ones once finished). */
  metrics: ExternalMetrics | null;
  internal: InternalMetrics | null;
  /** Highest ACC over the run's snapshots. */
  bestAcc: number | null;
  seconds: number | null;
  /** Mean training speed over the windows in which steps ran. */
  samplesPerSec: number | null;
  backend: string | null;
  /** Share of the points in the largest cluster, when over the collapse threshold. */
  collapse: number | null;
  sharedStart: string | null;
}

export function compareRow(run: RunState, index: number, title: string): CompareRow {
  const snap = run.snapshot;
  const accs = run.history.flatMap((h) => (h.metrics ? [h.metrics.acc] : []));
  const largest = snap?.largestClusterFraction ?? null;
  return {
    id: run.id,
    title,
    color: RUN_COLORS[index % RUN_COLORS.length],
    status: run.status,
    metrics: snap?.metrics ?? null,
    internal: snap?.internal ?? null,
    bestAcc: accs.length ? Math.max(...accs) : null,
    seconds: run.done?.seconds ?? (run.progress ? run.progress.elapsedMs / 1000 : null),
    samplesPerSec: run.speed.count > 0 ? run.speed.sum / run.speed.count : null,
    backend: run.backend?.name ?? null,
    collapse: largest !== null && largest > COLLAPSE_FRACTION ? largest : null,
    sharedStart: run.sharedStart ? (run.sharedStart.cached ? 'cached' : run.sharedStart.sharedBy > 1 ? `shared by ${run.sharedStart.sharedBy}` : null) : null,
  };
}

function valueOf(h: HistoryPoint, metric: CurveMetric): number | null {
  if (metric === 'silhouette' || metric === 'sizeEntropy') return h.internal?.[metric] ?? null;
  return h.metrics?.[metric] ?? null;
}

/** One run's curve of `metric` against epochs (training samples seen over n). */
export function curve(history: readonly HistoryPoint[], n: number, metric: CurveMetric): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  for (const h of history) {
    const y = valueOf(h, metric);
    if (y !== null && Number.isFinite(y)) out.push({ x: h.samplesSeen / Math.max(1, n), y });
  }
  return out;
}
