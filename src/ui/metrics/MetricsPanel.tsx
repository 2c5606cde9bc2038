/**
 * ACC, NMI and ARI of the latest snapshot as big numbers and their history over the run, then the
 * label-free quality row.
 */
import { useMemo } from 'react';
import { schemeTableau10 } from 'd3';
import type { HistoryPoint } from '../../state/run';
import { LineChart, type Series } from '../charts/LineChart';
import { LabelFreeMetrics } from './LabelFreeMetrics';
import { QualityRow } from './QualityRow';
import { useRun } from '../run/RunContext';

const METRICS = [
  { key: 'acc', label: 'ACC', help: 'Clustering accuracy: the best one-to-one match of clusters to labels (Hungarian).' },
  { key: 'nmi', label: 'NMI', help: 'Normalised mutual information between clusters and labels.' },
  { key: 'ari', label: 'ARI', help: 'Adjusted Rand index: pair agreement, 0 for chance, 1 for perfect.' },
] as const;

function metricSeries(history: HistoryPoint[]): Series[] {
  return METRICS.map((m, i) => ({
    name: m.label,
    color: schemeTableau10[i],
    points: history.filter((h) => h.metrics).map((h) => ({ x: h.step, y: h.metrics![m.key] })),
  }));
}

export function MetricsPanel() {
  // Unlabeled data (known once the run is ready) has no ACC / NMI / ARI to show.
  const unlabeled = useRun((r) => r.ready !== null && r.ready.allLabels === null);
  return unlabeled ? <LabelFreeMetrics /> : <LabelledMetrics />;
}

function LabelledMetrics() {
  const metrics = useRun((r) => r.snapshot?.metrics ?? null);
  const history = useRun((r) => r.history);
  const series = useMemo(() => metricSeries(history), [history]);
  const hasHistory = series.some((s) => s.points.length > 0);
  return (
    <section className="panel metrics-panel" aria-labelledby="metrics-title">
      <h2 id="metrics-title">Agreement with the true labels</h2>
      <div className="big-numbers">
        {METRICS.map((m, i) => (
          <div className="big-number" key={m.key} title={m.help}>
            <div className="big-label" style={{ color: schemeTableau10[i] }}>
              {m.label}
            </div>
            <div className="big-value" data-testid={`metric-${m.key}`} aria-label={`${m.label}`}>
              {metrics ? metrics[m.key].toFixed(3) : '—'}
            </div>
          </div>
        ))}
      </div>
      {hasHistory ? (
        <LineChart series={series} yDomain={[0, 1]} ariaLabel="ACC, NMI and ARI over the training steps" testId="metrics-chart" />
      ) : (
        <p className="muted small">Metrics appear once the method has clusters (after pretraining).</p>
      )}
      <QualityRow />
    </section>
  );
}
