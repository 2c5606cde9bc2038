/** Colour legend of the scatter, one per colouring; re-renders only when the colouring changes (per snapshot). */
import type { ColorBy } from '../../state/store';
import { shownLabel } from '../shownText';
import type { LegendEntry } from './colors';

const EMPTY: Record<ColorBy, string> = {
  cluster: 'Colours appear once there are clusters.',
  label: 'This dataset has no labels.',
  confidence: 'Confidence appears once there are clusters.',
  correct: 'Needs clusters and true labels.',
  disagree: 'Needs clusters in this run and in the focused run it is compared with.',
};

export function Legend({ entries, title, mode, compact = false }: { entries: LegendEntry[]; title: string; mode: ColorBy; compact?: boolean }) {
  // Always rendered (fixed width, or a strip under a comparison card), so the plot does not jump
  // when the first colours arrive.
  return (
    <div className={compact ? 'legend compact' : 'legend'} aria-label={`Legend: ${title}`} data-testid={compact ? 'card-legend' : 'legend'} data-mode={mode}>
      <div className="legend-title">{title}</div>
      {entries.length === 0 && <p className="muted small">{EMPTY[mode]}</p>}
      {mode === 'confidence' && entries.length > 0 && (
        <div
          className="legend-ramp"
          aria-hidden="true"
          style={{ background: `linear-gradient(to right, ${[...entries].reverse().map((e) => e.color).join(', ')})` }}
        />
      )}
      <ul>
        {entries.map((e) => (
          <li key={e.label}>
            <span className={mode === 'confidence' ? 'swatch square' : 'swatch'} style={{ background: e.color }} aria-hidden="true" />
            <span className="legend-label">{shownLabel(e.label)}</span>
            <span className="legend-count muted">{e.count}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
