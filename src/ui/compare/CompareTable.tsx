/** The comparison table: one row per run, its scores, time, speed, backend and warnings. */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { focusRun } from '../../state/compareActions';
import { useStore } from '../../state/store';
import { STATUS_TEXT } from '../run/ProgressLine';
import { compareRow } from './compareRows';
import { useRunTitles } from './useRunTitles';

const fmt = (v: number | null | undefined, digits = 3): string => (v === null || v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(digits));
const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function CompareTable() {
  const runs = useStore(useShallow((s) => s.runOrder.map((id) => s.runs[id])));
  const focused = useStore((s) => s.focusedRunId);
  const titles = useRunTitles();
  const rows = useMemo(() => runs.map((r, i) => compareRow(r, i, titles[r.id] ?? r.spec.method)), [runs, titles]);
  const labelled = runs.some((r) => r.ready?.labels);
  return (
    <div className="compare-table-wrap">
      <table className="compare-table" data-testid="compare-table">
        <caption className="visually-hidden">Scores of the runs side by side</caption>
        <thead>
          <tr>
            <th scope="col">run</th>
            <th scope="col">status</th>
            {labelled && (
              <>
                <th scope="col" className="num" title="Accuracy after Hungarian matching, latest snapshot">ACC</th>
                <th scope="col" className="num" title="Best ACC over the run's snapshots">best ACC</th>
                <th scope="col" className="num">NMI</th>
                <th scope="col" className="num">ARI</th>
              </>
            )}
            <th scope="col" className="num" title="Silhouette on 1,000 shown points (no labels needed)">silhouette</th>
            <th scope="col" className="num" title="Cluster-size entropy over ln k: 1 = equal sizes">size entropy</th>
            <th scope="col" className="num">time (s)</th>
            <th scope="col" className="num" title="Mean training speed while steps ran">samples/s</th>
            <th scope="col">backend</th>
            <th scope="col">notes</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid="compare-row" data-run={r.id} className={r.id === focused ? 'focused' : undefined}>
              <th scope="row">
                <button type="button" className="link" onClick={() => focusRun(r.id)}>
                  <span className="run-swatch" style={{ background: r.color }} aria-hidden="true" />
                  {r.title}
                </button>
              </th>
              <td>{STATUS_TEXT[r.status]}</td>
              {labelled && (
                <>
                  <td className="num" data-testid="row-acc">{fmt(r.metrics?.acc)}</td>
                  <td className="num">{fmt(r.bestAcc)}</td>
                  <td className="num">{fmt(r.metrics?.nmi)}</td>
                  <td className="num">{fmt(r.metrics?.ari)}</td>
                </>
              )}
              <td className="num">{fmt(r.internal?.silhouette)}</td>
              <td className="num">{fmt(r.internal?.sizeEntropy)}</td>
              <td className="num">{fmt(r.seconds, 1)}</td>
              <td className="num">{r.samplesPerSec === null ? '—' : int.format(r.samplesPerSec)}</td>
              <td>{r.backend ?? '—'}</td>
              <td className="small">
                {[r.collapse !== null ? `collapse: ${Math.round(r.collapse * 100)}% in one cluster` : null, r.sharedStart ? `pretraining ${r.sharedStart}` : null]
                  .filter(Boolean)
                  .join('; ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
