/**
 * One banner region for everything the user should read: link problems, backend fallbacks,
 * warnings, a collapse warning, and errors (the last good snapshot stays on screen below) — of
 * every run, each named when several are compared.
 */
import { useShallow } from 'zustand/react/shallow';
import { dismissSettingsErrors } from '../../state/actions';
import type { RunState } from '../../state/run';
import { useStore } from '../../state/store';
import { USER_DATASET_ID } from '../../state/userData';
import { useRunTitles } from '../compare/useRunTitles';

const COLLAPSE_FRACTION = 0.9;

type Kind = 'error' | 'warning' | 'info';

function runMessages(run: RunState, name: string): { kind: Kind; text: string }[] {
  const items: { kind: Kind; text: string }[] = [];
  if (run.error) items.push({ kind: 'error', text: `${name}Training stopped: ${run.error}. The last good snapshot stays on screen.` });
  if (run.projectionError) items.push({ kind: 'warning', text: `${name}Projection failed: ${run.projectionError}` });
  const largest = run.snapshot?.largestClusterFraction ?? null;
  if (largest !== null && largest > COLLAPSE_FRACTION) {
    items.push({
      kind: 'warning',
      text: `${name}Collapse: ${(largest * 100).toFixed(0)}% of the points are in one cluster. Try another seed, a lower learning rate, or longer pretraining.`,
    });
  }
  for (const w of run.warnings) items.push({ kind: 'warning', text: `${name}${w}` });
  for (const n of run.backend?.notices ?? []) items.push({ kind: 'info', text: `${name}${n}` });
  return items;
}

export function Messages() {
  const settingsErrors = useStore((s) => s.settingsErrors);
  const runs = useStore(useShallow((s) => s.runOrder.map((id) => s.runs[id])));
  const needsDrop = useStore((s) => s.settings.dataset === USER_DATASET_ID && s.userData.info === null);
  const titles = useRunTitles();
  const items: { kind: Kind; text: string }[] = [];
  for (const run of runs) items.push(...runMessages(run, runs.length > 1 ? `${titles[run.id]}: ` : ''));
  if (needsDrop) {
    items.push({
      kind: 'info',
      text: 'Your data is chosen but none is loaded: drop images, a folder, a .zip or dataset files on the page (or use “Open files”), then press Train. A link to your data needs its files dropped again.',
    });
  }
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
