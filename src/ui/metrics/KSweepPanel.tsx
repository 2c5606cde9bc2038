/**
 * "Help choosing k": sweeps k-means over k on the current learned embedding, plots the label-free
 * scores against k, suggests the k with the highest silhouette and sets it (or 2k, over-clustering)
 * for the next run. Most useful when the data has no labels; available whenever an embedding is.
 */
import { useMemo, useState } from 'react';
import { schemeTableau10 } from 'd3';
import { suggestK, type KSweepResult } from '../../core/cluster/kSweep';
import { setParam } from '../../state/actions';
import { cancelKSweep, runKSweep, useKSweep } from '../../state/kSweep';
import { LineChart, type Series } from '../charts/LineChart';
import { useRun } from '../run/RunContext';

const SIL_COLOR = schemeTableau10[0];
const DB_COLOR = schemeTableau10[1];
const CH_COLOR = schemeTableau10[2];
const MARK_COLOR = '#98a2b3';

/**
 * All three on one 0..1-ish axis, higher = better: silhouette as is; Davies–Bouldin (lower is
 * better, 0..∞) as 1 / (1 + DB); Calinski–Harabasz (unbounded) over its largest value in the sweep.
 */
function sweepSeries(results: KSweepResult[], best: KSweepResult | null, yLow: number): Series[] {
  const maxCh = Math.max(...results.map((r) => r.calinskiHarabasz));
  const series: Series[] = [
    { name: 'Silhouette', color: SIL_COLOR, points: results.map((r) => ({ x: r.k, y: r.silhouette ?? NaN })) },
    { name: '1 / (1 + Davies–Bouldin)', color: DB_COLOR, points: results.map((r) => ({ x: r.k, y: 1 / (1 + r.daviesBouldin) })) },
    { name: 'Calinski–Harabasz ÷ max', color: CH_COLOR, points: results.map((r) => ({ x: r.k, y: maxCh > 0 ? r.calinskiHarabasz / maxCh : NaN })) },
  ];
  // A vertical line at the suggestion: LineChart draws any series, so a two-point one marks it.
  if (best) series.push({ name: `suggested k = ${best.k}`, color: MARK_COLOR, points: [{ x: best.k, y: yLow }, { x: best.k, y: 1 }] });
  return series;
}

const fmt = (v: number | null, digits: number): string => (v === null || !Number.isFinite(v) ? '—' : v.toFixed(digits));

