/**
 * ACC, NMI and ARI of the latest snapshot as big numbers and their history over the run, then the
 * label-free quality row. Before the method has clusters (pretraining) the numbers and dashed
 * curves are those of k-means on the current embedding — marked as a preview — so there is
 * something to read from the first snapshot on.
 */
import { useMemo } from 'react';
import { schemeTableau10 } from 'd3';
import type { HistoryPoint } from '../../state/run';
import { LineChart, type Series } from '../charts/LineChart';
import { LabelFreeMetrics } from './LabelFreeMetrics';
import { NeighbourAccuracy } from './NeighbourAccuracy';
import { QualityRow } from './QualityRow';
import { useRun } from '../run/RunContext';
import { hasLabels } from '../../state/store';

const METRICS = [
  { key: 'acc', label: 'ACC', help: 'Clustering accuracy: the best one-to-one match of clusters to labels (Hungarian).' },
  { key: 'nmi', label: 'NMI', help: 'Normalised mutual information between clusters and labels.' },
  { key: 'ari', label: 'ARI', help: 'Adjusted Rand index: pair agreement, 0 for chance, 1 for perfect.' },
] as const;

function metricSeries(history: HistoryPoint[]): Series[] {
  const own = METRICS.map((m, i) => ({
    name: m.label,
    color: schemeTableau10[i],
    points: history.filter((h) => h.metrics).map((h) => ({ x: h.step, y: h.metrics![m.key] })),
  }));
  const preview = METRICS.map((m, i) => ({
    name: `${m.label} (k-means preview)`,
    color: schemeTableau10[i],
    dashed: true,
    points: history.filter((h) => h.preview).map((h) => ({ x: h.step, y: h.preview![m.key] })),
  }));
  return [...own, ...preview.filter((s) => s.points.length > 0)];
}

export function MetricsPanel() {
  // Unlabeled data (known from the run once it is ready, else from the chosen data) has no ACC / NMI / ARI.
  // The sample's labels, not allLabels: a restored or imported run keeps only its sample's.
  const unlabeled = useRun((r, s) => (r.ready ? r.ready.labels === null : !hasLabels(s)));
  return unlabeled ? <LabelFreeMetrics /> : <LabelledMetrics />;
}

function LabelledMetrics() {
  const own = useRun((r) => r.snapshot?.metrics ?? null);
  const preview = useRun((r) => (r.snapshot?.metrics ? null : (r.snapshot?.preview?.metrics ?? null)));
  const metrics = own ?? preview;
  const history = useRun((r) => r.history);
  const series = useMemo(() => metricSeries(history), [history]);
  const hasHistory = series.some((s) => s.points.length > 0);
  return (
    <section className="panel metrics-panel" aria-labelledby="metrics-title">
      <h2 id="metrics-title">Agreement with the true labels</h2>
      {preview && (
        <p className="preview-note small" data-testid="metrics-preview">
          No clusters yet: k-means on the current embedding, a preview of what AE + k-means would give now.
        </p>
      )}
      <div className={preview ? 'big-numbers preview' : 'big-numbers'} data-preview={preview !== null}>
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
      <NeighbourAccuracy />
      <QualityRow />
    </section>
  );
}
