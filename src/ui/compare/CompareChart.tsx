/**
 * The metric curves of every run on one chart, against epochs (training samples seen over n, a
 * shared pretraining included), so runs with other batch sizes and schedules line up.
 */
import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../state/store';
import { LineChart, type Series } from '../charts/LineChart';
import { curve, RUN_COLORS, type CurveMetric } from './compareRows';
import { useRunTitles } from './useRunTitles';

const METRICS: { value: CurveMetric; label: string; needsLabels: boolean }[] = [
  { value: 'acc', label: 'ACC', needsLabels: true },
  { value: 'nmi', label: 'NMI', needsLabels: true },
  { value: 'ari', label: 'ARI', needsLabels: true },
  { value: 'silhouette', label: 'Silhouette', needsLabels: false },
  { value: 'sizeEntropy', label: 'Size entropy', needsLabels: false },
];

export function CompareChart() {
  // Re-renders when a run's history grows (a snapshot), not on every progress event.
  const order = useStore(useShallow((s) => s.runOrder));
  const histories = useStore(useShallow((s) => s.runOrder.map((id) => s.runs[id].history)));
  const sizes = useStore(useShallow((s) => s.runOrder.map((id) => s.runs[id].ready?.dataset.n ?? 1)));
  const labelled = useStore((s) => s.runOrder.some((id) => s.runs[id].ready?.labels));
  const titles = useRunTitles();
  const choices = METRICS.filter((m) => labelled || !m.needsLabels);
  const [picked, setPicked] = useState<CurveMetric>('acc');
  const metric = choices.some((c) => c.value === picked) ? picked : choices[0].value;
  const series = useMemo<Series[]>(() => {
    const curves = histories.map((h, i) => curve(h, sizes[i], metric));
    const right = Math.max(0, ...curves.flat().map((p) => p.x));
    return order.map((id, i) => {
      const points = curves[i];
      // A run that trains nothing (k-means on pixels) is a level across the chart: the bar to beat.
      const level = points.length > 0 && points.every((p) => p.x === 0) && right > 0;
      return {
        name: `${i + 1}. ${titles[id] ?? id}${level ? ' (no training)' : ''}`,
        color: RUN_COLORS[i % RUN_COLORS.length],
        points: level ? [{ x: 0, y: points.at(-1)!.y }, { x: right, y: points.at(-1)!.y }] : points,
      };
    });
  }, [order, histories, sizes, metric, titles]);
  const label = choices.find((c) => c.value === metric)?.label ?? metric;
  const any = series.some((s) => s.points.length > 0);
  return (
    <div className="compare-chart" data-testid="compare-chart">
      <div className="compare-chart-head">
        <label>
          Curve{' '}
          <select value={metric} onChange={(e) => setPicked(e.target.value as CurveMetric)} data-testid="compare-metric">
            {choices.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <span className="muted small">against epochs (samples seen ÷ n, the shared pretraining included)</span>
      </div>
      {any ? (
        <LineChart series={series} yDomain={metric === 'silhouette' ? [-0.2, 1] : [0, 1]} xLabel="epochs" ariaLabel={`${label} of every run over the epochs`} height={160} testId="compare-curves" />
      ) : (
        <p className="muted small">The curves appear once the runs have clusters.</p>
      )}
    </div>
  );
}
