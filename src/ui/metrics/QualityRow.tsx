/**
 * Label-free cluster quality of the latest snapshot: what unlabeled data shows instead of
 * ACC / NMI / ARI, and a second opinion when labels exist.
 */
import type { InternalMetrics } from '../../core/engine/types';
import { useRun } from '../run/RunContext';

const QUALITY: readonly { key: keyof InternalMetrics; label: string; help: string; digits: number }[] = [
  { key: 'silhouette', label: 'Silhouette', help: 'How much closer points are to their own cluster than to the next one, −1 to 1; higher is better (on 1,000 shown points).', digits: 3 },
  { key: 'daviesBouldin', label: 'Davies–Bouldin', help: 'Average similarity of each cluster to its most similar other cluster; lower is better.', digits: 3 },
  { key: 'calinskiHarabasz', label: 'Calinski–Harabasz', help: 'Between-cluster over within-cluster dispersion; higher is better.', digits: 0 },
  { key: 'sizeEntropy', label: 'Size entropy', help: 'Entropy of the cluster sizes over ln k: 1 = k equal clusters, near 0 = one cluster took over.', digits: 3 },
];

export function QualityRow() {
  const internal = useRun((r) => r.snapshot?.internal ?? null);
  return (
    <dl className="quality-row" aria-label="Cluster quality without labels">
      {QUALITY.map((q) => {
        const v = internal?.[q.key];
        return (
          <div key={q.key} title={q.help}>
            <dt>{q.label}</dt>
            <dd data-testid={`metric-${q.key}`}>{v === null || v === undefined ? '—' : v.toFixed(q.digits)}</dd>
          </div>
        );
      })}
    </dl>
  );
}
