/** Phase with a progress bar, epoch/step, throughput, elapsed time, and the backend with its reason. */
import type { RunStatus } from '../../state/run';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../state/store';
import { useRunTitles } from '../compare/useRunTitles';
import { useRun, useRunId } from './RunContext';
import { isActive } from '../../state/run';
import { runProgress, timeLeftText } from './runProgress';
import { phaseText, sharedStartText } from './sharedStartText';
import { PhaseNote } from './PhaseNote';

export const STATUS_TEXT: Record<RunStatus, string> = {
  idle: 'Ready',
  starting: 'Starting (loading data and backend)…',
  running: 'Training',
  paused: 'Paused',
  finished: 'Finished',
  stopped: 'Stopped',
  error: 'Failed',
};

const fmtInt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function ProgressLine() {
  const status = useRun((r) => r.status);
  const progress = useRun((r) => r.progress);
  const backend = useRun((r) => r.backend);
  const done = useRun((r) => r.done);
  const shared = useRun((r) => sharedStartText(r.sharedStart));
  // In a comparison this line follows the focused run: say which one.
  const comparing = useStore((s) => s.runOrder.length > 1);
  const title = useRunTitles()[useRunId()];
  const phase = progress?.phase ?? (status === 'idle' ? 'idle' : 'starting');
  // A fresh object per call: compared field by field, or every store update would re-render forever.
  const where = useRun(useShallow((r: Parameters<typeof runProgress>[0]) => runProgress(r)));

  return (
    <div className="progress-line" data-testid="progress" data-phase={phase} data-status={status} data-samples={progress?.samplesSeen ?? 0} aria-live="polite">
      <div className="progress-main">
        {comparing && <span className="phase">{title}:</span>}
        <span className={`status-badge status-${status}`}>
          {STATUS_TEXT[status]}
          {done && ` in ${done.seconds.toFixed(1)} s`}
        </span>
        {progress && where && (
          <>
            <span className="phase">
              {phaseText(progress)}
              <span className="muted">
                {' '}
                · phase {progress.phaseIndex + 1}/{progress.phaseCount}
                {where.phase !== null && `, ${Math.round(where.phase * 100)}%`}
              </span>
            </span>
            {/* The whole run: every phase's training samples, a shared pretraining included. */}
            <progress value={where.overall} max={1} data-testid="overall-progress" aria-label={`Whole run: ${Math.round(where.overall * 100)}%`} />
            <span className="stats muted" data-testid="progress-stats">
              {/* A run without gradient steps (k-means on pixels) has no steps to count. */}
              {progress.overall.total > 0 && `${Math.round(where.overall * 100)}% of the run · step ${fmtInt.format(where.globalStep)} · `}
              {where.phase !== null && !progress.work && `epoch ${progress.epoch} · `}
              {/* Throughput only while steps run: a finished or non-gradient phase would read 0. */}
              {progress.samplesPerSec > 0 && `${fmtInt.format(progress.samplesPerSec)} samples/s · `}
              {(progress.elapsedMs / 1000).toFixed(1)} s
              {isActive(status) && where.secondsLeft !== null && <b data-testid="time-left"> · {timeLeftText(where.secondsLeft)}</b>}
            </span>
          </>
        )}
        {shared && (
          <span className="shared-start small" data-testid="shared-start">
            {shared}
          </span>
        )}
      </div>
      <PhaseNote />
      <div className="backend" data-testid="backend" title={backend?.reason}>
        {backend ? (
          <>
            Backend <b>{backend.name}</b> <span className="muted">— {backend.reason}</span>
          </>
        ) : (
          <span className="muted">Backend: chosen when training starts</span>
        )}
      </div>
    </div>
  );
}
