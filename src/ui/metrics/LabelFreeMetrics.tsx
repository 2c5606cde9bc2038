/**
 * What the metrics panel shows when the data has no labels: the label-free quality of the latest
 * snapshot, and silhouette and cluster-size entropy over the run (both on a 0..1-like scale).
 */
import { useMemo } from 'react';
import { schemeTableau10 } from 'd3';
import type { HistoryPoint } from '../../state/run';
import { LineChart, type Series } from '../charts/LineChart';
import { QualityRow } from './QualityRow';
import { useRun } from '../run/RunContext';

function qualitySeries(history: HistoryPoint[]): Series[] {
  const withInternal = history.filter((h) => h.internal);
  return [
    { name: 'Silhouette', color: schemeTableau10[0], points: withInternal.filter((h) => h.internal!.silhouette !== null).map((h) => ({ x: h.step, y: h.internal!.silhouette! })) },
    { name: 'Size entropy', color: schemeTableau10[1], points: withInternal.map((h) => ({ x: h.step, y: h.internal!.sizeEntropy })) },
  ];
}

export function LabelFreeMetrics() {
  const history = useRun((r) => r.history);
  const series = useMemo(() => qualitySeries(history), [history]);
  const hasHistory = series.some((s) => s.points.length > 0);
  return (
    <section className="panel metrics-panel" aria-labelledby="metrics-title" data-testid="label-free-metrics">
      <h2 id="metrics-title">Cluster quality (the data has no labels)</h2>
      <p className="help">Without labels there is no accuracy: these scores judge the clusters by their shape in the learned embedding.</p>
      <QualityRow />
      {hasHistory ? (
        <LineChart series={series} yDomain={[-0.2, 1]} ariaLabel="Silhouette and cluster-size entropy over the training steps" testId="quality-chart" />
      ) : (
        <p className="muted small">Scores appear once the method has clusters (after pretraining).</p>
      )}
    </section>
  );
}
