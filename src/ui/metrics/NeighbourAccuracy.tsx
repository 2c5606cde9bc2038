/**
 * The neighbourhood prior's own number: the share of mined neighbours (all rows) that share their
 * anchor's class. Shown only for a method that mines neighbours, on labelled data.
 */
import { useRun } from '../run/RunContext';

export function NeighbourAccuracy() {
  const accuracy = useRun((r) => r.snapshot?.neighbourAccuracy ?? null);
  const k = useRun((r) => r.snapshot?.neighbours?.k ?? null);
  if (accuracy === null) return null;
  return (
    <p className="neighbour-accuracy small" data-testid="neighbour-accuracy-row">
      <strong>Neighbour accuracy</strong>{' '}
      <span data-testid="metric-neighbourAccuracy">{accuracy.toFixed(3)}</span>
      <span className="muted">
        {' '}
        — the share of each point's {k ?? ''} mined neighbours with its class. SCAN works because most neighbours share a class: “agree with your
        neighbours” then mostly means “agree with your class”.
      </span>
    </p>
  );
}
