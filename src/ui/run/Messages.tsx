/**
 * One banner region for everything the user should read: link problems, backend fallbacks,
 * warnings, a collapse warning, and errors (the last good snapshot stays on screen below).
 */
import { dismissSettingsErrors } from '../../state/actions';
import { useStore } from '../../state/store';

const COLLAPSE_FRACTION = 0.9;

type Kind = 'error' | 'warning' | 'info';

export function Messages() {
  const settingsErrors = useStore((s) => s.settingsErrors);
  const run = useStore((s) => s.run);
  const items: { kind: Kind; text: string }[] = [];
  if (run.error) items.push({ kind: 'error', text: `Training stopped: ${run.error}. The last good snapshot stays on screen.` });
  if (run.projectionError) items.push({ kind: 'warning', text: `Projection failed: ${run.projectionError}` });
  const largest = run.snapshot?.largestClusterFraction ?? null;
  if (largest !== null && largest > COLLAPSE_FRACTION) {
    items.push({
      kind: 'warning',
      text: `Collapse: ${(largest * 100).toFixed(0)}% of the points are in one cluster. Try another seed, a lower learning rate, or longer pretraining.`,
    });
  }
  for (const w of run.warnings) items.push({ kind: 'warning', text: w });
  for (const n of run.backend?.notices ?? []) items.push({ kind: 'info', text: n });
  for (const e of settingsErrors) items.push({ kind: 'warning', text: `Link: ${e}` });
  if (items.length === 0) return null;

  return (
    <div className="messages" data-testid="message" role="status" aria-live="polite">
      {items.map((m, i) => (
        <div key={i} className={`message message-${m.kind}`} data-kind={m.kind}>
          {m.text}
        </div>
      ))}
      {settingsErrors.length > 0 && (
        <button type="button" className="link" onClick={dismissSettingsErrors}>
          Dismiss link messages
        </button>
      )}
    </div>
  );
}
