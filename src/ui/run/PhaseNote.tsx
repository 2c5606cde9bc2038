/**
 * One line beside a run's progress on what its current phase does (pretrain, initialise centres,
 * self-train and refresh the target, MNet pairs, …), while it trains.
 */
import { phaseNote } from '../../core/methods/phaseNotes';
import { CATALOG } from '../../state/catalog';
import { isActive, type RunState } from '../../state/run';
import { useRun } from './RunContext';

/** The method's target refresh interval as it trains (defaults, budget preset and overrides). */
function updateInterval(run: RunState): number | undefined {
  const s = run.settings;
  const method = s && CATALOG.methods.find((m) => m.id === s.method);
  if (!s || !method) return undefined;
  const v = CATALOG.effective(method, s.budget, s.params).updateInterval;
  return typeof v === 'number' ? v : undefined;
}

export function PhaseNote() {
  const note = useRun((r) => {
    if (!r.progress || !isActive(r.status)) return null;
    return phaseNote(r.settings?.method ?? r.spec.method, r.progress.phase, { step: r.progress.step, updateInterval: updateInterval(r) });
  });
  if (!note) return null;
  return (
    <p className="phase-note small" data-testid="phase-note">
      {note}
    </p>
  );
}
