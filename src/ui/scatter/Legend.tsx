/** Colour legend of the scatter; re-renders only when the colouring changes (per snapshot). */
import type { LegendEntry } from './colors';

export function Legend({ entries, title }: { entries: LegendEntry[]; title: string }) {
  // Always rendered (fixed width), so the plot does not jump when the first colours arrive.
  return (
    <div className="legend" aria-label={`Legend: ${title}`}>
      <div className="legend-title">{title}</div>
      {entries.length === 0 && <p className="muted small">Colours appear once there are clusters.</p>}
      <ul>
        {entries.map((e) => (
          <li key={e.label}>
            <span className="swatch" style={{ background: e.color }} aria-hidden="true" />
            <span className="legend-label">{e.label}</span>
            <span className="legend-count muted">{e.count}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