export function KSweepPanel() {
  const snapshotStep = useRun((r) => r.snapshot?.step ?? null);
  const points = useRun((r) => (r.snapshot ? r.snapshot.embedding.length / Math.max(1, r.snapshot.embedDim) : 0));
  const unlabeled = useRun((r) => r.ready !== null && r.ready.labels === null);
  const sweep = useKSweep((s) => s);
  const [feedback, setFeedback] = useState<{ text: string; error: boolean } | null>(null);

  const { results, status, progress, runK } = sweep;
  const best = useMemo(() => suggestK(results), [results]);
  const yLow = Math.min(0, ...results.map((r) => r.silhouette ?? 0));
  const series = useMemo(() => sweepSeries(results, best, yLow), [results, best, yLow]);

  if (snapshotStep === null || points < 3) return null;

  const setK = (k: number, what: string) => {
    const error = setParam('global', 'k', String(k));
    setFeedback(error ? { text: error, error: true } : { text: `${what}: k = ${k} is set for the next run.`, error: false });
  };
  const start = () => {
    setFeedback(null);
    void runKSweep();
  };
  const running = status === 'running';
  const stale = !running && sweep.forRunStep !== null && sweep.forRunStep !== snapshotStep;

  return (
    <section className="panel ksweep-panel" aria-labelledby="ksweep-title" data-testid="ksweep">
      <div className="panel-head">
        <h2 id="ksweep-title">Help choosing k</h2>
        <div className="ksweep-buttons">
          <button
            type="button"
            onClick={start}
            disabled={running}
            data-testid="ksweep-run"
            aria-label="Sweep k: k-means of the current embedding for k from 2 to 20, scored without labels"
          >
            Sweep k
          </button>
          {running && (
            <button type="button" onClick={cancelKSweep} data-testid="ksweep-cancel" aria-label="Stop the k sweep">
              Stop
            </button>
          )}
        </div>
      </div>
      <p className="help">
        k-means of the learned embedding of the {points.toLocaleString()} shown points for each k, scored by label-free
        metrics{unlabeled ? ' — this data has no labels, so these are the guide to k' : ''}.
      </p>

      <p className="small" role="status" aria-live="polite" data-testid="ksweep-progress">
        {running && progress
          ? `Sweeping… k = ${progress.nextK ?? '…'} (${progress.done} of ${progress.total} done)`
          : sweep.forRunStep !== null && results.length > 0
            ? `Swept the embedding at step ${sweep.forRunStep}${stale ? ` — it has moved on (step ${snapshotStep}); sweep again for the latest` : ''}.`
            : ''}
      </p>
      {sweep.message && <p className="hint">{sweep.message}</p>}
      {sweep.error && <p className="message message-error" role="alert">Sweep failed: {sweep.error}</p>}

      {results.length > 0 && (
        <>
          <p className="help" id="ksweep-chart-help">
            All three scaled so that higher is better: silhouette as is (−1 to 1); Davies–Bouldin as 1 / (1 + DB), since
            DB itself is better when lower; Calinski–Harabasz divided by its largest value here.
          </p>
          <LineChart
            series={series}
            yDomain={[yLow, 1]}
            xLabel="k"
            height={150}
            ariaLabel="Silhouette, 1 / (1 + Davies–Bouldin) and Calinski–Harabasz over its maximum against the number of clusters k"
            testId="ksweep-chart"
          />
          {best && (
            <p className="ksweep-best" data-testid="ksweep-best">
              Suggested k = {best.k} (highest silhouette {best.silhouette!.toFixed(2)})
            </p>
          )}
          {best && (
            <p className="help">
              Silhouette is one heuristic: it favours compact, well-separated clusters. Check the other curves and the
              scatter before trusting it.
            </p>
          )}
          <table className="count-table ksweep-table" data-testid="ksweep-table">
            <caption className="visually-hidden">Label-free scores of k-means for each k</caption>
            <thead>
              <tr>
                <th scope="col">k</th>
                <th scope="col" className="num" title="Higher is better, −1 to 1 (on at most 1,000 points)">
                  Silhouette ↑
                </th>
                <th scope="col" className="num" title="Lower is better">
                  Davies–Bouldin ↓
                </th>
                <th scope="col" className="num" title="Higher is better">
                  Calinski–Harabasz ↑
                </th>
                <th scope="col" className="num" title="1 = k equal clusters">
                  Size entropy
                </th>
              </tr>
            </thead>
            <tbody>
              {results.map((r) => {
                const notes = [r.k === best?.k && 'suggested', r.k === runK && 'this run', runK !== null && r.k === 2 * runK && '2 × this run'];
                const note = notes.filter(Boolean).join(', ');
                return (
                  <tr key={r.k} className={r.k === best?.k ? 'ksweep-suggested' : undefined}>
                    <th scope="row">
                      {r.k}
                      {note && <span className="muted"> ({note})</span>}
                    </th>
                    <td className="num">{fmt(r.silhouette, 3)}</td>
                    <td className="num">{fmt(r.daviesBouldin, 3)}</td>
                    <td className="num">{fmt(r.calinskiHarabasz, 0)}</td>
                    <td className="num">{fmt(r.sizeEntropy, 3)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {best && (
            <div className="ksweep-actions">
              <button type="button" onClick={() => setK(best.k, 'Suggested')} disabled={running} data-testid="ksweep-use">
                Use k = {best.k} for the next run
              </button>
              <button
                type="button"
                onClick={() => setK(2 * best.k, 'Over-clustering')}
                disabled={running}
                data-testid="ksweep-overcluster"
                aria-describedby="ksweep-overcluster-help"
              >
                Over-cluster: k = {2 * best.k}
              </button>
            </div>
          )}
          {best && (
            <p className="help" id="ksweep-overcluster-help">
              Over-clustering (2 × k) splits classes into finer clusters that are easier to name or merge by eye, as IIC's
              over-clustering heads do.
            </p>
          )}
          {feedback && (
            <p className={feedback.error ? 'message message-error' : 'small'} role="status" data-testid="ksweep-feedback">
              {feedback.text}
            </p>
          )}
        </>
      )}
    </section>
  );
}
