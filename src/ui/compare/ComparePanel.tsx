/**
 * Several runs side by side on the same data, sample and seed: a grid of their scatters (brushing
 * or hovering in one marks the same points in all), a table of their scores, and their metric
 * curves on one chart.
 */
import { useShallow } from 'zustand/react/shallow';
import { CATALOG } from '../../state/catalog';
import { useStore } from '../../state/store';
import { RunProvider } from '../run/RunContext';
import { PROJECTION_NAMES } from '../scatter/projectionTitle';
import { ScatterToolbar } from '../scatter/ScatterToolbar';
import { CompareChart } from './CompareChart';
import { CompareTable } from './CompareTable';
import { RunCard } from './RunCard';

export function ComparePanel() {
  const order = useStore(useShallow((s) => s.runOrder));
  const dataset = useStore((s) => CATALOG.datasets.find((d) => d.id === s.settings.dataset)?.name ?? s.settings.dataset);
  const seed = useStore((s) => s.settings.seed);
  const projection = useStore((s) => s.settings.projection);
  return (
    <section className="panel compare-panel" aria-labelledby="compare-title" data-testid="compare">
      <div className="panel-head">
        <h2 id="compare-title">
          Comparison <span className="muted">— {order.length} runs on {dataset}, seed {seed}: same data, sample and seed, each drawn by {PROJECTION_NAMES[projection] ?? projection}</span>
        </h2>
        <ScatterToolbar views={false} />
      </div>
      <div className={`compare-grid runs-${order.length}`}>
        {order.map((id) => (
          <RunProvider key={id} id={id}>
            <RunCard />
          </RunProvider>
        ))}
      </div>
      <CompareTable />
      <CompareChart />
    </section>
  );
}
