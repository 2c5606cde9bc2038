/**
 * One run of the comparison grid: its name (and what it changed, for a duplicate), status and
 * progress, its scatter, and its scores. Its own train/stop, duplicate and remove buttons; a click
 * on its name focuses it (the settings and detail panels follow the focused run).
 */
import { findMethod } from '../../core/methods';
import { startOne, stopOne } from '../../state/actions';
import { duplicateRun, focusRun, removeRun } from '../../state/compareActions';
import { isActive } from '../../state/run';
import { useStore } from '../../state/store';
import { STATUS_TEXT } from '../run/ProgressLine';
import { useRun, useRunId } from '../run/RunContext';
import { PhaseNote } from '../run/PhaseNote';
import { runProgress } from '../run/runProgress';
import { FamilyCardButton } from '../teaching/FamilyCardButton';
import { phaseText, sharedStartText } from '../run/sharedStartText';
import { ScatterPanel } from '../scatter/ScatterPanel';
import { RUN_COLORS } from './compareRows';
import { runTitle, specChanges } from './runTitle';
import { useRunTitles } from './useRunTitles';

const fmt = (v: number | null | undefined, digits = 3): string => (v === null || v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(digits));

function Scores() {
  const metrics = useRun((r) => r.snapshot?.metrics ?? null);
  const internal = useRun((r) => r.snapshot?.internal ?? null);
  const labelled = useRun((r) => r.ready === null || r.ready.labels !== null);
  const cells = labelled
    ? [
        { key: 'acc', label: 'ACC', value: fmt(metrics?.acc) },
        { key: 'nmi', label: 'NMI', value: fmt(metrics?.nmi) },
        { key: 'ari', label: 'ARI', value: fmt(metrics?.ari) },
      ]
    : [
        { key: 'silhouette', label: 'Silhouette', value: fmt(internal?.silhouette) },
        { key: 'sizeEntropy', label: 'Size entropy', value: fmt(internal?.sizeEntropy) },
      ];
  return (
    <dl className="card-scores">
      {cells.map((c) => (
        <div key={c.key}>
          <dt>{c.label}</dt>
          <dd data-testid={`card-${c.key}`}>{c.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function RunCard() {
  const id = useRunId();
  const index = useStore((s) => s.runOrder.indexOf(id));
  const count = useStore((s) => s.runOrder.length);
  const focused = useStore((s) => s.focusedRunId === id);
  const spec = useRun((r) => r.spec);
  const base = useStore((s) => {
    const from = s.runs[id]?.derivedFrom;
    return from ? (s.runs[from]?.spec ?? null) : null;
  });
  const status = useRun((r) => r.status);
  const progress = useRun((r) => r.progress);
  const shared = useRun((r) => sharedStartText(r.sharedStart));
  const method = findMethod(spec.method);
  const title = useRunTitles()[id] ?? spec.method;
  const changes = base ? specChanges(spec, base, method, findMethod(base.method)) : [];
  const active = isActive(status);
  const fraction = useRun((r) => runProgress(r)?.overall ?? 0);

  return (
    <article
      className={focused ? 'run-card focused' : 'run-card'}
      data-testid="run-card"
      data-run={id}
      data-status={status}
      data-samples={progress?.samplesSeen ?? 0}
      data-phase={progress?.phase ?? ''}
      data-method={spec.method}
      aria-label={`Run ${index + 1}: ${title}`}
      style={{ borderTopColor: RUN_COLORS[index % RUN_COLORS.length] }}
    >
      <header className="run-card-head">
        <button
          type="button"
          className="run-title"
          data-testid="run-focus"
          aria-pressed={focused}
          title={`${runTitle(spec, method)} — show this run's settings and details`}
          onClick={() => focusRun(id)}
        >
          <span className="run-swatch" style={{ background: RUN_COLORS[index % RUN_COLORS.length] }} aria-hidden="true" />
          {title}
        </button>
        <span className={`status-badge status-${status}`}>{STATUS_TEXT[status]}</span>
      </header>
      {method && (
        <p className="run-family small">
          Prior: <FamilyCardButton id={method.family} testId="run-family-card" />
        </p>
      )}
      {changes.length > 0 && (
        <p className="what-if small" data-testid="what-if">
          what if: {changes.join('; ')}
        </p>
      )}
      <div className="card-progress small muted">
        <progress value={fraction} max={1} aria-label={`${title}: ${Math.round(fraction * 100)}%`} />
        <span>{progress ? `${phaseText(progress)} · ${(progress.elapsedMs / 1000).toFixed(0)} s` : ''}</span>
      </div>
      <PhaseNote />
      {shared && <p className="shared-start small">{shared}</p>}
      <ScatterPanel compact />
      <Scores />
      <div className="run-card-actions">
        {active ? (
          <button type="button" data-testid="run-stop" onClick={() => stopOne(id)}>
            Stop
          </button>
        ) : (
          <button type="button" data-testid="run-train" onClick={() => startOne(id)}>
            {status === 'idle' ? 'Train' : 'Train again'}
          </button>
        )}
        <button type="button" data-testid="run-duplicate" onClick={() => duplicateRun(id)} disabled={count >= 4} title="A copy of this run to change one setting and compare (what if)">
          Duplicate
        </button>
        <button type="button" data-testid="run-remove" onClick={() => removeRun(id)} title="Remove this run from the comparison">
          Remove
        </button>
      </div>
    </article>
  );
}
