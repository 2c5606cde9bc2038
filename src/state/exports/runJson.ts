/**
 * A run as JSON: what was trained (dataset, settings, k), how long it took, its final external and
 * label-free metrics, the history of both and the last loss values. No timestamps: the same run
 * exports the same file, so two exports can be diffed.
 */
import type { DatasetInfo, ExternalMetrics, InternalMetrics, Snapshot } from '../../core/engine/types';
import type { Settings } from '../params';
import type { HistoryPoint, RunStatus } from '../run';

export interface RunJsonInput {
  dataset: DatasetInfo;
  settings: Settings;
  k: number;
  status: RunStatus;
  /** Wall time of a finished or stopped run; null while it is still going. */
  seconds: number | null;
  snapshot: Snapshot;
  history: readonly HistoryPoint[];
  /** Cluster sizes over the exported rows (every row after the run finished, else the sample). */
  clusterSizes: { scope: 'all' | 'sample'; sizes: number[] };
}

export interface RunJson {
  app: 'priorscope';
  dataset: DatasetInfo;
  settings: Settings;
  k: number;
  status: RunStatus;
  seconds: number | null;
  step: number;
  phase: string;
  metrics: ExternalMetrics | null;
  internal: InternalMetrics | null;
  largestClusterFraction: number | null;
  clusterSizes: { scope: 'all' | 'sample'; sizes: number[] };
  history: {
    step: number;
    phase: string;
    elapsedMs: number;
    acc: number | null;
    nmi: number | null;
    ari: number | null;
    internal: InternalMetrics | null;
  }[];
  losses: Record<string, number>;
}

export function runJson(input: RunJsonInput): RunJson {
  const { snapshot: s } = input;
  return {
    app: 'priorscope',
    dataset: input.dataset,
    settings: input.settings,
    k: input.k,
    status: input.status,
    seconds: input.seconds,
    step: s.step,
    phase: s.phase,
    metrics: s.metrics,
    internal: s.internal,
    largestClusterFraction: s.largestClusterFraction,
    clusterSizes: input.clusterSizes,
    history: input.history.map((h) => ({
      step: h.step,
      phase: h.phase,
      elapsedMs: h.elapsedMs,
      acc: h.metrics?.acc ?? null,
      nmi: h.metrics?.nmi ?? null,
      ari: h.metrics?.ari ?? null,
      internal: h.internal ?? null,
    })),
    losses: { ...s.losses },
  };
}

/** Pretty-printed; non-finite numbers become null (JSON has no NaN). */
export function runJsonText(input: RunJsonInput): string {
  return JSON.stringify(runJson(input), null, 2) + '\n';
}

/** Points per cluster 0..k−1 (ids outside the range are not counted). */
export function clusterSizes(cluster: Int32Array, k: number): number[] {
  const sizes = new Array<number>(k).fill(0);
  for (const c of cluster) if (c >= 0 && c < k) sizes[c]++;
  return sizes;
}
