/** One small chart per named loss part (parts differ in scale, so each gets its own y axis). */
import { useMemo } from 'react';
import type { HistoryPoint } from '../../state/run';
import { LineChart } from '../charts/LineChart';
import { palette } from '../scatter/colors';
import { useRun } from '../run/RunContext';

function lossParts(history: HistoryPoint[]): { name: string; points: { x: number; y: number }[] }[] {
  const names: string[] = [];
  for (const h of history) for (const k of Object.keys(h.losses)) if (!names.includes(k)) names.push(k);
  return names.map((name) => ({
    name,
    points: history.filter((h) => name in h.losses).map((h) => ({ x: h.step, y: h.losses[name] })),
  }));
}

export function LossPanel() {
  const history = useRun((r) => r.history);
  const ended = useRun((r) => r.status === 'finished' || r.status === 'stopped' || r.status === 'error');
  const parts = useMemo(() => lossParts(history), [history]);
  const colors = palette(parts.length + 3).slice(3);
  return (
    <section className="panel loss-panel" aria-labelledby="loss-title">
      <h2 id="loss-title">Loss</h2>
      {parts.length === 0 && (
        <p className="muted small" data-testid="loss-empty">
          {ended ? 'This run recorded no loss: its method takes no gradient steps (k-means has none).' : 'Loss curves appear with the first snapshot.'}
        </p>
      )}
      <div className="loss-grid">
        {parts.map((p, i) => {
          const last = p.points[p.points.length - 1]?.y;
          return (
            <div key={p.name} className="loss-part" data-testid={`loss-${p.name}`}>
              <div className="loss-head">
                <span>{p.name}</span>
                <span className="muted">{last === undefined ? '' : Number(last.toPrecision(4))}</span>
              </div>
              <LineChart
                series={[{ name: p.name, color: colors[i], points: p.points }]}
                height={100}
                ariaLabel={`${p.name} loss over the training steps`}
              />
            </div>
          );
        })}
      </div>
    </section>
  );
}
